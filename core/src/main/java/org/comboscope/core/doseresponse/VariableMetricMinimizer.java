package org.comboscope.core.doseresponse;

/**
 * Variable-metric (BFGS) minimiser after J. C. Nash, <i>Compact Numerical Methods for
 * Computers</i>, 2nd ed. (1990), Algorithm 21, with the acceptance test and step reduction of that
 * algorithm: backtracking by a factor 0.2 until the Armijo condition with tolerance 1e-4 holds, a
 * "no change" test that compares parameters after adding 10, the inverse-Hessian update skipped
 * (and the metric reset) when the curvature {@code t·c} is not positive, and a periodic reset after
 * {@code 2n} gradients without one.
 *
 * <p>This is the algorithm behind R's {@code optim(method = "BFGS")}, which drc uses; keeping its
 * exact sequence of function and gradient evaluations is what makes comboscope's curve fits agree
 * with drc's to many digits, including the places where drc stops early. Implemented from the
 * published algorithm.
 *
 * <p>Not thread-safe: one instance per thread (it reuses work arrays).
 */
final class VariableMetricMinimizer {
    private static final double STEP_REDUCTION = 0.2;
    private static final double ACCEPT_TOLERANCE = 1e-4;
    private static final double REL_TEST = 10.0;

    /** Objective in the optimiser's coordinates; may return a non-finite value. */
    interface Objective {
        double value(double[] p);

        /** Fills {@code g} with the gradient at {@code p}; throws {@link NonFiniteGradient}. */
        void gradient(double[] p, double[] g);
    }

    /** Thrown when a gradient component is not finite; the fit then fails (as in drc). */
    static final class NonFiniteGradient extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int component;

