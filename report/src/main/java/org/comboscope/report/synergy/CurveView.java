package org.comboscope.report.synergy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.DoseResponseCurve;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * A single-drug curve as a report shows it: the fitted curve, its parameter covariance and the
 * monotherapy points (replicate means, % inhibition).
 *
 * <p>The confidence band is pointwise, by the <b>delta method</b>: {@code f(x) ± t(df, 0.975) ·
 * sqrt(gᵀ Σ g)} with {@code g} the gradient of the response at dose {@code x} with respect to
 * (b, c, d, e) (central differences) and {@code Σ} the fit's covariance ({@code s² (JᵀJ)⁻¹},
 * as drc's {@code predict(..., interval = "confidence")}). No band when the covariance is not
 * estimable (no residual degrees of freedom or singular).
 *
 * @param drug drug name
 * @param unit concentration unit
 * @param curve fitted curve (drc parameterisation)
 * @param covariance 4×4 covariance of (b, c, d, e), empty when not estimable
 * @param residualDf residual degrees of freedom of the fit
 * @param doses monotherapy doses with dose > 0 (block unit)
 * @param responses responses at {@code doses}, % inhibition
 * @param controlResponse response at dose 0 when measured
 * @param ic50 relative IC50 (block unit), as reported in blocks.csv
 */
public record CurveView(
        String drug,
        String unit,
        DoseResponseCurve curve,
        Optional<double[][]> covariance,
        int residualDf,
        double[] doses,
        double[] responses,
        OptionalDouble controlResponse,
        OptionalDouble ic50) {

    public CurveView {
        doses = doses.clone();
        responses = responses.clone();
        covariance = covariance.map(CurveView::copy);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
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
    public Optional<double[][]> covariance() {
        return covariance.map(CurveView::copy);
    }

    /** Whether a confidence band can be drawn. */
    public boolean hasBand() {
        return covariance.isPresent() && residualDf > 0;
    }

    /**
     * Pointwise 95 % confidence half-width of the fitted response at {@code dose} (delta method);
     * empty when the covariance is not estimable.
     */
    public OptionalDouble halfWidth(double dose) {
        if (!hasBand()) {
            return OptionalDouble.empty();
        }
        double[][] cov = covariance.orElseThrow();
        double[] p = {curve.b(), curve.c(), curve.d(), curve.e()};
        double[] g = new double[4];
        for (int k = 0; k < 4; k++) {
            double h = 1e-6 * Math.max(Math.abs(p[k]), 1e-3);
            double[] up = p.clone();
            double[] dn = p.clone();
            up[k] += h;
            dn[k] -= h;
            g[k] = (with(up).predict(dose) - with(dn).predict(dose)) / (2 * h);
        }
        double var = 0;
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                var += g[a] * cov[a][b] * g[b];
            }
        }
        if (!(var >= 0) || !Double.isFinite(var)) {
            return OptionalDouble.empty();
        }
        double t = new TDistribution(residualDf).inverseCumulativeProbability(0.975);
        return OptionalDouble.of(t * Math.sqrt(var));
    }

    private DoseResponseCurve with(double[] p) {
        return new DoseResponseCurve(curve.model(), p[0], p[1], p[2], p[3], curve.logBase());
    }
}
