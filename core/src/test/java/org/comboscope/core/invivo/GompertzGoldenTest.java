package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gompertz model against nlme::nlme (ML) as run by SynergyLMM 1.1.2, for the two studies where it
 * fitted. nlme stops its alternating iteration at a relative parameter change of 1e-5
 * (nlmeControl tolerance) or earlier (see {@link GompertzGrowthModel}); ours is iterated to 1e-7.
 *
 * <p>CR1197, tolerances: fixed effects 5e-4 relative (first set at 1e-4; r0 of the combination arm
 * differs by 1.5e-4, which is nlme's stopping distance: a last step below 1e-5 relative does not
 * bound the remaining distance of a linearly converging iteration), SEs and random-effect SDs 1e-3
 * relative,
 * sigma 1e-4 relative, logLik/AIC/BIC 1e-3 absolute (the linearised log-likelihood moves at first
 * order with the linearisation point). 4T1: nlme stopped short of the fixed point; the test pins
 * down the known difference instead (ours has the higher log-likelihood; rates within 1%).
 */
class GompertzGoldenTest {

    @org.junit.jupiter.api.Test
    void fit_4T1_higherLikelihoodThanNlmeAndRatesWithinOnePercent() {
        String dir = "/invivo/4T1";
        GompertzFit f = GompertzGrowthModel.fit(
                PreparedData.of(RefTable.study(dir), RefTable.arms(dir)).fitted());
        Map<String, String> r =
                RefTable.load(dir + "/gompertz_estimates.csv").rows.get(0);
        List<String> h = RefTable.load(dir + "/gompertz_estimates.csv").header;
        double ll = RefTable.num(
                RefTable.load(dir + "/gompertz_model_info.csv").rows.get(0).get("logLik"));
        System.out.printf("4T1 Gompertz logLik ours %.6f, nlme %.6f%n", f.logLik(), ll);
        assertThat(f.logLik()).isGreaterThan(ll);
        Worst fe = new Worst("4T1 Gompertz r0/rho (nlme stopped early)", 0, 0.01);
        for (int g = 0; g < 4; g++) {
            fe.check(f.r0()[g], RefTable.num(r.get(h.get(2 * g))), h.get(2 * g));
            fe.check(f.rho()[g], RefTable.num(r.get(h.get(8 + 2 * g))), h.get(8 + 2 * g));
        }
        fe.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197"})
    void fit_realStudy_matchesNlme(String study) {
        String dir = "/invivo/" + study;
        PreparedData p = PreparedData.of(RefTable.study(dir), RefTable.arms(dir));
        GompertzFit f = GompertzGrowthModel.fit(p.fitted());
        RefTable est = RefTable.load(dir + "/gompertz_estimates.csv");
        Map<String, String> r = est.rows.get(0);
        List<String> h = est.header;
        Worst fe = new Worst(study + " Gompertz r0/rho", 1e-8, 5e-4);
        Worst se = new Worst(study + " Gompertz SEs, ranef SDs", 0, 1e-3);
        Worst sg = new Worst(study + " Gompertz sigma", 0, 1e-4);
        for (int g = 0; g < 4; g++) {
            fe.check(f.r0()[g], RefTable.num(r.get(h.get(2 * g))), h.get(2 * g));
            se.check(f.r0StandardError(g), RefTable.num(r.get(h.get(2 * g + 1))), h.get(2 * g + 1));
            fe.check(f.rho()[g], RefTable.num(r.get(h.get(8 + 2 * g))), h.get(8 + 2 * g));
            se.check(f.rhoStandardError(g), RefTable.num(r.get(h.get(9 + 2 * g))), h.get(9 + 2 * g));
        }
        se.check(f.relativeR0Sd(), RefTable.num(r.get("sd_r0_ranef")), "sd_r0_ranef");
        se.check(f.relativeRhoSd(), RefTable.num(r.get("sd_rho_ranef")), "sd_rho_ranef");
        sg.check(f.sigma(), RefTable.num(r.get("sd_resid")), "sd_resid");
        Map<String, String> info =
                RefTable.load(dir + "/gompertz_model_info.csv").rows.get(0);
        Worst ll = new Worst(study + " Gompertz logLik/AIC/BIC", 1e-3, 0);
        ll.check(f.logLik(), RefTable.num(info.get("logLik")), "logLik");
        ll.check(f.aic(), RefTable.num(info.get("AIC")), "AIC");
        ll.check(f.bic(), RefTable.num(info.get("BIC")), "BIC");
        assertThat(f.observations()).isEqualTo(Integer.parseInt(info.get("n_obs")));
        System.out.println(study + " Gompertz outer iterations: " + f.iterations());
        RefTable vc = RefTable.load(dir + "/gompertz_vcov.csv");
        Worst cov = new Worst(study + " Gompertz vcov (r0/rho blocks)", 1e-12, 1e-3);
        double[][] c = f.covariance();
        for (int g = 0; g < 4; g++) {
            Map<String, String> rowR0 = vc.rows.get(g);
            Map<String, String> rowRho = vc.rows.get(4 + g);
            cov.check(c[g][0], RefTable.num(rowR0.get(vc.header.get(1 + g))), "var r0 " + g);
            cov.check(c[g][1], RefTable.num(rowR0.get(vc.header.get(5 + g))), "cov r0,rho " + g);
            cov.check(c[g][2], RefTable.num(rowRho.get(vc.header.get(5 + g))), "var rho " + g);
        }
        fe.assertWithin();
        se.assertWithin();
        sg.assertWithin();
        ll.assertWithin();
        cov.assertWithin();
    }
}
