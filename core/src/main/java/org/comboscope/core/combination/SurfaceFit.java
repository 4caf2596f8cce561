package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.response.Interval;

/**
 * Shared machinery of the parametric surface models: least-squares fit of E = 1 − fa over a
 * parameter vector θ, and the package's parametric bootstrap (σ = sqrt(SSR/(n − p)); E* = fitted +
 * N(0, σ); refit from the estimate; 2.5/97.5 percentiles), seeded and deterministic. Refits that
 * fail are skipped (the package aborts the whole bootstrap instead).
 */
final class SurfaceFit {
    /** θ → predicted E at every row. */
    interface Surface {
        double[] e(double[] theta);
    }

    /** θ → output parameter values (same order as the names). */
    interface Outputs extends Function<double[], double[]> {}

    private SurfaceFit() {}

    static long seedFor(long seed, String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return seed ^ h;
    }

    /** Central-difference fit to tight tolerance: the true least-squares optimum. */
    static LeastSquares.Result fit(String model, Surface s, double[] e, double[] start, double tol, int maxEval) {
        return LeastSquares.fit(model, LeastSquares.centralDifferences(s::e), e, start, tol, maxEval);
    }

    /** As {@link #fit} with MINPACK's initial step bound {@code factor} (100 by default; 1 = cautious). */
    static LeastSquares.Result fit(
            String model, Surface s, double[] e, double[] start, double tol, int maxEval, double factor) {
        return LeastSquares.fit(model, LeastSquares.centralDifferences(s::e), e, start, tol, maxEval, factor);
    }

    /**
     * Builds the estimates with bootstrap intervals.
     *
     * @param refit refits θ on new responses from the estimate (may throw {@link FitFailureException})
     * @return estimates and the number of successful refits
     */
    static Result bootstrap(
            List<String> names,
            double[] theta,
            double[] fittedE,
            double ssr,
            Function<double[], double[]> refit,
            Outputs outputs,
            int iterations,
            SplittableRandom rnd) {
        double[] point = outputs.apply(theta);
        List<double[]> samples = new ArrayList<>();
        int n = fittedE.length;
        int dof = n - theta.length;
        if (iterations > 0 && dof > 0) {
            double sigma = Math.sqrt(ssr / dof);
            for (int b = 0; b < iterations; b++) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = fittedE[i] + sigma * rnd.nextGaussian();
                }
                try {
                    samples.add(outputs.apply(refit.apply(y)));
                } catch (FitFailureException e) {
                    // skipped: counted through samples.size()
                }
            }
        }
        List<ParameterEstimate> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Optional<Interval> ci = Optional.empty();
            if (samples.size() >= 2) {
                double[] v = new double[samples.size()];
                for (int b = 0; b < v.length; b++) {
                    v[b] = samples.get(b)[k];
                }
                ci = Optional.of(CombinationIndex.band(v));
            }
            out.add(new ParameterEstimate(names.get(k), point[k], ci));
        }
        return new Result(out, samples.size());
    }

    record Result(List<ParameterEstimate> estimates, int refits) {}

    static double rSquared(double[] y, double ssr) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double sst = 0;
        for (double v : y) {
            sst += (v - m) * (v - m);
        }
        return 1 - ssr / sst;
    }

    static double[] toFa(double[] e) {
        double[] f = new double[e.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = 1.0 - e[i];
        }
        return f;
    }
}
