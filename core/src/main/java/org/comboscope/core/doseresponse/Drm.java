package org.comboscope.core.doseresponse;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One drc {@code drm()} least-squares fit of LL.4 or L.4 as drc 3.0-1 performs it: power-of-ten
 * scaling of dose and response (LL.4 only), the self-starter ({@code findcd} + a linear regression
 * of {@code log((d0 − y)/(y − c0))} on log dose), optim's BFGS ({@link VariableMetricMinimizer})
 * in parscale'd coordinates with central-difference gradients ({@code ndeps = 1e-3}), reltol 1e-7,
 * maxit 500, and the numerical Hessian at the end. Any non-finite gradient, in the search or in
 * the final Hessian, makes the fit fail as drc's does ("Convergence failed").
 *
 * <p>Internal: {@link SynergyFinderFitter} adds SynergyFinder's policy (variance tweak, L.4
 * fallback) on top.
 */
final class Drm {
    static final int MAXIT = 500;
    static final double RELTOL = 1e-7;
    static final double NDEPS = 1e-3;

    private Drm() {}

    /** Result of one drm call. Parameters are on the original (unscaled) scale. */
    record Result(
            boolean converged,
            String failure,
            double[] start,
            double doseScaling,
            double respScaling,
            double[] parameters,
            int functionCount,
            int gradientCount,
            Supplier<double[][]> covariance) {}

    /**
     * Fits {@code model} to {@code (x, y)}. For L.4, {@code x} is already the log dose.
     *
     * @param fixed length-4 array (b, c, d, e): NaN = free, otherwise the fixed value
     */
    static Result fit(CurveModel model, double[] x, double[] y, double[] fixed) {
        return fit(model, x, y, fixed, true);
    }

    /**
     * {@link #fit(CurveModel, double[], double[], double[])}, with the Hessian computed at once
     * (as drc does) when {@code lazyHessian} is false; the results are the same either way.
     */
    static Result fit(CurveModel model, double[] x, double[] y, double[] fixed, boolean lazyHessian) {
        Scaled sc = Scaled.of(model, x, y, fixed);
        int n = x.length;
        double ds = sc.ds;
        double rs = sc.rs;
        double[] xs = sc.xs;
        double[] ys = sc.ys;
        double[] scale = sc.scale;
        double[] fixedScaled = sc.fixedScaled;
        int free = sc.free;
        double[] start4 = selfStart(model, xs, ys);

        double[] startReport = new double[4];
        for (int k = 0; k < 4; k++) {
            startReport[k] = Double.isNaN(fixed[k]) ? start4[k] * scale[k] : Double.NaN;
        }
        double[] start = new double[free];
        int[] index = new int[free];
        for (int k = 0, j = 0; k < 4; k++) {
            if (Double.isNaN(fixed[k])) {
                index[j] = k;
                start[j++] = start4[k];
            }
        }
        double[] ps = new double[free];
        for (int j = 0; j < free; j++) {
            ps[j] = Math.abs(start[j]);
            if (ps[j] < 1e-4) {
                ps[j] = 1;
            }
        }
        Objective obj = new Objective(model, xs, ys, fixedScaled, index, ps);
        double[] p = new double[free];
        for (int j = 0; j < free; j++) {
            p[j] = start[j] / ps[j];
            if (!Double.isFinite(p[j])) {
                return failed("non-finite start value", startReport, ds, rs, 0, 0);
            }
        }
        VariableMetricMinimizer vm = new VariableMetricMinimizer(free);
        VariableMetricMinimizer.Outcome out;
        double[] par = new double[free];
        Supplier<double[][]> cov;
        try {
            out = vm.minimize(p, obj, MAXIT, Double.NEGATIVE_INFINITY, RELTOL);
            for (int j = 0; j < free; j++) {
                par[j] = p[j] * ps[j];
            }
            double rss = out.value();
            if (lazyHessian && hessianIsFinite(model, xs, ys, fixedScaled, index, ps, par)) {
                // drc's fit can no longer fail: the Hessian (as costly as several BFGS iterations,
                // and not needed by ZIP lines) is computed when the covariance is first asked for.
                // A fresh objective gives the same doubles, its caches only save recomputation.
                cov = () -> covariance(
                        hessian(new Objective(model, xs, ys, fixedScaled, index, ps), par, ps), rss, n, index, scale);
            } else {
                double[][] c = covariance(hessian(obj, par, ps), rss, n, index, scale);
                cov = () -> c;
            }
        } catch (VariableMetricMinimizer.NonFiniteGradient | VariableMetricMinimizer.NonFiniteStart ex) {
            return failed("Convergence failed: " + ex.getMessage(), startReport, ds, rs, 0, 0);
        }
        double[] params = new double[4];
        for (int k = 0; k < 4; k++) {
            params[k] = fixed[k];
        }
        for (int j = 0; j < free; j++) {
            params[index[j]] = par[j] * scale[index[j]];
        }
        return new Result(true, "", startReport, ds, rs, params, out.functionCount(), out.gradientCount(), cov);
    }

