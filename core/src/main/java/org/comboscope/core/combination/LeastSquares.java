package org.comboscope.core.combination;

import java.util.function.Function;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Levenberg–Marquardt as {@code scipy.optimize.curve_fit(method='lm')} runs it (MINPACK {@code
 * lmder}/{@code lmdif}; Hipparchus' optimizer is a port of it): initial step bound 100, automatic
 * scaling, {@code ftol = xtol}, {@code gtol = 0}. With the same parameterisation, start and
 * jacobian it follows the package's path.
 */
final class LeastSquares {
    /** MINPACK's default {@code ftol}/{@code xtol} in scipy: sqrt(machine epsilon). */
    static final double SCIPY_TOL = 1.49012e-8;

    /** Step of MINPACK's forward-difference jacobian (scipy leastsq, epsfcn = machine epsilon). */
    private static final double FD_EPS = Math.sqrt(Math.ulp(1.0));

    /** The model: parameters → predicted values (one per observation). */
    interface Model extends Function<double[], double[]> {}

    /** Model values and jacobian {@code [observation][parameter]}. */
    record ValueJacobian(double[] value, double[][] jacobian) {}

    /** Result: parameters, residual sum of squares, evaluations used. */
    record Result(double[] params, double ssr, int evaluations) {}

    private LeastSquares() {}

    /** Forward differences exactly as MINPACK {@code fdjac2}: step sqrt(eps)·|θj| (sqrt(eps) if θj = 0). */
    static Function<double[], ValueJacobian> forwardDifferences(Model f) {
        return p -> {
            double[] v = f.apply(p);
            double[][] j = new double[v.length][p.length];
            for (int k = 0; k < p.length; k++) {
                double h = FD_EPS * Math.abs(p[k]);
                if (h == 0) {
                    h = FD_EPS;
                }
                double[] q = p.clone();
                q[k] = p[k] + h;
                double[] w = f.apply(q);
                for (int i = 0; i < v.length; i++) {
                    j[i][k] = (w[i] - v[i]) / h;
                }
            }
            return new ValueJacobian(v, j);
        };
    }

    /** Central differences, accurate to about 1e-10 relative, for fits that must reach the true optimum. */
    static Function<double[], ValueJacobian> centralDifferences(Model f) {
        return p -> {
            double[] v = f.apply(p);
            double[][] j = new double[v.length][p.length];
            for (int k = 0; k < p.length; k++) {
                double h = 1e-6 * Math.max(1.0, Math.abs(p[k]));
                double[] a = p.clone();
                double[] b = p.clone();
                a[k] += h;
                b[k] -= h;
                double[] fa = f.apply(a);
                double[] fb = f.apply(b);
                for (int i = 0; i < v.length; i++) {
                    j[i][k] = (fa[i] - fb[i]) / (2 * h);
                }
            }
            return new ValueJacobian(v, j);
        };
    }

    /**
     * Minimises Σ(y − f(θ))² from {@code start}.
     *
     * @param tol MINPACK ftol = xtol
     * @param maxEvaluations evaluation budget (scipy: 100·(N+1) with a jacobian)
     * @throws FitFailureException when the optimizer stops without converging or the result is not finite
     */
    static Result fit(
            String model,
            Function<double[], ValueJacobian> f,
            double[] y,
            double[] start,
            double tol,
            int maxEvaluations) {
        return fit(model, f, y, start, tol, maxEvaluations, 100);
    }

    /** As {@link #fit(String, Function, double[], double[], double, int)} with MINPACK's step bound {@code factor}. */
    static Result fit(
            String model,
            Function<double[], ValueJacobian> f,
            double[] y,
            double[] start,
            double tol,
            int maxEvaluations,
            double factor) {
        if (y.length < start.length) {
            throw new FitFailureException(
                    model, "fewer observations (" + y.length + ") than parameters (" + start.length + ")", start);
        }
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer(factor, tol, tol, 0.0, Double.MIN_NORMAL);
        try {
            LeastSquaresOptimizer.Optimum o = lm.optimize(new LeastSquaresBuilder()
                    .start(start)
                    .target(y)
                    .maxEvaluations(maxEvaluations)
                    .maxIterations(maxEvaluations)
                    .model(point -> {
                        ValueJacobian vj = f.apply(point.toArray());
                        return new Pair<>(
                                new ArrayRealVector(vj.value(), false), new Array2DRowRealMatrix(vj.jacobian(), false));
                    })
                    .build());
            double[] p = o.getPoint().toArray();
            double[] fit = f.apply(p).value();
            double ssr = 0;
            for (int i = 0; i < y.length; i++) {
                double r = y[i] - fit[i];
                ssr += r * r;
            }
            for (double x : p) {
                if (!Double.isFinite(x)) {
                    throw new FitFailureException(model, "parameters are not finite", p);
                }
            }
            if (!Double.isFinite(ssr)) {
                throw new FitFailureException(model, "residual sum of squares is not finite", p);
            }
            return new Result(p, ssr, o.getEvaluations());
        } catch (MathRuntimeException e) {
            throw new FitFailureException(model, e.getMessage(), start);
        }
    }
}
