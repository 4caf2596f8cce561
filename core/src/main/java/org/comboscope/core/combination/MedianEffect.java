package org.comboscope.core.combination;

import java.util.OptionalDouble;
import org.comboscope.core.error.FitFailureException;

/**
 * Chou's median-effect equation {@code fa/fu = (d/Dm)^m}, fitted as CompuSyn and the Python
 * {@code synergy} package ({@code Hill_CI}) do: ordinary least squares of {@code ln(fa/fu)} on
 * {@code ln d}, using only points with {@code d > 0} and {@code 0 < fa < 1}.
 *
 * @param dm median-effect dose (fa = 0.5), in the dose unit
 * @param m slope (shape; 1 hyperbolic, > 1 sigmoidal)
 * @param r linear correlation coefficient of the median-effect plot (CompuSyn's conformity r)
 * @param n number of points that entered the regression
 */
public record MedianEffect(double dm, double m, double r, int n) {

    /**
     * Fits the median-effect plot.
     *
     * @param doses doses (points with d ≤ 0 are skipped)
     * @param fa fraction affected (points outside (0, 1) are skipped)
     * @throws FitFailureException with fewer than 2 usable points, all at one dose, or a zero slope
     */
    public static MedianEffect fit(double[] doses, double[] fa) {
        int k = 0;
        double[] x = new double[doses.length];
        double[] y = new double[doses.length];
        double s = HillFitter.doseScale(doses);
        for (int i = 0; i < doses.length; i++) {
            double e = 1.0 - fa[i];
            if (doses[i] > 0 && e > 0 && e < 1) {
                x[k] = Math.log(doses[i] / s);
                y[k] = Math.log((1 - e) / e);
                k++;
            }
        }
        if (k < 2) {
            throw new FitFailureException(
                    "median-effect", "needs 2 points with dose > 0 and 0 < fa < 1, has " + k, null);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < k; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            throw new FitFailureException("median-effect", "all usable points are at one dose", null);
        }
        double slope = sxy / sxx;
        if (slope == 0) {
            throw new FitFailureException("median-effect", "slope m is 0 (no dose dependence)", new double[] {slope});
        }
        double intercept = my - slope * mx;
        double r = syy > 0 ? sxy / Math.sqrt(sxx * syy) : 1.0;
        return new MedianEffect(Math.exp(-intercept / slope) * s, slope, Math.max(-1, Math.min(1, r)), k);
    }

    /**
     * The dose giving fraction affected {@code fa}: {@code Dx = Dm·(fa/(1 − fa))^(1/m)}; empty when
     * fa is outside [0, 1). At fa = 0 it is 0 (CI is then infinite, as in the package).
     */
    public OptionalDouble dose(double fa) {
        double e = 1.0 - fa;
        if (!(e > 0 && e <= 1)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(dm * Math.pow((1 - e) / e, 1.0 / m));
    }

    /** Fraction affected at dose {@code d}: {@code 1/(1 + (Dm/d)^m)}. */
    public double fa(double d) {
        if (d <= 0) {
            return 0;
        }
        return 1.0 / (1.0 + Math.pow(dm / d, m));
    }
}
