package org.comboscope.core.combination;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageZipTest {
    /**
     * Slice fits differ where the package's bounded trust-region fit and our Levenberg–Marquardt part
     * ways (Emax bound active or flat slices, and the package's keep-the-previous-cell quirk after a
     * NaN fit): B06, B14, B15, B19, B20, P01, P02 are compared on the reference only.
     */
    static final List<String> SLICE_MISMATCH = List.of("B06", "B14", "B15", "B19", "B20", "P01", "P02");

    @Test
    void compute_synergyPythonBlocks_matchesPackageZip() {
        Map<String, List<Fixtures.Row>> ref = CombinationIndexTest.byBlock(Fixtures.table("pointwise.csv"));
        Map<String, List<Fixtures.Row>> sl = CombinationIndexTest.byBlock(Fixtures.table("zip_slices.csv"));
        int compared = 0;
        for (var e : Fixtures.blocks().entrySet()) {
            if (e.getKey().equals("P05")) {
                continue;
            }
            TwoDrugData d = e.getValue();
            double[] en = d.e();
            int[] s1 = d.slice(1);
            int[] s2 = d.slice(2);
            HillCurve h1 = HillFitter.fit4(d.doses(1, s1), MuSyC.pick(en, s1));
            HillCurve h2 = HillFitter.fit4(d.doses(2, s2), MuSyC.pick(en, s2));
            PackageZip.Cell[] cells = PackageZip.compute(d, h1, h2);
            double wd = 0;
            double wr = 0;
            double ws = 0;
            for (int i = 0; i < cells.length; i++) {
                Fixtures.Row r = ref.get(e.getKey()).get(i);
                wd = Math.max(wd, Math.abs(cells[i].delta() - r.num("zip_delta")));
                wr = Math.max(wr, Math.abs(cells[i].refE() - r.num("zip_ref_E")));
                Fixtures.Row s = sl.get(e.getKey()).get(i);
                ws = Math.max(ws, Math.abs(cells[i].s21().emax() - s.num("Emax_21")));
            }
            org.assertj.core.api.Assertions.assertThat(wr)
                    .as(e.getKey() + " zip_ref_E")
                    .isLessThan(1e-12);
            if (!SLICE_MISMATCH.contains(e.getKey())) {
                org.assertj.core.api.Assertions.assertThat(wd)
                        .as(e.getKey() + " zip_delta")
                        .isLessThan(2e-6);
                org.assertj.core.api.Assertions.assertThat(ws)
                        .as(e.getKey() + " Emax_21")
                        .isLessThan(2e-6);
                compared++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(compared).isEqualTo(17);
    }
}
