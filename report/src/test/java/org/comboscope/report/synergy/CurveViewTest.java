package org.comboscope.report.synergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.DoseResponseCurve;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

class CurveViewTest {
    static final DoseResponseCurve CURVE = DoseResponseCurve.ll4(-1.5, 5, 95, 10);

    static CurveView view(Optional<double[][]> cov, int df) {
        return new CurveView(
                "A",
                "uM",
                CURVE,
                cov,
                df,
                new double[] {1, 10},
                new double[] {10, 50},
                OptionalDouble.empty(),
                OptionalDouble.of(10));
    }

    @Test
    void halfWidth_onlyLowerAsymptoteUncertain_tTimesSdAtLowDoseAndZeroAtHighDose() {
        double[][] cov = new double[4][4];
        cov[1][1] = 4.0; // var(c): sd 2
        CurveView v = view(Optional.of(cov), 7);
        double t = new TDistribution(7).inverseCumulativeProbability(0.975);
        assertThat(v.halfWidth(1e-6).orElseThrow()).isCloseTo(t * 2, within(1e-4));
        assertThat(v.halfWidth(1e6).orElseThrow()).isCloseTo(0, within(1e-4));
        // at the midpoint the response moves by half of any change in c
        assertThat(v.halfWidth(10).orElseThrow()).isCloseTo(t * 1, within(1e-5));
    }

    @Test
    void halfWidth_noCovarianceOrNoResidualDf_empty() {
        assertThat(view(Optional.empty(), 5).halfWidth(3)).isEmpty();
        assertThat(view(Optional.of(new double[4][4]), 0).halfWidth(3)).isEmpty();
        assertThat(view(Optional.of(new double[4][4]), 0).hasBand()).isFalse();
    }
}