    /** Largest magnitude of a parameter or response for which {@link #hessianIsFinite} vouches. */
    private static final double FINITE_GUARD = 1e100;

    /**
     * Whether every objective value and gradient component that {@link #hessian} computes at
     * {@code par} is certainly finite, so that the Hessian cannot make the fit fail. The Hessian
     * evaluates the objective with each free parameter moved by at most {@code NDEPS·(1 + ps)}
     * (outer step plus gradient step); over those intervals:
     *
     * <ul>
     *   <li>{@code 1 + exp(b·log(x/e))} (LL.4) lies in [1, ∞] whenever {@code e > 0} and {@code b ≠ 0}
     *       (a zero dose gives {@code log 0 = −∞}, and {@code 0·∞} is the only way to NaN), and
     *       {@code 1 + exp(b·(x − e))} (L.4) in [1, ∞] for finite operands;
     *   <li>so each fitted value {@code c + (d − c)/den} lies between c and d, each residual is at most
     *       {@code |y| + |c| + |d − c|}, and with every magnitude below 1e100 the sum of squares and the
     *       central differences stay far below overflow.
     * </ul>
     *
     * When it answers false the Hessian is computed at once, as drc does, and may fail the fit.
     */
    static boolean hessianIsFinite(
            CurveModel model, double[] x, double[] y, double[] fixed, int[] index, double[] ps, double[] par) {
        double[] lo = fixed.clone();
        double[] hi = fixed.clone();
        for (int j = 0; j < index.length; j++) {
            double v = par[j];
            if (!Double.isFinite(v) || !(ps[j] > 0) || !(ps[j] < FINITE_GUARD)) {
                return false;
            }
            double w = 1.01 * NDEPS * (1 + ps[j]) + 1e-9 * Math.abs(v);
            lo[index[j]] = v - w;
            hi[index[j]] = v + w;
        }
        for (int k = 0; k < 4; k++) {
            if (!(Math.abs(lo[k]) < FINITE_GUARD && Math.abs(hi[k]) < FINITE_GUARD)) {
                return false;
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (!(Math.abs(y[i]) < FINITE_GUARD) || !(Math.abs(x[i]) < FINITE_GUARD)) {
                return false;
            }
        }
        if (model == CurveModel.LL4) {
            boolean bAwayFromZero = lo[0] > 0 || hi[0] < 0;
            return bAwayFromZero && lo[3] > 0;
        }
        return true;
    }

    /**
     * Continues minimising from {@code params} (b, c, d, e on the original scale) with the same
     * scaled objective but a far tighter tolerance (reltol 1e-16, up to 5000 iterations): the first
     * stage of the "polished" fits of the spec's §7. Returns the improved parameters, or the input
     * when no finite improvement was found.
     */
    static double[] polish(CurveModel model, double[] x, double[] y, double[] fixed, double[] params) {
        Scaled sc = Scaled.of(model, x, y, fixed);
        double[] xs = sc.xs;
        double[] ys = sc.ys;
        double[] scale = sc.scale;
        double[] fixedScaled = sc.fixedScaled;
        int free = sc.free;
        int[] index = new int[free];
        double[] ps = new double[free];
        double[] p = new double[free];
        for (int k = 0, j = 0; k < 4; k++) {
            if (Double.isNaN(fixed[k])) {
                index[j] = k;
                double v = params[k] / scale[k];
                ps[j] = Math.abs(v) < 1e-4 ? 1 : Math.abs(v);
                p[j] = v / ps[j];
                j++;
            }
        }
        Objective obj = new Objective(model, xs, ys, fixedScaled, index, ps);
        try {
            new VariableMetricMinimizer(free).minimize(p, obj, 5000, Double.NEGATIVE_INFINITY, 1e-16);
        } catch (VariableMetricMinimizer.NonFiniteGradient | VariableMetricMinimizer.NonFiniteStart e) {
            return params.clone();
        }
        double[] out = params.clone();
        for (int j = 0; j < free; j++) {
            out[index[j]] = p[j] * ps[j] * scale[index[j]];
        }
        for (double v : out) {
            if (!Double.isFinite(v)) {
                return params.clone();
            }
        }
        return out;
    }

    private static Result failed(String why, double[] start, double ds, double rs, int fn, int gr) {
        return new Result(false, why, start, ds, rs, new double[0], fn, gr, () -> new double[0][]);
    }

    /** The problem as drc optimises it: power-of-ten scaled data and fixed parameters (LL.4 only). */
    private record Scaled(
            double ds, double rs, double[] xs, double[] ys, double[] scale, double[] fixedScaled, int free) {
        static Scaled of(CurveModel model, double[] x, double[] y, double[] fixed) {
            int n = x.length;
            double ds = model == CurveModel.LL4 ? scaling(median(x)) : 1;
            double rs = model == CurveModel.LL4 ? scaling(median(y)) : 1;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[i] / ds;
                ys[i] = y[i] / rs;
            }
            double[] scale = {1, rs, rs, model == CurveModel.LL4 ? ds : 1};
            double[] fixedScaled = new double[4];
            int free = 0;
            for (int k = 0; k < 4; k++) {
                fixedScaled[k] = Double.isNaN(fixed[k]) ? Double.NaN : fixed[k] / scale[k];
                if (Double.isNaN(fixed[k])) {
                    free++;
                }
            }
            return new Scaled(ds, rs, xs, ys, scale, fixedScaled, free);
        }
    }

