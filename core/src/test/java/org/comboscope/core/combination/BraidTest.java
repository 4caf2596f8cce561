package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BraidTest {

    static Braid.Parameters params(Fixtures.Row p) {
        return new Braid.Parameters(
                p.num("E0"),
                p.num("E1"),
                p.num("E2"),
                p.num("E3"),
                p.num("h1"),
                p.num("h2"),
                p.num("C1"),
                p.num("C2"),
                p.num("kappa"));
    }

    @Test
    void surface_packageParameters_reproducesPackageSurface() {
        Map<String, List<Fixtures.Row>> ref = CombinationIndexTest.byBlock(Fixtures.table("pointwise.csv"));
        double worst = 0;
        String where = "";
        for (Fixtures.Row p : Fixtures.table("braid.csv")) {
            if (!p.has("E0")) {
                continue;
            }
            Braid.Parameters b = params(p);
            for (Fixtures.Row r : ref.get(p.text("block_id"))) {
                double d = Math.max(
                        Math.abs(b.e(r.num("conc1"), r.num("conc2")) - r.num("braid_fit_E")),
                        Math.abs(b.reference().e(r.num("conc1"), r.num("conc2")) - r.num("braid_ref_E")));
                if (d > worst) {
                    worst = d;
                    where = p.text("block_id") + " row " + r.text("row");
                }
            }
        }
        assertThat(worst).as("worst absolute E difference at " + where).isLessThan(1e-12);
    }

    /**
     * We fit to the least-squares optimum (lowest SSR of LM from two starts and the package's TRF
     * route); the package mostly gets there too (optimum_check ssr_rel_improvement < 1e-8). There
     * parameters agree to 3e-4 (E absolute, others relative) and our SSR is never higher. B15: the
     * package stops 38 % above the optimum, we reach it. B18 (LM alone settled in a local optimum with
     * 1.94× the SSR) now matches through the TRF candidate. P01 (inactive drug): SSR only, ours lower.
     */
    @Test
    void fit_synergyPythonBlocks_matchesPackageOptimum() {
        Map<String, Double> improvement = new java.util.HashMap<>();
        for (Fixtures.Row r : Fixtures.table("optimum_check.csv")) {
            if (r.text("model").equals("braid")) {
                improvement.put(r.text("block_id"), r.num("ssr_rel_improvement"));
            }
        }
        double worst = 0;
        String where = "";
        int compared = 0;
        for (Fixtures.Row p : Fixtures.table("braid.csv")) {
            String id = p.text("block_id");
            if (!p.has("E0")) {
                continue;
            }
            TwoDrugData data = Fixtures.blocks().get(id);
            Braid.Parameters z = Braid.fitParameters(data);
            double ssr = 0;
            double[] e = data.e();
            for (int i = 0; i < e.length; i++) {
                double q = e[i] - z.e(data.d1()[i], data.d2()[i]);
                ssr += q * q;
            }
            double refSsr = p.num("ssr");
            assertThat(ssr).as(id + " SSR").isLessThanOrEqualTo(refSsr * (1 + 1e-9));
            if (id.equals("P01")) {
                continue;
            }
            double polished = refSsr * (1 - improvement.get(id));
            assertThat((ssr - polished) / polished)
                    .as(id + " SSR vs polished optimum")
                    .isLessThan(1e-9);
            if (improvement.get(id) >= 1e-8) {
                continue;
            }
            Braid.Parameters r = params(p);
            double w = HillFitterTest.max(
                    Math.abs(z.e0() - r.e0()),
                    Math.abs(z.e1() - r.e1()),
                    Math.abs(z.e2() - r.e2()),
                    Math.abs(z.e3() - r.e3()),
                    Fixtures.rel(z.h1(), r.h1()),
                    Fixtures.rel(z.h2(), r.h2()),
                    Fixtures.rel(z.c1(), r.c1()),
                    Fixtures.rel(z.c2(), r.c2()),
                    Fixtures.rel(z.kappa(), r.kappa()));
            compared++;
            if (w > worst) {
                worst = w;
                where = id;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(20);
        assertThat(worst).as("worst parameter difference at " + where).isLessThan(3e-4);
    }

    /**
     * The package route (TRF, 2-point jacobian, κ0 = 0) lands where the package did, including B15
     * (stopped 38 % above the optimum) and B18 (a different optimum than Levenberg–Marquardt finds).
     * Measured: SSR within 1e-9 relative, parameters within 4.2e-4 (B09 κ; most ≤ 1e-5; E absolute,
     * others relative). P01 (inactive drug B, C2 unidentified) is compared on SSR only: ours 1 % lower.
     */
    @Test
    void fitAsPackage_synergyPythonBlocks_matchesPackageParameters() {
        double worst = 0;
        String where = "";
        int compared = 0;
        for (Fixtures.Row p : Fixtures.table("braid.csv")) {
            String id = p.text("block_id");
            if (!p.has("E0")) {
                continue;
            }
            TwoDrugData data = Fixtures.blocks().get(id);
            Braid.Parameters z = Braid.fitParametersAsPackage(data);
            double ssr = 0;
            double[] e = data.e();
            for (int i = 0; i < e.length; i++) {
                double q = e[i] - z.e(data.d1()[i], data.d2()[i]);
                ssr += q * q;
            }
            if (id.equals("P01")) {
                assertThat(ssr).as(id + " SSR").isLessThan(p.num("ssr"));
                continue;
            }
            assertThat(Fixtures.rel(ssr, p.num("ssr"))).as(id + " SSR").isLessThan(1e-8);
            Braid.Parameters r = params(p);
            double w = HillFitterTest.max(
                    Math.abs(z.e0() - r.e0()),
                    Math.abs(z.e1() - r.e1()),
                    Math.abs(z.e2() - r.e2()),
                    Math.abs(z.e3() - r.e3()),
                    Fixtures.rel(z.h1(), r.h1()),
                    Fixtures.rel(z.h2(), r.h2()),
                    Fixtures.rel(z.c1(), r.c1()),
                    Fixtures.rel(z.c2(), r.c2()),
                    Fixtures.rel(z.kappa(), r.kappa()));
            compared++;
            if (w > worst) {
                worst = w;
                where = id;
            }
        }
        assertThat(compared).isEqualTo(23);
        assertThat(worst).as("worst parameter difference at " + where).isLessThan(5e-4);
    }

    @Test
    void fit_withBootstrap_labelsConvention() {
        ParametricFit f = Braid.fit(Fixtures.blocks().get("B01"), 5, 1L, "B01");
        assertThat(f.convention()).contains("kappa > 0 synergy");
        assertThat(f.parameter("kappa").value())
                .isCloseTo(0.10840684781394976, org.assertj.core.data.Offset.offset(1e-4));
    }
}
