package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZimmerTest {

    static Zimmer.Parameters params(Fixtures.Row p) {
        return new Zimmer.Parameters(p.num("h1"), p.num("h2"), p.num("C1"), p.num("C2"), p.num("a12"), p.num("a21"));
    }

    @Test
    void surface_packageParameters_reproducesPackageSurface() {
        Map<String, List<Fixtures.Row>> ref = CombinationIndexTest.byBlock(Fixtures.table("pointwise.csv"));
        double worst = 0;
        String where = "";
        for (Fixtures.Row p : Fixtures.table("zimmer.csv")) {
            if (!p.has("h1")) {
                continue;
            }
            Zimmer.Parameters z = params(p);
            for (Fixtures.Row r : ref.get(p.text("block_id"))) {
                double d = Math.max(
                        Math.abs(z.e(r.num("conc1"), r.num("conc2")) - r.num("zimmer_fit_E")),
                        Math.abs(z.reference().e(r.num("conc1"), r.num("conc2")) - r.num("zimmer_ref_E")));
                if (d > worst) {
                    worst = d;
                    where = p.text("block_id") + " row " + r.text("row");
                }
            }
        }
        assertThat(worst).as("worst absolute E difference at " + where).isLessThan(1e-9);
    }

    /**
     * The package's Zimmer fit (LM, forward differences, scipy tolerances) stops short of the optimum:
     * polishing moves parameters by up to 2e-3 (optimum_check.csv). We follow the same algorithm, but
     * not bit-for-bit the same path, so: where the package is at its optimum (ssr_rel_improvement <
     * 1e-8) parameters agree to 3e-3 (h, C relative; a12, a21 absolute) and SSR to 1e-4 relative;
     * elsewhere (B15, B17: sloppy optima, 18 % and 15 % SSR left; P01, P02 pathological) SSR only,
     * never worse than the package's by more than 1e-4 relative.
     */
    @Test
    void fit_synergyPythonBlocks_matchesPackageWithinItsOptimisationError() {
        Map<String, Double> improvement = new java.util.HashMap<>();
        for (Fixtures.Row r : Fixtures.table("optimum_check.csv")) {
            if (r.text("model").equals("zimmer")) {
                improvement.put(r.text("block_id"), r.num("ssr_rel_improvement"));
            }
        }
        double worst = 0;
        String where = "";
        int compared = 0;
        for (Fixtures.Row p : Fixtures.table("zimmer.csv")) {
            String id = p.text("block_id");
            if (!p.has("h1")) {
                continue;
            }
            TwoDrugData data = Fixtures.blocks().get(id);
            Zimmer.Parameters z = Zimmer.fitParameters(data);
            double ssr = 0;
            double[] e = data.e();
            for (int i = 0; i < e.length; i++) {
                double q = e[i] - z.e(data.d1()[i], data.d2()[i]);
                ssr += q * q;
            }
            assertThat((ssr - p.num("ssr")) / p.num("ssr")).as(id + " SSR").isLessThan(1e-4);
            if (improvement.get(id) >= 1e-8) {
                continue;
            }
            Zimmer.Parameters r = params(p);
            double w = HillFitterTest.max(
                    Fixtures.rel(z.h1(), r.h1()),
                    Fixtures.rel(z.h2(), r.h2()),
                    Fixtures.rel(z.c1(), r.c1()),
                    Fixtures.rel(z.c2(), r.c2()),
                    Math.abs(z.a12() - r.a12()),
                    Math.abs(z.a21() - r.a21()));
            compared++;
            if (w > worst) {
                worst = w;
                where = id;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(20);
        assertThat(worst).as("worst parameter difference at " + where).isLessThan(3e-3);
    }

    @Test
    void fit_withBootstrap_labelsConventionAndGivesIntervals() {
        ParametricFit f = Zimmer.fit(Fixtures.blocks().get("B04"), 10, 3L, "B04");
        assertThat(f.convention()).contains("< 0 synergy");
        assertThat(f.parameter("a12").ci()).isPresent();
        assertThat(f.fitted()).hasSize(192);
    }
}