    /** drc's scaling factor: 10^floor(log10(m)), or 1 when undefined or below 1e-15. */
    static double scaling(double m) {
        double s = Math.pow(10, Math.floor(Math.log10(m)));
        if (Double.isNaN(s) || s < 1e-15) {
            return 1;
        }
        return s;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return (n & 1) == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** drc's self-starter on scaled data: (b0, c0, d0, e0). */
    static double[] selfStart(CurveModel model, double[] x, double[] y) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double inc = 0.001 * (max - min);
        double c0 = min - inc;
        double d0 = max + inc;
        // Linear regression of log((d0 - y)/(y - c0)) on log dose (x > 0 only for LL.4).
        int m = 0;
        double[] u = new double[x.length];
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double ui = model == CurveModel.LL4 ? (x[i] > 0 ? ReferenceArithmetic.log(x[i]) : Double.NaN) : x[i];
            double vi = ReferenceArithmetic.log((d0 - y[i]) / (y[i] - c0));
            if (Double.isFinite(ui) && Double.isFinite(vi)) {
                u[m] = ui;
                v[m] = vi;
                m++;
            }
        }
        double b0 = Double.NaN;
        double intercept = Double.NaN;
        if (m >= 2) {
            double[] coef = ReferenceArithmetic.simpleRegression(Arrays.copyOf(u, m), Arrays.copyOf(v, m));
            b0 = coef[1];
            intercept = coef[0];
        }
        double e0 = model == CurveModel.LL4 ? ReferenceArithmetic.exp(-intercept / b0) : -intercept / b0;
        return new double[] {b0, c0, d0, e0};
    }

    /** optim's {@code optimhess}: central differences of the numerical gradient. */
    private static double[][] hessian(Objective obj, double[] par, double[] ps) {
        int n = par.length;
        double[] dpar = new double[n];
        for (int i = 0; i < n; i++) {
            dpar[i] = par[i] / ps[i];
        }
        double[] df1 = new double[n];
        double[] df2 = new double[n];
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            double eps = NDEPS / ps[i];
            dpar[i] = dpar[i] + eps;
            obj.gradient(dpar, df1);
            dpar[i] = dpar[i] - 2 * eps;
            obj.gradient(dpar, df2);
            for (int j = 0; j < n; j++) {
                h[i][j] = (df1[j] - df2[j]) / (2 * eps * ps[i] * ps[j]);
            }
            dpar[i] = dpar[i] + eps;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double tmp = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = tmp;
                h[j][i] = tmp;
            }
        }
        return h;
    }

    /**
     * Covariance of the parameters (b, c, d, e) on the original scale: {@code 2 s² H⁻¹} with
     * {@code s² = RSS / (n − p)}, zero rows and columns for fixed parameters; empty when the
     * Hessian is singular or there are no residual degrees of freedom.
     */
    private static double[][] covariance(double[][] h, double rssScaled, int n, int[] index, double[] scale) {
        int p = index.length;
        if (n - p <= 0) {
            return new double[0][];
        }
        double[][] inv = invert(h);
        if (inv.length == 0) {
            return inv;
        }
        double s2 = rssScaled / (n - p);
        double[][] cov = new double[4][4];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int a = index[i];
                int b = index[j];
                cov[a][b] = 2 * s2 * inv[i][j] * scale[a] * scale[b];
            }
        }
        return cov;
    }

    /** Gauss–Jordan inverse with partial pivoting; empty array if singular. */
    static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv][col]) > 0) || !Double.isFinite(m[piv][col])) {
                return new double[0][];
            }
            double[] tmp = m[col];
            m[col] = m[piv];
            m[piv] = tmp;
            double d = m[col][col];
            for (int k = 0; k < 2 * n; k++) {
                m[col][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col];
                    if (f != 0) {
                        for (int k = 0; k < 2 * n; k++) {
                            m[r][k] -= f * m[col][k];
                        }
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, inv[i], 0, n);
        }
        return inv;
    }

    /**
     * Sum of squared residuals on the scaled problem, in optimiser coordinates, evaluated with the
     * reference platform's rounding ({@link ReferenceArithmetic}: glibc's exp and log, x87 extended
     * precision sum) and drc's exact formula, so that the optimiser follows drc's path.
     *
     * <p>The transcendental part of the model, {@code exp(b·log(x/e))} (LL.4) or {@code exp(b·(x −
     * e))} (L.4), depends on b and e only, and {@code log(x/e)} on e only. A central-difference
     * gradient moves one parameter at a time, so most of its evaluations repeat the base point's b
     * and e: the rows of the last few (b, e) and e values are kept and reused when the bit patterns
     * match. Reuse returns the very doubles a recomputation would, so the optimiser's path is
     * unchanged.
     */
    static final class Objective implements VariableMetricMinimizer.Objective {
        /** Cached rows per kind; 4 keep a gradient's base point alive through its own perturbations. */
        private static final int SLOTS = 4;

        private final CurveModel model;
        private final double[] x;
        private final double[] y;
        private final double[] full;
        private final int[] index;
        private final double[] ps;
        private final ReferenceArithmetic.LongDoubleSum acc = new ReferenceArithmetic.LongDoubleSum();
        /** Squared residuals of the current evaluation (and of the second one in {@link #rssPair}). */
        private final double[] terms;

        private final double[] terms2;
        private final double[] terms3;
        private final double[] terms4;
        /** The two values computed by {@link #rssPair}. */
        private final double[] pair = new double[2];
        /** The four values computed by {@link #rssQuad}. */
        private final double[] quad = new double[4];

        private final long[] denB = new long[SLOTS];
        private final long[] denE = new long[SLOTS];
        /** {@code 1 + exp(b·log(x_i/e))} (LL.4) or {@code 1 + exp(b·(x_i − e))} (L.4) per slot. */
        private final double[][] denRows;

        private int denNext;
        private int denFilled;
        private final long[] logE = new long[SLOTS];
        private final double[][] logRows;
        private int logNext;
        private int logFilled;

        Objective(CurveModel model, double[] x, double[] y, double[] fixed, int[] index, double[] ps) {
            this.model = model;
            this.x = x;
            this.y = y;
            this.full = fixed.clone();
            this.index = index;
            this.ps = ps;
            this.terms = new double[x.length];
            this.terms2 = new double[x.length];
            this.terms3 = new double[x.length];
            this.terms4 = new double[x.length];
            this.denRows = new double[SLOTS][x.length];
            this.logRows = model == CurveModel.LL4 ? new double[SLOTS][x.length] : new double[0][];
        }

        @Override
        public double value(double[] p) {
            for (int j = 0; j < index.length; j++) {
                if (!Double.isFinite(p[j])) {
                    throw new VariableMetricMinimizer.NonFiniteGradient(j);
                }
                full[index[j]] = p[j] * ps[j];
            }
            double c = full[1];
            double dc = full[2] - c;
            double[] den = denominators(full[0], full[3], null);
            double[] terms = this.terms;
            for (int i = 0; i < x.length; i++) {
                double r = y[i] - (c + dc / den[i]);
                terms[i] = r * r;
            }
            return ReferenceArithmetic.extendedSum(terms, x.length, acc);
        }

        /**
         * The row {@code 1 + exp(b·log(x_i/e))} (LL.4; drc's expression, not b·(log x − log e)) or
         * {@code 1 + exp(b·(x_i − e))} (L.4); a new row never takes the place of {@code keep}.
         */
        private double[] denominators(double b, double e, double[] keep) {
            long kb = Double.doubleToRawLongBits(b);
            long ke = Double.doubleToRawLongBits(e);
            for (int s = 0; s < denFilled; s++) {
                if (denB[s] == kb && denE[s] == ke) {
                    return denRows[s];
                }
            }
            int slot = denNext;
            if (denRows[slot] == keep) {
                slot = (slot + 1) % SLOTS;
            }
            denNext = (slot + 1) % SLOTS;
            denFilled = Math.max(denFilled, slot + 1);
            denB[slot] = kb;
            denE[slot] = ke;
            double[] row = denRows[slot];
            if (model == CurveModel.LL4) {
                double[] logs = logs(e, ke);
                for (int i = 0; i < x.length; i++) {
                    row[i] = 1 + ReferenceArithmetic.exp(b * logs[i]);
                }
            } else {
                for (int i = 0; i < x.length; i++) {
                    row[i] = 1 + ReferenceArithmetic.exp(b * (x[i] - e));
                }
            }
            return row;
        }

        private double[] logs(double e, long ke) {
            for (int s = 0; s < logFilled; s++) {
                if (logE[s] == ke) {
                    return logRows[s];
                }
            }
            int slot = logNext;
            logNext = (logNext + 1) % SLOTS;
            logFilled = Math.max(logFilled, slot + 1);
            logE[slot] = ke;
            double[] row = logRows[slot];
            for (int i = 0; i < x.length; i++) {
                row[i] = ReferenceArithmetic.log(x[i] / e);
            }
            return row;
        }

        /**
         * optim's central-difference gradient, {@code g_i = (f(p + δe_i) − f(p − δe_i)) / 2δ} with
         * δ = 1e-3. The two evaluations of a coordinate are independent, so their residual loops run
         * interleaved (two accumulations in flight instead of one); each value is the double a
         * separate {@link #value} call returns.
         */
        @Override
        public void gradient(double[] p, double[] g) {
            int m = p.length;
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(p[j])) {
                    throw new VariableMetricMinimizer.NonFiniteGradient(j);
                }
                full[index[j]] = p[j] * ps[j];
            }
            double b = full[0];
            double c = full[1];
            double d = full[2];
            double e = full[3];
            for (int i = 0; i < m; i++) {
                int k = index[i];
                double up = (p[i] + NDEPS) * ps[i];
                double down = (p[i] - NDEPS) * ps[i];
                if (k == 1 && i + 1 < m && index[i + 1] == 2) {
                    // c and d both free: their four evaluations share the base row and run together.
                    double upD = (p[i + 1] + NDEPS) * ps[i + 1];
                    double downD = (p[i + 1] - NDEPS) * ps[i + 1];
                    rssQuad(up, d, down, d, c, upD, c, downD, denominators(b, e, null));
                    g[i] = (quad[0] - quad[1]) / (2 * NDEPS);
                    if (!Double.isFinite(g[i])) {
                        throw new VariableMetricMinimizer.NonFiniteGradient(i);
                    }
                    i++;
                    g[i] = (quad[2] - quad[3]) / (2 * NDEPS);
                    if (!Double.isFinite(g[i])) {
                        throw new VariableMetricMinimizer.NonFiniteGradient(i);
                    }
                    continue;
                }
                double[] den1 = k == 0 ? denominators(up, e, null) : k == 3 ? denominators(b, up, null) : null;
                double[] den2 = k == 0 ? denominators(down, e, den1) : k == 3 ? denominators(b, down, den1) : null;
                if (den1 == null) {
                    den1 = denominators(b, e, null);
                    den2 = den1;
                }
                rssPair(k == 1 ? up : c, k == 2 ? up : d, den1, k == 1 ? down : c, k == 2 ? down : d, den2);
                g[i] = (pair[0] - pair[1]) / (2 * NDEPS);
                if (!Double.isFinite(g[i])) {
                    throw new VariableMetricMinimizer.NonFiniteGradient(i);
                }
            }
        }

        /**
         * {@link #value}'s residual sum for four (c, d) pairs on one row of denominators, into
         * {@link #quad}: four accumulations in flight.
         */
        private void rssQuad(
                double c1, double d1, double c2, double d2, double c3, double d3, double c4, double d4, double[] den) {
            double dc1 = d1 - c1;
            double dc2 = d2 - c2;
            double dc3 = d3 - c3;
            double dc4 = d4 - c4;
            double[] t1 = terms;
            double[] t2 = terms2;
            double[] t3 = terms3;
            double[] t4 = terms4;
            int n = x.length;
            double hi1 = 0;
            double lo1 = 0;
            double hi2 = 0;
            double lo2 = 0;
            double hi3 = 0;
            double lo3 = 0;
            double hi4 = 0;
            double lo4 = 0;
            for (int i = 0; i < n; i++) {
                double yi = y[i];
                double di = den[i];
                double r1 = yi - (c1 + dc1 / di);
                double r2 = yi - (c2 + dc2 / di);
                double r3 = yi - (c3 + dc3 / di);
                double r4 = yi - (c4 + dc4 / di);
                double q1 = r1 * r1;
                double q2 = r2 * r2;
                double q3 = r3 * r3;
                double q4 = r4 * r4;
                t1[i] = q1;
                t2[i] = q2;
                t3[i] = q3;
                t4[i] = q4;
                double a1 = hi1 + q1;
                double a2 = hi2 + q2;
                double a3 = hi3 + q3;
                double a4 = hi4 + q4;
                double bp1 = a1 - hi1;
                double bp2 = a2 - hi2;
                double bp3 = a3 - hi3;
                double bp4 = a4 - hi4;
                lo1 += (hi1 - (a1 - bp1)) + (q1 - bp1);
                lo2 += (hi2 - (a2 - bp2)) + (q2 - bp2);
                lo3 += (hi3 - (a3 - bp3)) + (q3 - bp3);
                lo4 += (hi4 - (a4 - bp4)) + (q4 - bp4);
                hi1 = a1;
                hi2 = a2;
                hi3 = a3;
                hi4 = a4;
            }
            quad[0] = ReferenceArithmetic.roundExtendedSum(hi1, lo1, t1, n, acc);
            quad[1] = ReferenceArithmetic.roundExtendedSum(hi2, lo2, t2, n, acc);
            quad[2] = ReferenceArithmetic.roundExtendedSum(hi3, lo3, t3, n, acc);
            quad[3] = ReferenceArithmetic.roundExtendedSum(hi4, lo4, t4, n, acc);
        }

        /** {@link #value}'s residual sum for two parameter sets at once, into {@link #pair}. */
        private void rssPair(double c1, double d1, double[] den1, double c2, double d2, double[] den2) {
            double dc1 = d1 - c1;
            double dc2 = d2 - c2;
            double[] t1 = terms;
            double[] t2 = terms2;
            int n = x.length;
            double hi1 = 0;
            double lo1 = 0;
            double hi2 = 0;
            double lo2 = 0;
            for (int i = 0; i < n; i++) {
                double r1 = y[i] - (c1 + dc1 / den1[i]);
                double r2 = y[i] - (c2 + dc2 / den2[i]);
                double q1 = r1 * r1;
                double q2 = r2 * r2;
                t1[i] = q1;
                t2[i] = q2;
                double a1 = hi1 + q1;
                double a2 = hi2 + q2;
                double bp1 = a1 - hi1;
                double bp2 = a2 - hi2;
                lo1 += (hi1 - (a1 - bp1)) + (q1 - bp1);
                lo2 += (hi2 - (a2 - bp2)) + (q2 - bp2);
                hi1 = a1;
                hi2 = a2;
            }
            pair[0] = ReferenceArithmetic.roundExtendedSum(hi1, lo1, t1, n, acc);
            pair[1] = ReferenceArithmetic.roundExtendedSum(hi2, lo2, t2, n, acc);
        }
    }
}
