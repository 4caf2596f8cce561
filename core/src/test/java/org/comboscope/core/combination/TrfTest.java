package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.assertj.core.data.Offset;
import org.comboscope.core.error.FitFailureException;
import org.junit.jupiter.api.Test;

class TrfTest {
    private static final double[] T = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final double[] Y = {5.1, 3.2, 2.1, 1.2, 0.9, 0.5, 0.35, 0.2};
    private static final double INF = Double.POSITIVE_INFINITY;

    /** a·exp(−b·t) + c and its jacobian. */
    private static final Function<double[], LeastSquares.ValueJacobian> DECAY = p -> {
        double[] v = new double[T.length];
        double[][] j = new double[T.length][3];
        for (int i = 0; i < T.length; i++) {
            double e = Math.exp(-p[1] * T[i]);
            v[i] = p[0] * e + p[2];
            j[i] = new double[] {e, -p[0] * T[i] * e, 1};
        }
        return new LeastSquares.ValueJacobian(v, j);
    };

    /**
     * Golden values from scipy 1.17.1 {@code least_squares(f, [1, 0.1, 0.5], jac=j, bounds=…,
     * method='trf', x_scale=1.0)} (the x_scale curve_fit used in scipy 1.10): parameters, cost and
     * the number of evaluations, which shows the same path was taken.
     */
    @Test
    void fit_lowerBoundActive_matchesScipy() {
        Trf.Result r = Trf.fit(
                "decay",
                DECAY,
                Y,
                new double[] {1, 0.1, 0.5},
                new double[] {-INF, -INF, 0.1},
                new double[] {INF, INF, INF},
                1e-8,
                300);
        assertThat(r.params()[0]).isCloseTo(5.016217583824551, Offset.offset(1e-9));
        assertThat(r.params()[1]).isCloseTo(0.4818257696724143, Offset.offset(1e-9));
        assertThat(r.params()[2]).isCloseTo(0.10000000000000002, Offset.offset(1e-12));
        assertThat(r.cost()).isCloseTo(0.01396319357942862, Offset.offset(1e-12));
        assertThat(r.nfev()).isEqualTo(12);
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void fit_upperBoundActive_matchesScipy() {
        Trf.Result r = Trf.fit(
                "decay",
                DECAY,
                Y,
                new double[] {1, 0.1, 0.5},
                new double[] {-INF, -INF, -INF},
                new double[] {4.5, INF, INF},
                1e-8,
                300);
        assertThat(r.params()[0]).isCloseTo(4.499999999999999, Offset.offset(1e-9));
        assertThat(r.params()[1]).isCloseTo(0.5009053526702034, Offset.offset(1e-9));
        assertThat(r.params()[2]).isCloseTo(0.2921097193651057, Offset.offset(1e-9));
        assertThat(r.cost()).isCloseTo(0.1323919056004564, Offset.offset(1e-12));
        assertThat(r.nfev()).isEqualTo(15);
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void fit_evaluationLimit_throwsLikeCurveFit() {
        assertThatThrownBy(() -> Trf.fit(
                        "decay",
                        DECAY,
                        Y,
                        new double[] {1, 0.1, 0.5},
                        new double[] {-INF, -INF, 0.1},
                        new double[] {INF, INF, INF},
                        1e-8,
                        3))
                .isInstanceOf(FitFailureException.class)
                .hasMessageContaining("evaluation limit 3");
    }

    @Test
    void strictlyFeasible_startOnBound_isNudgedInside() {
        double[] x = Trf.strictlyFeasible(
                new double[] {0, 1.5, 3}, new double[] {0, 0, 0}, new double[] {1.5, 1.5, 5}, 1e-10);
        assertThat(x[0]).isEqualTo(1e-10);
        assertThat(x[1]).isEqualTo(1.5 - 1.5e-10);
        assertThat(x[2]).isEqualTo(3);
    }
}
