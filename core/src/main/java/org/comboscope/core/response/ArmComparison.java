package org.comboscope.core.response;

import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.special.Gamma;

/**
 * Comparison of a response rate between two arms.
 *
 * @param armA rate in arm A
 * @param armB rate in arm B
 * @param difference {@code rateA − rateB}
 * @param differenceInterval Newcombe's hybrid score interval for the difference (method 10 of
 *     Newcombe 1998, from the two Wilson intervals)
 * @param fisherP two-sided p-value of Fisher's exact test, as R's {@code fisher.test}: the sum of
 *     the probabilities of all tables with the same margins that are no more likely than the
 *     observed one (relative tolerance {@code 1e-7})
 */
public record ArmComparison(
        ResponseRate armA, ResponseRate armB, double difference, Interval differenceInterval, double fisherP) {

    /**
     * Compares {@code xA/nA} with {@code xB/nB} at the given confidence level.
     *
     * @throws InvalidInputException for counts outside {@code 0 <= x <= n}, {@code n >= 1}
     */
    public static ArmComparison of(int xA, int nA, int xB, int nB, double level) {
        ResponseRate a = ResponseRate.of(xA, nA, level);
        ResponseRate b = ResponseRate.of(xB, nB, level);
        double diff = a.rate() - b.rate();
        Interval wa = a.wilson();
        Interval wb = b.wilson();
        double lower = diff - Math.sqrt(square(a.rate() - wa.lower()) + square(wb.upper() - b.rate()));
        double upper = diff + Math.sqrt(square(wa.upper() - a.rate()) + square(b.rate() - wb.lower()));
        return new ArmComparison(a, b, diff, new Interval(lower, upper, level), fisher(xA, nA, xB, nB));
    }

    /** As {@link #of(int, int, int, int, double)} at 95 %. */
    public static ArmComparison of(int xA, int nA, int xB, int nB) {
        return of(xA, nA, xB, nB, 0.95);
    }

    private static double square(double v) {
        return v * v;
    }

    /** Two-sided Fisher exact p for the 2×2 table [[xA, nA−xA], [xB, nB−xB]]. */
    static double fisher(int xA, int nA, int xB, int nB) {
        if (nA < 1 || nB < 1) {
            throw new InvalidInputException("n", Math.min(nA, nB), "must be >= 1");
        }
        int m = xA + xB; // responders overall
        int lo = Math.max(0, m - nB);
        int hi = Math.min(nA, m);
        double[] logP = new double[hi - lo + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = lo; k <= hi; k++) {
            logP[k - lo] = logChoose(nA, k) + logChoose(nB, m - k);
            max = Math.max(max, logP[k - lo]);
        }
        double total = 0;
        for (double l : logP) {
            total += Math.exp(l - max);
        }
        double observed = Math.exp(logP[xA - lo] - max);
        double sum = 0;
        for (double l : logP) {
            double d = Math.exp(l - max);
            if (d <= observed * (1 + 1e-7)) {
                sum += d;
            }
        }
        return Math.min(1.0, sum / total);
    }

    private static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