        NonFiniteGradient(int component) {
            super("non-finite finite-difference value [" + (component + 1) + "]", null, false, false);
            this.component = component;
        }
    }

    /** Thrown when the starting value is not finite. */
    static final class NonFiniteStart extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NonFiniteStart() {
            super("initial value in 'vmmin' is not finite", null, false, false);
        }
    }

    /** Outcome: {@code b} holds the final point; counts are R's {@code counts}. */
    record Outcome(double value, int functionCount, int gradientCount, boolean reachedMaxit) {}

    private final int n;
    private final double[] g;
    private final double[] t;
    private final double[] x;
    private final double[] c;
    /**
     * The inverse-Hessian approximation, row-major, kept symmetric: Nash's algorithm updates the
     * lower triangle and reads element (i, j > i) from (j, i); the mirror copy lets every product
     * run along one row in the same order (j = 0 … n−1) with the same values.
     */
    private final double[] bInv;

    VariableMetricMinimizer(int n) {
        this.n = n;
        g = new double[n];
        t = new double[n];
        x = new double[n];
        c = new double[n];
        bInv = new double[n * n];
    }

    /**
     * Minimises from {@code b} (overwritten with the result).
     *
     * @param maxit maximum number of iterations (gradient evaluations)
     * @param abstol stop when the value falls below this ({@code -Infinity} to disable)
     * @param reltol relative-change tolerance
     */
    Outcome minimize(double[] b, Objective fn, int maxit, double abstol, double reltol) {
        if (maxit <= 0) {
            return new Outcome(fn.value(b), 0, 0, false);
        }
        double f = fn.value(b);
        if (!Double.isFinite(f)) {
            throw new NonFiniteStart();
        }
        double fmin = f;
        int funcount = 1;
        int gradcount = 1;
        fn.gradient(b, g);
        int iter = 1;
        int ilast = gradcount;
        int count;
        do {
            if (ilast == gradcount) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        bInv[i * n + j] = i == j ? 1.0 : 0.0;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                x[i] = b[i];
                c[i] = g[i];
            }
            double gradproj = n == 4 ? direction4() : direction();
            if (gradproj < 0.0) {
                double steplength = 1.0;
                boolean accpoint = false;
                do {
                    count = 0;
                    for (int i = 0; i < n; i++) {
                        b[i] = x[i] + steplength * t[i];
                        if (REL_TEST + x[i] == REL_TEST + b[i]) {
                            count++;
                        }
                    }
                    if (count < n) {
                        f = fn.value(b);
                        funcount++;
                        accpoint = Double.isFinite(f) && f <= fmin + gradproj * steplength * ACCEPT_TOLERANCE;
                        if (!accpoint) {
                            steplength *= STEP_REDUCTION;
                        }
                    }
                } while (!(count == n || accpoint));
                boolean enough = f > abstol && Math.abs(f - fmin) > reltol * (Math.abs(fmin) + reltol);
                if (!enough) {
                    count = n;
                    fmin = f;
                }
                if (count < n) {
                    fmin = f;
                    fn.gradient(b, g);
                    gradcount++;
                    iter++;
                    double d1 = 0.0;
                    for (int i = 0; i < n; i++) {
                        t[i] = steplength * t[i];
                        c[i] = g[i] - c[i];
                        d1 += t[i] * c[i];
                    }
                    if (d1 > 0) {
                        if (n == 4) {
                            update4(d1);
                        } else {
                            update(d1);
                        }
                    } else {
                        ilast = gradcount;
                    }
                } else if (ilast < gradcount) {
                    count = 0;
                    ilast = gradcount;
                }
            } else {
                count = 0;
                if (ilast == gradcount) {
                    count = n;
                } else {
                    ilast = gradcount;
                }
            }
            if (iter >= maxit) {
                break;
            }
            if (gradcount - ilast > 2 * n) {
                ilast = gradcount;
            }
        } while (count != n || ilast != gradcount);
        return new Outcome(fmin, funcount, gradcount, iter >= maxit);
    }

    /** The search direction {@code t = −B·g}; returns {@code t·g}. */
    private double direction() {
        double gradproj = 0.0;
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s -= bInv[i * n + j] * g[j];
            }
            t[i] = s;
            gradproj += s * g[i];
        }
        return gradproj;
    }

    /** The BFGS update of the metric with {@code t} (step) and {@code c} (gradient change). */
    private void update(double d1) {
        double d2 = 0.0;
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += bInv[i * n + j] * c[j];
            }
            x[i] = s;
            d2 += s * c[i];
        }
        d2 = 1.0 + d2 / d1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = bInv[i * n + j] + (d2 * t[i] * t[j] - x[i] * t[j] - t[i] * x[j]) / d1;
                bInv[i * n + j] = v;
                bInv[j * n + i] = v;
            }
        }
    }

    /**
     * {@link #direction()} for four parameters, written out: the same operations in the same order
     * (so the same doubles), without loop and index overhead.
     */
    private double direction4() {
        double[] m = bInv;
        double g0 = g[0];
        double g1 = g[1];
        double g2 = g[2];
        double g3 = g[3];
        double s0 = 0.0 - m[0] * g0 - m[1] * g1 - m[2] * g2 - m[3] * g3;
        double s1 = 0.0 - m[4] * g0 - m[5] * g1 - m[6] * g2 - m[7] * g3;
        double s2 = 0.0 - m[8] * g0 - m[9] * g1 - m[10] * g2 - m[11] * g3;
        double s3 = 0.0 - m[12] * g0 - m[13] * g1 - m[14] * g2 - m[15] * g3;
        t[0] = s0;
        t[1] = s1;
        t[2] = s2;
        t[3] = s3;
        return 0.0 + s0 * g0 + s1 * g1 + s2 * g2 + s3 * g3;
    }

    /** {@link #update(double)} for four parameters, written out in the same order. */
    private void update4(double d1) {
        double[] m = bInv;
        double c0 = c[0];
        double c1 = c[1];
        double c2 = c[2];
        double c3 = c[3];
        double x0 = 0.0 + m[0] * c0 + m[1] * c1 + m[2] * c2 + m[3] * c3;
        double x1 = 0.0 + m[4] * c0 + m[5] * c1 + m[6] * c2 + m[7] * c3;
        double x2 = 0.0 + m[8] * c0 + m[9] * c1 + m[10] * c2 + m[11] * c3;
        double x3 = 0.0 + m[12] * c0 + m[13] * c1 + m[14] * c2 + m[15] * c3;
        x[0] = x0;
        x[1] = x1;
        x[2] = x2;
        x[3] = x3;
        double d2 = 1.0 + (0.0 + x0 * c0 + x1 * c1 + x2 * c2 + x3 * c3) / d1;
        double t0 = t[0];
        double t1 = t[1];
        double t2 = t[2];
        double t3 = t[3];
        double v;
        m[0] = m[0] + (d2 * t0 * t0 - x0 * t0 - t0 * x0) / d1;
        v = m[4] + (d2 * t1 * t0 - x1 * t0 - t1 * x0) / d1;
        m[4] = v;
        m[1] = v;
        m[5] = m[5] + (d2 * t1 * t1 - x1 * t1 - t1 * x1) / d1;
        v = m[8] + (d2 * t2 * t0 - x2 * t0 - t2 * x0) / d1;
        m[8] = v;
        m[2] = v;
        v = m[9] + (d2 * t2 * t1 - x2 * t1 - t2 * x1) / d1;
        m[9] = v;
        m[6] = v;
        m[10] = m[10] + (d2 * t2 * t2 - x2 * t2 - t2 * x2) / d1;
        v = m[12] + (d2 * t3 * t0 - x3 * t0 - t3 * x0) / d1;
        m[12] = v;
        m[3] = v;
        v = m[13] + (d2 * t3 * t1 - x3 * t1 - t3 * x1) / d1;
        m[13] = v;
        m[7] = v;
        v = m[14] + (d2 * t3 * t2 - x3 * t2 - t3 * x2) / d1;
        m[14] = v;
        m[11] = v;
        m[15] = m[15] + (d2 * t3 * t3 - x3 * t3 - t3 * x3) / d1;
    }
}
