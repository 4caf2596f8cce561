package org.comboscope.core.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class ResponseRateTest {

    @Test
    void diseaseControl_countsCompletePartialAndStable() {
        ResponseRate dcr = ResponseRate.diseaseControl(1, 10, 9, 26);
        assertThat(dcr.responders()).isEqualTo(20);
        assertThat(dcr.rate()).isEqualTo(20.0 / 26);
        ResponseRate orr = ResponseRate.objectiveResponse(1, 10, 9, 26);
        assertThat(orr.responders()).isEqualTo(11);
    }

    @Test
    void diseaseControl_countsAboveN_rejected() {
        assertThatThrownBy(() -> ResponseRate.diseaseControl(5, 5, 5, 12))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not exceed n = 12");
    }

    @Test
    void armComparison_fisher_matchesRFisherTest() {
        // fisher.test(matrix(c(3, 1, 1, 3), 2)): p = 0.4857142857142857 (R, two-sided).
        assertThat(ArmComparison.fisher(3, 4, 1, 4)).isCloseTo(0.4857142857142857, within(1e-12));
        // Tea tasting is symmetric, so the p-value does not depend on which arm is first.
        assertThat(ArmComparison.fisher(1, 4, 3, 4)).isCloseTo(0.4857142857142857, within(1e-12));
        // Identical arms: p = 1.
        assertThat(ArmComparison.fisher(5, 10, 5, 10)).isEqualTo(1.0);
    }

    @Test
    void armComparison_fisher_hypergeometricByHand() {
        // Table [[10, 2], [3, 9]]: margins 13/11, 12/12. Enumerate all tables by hand.
        double[] probs = new double[13];
        double total = 0;
        for (int k = 1; k <= 12; k++) {
            probs[k] = choose(12, k) * choose(12, 13 - k);
            total += probs[k];
        }
        double observed = probs[10];
        double p = 0;
        for (int k = 1; k <= 12; k++) {
            if (probs[k] <= observed * (1 + 1e-7)) {
                p += probs[k];
            }
        }
        assertThat(ArmComparison.fisher(10, 12, 3, 12)).isCloseTo(p / total, within(1e-13));
    }

    @Test
    void armComparison_difference_newcombeIntervalContainsEstimate() {
        ArmComparison c = ArmComparison.of(11, 26, 1, 31);
        assertThat(c.difference()).isCloseTo(11.0 / 26 - 1.0 / 31, within(1e-15));
        assertThat(c.differenceInterval().lower()).isLessThan(c.difference());
        assertThat(c.differenceInterval().upper()).isGreaterThan(c.difference());
        assertThat(c.differenceInterval().lower()).isGreaterThan(0);
        assertThat(c.fisherP()).isLessThan(0.001);
    }

    private static double choose(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
