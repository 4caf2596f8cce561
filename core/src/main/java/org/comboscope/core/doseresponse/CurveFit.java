package org.comboscope.core.doseresponse;

import java.util.Arrays;
import java.util.Optional;

/**
 * A fitted dose-response curve with its data, residual sum of squares, fitted values at the
 * observed doses, the parameter covariance, and how the fit was reached.
 *
 * @param curve the fitted curve
 * @param doses the doses as given (zero allowed)
 * @param responses the responses used by the fit (percent inhibition, after any tweak)
 * @param fitted fitted values at {@code doses} (for L.4 a zero dose is evaluated at 1e-10)
 * @param rss residual sum of squares (percent² units)
 * @param freeParameters number of parameters estimated (4 minus fixed ones)
 * @param covariance covariance of (b, c, d, e) as a 4×4 matrix (zeros for fixed parameters);
 *     empty when not estimable (no residual degrees of freedom or a singular Hessian)
 * @param trace optimiser checkpoints
 */
public record CurveFit(
        DoseResponseCurve curve,
        double[] doses,
        double[] responses,
        double[] fitted,
        double rss,
        int freeParameters,
        Optional<double[][]> covariance,
        FitTrace trace) {

    public CurveFit {
        doses = doses.clone();
        responses = responses.clone();
        fitted = fitted.clone();
        covariance = covariance.map(CurveFit::copy);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** Builds a fit from a curve and data: fitted values and RSS are computed here. */
    static CurveFit of(
            DoseResponseCurve curve, double[] doses, double[] responses, int free, double[][] cov, FitTrace trace) {
        double[] fitted = new double[doses.length];
        double rss = 0;
        for (int i = 0; i < doses.length; i++) {
            fitted[i] = curve.fittedAt(doses[i]);
            double r = responses[i] - fitted[i];
            rss += r * r;
        }
        return new CurveFit(
                curve, doses, responses, fitted, rss, free, Optional.ofNullable(cov.length == 4 ? cov : null), trace);
    }

    /** Number of data points. */
    public int n() {
        return doses.length;
    }

    /** Residual degrees of freedom. */
    public int residualDf() {
        return doses.length - freeParameters;
    }

    @Override
    public double[] doses() {
        return doses.clone();
    }

    @Override
    public double[] responses() {
        return responses.clone();
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    /** Fitted value at observed point {@code i} without copying. */
    public double fitted(int i) {
        return fitted[i];
    }

    @Override
    public Optional<double[][]> covariance() {
        return covariance.map(CurveFit::copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveFit f
                && curve.equals(f.curve)
                && Arrays.equals(doses, f.doses)
                && Arrays.equals(responses, f.responses)
                && Double.compare(rss, f.rss) == 0;
    }

    @Override
    public int hashCode() {
        return curve.hashCode() * 31 + Arrays.hashCode(doses);
    }

    @Override
    public String toString() {
        return "CurveFit[" + curve + ", rss=" + rss + ", n=" + doses.length + "]";
    }
}
