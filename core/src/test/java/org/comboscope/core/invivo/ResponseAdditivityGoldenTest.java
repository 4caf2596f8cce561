package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RA synergy is a simulation that depends on R's RNG, so it is compared with SynergyLMM's nsim = 20000
 * run within Monte-Carlo error, using 20000 draws here too.
 *
 * <p>Tolerances, about 5 Monte-Carlo SDs of the difference of two 20000-draw runs under normality
 * (median: 1.2533/sqrt(n) SD units per run; 2.5%/97.5% quantile: sqrt(0.025 * 0.975 / n) /
 * phi(1.96) per run; p = 2 min(F, 1 - F): 2 sqrt(F(1 - F)/n) per run): SS 0.05 absolute, SS bounds
 * 0.15 absolute, p-values 0.04 absolute. The CI is a quantile (2.5%, 50%, 97.5%) of {@code
 * lhs/rhs}, whose distribution has a point mass at the cap 100 and a very heavy tail where rhs nears
 * 0; there a quantile's value is not Monte-Carlo stable (other seeds move CR1197's t = 45 lower bound
 * between 1.4 and 36, around the reference 28.7), so CI quantiles are compared on the probability
 * scale: the reference value must sit at the nominal level of our simulated distribution, {@code
 * F(ref-) <= level + tol} and {@code F(ref) >= level - tol}, with tol = 5 sqrt(2 level (1 - level) /
 * n) + 1/n.
 */
class ResponseAdditivityGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void responseAdditivity_realStudy_matchesSynergyLmmWithinMonteCarloError(String study) {
        String dir = "/invivo/" + study;
        PreparedData p = PreparedData.of(RefTable.study(dir), RefTable.arms(dir));
        TimeResolvedSynergy sim = TimeResolvedSynergy.defaults()
                .withReferences(EnumSet.of(SynergyReference.RA))
                .withSimulations(20000, 123);
        TimeResolvedSynergy.Result res = sim.compute(p);
        List<SynergyEstimate> got = res.estimates();
        RefTable ref = RefTable.load(dir + "/exp_synergy_RA_nsim20000.csv");
        assertThat(got).hasSize(ref.rows.size());
        Worst ss = new Worst(study + " RA SS", 0.05, 0);
        Worst ssBounds = new Worst(study + " RA SS bounds", 0.15, 0);
        Worst pv = new Worst(study + " RA p-values", 0.04, 0);
        double worstLevel = 0;
        String worstCell = "";
        for (int i = 0; i < got.size(); i++) {
            SynergyEstimate e = got.get(i);
            Map<String, String> r = ref.rows.get(i);
            String k = r.get("Metric") + " t=" + r.get("Time");
            assertThat(e.metric()).isEqualTo(r.get("Metric"));
            assertThat(e.time()).isEqualTo(RefTable.num(r.get("Time")));
            pv.check(e.pValue(), RefTable.num(r.get("pval")), k + " pval");
            if (e.metric().equals(SynergyEstimate.SS)) {
                ss.check(e.estimate(), RefTable.num(r.get("Estimate")), k + " estimate");
                ssBounds.check(e.lower(), RefTable.num(r.get("lwr")), k + " lwr");
                ssBounds.check(e.upper(), RefTable.num(r.get("upr")), k + " upr");
            } else {
                double[] ratio = sim.responseAdditivityDraws(res.fits().stream()
                        .filter(f -> f.time() == e.time())
                        .findFirst()
                        .orElseThrow())[1];
                String[] cols = {"lwr", "Estimate", "upr"};
                double[] levels = {0.025, 0.5, 0.975};
                for (int j = 0; j < 3; j++) {
                    double refValue = RefTable.num(r.get(cols[j]));
                    double below = 0;
                    double atOrBelow = 0;
                    for (double x : ratio) {
                        below += x < refValue ? 1 : 0;
                        atOrBelow += x <= refValue ? 1 : 0;
                    }
                    below /= ratio.length;
                    atOrBelow /= ratio.length;
                    double tol = 5 * Math.sqrt(2 * levels[j] * (1 - levels[j]) / ratio.length) + 1.0 / ratio.length;
                    double miss = Math.max(below - levels[j], levels[j] - atOrBelow);
                    if (miss > worstLevel) {
                        worstLevel = miss;
                        worstCell = k + " " + cols[j];
                    }
                    assertThat(miss)
                            .as(
                                    "%s %s: reference %s sits at F in [%s, %s], level %s",
                                    k, cols[j], refValue, below, atOrBelow, levels[j])
                            .isLessThanOrEqualTo(tol);
                }
            }
        }
        System.out.printf("%s RA CI quantiles: worst level miss %.4f at %s%n", study, worstLevel, worstCell);
        ss.assertWithin();
        ssBounds.assertWithin();
        pv.assertWithin();
    }
}
