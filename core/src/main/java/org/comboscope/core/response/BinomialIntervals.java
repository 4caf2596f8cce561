package org.comboscope.core.response;

import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Beta;

/** Confidence intervals for a binomial proportion {@code x/n}. */
public final class BinomialIntervals {
    private BinomialIntervals() {}

    /**
     * The exact (Clopper–Pearson) interval, as R's {@code binom.test(x, n)$conf.int}: lower
     * {@code qbeta(α/2, x, n−x+1)} (0 when {@code x = 0}), upper {@code qbeta(1−α/2, x+1, n−x)} (1
     * when {@code x = n}). The beta quantiles are found by bisection on the regularized incomplete
     * beta function down to adjacent doubles.
     *
     * @throws InvalidInputException unless {@code 0 <= x <= n}, {@code n >= 1}, level in (0, 1)
     */
    public static Interval clopperPearson(int x, int n, double level) {
        check(x, n, level);
        double alpha = 1 - level;
        double lower = x == 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1.0);
        double upper = x == n ? 1 : betaQuantile(1 - alpha / 2, x + 1.0, n - x);
        return new Interval(lower, upper, level);
    }

    /**
     * The Wilson score interval without continuity correction (R: {@code prop.test(x, n, correct =
     * FALSE)$conf.int}).
     *
     * @throws InvalidInputException unless {@code 0 <= x <= n}, {@code n >= 1}, level in (0, 1)
     */
    public static Interval wilson(int x, int n, double level) {
        check(x, n, level);
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = (double) x / n;
        double z2 = z * z;
        double centre = p + z2 / (2.0 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double denom = 1 + z2 / n;
        double lower = x == 0 ? 0 : (centre - half) / denom;
        double upper = x == n ? 1 : (centre + half) / denom;
        return new Interval(Math.max(lower, 0), Math.min(upper, 1), level);
    }

    /** The {@code prob} quantile of Beta(a, b), found by bisection to the last representable bit. */
    static double betaQuantile(double prob, double a, double b) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 2000; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (Beta.regularizedBeta(mid, a, b, 1e-16, Integer.MAX_VALUE) < prob) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo + (hi - lo) / 2;
    }

    static void check(int x, int n, double level) {
        if (n < 1) {
            throw new InvalidInputException("n", n, "must be >= 1");
        }
        if (x < 0 || x > n) {
            throw new InvalidInputException("responders", x, "must be between 0 and n = " + n);
        }
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", level, "must be in (0, 1)");
        }
    }
}
