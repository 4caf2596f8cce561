package org.comboscope.core.doseresponse;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A fitted dose-response curve with its data, residual sum of squares, fitted values at the
 * observed doses, the parameter covariance, and how the fit was reached. Immutable and
 * thread-safe.
 *
 * <p>The covariance of a drc fit comes from the numerical Hessian at the optimum, which costs
 * about as much as several optimiser iterations and which most fits (ZIP's lines) never use: where
 * the fit's outcome cannot depend on it, it is computed on the first call of {@link #covariance()}
 * and kept.
 */
public final class CurveFit {
    private final DoseResponseCurve curve;
    private final double[] doses;
    private final double[] responses;
    private final double[] fitted;
    private final double rss;
    private final int freeParameters;
    private final FitTrace trace;
    /** The covariance once known: a 4×4 matrix, or a 0-length array when not estimable. */
    private volatile double[][] covariance;
    /** Computes the covariance on first use; null once {@link #covariance} is set. */
    private Supplier<double[][]> covarianceSource;

    /**
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
    public CurveFit(
            DoseResponseCurve curve,
            double[] doses,
            double[] responses,
            double[] fitted,
            double rss,
            int freeParameters,
            Optional<double[][]> covariance,
            FitTrace trace) {
        this(curve, doses, responses, fitted, rss, freeParameters, trace, null);
        this.covariance = covariance.map(CurveFit::copy).orElse(new double[0][]);
    }

    private CurveFit(
            DoseResponseCurve curve,
            double[] doses,
            double[] responses,
            double[] fitted,
            double rss,
            int freeParameters,
            FitTrace trace,
            Supplier<double[][]> covarianceSource) {
        this.curve = Objects.requireNonNull(curve, "curve");
        this.doses = doses.clone();
        this.responses = responses.clone();
        this.fitted = fitted.clone();
        this.rss = rss;
        this.freeParameters = freeParameters;
        this.trace = Objects.requireNonNull(trace, "trace");
        this.covarianceSource = covarianceSource;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /**
     * Builds a fit from a curve and data: fitted values and RSS are computed here; {@code cov}
     * supplies the covariance (4×4, or any other shape for "not estimable") when first asked.
     */
    static CurveFit of(
            DoseResponseCurve curve,
            double[] doses,
            double[] responses,
            int free,
            Supplier<double[][]> cov,
            FitTrace trace) {
        double[] fitted = new double[doses.length];
        double rss = 0;
        for (int i = 0; i < doses.length; i++) {
            fitted[i] = curve.fittedAt(doses[i]);
            double r = responses[i] - fitted[i];
            rss += r * r;
        }
        return new CurveFit(curve, doses, responses, fitted, rss, free, trace, cov);
    }

    /** The fitted curve. */
    public DoseResponseCurve curve() {
        return curve;
    }

    /** Residual sum of squares (percent² units). */
    public double rss() {
        return rss;
    }

    /** Number of parameters estimated (4 minus fixed ones). */
    public int freeParameters() {
        return freeParameters;
    }

    /** Optimiser checkpoints. */
    public FitTrace trace() {
        return trace;
    }

    /** Number of data points. */
    public int n() {
        return doses.length;
    }

    /** Residual degrees of freedom. */
    public int residualDf() {
        return doses.length - freeParameters;
    }

    /** The doses as given (zero allowed). */
    public double[] doses() {
        return doses.clone();
    }

    /** The responses used by the fit (percent inhibition, after any tweak). */
    public double[] responses() {
        return responses.clone();
    }

    /** Fitted values at {@link #doses()} (for L.4 a zero dose is evaluated at 1e-10). */
    public double[] fitted() {
        return fitted.clone();
    }

    /** Fitted value at observed point {@code i} without copying. */
    public double fitted(int i) {
        return fitted[i];
    }

    /**
     * Covariance of (b, c, d, e) as a 4×4 matrix (zeros for fixed parameters); empty when not
     * estimable (no residual degrees of freedom or a singular Hessian).
     */
    public Optional<double[][]> covariance() {
        double[][] c = covariance;
        if (c == null) {
            synchronized (this) {
                c = covariance;
                if (c == null) {
                    double[][] computed = covarianceSource.get();
                    c = computed.length == 4 ? computed : new double[0][];
                    covariance = c;
                    covarianceSource = null;
                }
            }
        }
        return c.length == 4 ? Optional.of(copy(c)) : Optional.empty();
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
