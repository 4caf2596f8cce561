package org.comboscope.core.screen;

import java.math.BigDecimal;
import java.util.Arrays;
import org.hipparchus.special.Erf;

/** Numerical helpers of MAGeCK 0.5.9 ({@code mageckMathFunc.py}) and RRA ({@code math_api.cpp}). */
final class MageckMath {
    private static final double LN2 = Math.log(2);
    private static final int QNORM_ROWS = 24000;
    private static final double[] LOGP = new double[QNORM_ROWS];
    private static final double[] QNORM = new double[QNORM_ROWS];
    private static final double QSTEP;

    static {
        for (int i = 0; i < QNORM_ROWS; i++) {
            // the table's first column is text "-24.000" ... "-0.001", parsed as the nearest double
            LOGP[i] = BigDecimal.valueOf(i - QNORM_ROWS, 3).doubleValue();
            QNORM[i] = qnormOfLog(LOGP[i]);
        }
        QSTEP = LOGP[1] - LOGP[0];
    }

    private MageckMath() {}

    /** Python {@code math.log(x, 2)}: {@code ln(x) / ln(2)} (not a true log2). */
    static double log2(double x) {
        return Math.log(x) / LN2;
    }

    /**
     * Indices of {@code key} in ascending order, equal keys ({@code ==}: -0.0 and 0.0 tie) in index
     * order, as Python's stable {@code sorted()} orders them; the keys must not be NaN. A merge
     * sort that takes from the left run on ties.
     */
    static int[] stableOrder(double[] key) {
        int n = key.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        // insertion-sorted runs of RUN, then rounds of merging runs pairwise
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(n, lo + run);
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                double kx = key[x];
                int j = i - 1;
                while (j >= lo && key[a[j]] > kx) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    b[o++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[o++] = a[i++];
                }
                while (j < hi) {
                    b[o++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /** MAGeCK's "mean": the median (average of the two middle values for an even count). */
    static double median(double[] v) {
        // one or two values need no sorted copy (a + b == b + a exactly)
        if (v.length == 1) {
            return v[0];
        }
        if (v.length == 2) {
            return (v[0] + v[1]) / 2.0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return 0;
        }
        int i = (n - 1) / 2;
        return n % 2 == 1 ? s[i] : (s[i] + s[i + 1]) / 2.0;
    }

    /** MAGeCK's "var": squared spread around the median, divided by max(k - 1, 1). */
    static double varAboutMedian(double[] v, double median) {
        double s = 0;
        for (double x : v) {
            double d = x - median;
            s += d * d;
        }
        return s / Math.max(v.length - 1, 1);
    }

    /** {@code erfc(x/√2)/2} (upper tail) or {@code erfc(-x/√2)/2} (lower tail), as MAGeCK. */
    static double normCdf(double x, boolean lowerTail) {
        double sqrt2 = Math.sqrt(2.0);
        return lowerTail ? Erf.erfc(-x / sqrt2) / 2 : Erf.erfc(x / sqrt2) / 2;
    }

    /**
     * MAGeCK's {@code QNormConverter.get_qnorm(lp, islog=True)}: linear interpolation in the
     * 24,000-row table of {@code Phi^-1(exp(LOGP))}; empty (Python {@code None}) outside
     * {@code [-24, -0.001]}.
     */
    static java.util.OptionalDouble qnormInterpolated(double lp) {
        if (!(lp >= LOGP[0] && lp <= LOGP[QNORM_ROWS - 1])) {
            return java.util.OptionalDouble.empty();
        }
        int i = (int) Math.floor((lp - LOGP[0]) / QSTEP);
        i = Math.min(Math.max(i, 0), QNORM_ROWS - 2);
        double f = (lp - LOGP[i]) / QSTEP;
        f = Math.min(Math.max(f, 0.0), 1.0);
        return java.util.OptionalDouble.of(QNORM[i] * (1.0 - f) + QNORM[i + 1] * f);
    }

    /** Accurate {@code Phi^-1(exp(logp))} by Newton steps on the accurate normal tails. */
    static double qnormOfLog(double logp) {
        double p = Math.exp(logp);
        boolean upper = p > 0.5;
        // work on the smaller tail: lower tail p, or upper tail q = 1 - p
        double t = upper ? -Math.expm1(logp) : p;
        // initial guess (Abramowitz-Stegun 26.2.23), then Newton on the tail probability
        double u = Math.sqrt(-2 * Math.log(t));
        double z = u
                - (2.515517 + 0.802853 * u + 0.010328 * u * u)
                        / (1 + 1.432788 * u + 0.189269 * u * u + 0.001308 * u * u * u);
        for (int it = 0; it < 50; it++) {
            double tail = Erf.erfc(z / Math.sqrt(2.0)) / 2; // Q(z)
            double dens = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            double step = (tail - t) / dens;
            // Halley-free Newton in log space is more stable far out in the tail
            double stepLog = (Math.log(tail) - Math.log(t)) * tail / dens;
            double s = Math.abs(step) < Math.abs(stepLog) ? step : stepLog;
            z += s;
            if (Math.abs(s) <= 1e-16 * Math.max(1, Math.abs(z))) {
                break;
            }
        }
        return upper ? z : -z;
    }

    /**
     * Regularised incomplete beta {@code I_x(k, n-k+1)} for integers {@code 1 <= k <= n}: the
     * probability that the k-th smallest of n uniforms is {@code <= x}, i.e.
     * {@code P(Binomial(n, x) >= k)}, summed term by term (all terms positive).
     */
    static double orderStatCdf(int k, int n, double x) {
        return orderStatCdf(k, n, x, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #orderStatCdf(int, int, double)}, but may stop as soon as the partial sum reaches
     * {@code cap} (all terms are positive, so the true value is then {@code >= cap}); the value
     * returned is then some number {@code >= cap}. Used where only a minimum matters.
     */
    static double orderStatCdf(int k, int n, double x, double cap) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double y = 1 - x;
        // first term C(n,k) x^k y^(n-k)
        double c = binomial(n, k);
        double term = c * pow(x, k) * pow(y, n - k);
        if (term >= cap) {
            return term;
        }
        double sum = term;
        double ratioBase = x / y;
        double[] steps = n <= BINOMIAL_TABLE ? STEPS[n] : null;
        for (int j = k; j < n; j++) {
            double r = (steps != null ? steps[j] : (double) (n - j) / (j + 1)) * ratioBase;
            term *= r;
            sum += term;
            if (sum >= cap) {
                return sum;
            }
            // once r < 1 the remaining terms shrink geometrically: stop when their bound is negligible
            if (r < 1 && term * r < 1e-17 * sum * (1 - r)) {
                break;
            }
        }
        return Math.min(sum, 1.0);
    }

    /**
     * {@code Math.pow(b, e)}, skipping the call for the exponents whose result the
     * {@code Math.pow} contract fixes exactly (0 gives 1.0, 1 gives b).
     */
    private static double pow(double b, int e) {
        return e == 0 ? 1.0 : e == 1 ? b : Math.pow(b, e);
    }

    private static final int BINOMIAL_TABLE = 200;
    private static final double[][] BINOMIALS = new double[BINOMIAL_TABLE + 1][];
    /** {@code STEPS[n][j] = (n - j) / (j + 1)}: ratio of successive binomial coefficients. */
    private static final double[][] STEPS = new double[BINOMIAL_TABLE + 1][];

    static {
        for (int n = 0; n <= BINOMIAL_TABLE; n++) {
            BINOMIALS[n] = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                BINOMIALS[n][k] = binomialLoop(n, k);
            }
            STEPS[n] = new double[n + 1];
            for (int j = 0; j <= n; j++) {
                STEPS[n][j] = (double) (n - j) / (j + 1);
            }
        }
    }

    /** C(n, k) as a double (relative error ~k ulp). */
    static double binomial(int n, int k) {
        return n <= BINOMIAL_TABLE ? BINOMIALS[n][k] : binomialLoop(n, k);
    }

    private static double binomialLoop(int n, int k) {
        double c = 1;
        for (int j = 0; j < k; j++) {
            c = c * (n - j) / (j + 1);
        }
        return c;
    }

    /**
     * RRA's {@code bTreeSearchingF}: 0 if {@code x <= a[0]}, n-1 if {@code x >= a[n-1]}, else of the
     * pair {@code a[j] <= x < a[j+1]} the index closer to x ({@code j+1} on equal distance).
     */
    static int bTreeSearch(double x, double[] a, int n) {
        int lo = 0;
        int hi = n - 1;
        for (; ; ) {
            if (x <= a[lo]) {
                return lo;
            }
            if (x >= a[hi]) {
                return hi;
            }
            if (hi - lo <= 1) {
                return Math.abs(a[hi] - x) > Math.abs(a[lo] - x) ? lo : hi;
            }
            int mid = (lo + hi) / 2;
            if (x >= a[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }
}
