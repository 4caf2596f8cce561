package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden: SynergyLMM 1.1.2 {@code lmmSynergy(robust = TRUE, type = "CR2")} (clubSandwich CR2) on
 * three studies. Tolerances as the model-based path: rate SEs 2e-5 relative, SS and bounds 1e-5
 * absolute, CI 1e-5 relative, p 1e-5 absolute + 1e-4 relative.
 */
class Cr2VarianceGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void cr2_realStudy_matchesClubSandwich(String study) {
        String dir = "/invivo/" + study;
        PreparedData p = PreparedData.of(RefTable.study(dir), RefTable.arms(dir));
        TimeResolvedSynergy.Result res = TimeResolvedSynergy.defaults()
                .withReferences(EnumSet.of(SynergyReference.BLISS, SynergyReference.HSA))
                .compute(p);
        RefTable byTime = RefTable.load(dir + "/exp_synergy_Bliss_robustCR2_estimates_by_time.csv");
        assertThat(byTime.rows).hasSize(res.fits().size());
        Worst se = new Worst(study + " CR2 rate SEs", 0, 2e-5);
        for (int k = 0; k < res.fits().size(); k++) {
            TimeResolvedSynergy.TimeFit tf = res.fits().get(k);
            Map<String, String> r = byTime.rows.get(k);
            assertThat(tf.time()).isEqualTo(RefTable.num(r.get("Time")));
            List<RelativeVolume> rows =
                    p.fitted().stream().filter(x -> x.time() <= tf.time()).toList();
            double[] s = Cr2Variance.standardErrors(rows, tf.fit());
            for (int g = 0; g < 4; g++) {
                String col = byTime.header.get(2 * g + 1);
                se.check(s[g], RefTable.num(r.get(col)), col + "@" + tf.time());
            }
        }
        se.assertWithin();

        List<SynergyEstimate> got =
                Cr2Variance.synergy(p, res, EnumSet.of(SynergyReference.BLISS, SynergyReference.HSA), 0.95);
        Worst ss = new Worst(study + " CR2 SS and bounds", 1e-5, 0);
        Worst ci = new Worst(study + " CR2 CI and bounds", 0, 1e-5);
        Worst pv = new Worst(study + " CR2 p-values", 1e-5, 1e-4);
        int n = 0;
        for (String m : List.of("Bliss", "HSA")) {
            List<Map<String, String>> ref = RefTable.load(dir + "/exp_synergy_" + m + "_robustCR2.csv").rows;
            List<SynergyEstimate> mine =
                    got.stream().filter(e -> e.reference().label().equals(m)).toList();
            assertThat(mine).hasSize(ref.size());
            for (int i = 0; i < ref.size(); i++) {
                Map<String, String> r = ref.get(i);
                SynergyEstimate e = mine.get(i);
                assertThat(e.metric()).isEqualTo(r.get("Metric"));
                assertThat(e.time()).isEqualTo(RefTable.num(r.get("Time")));
                Worst w = e.metric().equals("SS") ? ss : ci;
                String cell = m + " " + e.metric() + "@" + e.time();
                w.check(e.estimate(), RefTable.num(r.get("Estimate")), cell);
                w.check(e.lower(), RefTable.num(r.get("lwr")), cell + " lwr");
                w.check(e.upper(), RefTable.num(r.get("upr")), cell + " upr");
                pv.check(e.pValue(), RefTable.num(r.get("pval")), cell);
                n++;
            }
        }
        assertThat(n).isPositive();
        ss.assertWithin();
        ci.assertWithin();
        pv.assertWithin();
    }
}
