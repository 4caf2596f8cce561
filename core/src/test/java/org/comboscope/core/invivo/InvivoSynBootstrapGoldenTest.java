package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * invivoSyn's bootstrap summaries (1000 replicates there and here, different RNGs), within
 * Monte-Carlo error; about 5 SDs of the difference of two runs: bootstrap SE 16% relative
 * (1/sqrt(2R) per run); bias 0.25 SE; p-values 5 sqrt(2 p (1 - p) / R) + 2/R with p the larger of
 * the two. Percentile bounds are compared on the probability scale (the reference bound must sit
 * at level 2.5% / 97.5% of our replicates within 5 sqrt(2 level (1 - level) / R) + 1/R), because
 * some statistics are heavy-tailed: the RA AUC CI divides by (1 - s_A) + (1 - s_B), which can cross
 * 0, so its bootstrap SD is dominated by a few replicates and is not compared (LS1034: 0.67 here,
 * 3.85 in invivoSyn).
 */
class InvivoSynBootstrapGoldenTest {
    private static final Map<String, SynergyReference> REF =
            Map.of("Bliss", SynergyReference.BLISS, "HSA", SynergyReference.HSA, "RA", SynergyReference.RA);
    private static final int R = 1000;

    private static double pTol(double a, double b) {
        double p = Math.max(Math.min(a, 1 - a), Math.min(b, 1 - b));
        return 5 * Math.sqrt(2 * p * (1 - p) / R) + 2.0 / R;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void bootstrap_realStudy_matchesInvivoSynWithinMonteCarloError(String study) {
        String dir = "/invivo/" + study;
        TumourStudy s = RefTable.study(dir);
        Arms arms = RefTable.arms(dir);
        InvivoSynBootstrap boot = InvivoSynBootstrap.of(2024);
        double[] worstLevel = {0};
        Worst se = new Worst(study + " bootstrap SE", 0, 0.16);
        Worst bias = new Worst(study + " bootstrap bias / SE units", 0.25, 0);
        double worstP = 0;
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_TGI_synergy.csv").rows) {
            InvivoSynStatistics.TgiVariable v = r.get("tv_var").equals("RTV")
                    ? InvivoSynStatistics.TgiVariable.RTV
                    : InvivoSynStatistics.TgiVariable.DELTA_TV;
            InvivoSynBootstrap.TgiSynergyInterval t =
                    boot.tgiSynergy(s, arms, RefTable.num(r.get("sel_day")), v, REF.get(r.get("method")));
            double sd = t.score().standardError();
            String k = "TGI " + r.get("tv_var") + " " + r.get("method");
            level(t.score(), RefTable.num(r.get("ss_lb")), 0.025, k + " ss_lb", worstLevel);
            level(t.score(), RefTable.num(r.get("ss_ub")), 0.975, k + " ss_ub", worstLevel);
            double p = RefTable.num(r.get("p_synergy"));
            worstP = Math.max(worstP, Math.abs(t.pSynergy() - p));
            assertThat(Math.abs(t.pSynergy() - p)).as(k + " p_synergy").isLessThanOrEqualTo(pTol(t.pSynergy(), p));
        }
        List<InvivoSynStatistics.MouseGrowthRate> rates = InvivoSynStatistics.mouseGrowthRates(s, arms);
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_AUC_synergy.csv").rows) {
            InvivoSynBootstrap.AucSynergyInterval a =
                    boot.aucSynergy(rates, REF.get(r.get("method")), RefTable.num(r.get("t")));
            InvivoSynBootstrap.Summary sum = r.get("Metric").equals("CI") ? a.ci() : a.score();
            String k = "AUC " + r.get("method") + " t=" + r.get("t") + " " + r.get("Metric");
            if (!(r.get("method").equals("RA") && r.get("Metric").equals("CI"))) {
                se.check(sum.standardError(), RefTable.num(r.get("std.err")), k + " std.err");
            }
            level(sum, RefTable.num(r.get("lb")), 0.025, k + " lb", worstLevel);
            level(sum, RefTable.num(r.get("ub")), 0.975, k + " ub", worstLevel);
            double mine = r.get("Metric").equals("CI")
                    ? a.ci().fraction(x -> x >= 1)
                    : a.score().fraction(x -> x <= 0);
            double p = RefTable.num(r.get("p.val.Synergy"));
            worstP = Math.max(worstP, Math.abs(mine - p));
            assertThat(Math.abs(mine - p)).as(k + " p.val.Synergy").isLessThanOrEqualTo(pTol(mine, p));
        }
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_global_CI_synergy.csv").rows) {
            InvivoSynBootstrap.Summary g = boot.globalCi(s, arms, REF.get(r.get("method")));
            String k = "global CI " + r.get("method");
            double sd = g.standardError();
            se.check(sd, RefTable.num(r.get("std.err")), k + " std.err");
            bias.check(g.bias() / sd, RefTable.num(r.get("Bias")) / sd, k + " bias");
            level(g, RefTable.num(r.get("lb")), 0.025, k + " lb", worstLevel);
            level(g, RefTable.num(r.get("ub")), 0.975, k + " ub", worstLevel);
            double mine = g.fraction(x -> x <= 0);
            double p = RefTable.num(r.get("p.val"));
            worstP = Math.max(worstP, Math.abs(mine - p));
            assertThat(Math.abs(mine - p)).as(k + " p.val").isLessThanOrEqualTo(pTol(mine, p));
        }
        System.out.printf(
                "%s bootstrap p-values: worst abs difference %.4f; bounds: worst level miss %.4f%n",
                study, worstP, worstLevel[0]);
        se.assertWithin();
        bias.assertWithin();
    }

    private static void level(InvivoSynBootstrap.Summary s, double ref, double level, String cell, double[] worst) {
        double below = s.fraction(x -> x < ref);
        double atOrBelow = s.fraction(x -> x <= ref);
        double miss = Math.max(below - level, level - atOrBelow);
        worst[0] = Math.max(worst[0], miss);
        double tol = 5 * Math.sqrt(2 * level * (1 - level) / R) + 1.0 / R;
        assertThat(miss)
                .as("%s: reference %s sits at F in [%s, %s], level %s", cell, ref, below, atOrBelow, level)
                .isLessThanOrEqualTo(tol);
    }
}
