package org.comboscope.core.doseresponse;

import java.util.Optional;
import java.util.OptionalDouble;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * IC50s of a fitted curve. The <b>relative</b> IC50 is the curve midpoint (drc's ED50 for LL.4,
 * what SynergyFinder reports); the <b>absolute</b> IC50 is the dose at which the curve gives 50 %
 * inhibition, undefined when the curve never crosses 50 %. Intervals use the delta method with
 * the t quantile on the residual degrees of freedom, as drc's {@code ED(interval = "delta")}.
 */
public final class Potency {
    private Potency() {}

    /** Relative IC50 (the midpoint {@code e}, or {@code base^e} for L.4) with a confidence interval. */
    public static Ic50Estimate relative(CurveFit fit, double level) {
        DoseResponseCurve c = fit.curve();
        double value = c.ec50();
        double[] grad = new double[4];
        if (c.model() == CurveModel.LL4) {
            grad[3] = 1;
        } else {
            grad[3] = value * Math.log(c.logBase());
        }
        return withInterval(fit, value, grad, level);
    }

    /** Dose giving {@code response} percent inhibition, with a confidence interval. */
    public static Ic50Estimate absolute(CurveFit fit, double response, double level) {
        double[] p = params(fit.curve());
        double value = solve(fit.curve(), p, response);
        if (!(value > 0) || !Double.isFinite(value)) {
            DoseResponseCurve c = fit.curve();
            return Ic50Estimate.undefined(String.format(
                    "curve never reaches %s%% inhibition (it runs from c=%.6g to d=%.6g)", response, c.c(), c.d()));
        }
        double[] grad = new double[4];
        for (int k = 0; k < 4; k++) {
            double h = 1e-6 * Math.max(Math.abs(p[k]), 1e-3);
            double[] up = p.clone();
            double[] dn = p.clone();
            up[k] += h;
            dn[k] -= h;
            grad[k] = (solve(fit.curve(), up, response) - solve(fit.curve(), dn, response)) / (2 * h);
        }
        return withInterval(fit, value, grad, level);
    }

    private static double[] params(DoseResponseCurve c) {
        return new double[] {c.b(), c.c(), c.d(), c.e()};
    }

    private static double solve(DoseResponseCurve c, double[] p, double y) {
        double ratio = (p[2] - y) / (y - p[1]);
        if (!(ratio > 0)) {
            return Double.NaN;
        }
        double logx = Math.log(ratio) / p[0];
        if (c.model() == CurveModel.LL4) {
            return p[3] * Math.exp(logx);
        }
        double t = p[3] + logx;
        return c.logBase() == 10.0 ? Math.pow(10, t) : Math.exp(t);
    }

    private static Ic50Estimate withInterval(CurveFit fit, double value, double[] grad, double level) {
        Optional<double[][]> cov = fit.covariance();
        if (cov.isEmpty() || fit.residualDf() <= 0) {
            return new Ic50Estimate(
                    OptionalDouble.of(value),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.of(
                            "no interval: parameter covariance not estimable (residual df " + fit.residualDf() + ")"));
        }
        double[][] v = cov.get();
        double var = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                var += grad[i] * v[i][j] * grad[j];
            }
        }
        if (!(var >= 0) || !Double.isFinite(var)) {
            return new Ic50Estimate(
                    OptionalDouble.of(value),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.of("no interval: delta-method variance not finite"));
        }
        double se = Math.sqrt(var);
        double t = new TDistribution(fit.residualDf()).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new Ic50Estimate(
                OptionalDouble.of(value),
                OptionalDouble.of(se),
                OptionalDouble.of(value - t * se),
                OptionalDouble.of(value + t * se),
                Optional.empty());
    }
}
