package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.comboscope.core.error.FitFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExponentialGrowthModelTest {
    private static final Arms ARMS = new Arms("V", "A", "B", "AB");

    /** Simulates the model: log RTV = (beta_g + b_i) t + e, 10 animals per arm, days 0..21 step 3. */
    static TumourStudy simulate(double[] beta, double sdSlope, double sdResid, long seed) {
        Random r = new Random(seed);
        List<TumourObservation> obs = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            for (int a = 0; a < 10; a++) {
                String id = ARMS.groups().get(g) + "_" + a;
                double v0 = 100 + 50 * r.nextDouble();
                double b = sdSlope * r.nextGaussian();
                obs.add(new TumourObservation(id, ARMS.groups().get(g), 0, v0));
                for (int d = 3; d <= 21; d += 3) {
                    obs.add(new TumourObservation(
                            id,
                            ARMS.groups().get(g),
                            d,
                            v0 * Math.exp((beta[g] + b) * d + sdResid * r.nextGaussian())));
                }
            }
        }
        return new TumourStudy("sim", Measurement.VOLUME_MM3, obs);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void fit_simulatedData_recoversRatesWithinThreeStandardErrors(long seed) {
        System.out.println("seed " + seed);
        double[] beta = {0.12, 0.08, 0.07, 0.02};
        PreparedData p = PreparedData.of(simulate(beta, 0.01, 0.1, seed), ARMS);
        ExponentialFit f = ExponentialGrowthModel.fit(p.fitted(), Estimation.REML);
        for (int g = 0; g < 4; g++) {
            assertThat(f.rates()[g]).isCloseTo(beta[g], within(3 * f.standardErrors()[g]));
        }
        assertThat(f.sigma()).isCloseTo(0.1, within(0.02));
    }

    @Test
    void fit_mlVersusReml_sameRatesSmallerSigmaUnderMl() {
        PreparedData p = PreparedData.of(simulate(new double[] {0.1, 0.1, 0.1, 0.1}, 0.02, 0.1, 5), ARMS);
        ExponentialFit reml = ExponentialGrowthModel.fit(p.fitted(), Estimation.REML);
        ExponentialFit ml = ExponentialGrowthModel.fit(p.fitted(), Estimation.ML);
        // Balanced design: the rates do not depend on the variance ratio.
        for (int g = 0; g < 4; g++) {
            assertThat(ml.rates()[g]).isCloseTo(reml.rates()[g], within(1e-12));
        }
        assertThat(ml.sigma()).isLessThan(reml.sigma());
    }

    @Test
    void blissSynergy_swapDrugs_unchanged() {
        TumourStudy s = simulate(new double[] {0.12, 0.08, 0.05, 0.02}, 0.01, 0.1, 7);
        TimeResolvedSynergy t =
                TimeResolvedSynergy.defaults().withReferences(EnumSet.of(SynergyReference.BLISS, SynergyReference.HSA));
        List<SynergyEstimate> a = t.compute(PreparedData.of(s, ARMS)).estimates();
        List<SynergyEstimate> b =
                t.compute(PreparedData.of(s, new Arms("V", "B", "A", "AB"))).estimates();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).estimate()).isCloseTo(a.get(i).estimate(), within(1e-9));
            assertThat(b.get(i).pValue()).isCloseTo(a.get(i).pValue(), within(1e-9));
        }
    }

    @Test
    void blissSynergy_dataFromBlissNull_notSignificantAtLastTime() {
        // beta_AB = beta_A + beta_B - beta_C: no interaction.
        TumourStudy s = simulate(new double[] {0.12, 0.08, 0.06, 0.02}, 0.0, 0.05, 3);
        List<SynergyEstimate> e = TimeResolvedSynergy.defaults()
                .withReferences(EnumSet.of(SynergyReference.BLISS))
                .compute(PreparedData.of(s, ARMS))
                .estimates();
        SynergyEstimate last = e.get(e.size() - 1);
        assertThat(last.metric()).isEqualTo(SynergyEstimate.SS);
        assertThat(last.time()).isEqualTo(21);
        assertThat(Math.abs(last.estimate())).isLessThan(3);
    }

    @Test
    void fit_armWithoutRows_failsNamingTheArm() {
        List<RelativeVolume> rows = List.of(new RelativeVolume("m", "V", ArmRole.VEHICLE, 3, 3, 2, 1));
        assertThatThrownBy(() -> ExponentialGrowthModel.fit(rows, Estimation.REML))
                .isInstanceOf(FitFailureException.class)
                .hasMessageContaining("arm drugA has no measurement after time 0");
    }
}
