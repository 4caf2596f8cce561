package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HillFitterTest {

    @Test
    void fit4_synergyPythonSlices_matchesPackage() {
        double worst = 0;
        String where = "";
        int compared = 0;
        StringBuilder all = new StringBuilder();
        for (Fixtures.Row r : Fixtures.table("single_drug_hill.csv")) {
            String id = r.text("block_id");
            if (!r.text("status").equals("ok") || !r.has("E0")) {
                continue;
            }
            int drug = (int) r.num("drug");
            TwoDrugData data = Fixtures.blocks().get(id);
            int[] rows = data.slice(drug);
            double[] e = new TwoDrugData(data.doses(drug, rows), data.doses(drug, rows), data.fa(rows)).e();
            HillCurve h = HillFitter.fit4(data.doses(drug, rows), e);
            if (id.equals("P01") && drug == 2) {
                // Ill-determined: drug B has no effect (E2 = E0), the fit runs to h = 38 along a flat valley.
                assertThat(Fixtures.rel(h.h(), r.num("h"))).isLessThan(1e-3);
                continue;
            }
            // E values are O(1) on the E scale: absolute difference (Emax is ~1e-16 in B15); h, C relative.
            double d = max(
                    Math.abs(h.e0() - r.num("E0")),
                    Math.abs(h.emax() - r.num("Emax")),
                    Fixtures.rel(h.h(), r.num("h")),
                    Fixtures.rel(h.c(), r.num("C")));
            all.append(id).append(':').append(drug).append('=').append(d).append(' ');
            compared++;
            if (d > worst) {
                worst = d;
                where = id + " drug " + drug;
            }
        }
        assertThat(compared).isGreaterThan(40);
        assertThat(worst)
                .as("worst relative difference at " + where + "; " + all)
                .isLessThan(1e-8);
    }

    @Test
    void fit2_synergyPythonSlices_matchesZimmerInitialGuesses() {
        double worst = 0;
        String where = "";
        StringBuilder all = new StringBuilder();
        for (Fixtures.Row r : Fixtures.table("zimmer.csv")) {
            String id = r.text("block_id");
            if (!r.has("drug1_h_init")) {
                continue;
            }
            TwoDrugData data = Fixtures.blocks().get(id);
            for (int drug = 1; drug <= 2; drug++) {
                int[] rows = data.slice(drug);
                double[] e = new TwoDrugData(data.doses(drug, rows), data.doses(drug, rows), data.fa(rows)).e();
                HillCurve h = HillFitter.fit2(data.doses(drug, rows), e);
                double d = max(
                        Fixtures.rel(h.h(), r.num("drug" + drug + "_h_init")),
                        Fixtures.rel(h.c(), r.num("drug" + drug + "_C_init")));
                all.append(id).append(':').append(drug).append('=').append(d).append(' ');
                if (d > worst) {
                    worst = d;
                    where = id + " drug " + drug;
                }
            }
        }
        assertThat(worst)
                .as("worst relative difference at " + where + "; " + all)
                .isLessThan(1e-6);
    }

    static double max(double... v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
