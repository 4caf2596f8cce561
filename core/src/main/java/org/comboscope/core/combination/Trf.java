package org.comboscope.core.combination;

import java.util.function.Function;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Bounded nonlinear least squares by the Trust Region Reflective method as scipy 1.10's {@code
 * least_squares(method='trf')} computes it with the exact (SVD) trust-region solver, {@code x_scale
 * = 1} and a linear loss — what {@code curve_fit} runs whenever a bound is finite (the Python {@code
 * synergy} package's ZIP slice fits with Emax ∈ [0, 1.5]). The start is nudged strictly inside the
 * bounds (rstep 1e-10); termination as scipy: ftol on the cost reduction, {@code ‖dx‖ < xtol·(xtol +
 * ‖x‖)} on the step, gtol on the scaled gradient, status 0 at {@code maxNfev} evaluations.
 */
final class Trf {
    private static final double EPS = Math.ulp(1.0);

    private Trf() {}

    /** Outcome: parameters, cost 0.5·Σr², evaluations and scipy's status (1 gtol, 2 ftol, 3 xtol, 4 both). */
    record Result(double[] params, double cost, int nfev, int status) {}

    /**
     * Minimises 0.5·Σ(model(θ) − y)² subject to {@code lb ≤ θ ≤ ub}.
     *
     * @param f model values and jacobian (∂model/∂θ)
     * @throws FitFailureException at the evaluation limit (scipy status 0; curve_fit raises) or on
     *     non-finite values at the start
     */
    static Result fit(
            String model,
            Function<double[], LeastSquares.ValueJacobian> f,
            double[] y,
            double[] start,
            double[] lb,
            double[] ub,
            double tol,
            int maxNfev) {
        int n = start.length;
        int m = y.length;
        if (m < n) {
            throw new FitFailureException(model, "fewer observations (" + m + ") than parameters (" + n + ")", start);
        }
        double[] x = strictlyFeasible(start, lb, ub, 1e-10);
        LeastSquares.ValueJacobian vj = f.apply(x);
        double[] r = residuals(vj.value(), y);
        if (!allFinite(r)) {
            throw new FitFailureException(model, "residuals are not finite at the start", x);
        }
        double[][] jac = vj.jacobian();
        int nfev = 1;
        double cost = 0.5 * dot(r, r);
        double[] g = grad(jac, r);
        double delta;
        {
            double[][] vdv = clScaling(x, g, lb, ub);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double t = x[i] / Math.sqrt(vdv[0][i]);
                s += t * t;
            }
            delta = Math.sqrt(s);
            if (delta == 0) {
                delta = 1.0;
            }
        }
        double alpha = 0;
        Integer status = null;
        while (true) {
            double[][] vdv = clScaling(x, g, lb, ub);
            double[] v = vdv[0];
            double[] dv = vdv[1];
            double gNorm = 0;
            for (int i = 0; i < n; i++) {
                gNorm = Math.max(gNorm, Math.abs(g[i] * v[i]));
            }
            if (gNorm < tol) {
                status = 1;
            }
            if (status != null || nfev == maxNfev) {
                break;
            }
            double[] d = new double[n];
            double[] diagH = new double[n];
            double[] gH = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = Math.sqrt(v[i]);
                diagH[i] = g[i] * dv[i];
                gH[i] = d[i] * g[i];
            }
            double[][] jH = new double[m][n];
            double[][] aug = new double[m + n][n];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < n; k++) {
                    jH[i][k] = jac[i][k] * d[k];
                    aug[i][k] = jH[i][k];
                }
            }
            for (int k = 0; k < n; k++) {
                aug[m + k][k] = Math.sqrt(diagH[k]);
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(aug, false));
            RealMatrix u = svd.getU();
            double[] sv = svd.getSingularValues();
            RealMatrix vm = svd.getV();
            double[] uf = new double[n];
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += u.getEntry(i, k) * r[i]; // f_augmented is (f, 0)
                }
                uf[k] = s;
            }
            double theta = Math.max(0.995, 1 - gNorm);
            double actualReduction = -1;
            double[] xNew = null;
            LeastSquares.ValueJacobian vjNew = null;
            double[] rNew = null;
            double costNew = cost;
            while (actualReduction <= 0 && nfev < maxNfev) {
                double[] solved = solveTrustRegion(n, m, uf, sv, vm, delta, alpha);
                double[] pH = java.util.Arrays.copyOf(solved, n);
                alpha = solved[n];
                double[] p = new double[n];
                for (int i = 0; i < n; i++) {
                    p[i] = d[i] * pH[i];
                }
                double[][] step = selectStep(x, jH, diagH, gH, p, pH, d, delta, lb, ub, theta);
                double[] st = step[0];
                double[] stH = step[1];
                double predicted = step[2][0];
                double[] cand = new double[n];
                for (int i = 0; i < n; i++) {
                    cand[i] = x[i] + st[i];
                }
                xNew = strictlyFeasible(cand, lb, ub, 0);
                vjNew = f.apply(xNew);
                rNew = residuals(vjNew.value(), y);
                nfev++;
                double stepHNorm = norm(stH);
                if (!allFinite(rNew)) {
                    delta = 0.25 * stepHNorm;
                    continue;
                }
                costNew = 0.5 * dot(rNew, rNew);
                actualReduction = cost - costNew;
                double ratio;
                if (predicted > 0) {
                    ratio = actualReduction / predicted;
                } else if (predicted == 0 && actualReduction == 0) {
                    ratio = 1;
                } else {
                    ratio = 0;
                }
                double deltaNew = delta;
                if (ratio < 0.25) {
                    deltaNew = 0.25 * stepHNorm;
                } else if (ratio > 0.75 && stepHNorm > 0.95 * delta) {
                    deltaNew = 2.0 * delta;
                }
                double stepNorm = norm(st);
                boolean ftolOk = actualReduction < tol * cost && ratio > 0.25;
                boolean xtolOk = stepNorm < tol * (tol + norm(x));
                if (ftolOk && xtolOk) {
                    status = 4;
                } else if (ftolOk) {
                    status = 2;
                } else if (xtolOk) {
                    status = 3;
                }
                if (status != null) {
                    break;
                }
                alpha *= delta / deltaNew;
                delta = deltaNew;
            }
            if (actualReduction > 0) {
                x = xNew;
                r = rNew;
                cost = costNew;
                jac = vjNew.jacobian();
                g = grad(jac, r);
            }
        }
        if (status == null) {
            throw new FitFailureException(model, "evaluation limit " + maxNfev + " reached (trf status 0)", x);
        }
        return new Result(x, cost, nfev, status);
    }

    /**
     * scipy's {@code approx_derivative(method='2-point')} around the model: forward differences with
     * step {@code sqrt(eps)·max(1, |x|)} (sign of x), the actual step {@code (x + h) − x}, and the
     * step turned backwards where forward would leave the bounds.
     */
    static Function<double[], LeastSquares.ValueJacobian> twoPoint(
            Function<double[], double[]> model, double[] lb, double[] ub) {
        return x -> {
            double[] f0 = model.apply(x);
            double[][] j = new double[f0.length][x.length];
            for (int k = 0; k < x.length; k++) {
                double h = Math.sqrt(EPS) * (x[k] >= 0 ? 1 : -1) * Math.max(1, Math.abs(x[k]));
                double moved = x[k] + h;
                if ((moved < lb[k] || moved > ub[k]) && Math.abs(h) <= Math.max(ub[k] - x[k], x[k] - lb[k])) {
                    h = -h;
                }
                double[] xs = x.clone();
                xs[k] = x[k] + h;
                double dx = xs[k] - x[k];
                double[] f1 = model.apply(xs);
                for (int i = 0; i < f0.length; i++) {
                    j[i][k] = (f1[i] - f0[i]) / dx;
                }
            }
            return new LeastSquares.ValueJacobian(f0, j);
        };
    }

    private static double[] residuals(double[] model, double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = model[i] - y[i];
        }
        return r;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] grad(double[][] j, double[] r) {
        double[] g = new double[j[0].length];
        for (int i = 0; i < r.length; i++) {
            for (int k = 0; k < g.length; k++) {
                g[k] += j[i][k] * r[i];
            }
        }
        return g;
    }

    private static double[] mul(double[][] j, double[] s) {
        double[] out = new double[j.length];
        for (int i = 0; i < j.length; i++) {
            out[i] = dot(j[i], s);
        }
        return out;
    }

    /** Coleman–Li scaling vector v and its derivative dv. */
    private static double[][] clScaling(double[] x, double[] g, double[] lb, double[] ub) {
        int n = x.length;
        double[] v = new double[n];
        double[] dv = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1;
            if (g[i] < 0 && Double.isFinite(ub[i])) {
                v[i] = ub[i] - x[i];
                dv[i] = -1;
            }
            if (g[i] > 0 && Double.isFinite(lb[i])) {
                v[i] = x[i] - lb[i];
                dv[i] = 1;
            }
        }
        return new double[][] {v, dv};
    }

    /** scipy's make_strictly_feasible. */
    static double[] strictlyFeasible(double[] x, double[] lb, double[] ub, double rstep) {
        double[] out = x.clone();
        for (int i = 0; i < x.length; i++) {
            int active = 0;
            if (rstep == 0) {
                if (x[i] <= lb[i]) {
                    active = -1;
                }
                if (x[i] >= ub[i]) {
                    active = 1;
                }
            } else {
                double lowerDist = x[i] - lb[i];
                double upperDist = ub[i] - x[i];
                if (Double.isFinite(lb[i]) && lowerDist <= Math.min(upperDist, rstep * Math.max(1, Math.abs(lb[i])))) {
                    active = -1;
                }
                if (Double.isFinite(ub[i]) && upperDist <= Math.min(lowerDist, rstep * Math.max(1, Math.abs(ub[i])))) {
                    active = 1;
                }
            }
            if (active == -1) {
                out[i] = rstep == 0 ? Math.nextUp(lb[i]) : lb[i] + rstep * Math.max(1, Math.abs(lb[i]));
            } else if (active == 1) {
                out[i] = rstep == 0 ? Math.nextDown(ub[i]) : ub[i] - rstep * Math.max(1, Math.abs(ub[i]));
            }
            if (out[i] < lb[i] || out[i] > ub[i]) {
                out[i] = 0.5 * (lb[i] + ub[i]);
            }
        }
        return out;
    }

    /** scipy's solve_lsq_trust_region; returns the step followed by alpha. */
    private static double[] solveTrustRegion(
            int n, int m, double[] uf, double[] s, RealMatrix v, double delta, double initialAlpha) {
        double[] suf = new double[n];
        for (int i = 0; i < n; i++) {
            suf[i] = s[i] * uf[i];
        }
        boolean fullRank = m >= n && s[n - 1] > EPS * m * s[0];
        if (fullRank) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                double t = 0;
                for (int k = 0; k < n; k++) {
                    t += v.getEntry(i, k) * (uf[k] / s[k]);
                }
                p[i] = -t;
            }
            if (norm(p) <= delta) {
                double[] out = java.util.Arrays.copyOf(p, n + 1);
                out[n] = 0.0;
                return out;
            }
        }
        double alphaUpper = norm(suf) / delta;
        double alphaLower = 0;
        if (fullRank) {
            double[] pp = phi(0.0, suf, s, delta);
            alphaLower = -pp[0] / pp[1];
        }
        double alpha;
        if (!fullRank && initialAlpha == 0) {
            alpha = Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper));
        } else {
            alpha = initialAlpha;
        }
        for (int it = 0; it < 10; it++) {
            if (alpha < alphaLower || alpha > alphaUpper) {
                alpha = Math.max(0.001 * alphaUpper, Math.sqrt(alphaLower * alphaUpper));
            }
            double[] pp = phi(alpha, suf, s, delta);
            if (pp[0] < 0) {
                alphaUpper = alpha;
            }
            double ratio = pp[0] / pp[1];
            alphaLower = Math.max(alphaLower, alpha - ratio);
            alpha -= (pp[0] + delta) * ratio / delta;
            if (Math.abs(pp[0]) < 0.01 * delta) {
                break;
            }
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int k = 0; k < n; k++) {
                t += v.getEntry(i, k) * (suf[k] / (s[k] * s[k] + alpha));
            }
            p[i] = -t;
        }
        double scale = delta / norm(p);
        double[] out = new double[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = p[i] * scale;
        }
        out[n] = alpha;
        return out;
    }

    private static double[] phi(double alpha, double[] suf, double[] s, double delta) {
        double pn = 0;
        double d3 = 0;
        for (int i = 0; i < s.length; i++) {
            double denom = s[i] * s[i] + alpha;
            pn += (suf[i] / denom) * (suf[i] / denom);
            d3 += suf[i] * suf[i] / (denom * denom * denom);
        }
        pn = Math.sqrt(pn);
        return new double[] {pn - delta, -d3 / pn};
    }

    private static boolean inBounds(double[] x, double[] lb, double[] ub) {
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lb[i] && x[i] <= ub[i])) {
                return false;
            }
        }
        return true;
    }

    /** scipy's step_size_to_bound: {min step, hits (-1/0/1 per coordinate)}. */
    private static double[][] stepToBound(double[] x, double[] s, double[] lb, double[] ub) {
        int n = x.length;
        double[] steps = new double[n];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            steps[i] = Double.POSITIVE_INFINITY;
            if (s[i] != 0) {
                steps[i] = Math.max((lb[i] - x[i]) / s[i], (ub[i] - x[i]) / s[i]);
            }
            min = Math.min(min, steps[i]);
        }
        double[] hits = new double[n];
        for (int i = 0; i < n; i++) {
            hits[i] = steps[i] == min ? Math.signum(s[i]) : 0;
        }
        return new double[][] {{min}, hits};
    }

    private static double evaluateQuadratic(double[][] j, double[] g, double[] s, double[] diag) {
        double[] js = mul(j, s);
        double q = dot(js, js);
        for (int i = 0; i < s.length; i++) {
            q += s[i] * diag[i] * s[i];
        }
        return 0.5 * q + dot(s, g);
    }

    /** {a, b, c} of the 1-D quadratic along s from s0 (c = 0 without s0). */
    private static double[] quadratic1d(double[][] j, double[] g, double[] s, double[] diag, double[] s0) {
        double[] v = mul(j, s);
        double a = dot(v, v);
        for (int i = 0; i < s.length; i++) {
            a += s[i] * diag[i] * s[i];
        }
        a *= 0.5;
        double b = dot(g, s);
        double c = 0;
        if (s0 != null) {
            double[] u = mul(j, s0);
            b += dot(u, v);
            c = 0.5 * dot(u, u) + dot(g, s0);
            for (int i = 0; i < s.length; i++) {
                b += s0[i] * diag[i] * s[i];
                c += 0.5 * s0[i] * diag[i] * s0[i];
            }
        }
        return new double[] {a, b, c};
    }

    /** {t, value} minimising a·t² + b·t + c on [lo, hi]. */
    private static double[] minimizeQuadratic1d(double a, double b, double lo, double hi, double c) {
        double[] t = {lo, hi, Double.NaN};
        int k = 2;
        if (a != 0) {
            double ext = -0.5 * b / a;
            if (lo < ext && ext < hi) {
                t[2] = ext;
                k = 3;
            }
        }
        double best = Double.NaN;
        double bestT = Double.NaN;
        for (int i = 0; i < k; i++) {
            double yv = t[i] * (a * t[i] + b) + c;
            if (i == 0 || yv < best) {
                best = yv;
                bestT = t[i];
            }
        }
        return new double[] {bestT, best};
    }

    /** scipy's select_step: {step, step_h, {predicted reduction}}. */
    private static double[][] selectStep(
            double[] x,
            double[][] jH,
            double[] diagH,
            double[] gH,
            double[] p,
            double[] pH,
            double[] d,
            double delta,
            double[] lb,
            double[] ub,
            double theta) {
        int n = x.length;
        double[] xp = new double[n];
        for (int i = 0; i < n; i++) {
            xp[i] = x[i] + p[i];
        }
        if (inBounds(xp, lb, ub)) {
            double pv = evaluateQuadratic(jH, gH, pH, diagH);
            return new double[][] {p, pH, {-pv}};
        }
        double[][] sb = stepToBound(x, p, lb, ub);
        double pStride = sb[0][0];
        double[] hits = sb[1];
        double[] rH = pH.clone();
        double[] rr = new double[n];
        for (int i = 0; i < n; i++) {
            if (hits[i] != 0) {
                rH[i] *= -1;
            }
            rr[i] = d[i] * rH[i];
        }
        p = p.clone();
        pH = pH.clone();
        double[] xOnBound = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] *= pStride;
            pH[i] *= pStride;
            xOnBound[i] = x[i] + p[i];
        }
        double toTr = intersectTrustRegionUpper(pH, rH, delta);
        double toBound = stepToBound(xOnBound, rr, lb, ub)[0][0];
        double rStride = Math.min(toBound, toTr);
        double rStrideL;
        double rStrideU;
        if (rStride > 0) {
            rStrideL = (1 - theta) * pStride / rStride;
            rStrideU = rStride == toBound ? theta * toBound : toTr;
        } else {
            rStrideL = 0;
            rStrideU = -1;
        }
        double rValue;
        if (rStrideL <= rStrideU) {
            double[] q = quadratic1d(jH, gH, rH, diagH, pH);
            double[] mq = minimizeQuadratic1d(q[0], q[1], rStrideL, rStrideU, q[2]);
            for (int i = 0; i < n; i++) {
                rH[i] = rH[i] * mq[0] + pH[i];
                rr[i] = rH[i] * d[i];
            }
            rValue = mq[1];
        } else {
            rValue = Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
            p[i] *= theta;
            pH[i] *= theta;
        }
        double pValue = evaluateQuadratic(jH, gH, pH, diagH);
        double[] agH = new double[n];
        double[] ag = new double[n];
        for (int i = 0; i < n; i++) {
            agH[i] = -gH[i];
            ag[i] = d[i] * agH[i];
        }
        double toTrAg = delta / norm(agH);
        double toBoundAg = stepToBound(x, ag, lb, ub)[0][0];
        double agStride = toBoundAg < toTrAg ? theta * toBoundAg : toTrAg;
        double[] q = quadratic1d(jH, gH, agH, diagH, null);
        double[] mq = minimizeQuadratic1d(q[0], q[1], 0, agStride, 0);
        for (int i = 0; i < n; i++) {
            agH[i] *= mq[0];
            ag[i] *= mq[0];
        }
        double agValue = mq[1];
        if (pValue < rValue && pValue < agValue) {
            return new double[][] {p, pH, {-pValue}};
        } else if (rValue < pValue && rValue < agValue) {
            return new double[][] {rr, rH, {-rValue}};
        }
        return new double[][] {ag, agH, {-agValue}};
    }

    /** The larger root t of ‖x + t·s‖ = Δ (scipy's intersect_trust_region, second value). */
    private static double intersectTrustRegionUpper(double[] x, double[] s, double delta) {
        double a = dot(s, s);
        double b = dot(x, s);
        double c = dot(x, x) - delta * delta;
        double dd = Math.sqrt(b * b - a * c);
        double q = -(b + Math.copySign(dd, b));
        double t1 = q / a;
        double t2 = c / q;
        return Math.max(t1, t2);
    }
}
