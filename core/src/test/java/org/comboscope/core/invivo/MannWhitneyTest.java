package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from R's wilcox.test semantics (cross-checked with scipy 1.17 mannwhitneyu). */
class MannWhitneyTest {
    static final double[] A = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
    static final double[] B = {1.15, 0.88, 0.90, 0.74, 1.21};

    @Test
    void test_noTies_exactDistribution() {
        MannWhitney.Result r = MannWhitney.test(A, B);
        assertThat(r.exact()).isTrue();
        assertThat(r.w()).isEqualTo(35);
        assertThat(r.p()).isCloseTo(0.2544122544122544, within(1e-14));
        MannWhitney.Result s = MannWhitney.test(B, A);
        assertThat(s.w()).isEqualTo(15);
        assertThat(s.p()).isCloseTo(r.p(), within(1e-14));
    }

    @Test
    void test_completeSeparation_exactTwoOverBinomial() {
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8, 9});
        assertThat(r.w()).isZero();
        assertThat(r.p()).isCloseTo(2.0 / 126, within(1e-15));
        MannWhitney.Result s = MannWhitney.test(new double[] {5, 6, 7, 8, 9}, new double[] {1, 2, 3, 4});
        assertThat(s.w()).isEqualTo(20);
        assertThat(s.p()).isCloseTo(2.0 / 126, within(1e-15));
    }

    @Test
    void test_ties_normalApproximationWithCorrections() {
        // R: wilcox.test(x, y) on the depression data of ?wilcox.test, unpaired: W = 58, p = 0.1329
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        MannWhitney.Result r = MannWhitney.test(x, y);
        assertThat(r.exact()).isFalse();
        assertThat(r.w()).isEqualTo(58);
        assertThat(r.p()).isCloseTo(0.13291945818531892, within(1e-12));
    }

    @Test
    void exactCdf_sumsToOneAndIsSymmetric() {
        double[] cdf = MannWhitney.exactCdf(6, 9);
        assertThat(cdf[cdf.length - 1]).isCloseTo(1, within(1e-15));
        for (int w = 0; w < cdf.length - 1; w++) {
            // P(W <= w) = P(W >= 54 - w) = 1 - P(W <= 53 - w)
            assertThat(cdf[w]).isCloseTo(1 - cdf[cdf.length - 2 - w], within(1e-14));
        }
    }
}
