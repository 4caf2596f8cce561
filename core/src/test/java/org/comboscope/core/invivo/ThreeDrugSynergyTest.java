package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

class ThreeDrugSynergyTest {
    static final ThreeDrugArms FULL = new ThreeDrugArms(List.of("V", "A", "B", "C", "A+B", "A+C", "B+C", "A+B+C"));
    static final ThreeDrugArms FIVE = new ThreeDrugArms(List.of("V", "A", "B", "C", "", "", "", "A+B+C"));

    /**
     * Six animals per arm on one time grid (days 0, 3, ..., 21), log RTV = rate t + N(0, 0.05²).
     * Rates: V .12, A .09, B .08, C .10; pairs Bliss-additive (AB .05, AC .07, BC .06); ABC
     * {@code abc} (Bliss expectation .03).
     */
    static TumourStudy study(long seed, double abc, boolean pairs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NormalDistribution z = new NormalDistribution(0, 1);
        double[] rates = {0.12, 0.09, 0.08, 0.10, 0.05, 0.07, 0.06, abc};
        ThreeDrugArms arms = pairs ? FULL : FIVE;
        List<TumourObservation> obs = new ArrayList<>();
        for (int g : arms.present()) {
            for (int a = 0; a < 6; a++) {
                String id = arms.groups().get(g) + "_" + a;
                for (int t = 0; t <= 21; t += 3) {
                    double y = rates[g] * t + (t == 0 ? 0 : 0.05 * z.inverseCumulativeProbability(rnd.nextDouble()));
                    obs.add(new TumourObservation(id, arms.groups().get(g), 10 + t, 150 * Math.exp(y)));
                }
            }
        }
        return new TumourStudy("sim", Measurement.VOLUME_MM3, obs);
    }

    private static ThreeDrugSynergy.Estimate row(
            ThreeDrugSynergy.Result r, String combo, SynergyReference ref, String metric, double time) {
        return r.estimates().stream()
                .filter(e -> e.combination().equals(combo)
                        && e.estimate().reference() == ref
                        && e.estimate().metric().equals(metric)
                        && e.estimate().time() == time)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void compute_fullDesign_ratesArePooledSlopesAndBlissIsTheDocumentedContrast() {
        TumourStudy s = study(3, 0.03, true);
        ThreeDrugSynergy.Result r = ThreeDrugSynergy.compute(s, FULL, 0);
        assertThat(r.timeStart()).isEqualTo(10);
        assertThat(r.skipped()).isEmpty();
        double[] b = r.fullFit().rates();
        assertThat(b).hasSize(8);
        // one shared time grid: each GLS rate is the pooled least-squares slope sum(t y) / sum(t^2)
        for (int g = 0; g < 8; g++) {
            double num = 0;
            double den = 0;
            for (ThreeDrugSynergy.Row x : r.rows()) {
                if (x.arm() == g) {
                    num += x.time() * x.logRtv();
                    den += x.time() * x.time();
                }
            }
            assertThat(b[g]).as(ThreeDrugArms.ROLES.get(g)).isCloseTo(num / den, within(1e-12));
        }
        double[] se = r.fullFit().standardErrors();
        double est = b[7] - b[1] - b[2] - b[3] + 2 * b[0];
        double sd = Math.sqrt(se[7] * se[7] + se[1] * se[1] + se[2] * se[2] + se[3] * se[3] + 4 * se[0] * se[0]);
        ThreeDrugSynergy.Estimate ss = row(r, "ABC", SynergyReference.BLISS, "SS", 21);
        ThreeDrugSynergy.Estimate ci = row(r, "ABC", SynergyReference.BLISS, "CI", 21);
        assertThat(ss.estimate().estimate()).isCloseTo(-est / sd, within(1e-9));
        assertThat(ss.estimate().lower()).isCloseTo(-est / sd - 1.959963984540054, within(1e-9));
        assertThat(ci.estimate().estimate()).isCloseTo(Math.exp(est * 21), within(1e-12));
        assertThat(ci.estimate().pValue())
                .isCloseTo(2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(est / sd)), within(1e-12));
        // three-way interaction
        double three = b[7] - b[4] - b[5] - b[6] + b[1] + b[2] + b[3] - b[0];
        assertThat(row(r, "ABC|pairs", SynergyReference.BLISS, "CI", 21)
                        .estimate()
                        .estimate())
                .isCloseTo(Math.exp(three * 21), within(1e-12));
        // HSA comparators: lowest monotherapy rate is B (.08); pairs: AB -> B, AC -> A, BC -> B
        assertThat(row(r, "ABC", SynergyReference.HSA, "SS", 21).comparator()).isEqualTo("B");
        assertThat(row(r, "AC", SynergyReference.HSA, "SS", 21).comparator()).isEqualTo("A");
        assertThat(row(r, "BC", SynergyReference.HSA, "SS", 21).comparator()).isEqualTo("B");
        // per time: 7 times x (ABC Bliss+HSA, 3 pairs x 2, ABC|pairs) x (SS, CI)
        assertThat(r.estimates()).hasSize(7 * 9 * 2);
        // additive truth: no strong signal
        assertThat(ss.estimate().pValue()).isGreaterThan(0.01);
    }

    @Test
    void compute_plantedTripleSynergy_detectedPairsNot() {
        ThreeDrugSynergy.Result r = ThreeDrugSynergy.compute(study(9, -0.03, true), FULL, 0);
        ThreeDrugSynergy.Estimate ss = row(r, "ABC", SynergyReference.BLISS, "SS", 21);
        assertThat(ss.estimate().estimate()).isGreaterThan(3);
        assertThat(ss.estimate().pValue()).isLessThan(0.001);
        assertThat(row(r, "ABC", SynergyReference.BLISS, "CI", 21).estimate().upper())
                .isLessThan(1);
        for (String pair : List.of("AB", "AC", "BC")) {
            assertThat(row(r, pair, SynergyReference.BLISS, "SS", 21).estimate().pValue())
                    .as(pair)
                    .isGreaterThan(0.01);
        }
    }

    @Test
    void compute_synergyLmmFiveArmDesign_fitsFiveRatesAndOnlyTripleContrasts() {
        ThreeDrugSynergy.Result r = ThreeDrugSynergy.compute(study(5, -0.03, false), FIVE, 3);
        assertThat(r.fullFit().rates()).hasSize(5);
        assertThat(r.estimates()).allMatch(e -> e.combination().equals("ABC"));
        assertThat(r.estimates()).hasSize(7 * 2 * 2);
        double[] b = r.fullFit().rates();
        double[] se = r.fullFit().standardErrors();
        double est = b[4] - b[1] - b[2] - b[3] + 2 * b[0];
        double sd = Math.sqrt(se[4] * se[4] + se[1] * se[1] + se[2] * se[2] + se[3] * se[3] + 4 * se[0] * se[0]);
        assertThat(row(r, "ABC", SynergyReference.BLISS, "SS", 21).estimate().estimate())
                .isCloseTo(-est / sd, within(1e-9));
        assertThat(row(r, "ABC", SynergyReference.BLISS, "SS", 21).estimate().estimate())
                .isGreaterThan(3);
    }

    @Test
    void arms_partialPairs_rejected() {
        assertThatThrownBy(() -> new ThreeDrugArms(List.of("V", "A", "B", "C", "AB", "", "", "ABC")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("all three or none");
    }
}
