package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * SynergyLMM's Gompertz model, {@code nlme::nlme(logRTV ~ (r0/rho)(1 - exp(-rho Time)), fixed = r0 +
 * rho ~ 0 + Treatment, random = r0 + rho ~ 1 | SampleID)}, by maximum likelihood.
 *
 * <p>Solves the Lindstrom-Bates fixed point that nlme iterates towards: (1) penalised non-linear
 * least squares for the fixed and random effects given the relative precision of the random
 * effects; (2) the ML log-likelihood of the model linearised at those estimates, maximised over the
 * 2x2 relative covariance (log-Cholesky parameters, Nelder-Mead). Both steps are iterated to a
 * tight tolerance (relative parameter change < 1e-7). nlme itself stops earlier: after a relative
 * change < 1e-5, or as soon as the fixed effects change < 1e-5 while its LME optimiser took a single
 * iteration; its estimates can therefore sit short of the fixed point (CR1197: within 1.5e-5
 * relative; 4T1: up to 0.8% on rho and 24% on the rho random-effect SD, with nlme's linearised
 * log-likelihood 0.045 below ours). Arms do not share fixed effects, so step (1) separates by arm.
 */
public final class GompertzGrowthModel {
    private static final int MAX_OUTER = 500;

    private GompertzGrowthModel() {}

    /** One animal's data and current random effect. */
    private static final class Animal {
        final String id;
        final int group;
        final double[] t;
        final double[] y;
        double[] b = new double[2];

        Animal(String id, int group, double[] t, double[] y) {
            this.id = id;
            this.group = group;
            this.t = t;
            this.y = y;
        }
    }

    /**
     * Fits the model to prepared rows (time > 0).
     *
     * @throws FitFailureException when an arm has no rows or the iteration does not converge
     */
    public static GompertzFit fit(List<RelativeVolume> rows) {
        return fit(rows, 1e-7);
    }

    /** As {@link #fit(List)}, stopping when no parameter changes by more than {@code tolerance} (relative). */
    static GompertzFit fit(List<RelativeVolume> rows, double tolerance) {
        Map<String, List<RelativeVolume>> byAnimal = new LinkedHashMap<>();
        for (RelativeVolume r : rows) {
            byAnimal.computeIfAbsent(r.animalId(), k -> new ArrayList<>()).add(r);
        }
        List<Animal> animals = new ArrayList<>();
        int[] perGroup = new int[4];
        for (List<RelativeVolume> l : byAnimal.values()) {
            double[] t = l.stream().mapToDouble(RelativeVolume::time).toArray();
            double[] y = l.stream().mapToDouble(RelativeVolume::logRtv).toArray();
            int g = l.get(0).role().ordinal();
            animals.add(new Animal(l.get(0).animalId(), g, t, y));
            perGroup[g] += t.length;
        }
        for (ArmRole role : ArmRole.values()) {
            if (perGroup[role.ordinal()] == 0) {
                throw new FitFailureException("Gompertz growth model", "arm " + role.label() + " has no rows", null);
            }
        }
        int n = rows.size();
        double[][] beta = new double[4][];
        for (int g = 0; g < 4; g++) {
            beta[g] = selfStart(animals, g);
        }
        double[] theta = {0, 0, 0};
        double prevLl = Double.NaN;
        double[] prev = pack(beta, theta);
        for (int it = 1; it <= MAX_OUTER; it++) {
            double[] d = relCov(theta);
            double[][] prec = inverse2(d);
            for (int g = 0; g < 4; g++) {
                beta[g] = pnls(animals, g, beta[g], prec);
            }
            Linearised lin = new Linearised(animals, beta, n);
            theta = lin.maximise(theta);
            double[] now = pack(beta, theta);
            double change = 0;
            for (int k = 0; k < now.length; k++) {
                change = Math.max(change, Math.abs(now[k] - prev[k]) / Math.max(1e-8, Math.abs(prev[k])));
            }
            double ll = lin.logLik(theta);
            prev = now;
            if (change < tolerance && Math.abs(ll - prevLl) < 1e-6) {
                return lin.result(theta, it);
            }
            prevLl = ll;
            for (double[] bg : beta) {
                if (!Double.isFinite(bg[0]) || !Double.isFinite(bg[1])) {
                    throw new FitFailureException("Gompertz growth model", "estimates diverged", now);
                }
            }
        }
        throw new FitFailureException("Gompertz growth model", "no convergence in " + MAX_OUTER + " iterations", prev);
    }

    private static double[] pack(double[][] beta, double[] theta) {
        double[] p = new double[11];
        for (int g = 0; g < 4; g++) {
            p[2 * g] = beta[g][0];
            p[2 * g + 1] = beta[g][1];
        }
        System.arraycopy(theta, 0, p, 8, 3);
        return p;
    }

    /** Relative covariance D = L L' from log-Cholesky parameters, as {d11, d12, d22}. */
    static double[] relCov(double[] theta) {
        double l11 = Math.exp(theta[0]);
        double l21 = theta[1];
        double l22 = Math.exp(theta[2]);
        return new double[] {l11 * l11, l11 * l21, l21 * l21 + l22 * l22};
    }

    private static double[][] inverse2(double[] d) {
        double det = d[0] * d[2] - d[1] * d[1];
        return new double[][] {{d[2] / det, -d[1] / det}, {-d[1] / det, d[0] / det}};
    }

    /** Crude start as SynergyLMM's selfStart, refined by fixed-effects-only least squares. */
    private static double[] selfStart(List<Animal> animals, int g) {
        double tMin = Double.POSITIVE_INFINITY;
        double maxY = 0;
        for (Animal a : animals) {
            if (a.group != g) {
                continue;
            }
            for (int j = 0; j < a.t.length; j++) {
                tMin = Math.min(tMin, a.t[j]);
                maxY = Math.max(maxY, a.y[j]);
            }
        }
        double s = 0;
        int c = 0;
        for (Animal a : animals) {
            for (int j = 0; a.group == g && j < a.t.length; j++) {
                if (a.t[j] == tMin) {
                    s += a.y[j] / a.t[j];
                    c++;
                }
            }
        }
        double r0 = Math.max(1e-3, s / c);
        double rho = maxY > 0 ? r0 / maxY : 0.01;
        double[][] zero = {{0, 0}, {0, 0}};
        List<double[]> saved = new ArrayList<>();
        for (Animal a : animals) {
            saved.add(a.b);
            a.b = new double[2];
        }
        double[] beta;
        try {
            beta = pnls(animals, g, new double[] {r0, rho}, zero, true);
        } catch (FitFailureException e) {
            beta = new double[] {r0, rho};
        }
        for (int i = 0; i < animals.size(); i++) {
            animals.get(i).b = saved.get(i);
        }
        return beta;
    }

    private static double[] pnls(List<Animal> animals, int g, double[] beta, double[][] prec) {
        return pnls(animals, g, beta, prec, false);
    }

    /**
     * Penalised Gauss-Newton with step halving for one arm: minimises sum ||y - f(beta + b_i)||^2 +
     * b_i' P b_i over beta and the arm's b_i (only beta when fixedOnly).
     */
    private static double[] pnls(List<Animal> animals, int g, double[] beta0, double[][] prec, boolean fixedOnly) {
        List<Animal> as = animals.stream().filter(a -> a.group == g).toList();
        int m = fixedOnly ? 0 : as.size();
        int dim = 2 + 2 * m;
        double[] beta = beta0.clone();
        double obj = objective(as, beta, prec, fixedOnly);
        for (int it = 0; it < 500; it++) {
            RealMatrix h = new Array2DRowRealMatrix(dim, dim);
            RealVector grad = new ArrayRealVector(dim);
            for (int i = 0; i < as.size(); i++) {
                Animal a = as.get(i);
                double p0 = beta[0] + a.b[0];
                double p1 = beta[1] + a.b[1];
                double[][] jj = new double[2][2];
                double[] jr = new double[2];
                for (int j = 0; j < a.t.length; j++) {
                    double[] d = deriv(p0, p1, a.t[j]);
                    double r = a.y[j] - GompertzFit.curve(p0, p1, a.t[j]);
                    for (int u = 0; u < 2; u++) {
                        jr[u] += d[u] * r;
                        for (int v = 0; v < 2; v++) {
                            jj[u][v] += d[u] * d[v];
                        }
                    }
                }
                for (int u = 0; u < 2; u++) {
                    grad.addToEntry(u, jr[u]);
                    for (int v = 0; v < 2; v++) {
                        h.addToEntry(u, v, jj[u][v]);
                    }
                }
                if (!fixedOnly) {
                    int o = 2 + 2 * i;
                    for (int u = 0; u < 2; u++) {
                        grad.addToEntry(o + u, jr[u] - prec[u][0] * a.b[0] - prec[u][1] * a.b[1]);
                        for (int v = 0; v < 2; v++) {
                            h.addToEntry(u, o + v, jj[u][v]);
                            h.addToEntry(o + u, v, jj[u][v]);
                            h.addToEntry(o + u, o + v, jj[u][v] + prec[u][v]);
                        }
                    }
                }
            }
            RealVector step;
            try {
                step = new LUDecomposition(h).getSolver().solve(grad);
            } catch (RuntimeException e) {
                throw new FitFailureException("Gompertz growth model", "singular PNLS system: " + e.getMessage(), beta);
            }
            double f = 1;
            double[] bestBeta = beta;
            List<double[]> bestB = null;
            double newObj = Double.POSITIVE_INFINITY;
            List<double[]> oldB = as.stream().map(a -> a.b.clone()).toList();
            for (int half = 0; half < 40; half++) {
                double[] nb = {beta[0] + f * step.getEntry(0), beta[1] + f * step.getEntry(1)};
                for (int i = 0; i < m; i++) {
                    as.get(i).b = new double[] {
                        oldB.get(i)[0] + f * step.getEntry(2 + 2 * i), oldB.get(i)[1] + f * step.getEntry(3 + 2 * i)
                    };
                }
                newObj = objective(as, nb, prec, fixedOnly);
                if (newObj <= obj) {
                    bestBeta = nb;
                    bestB = as.stream().map(a -> a.b.clone()).toList();
                    break;
                }
                f /= 2;
            }
            if (bestB == null) {
                for (int i = 0; i < m; i++) {
                    as.get(i).b = oldB.get(i);
                }
                return beta;
            }
            double rel = Math.abs(obj - newObj) / Math.max(obj, 1e-300);
            beta = bestBeta;
            obj = newObj;
            if (rel < 1e-15 || step.getNorm() * f < 1e-13) {
                return beta;
            }
        }
        return beta;
    }

    private static double objective(List<Animal> as, double[] beta, double[][] prec, boolean fixedOnly) {
        double s = 0;
        for (Animal a : as) {
            double p0 = beta[0] + (fixedOnly ? 0 : a.b[0]);
            double p1 = beta[1] + (fixedOnly ? 0 : a.b[1]);
            for (int j = 0; j < a.t.length; j++) {
                double r = a.y[j] - GompertzFit.curve(p0, p1, a.t[j]);
                s += r * r;
            }
            if (!fixedOnly) {
                s += a.b[0] * (prec[0][0] * a.b[0] + prec[0][1] * a.b[1])
                        + a.b[1] * (prec[1][0] * a.b[0] + prec[1][1] * a.b[1]);
            }
        }
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    /** d f / d (r0, rho). */
    static double[] deriv(double r0, double rho, double t) {
        if (Math.abs(rho) < 1e-12) {
            return new double[] {t, -r0 * t * t / 2};
        }
        double e = Math.exp(-rho * t);
        double g = -Math.expm1(-rho * t) / rho;
        return new double[] {g, r0 * (t * e / rho - g / rho)};
    }

    /** The model linearised at the current estimates (nlme's LME step). */
    private static final class Linearised {
        private final int n;
        private final int[] group;
        private final Map<String, double[]> ranef = new LinkedHashMap<>();
        private final double[][] mm; // per animal J'J {m11, m12, m22}
        private final double[][] cc; // per animal J'w
        private final double[] qq; // per animal w'w

        Linearised(List<Animal> animals, double[][] beta, int n) {
            this.n = n;
            int k = animals.size();
            group = new int[k];
            mm = new double[k][3];
            cc = new double[k][2];
            qq = new double[k];
            for (int i = 0; i < k; i++) {
                Animal a = animals.get(i);
                group[i] = a.group;
                ranef.put(a.id, a.b.clone());
                double[] bg = beta[a.group];
                double p0 = bg[0] + a.b[0];
                double p1 = bg[1] + a.b[1];
                for (int j = 0; j < a.t.length; j++) {
                    double[] d = deriv(p0, p1, a.t[j]);
                    double w = a.y[j] - GompertzFit.curve(p0, p1, a.t[j]) + d[0] * p0 + d[1] * p1;
                    mm[i][0] += d[0] * d[0];
                    mm[i][1] += d[0] * d[1];
                    mm[i][2] += d[1] * d[1];
                    cc[i][0] += d[0] * w;
                    cc[i][1] += d[1] * w;
                    qq[i] += w * w;
                }
            }
        }

        /** Per group X'V^-1X {a11,a12,a22}, X'V^-1w {c1,c2}, and sum w'V^-1w, sum log|V|. */
        private double[][] sums(double[] theta) {
            double[] d = relCov(theta);
            double[][] dinv = inverse2(d);
            double[][] out = new double[4][5];
            double wvw = 0;
            double logDet = 0;
            for (int i = 0; i < group.length; i++) {
                double[] m = mm[i];
                // A = (D^-1 + M)^-1
                double b11 = dinv[0][0] + m[0];
                double b12 = dinv[0][1] + m[1];
                double b22 = dinv[1][1] + m[2];
                double det = b11 * b22 - b12 * b12;
                double a11 = b22 / det;
                double a12 = -b12 / det;
                double a22 = b11 / det;
                // M A
                double ma11 = m[0] * a11 + m[1] * a12;
                double ma12 = m[0] * a12 + m[1] * a22;
                double ma21 = m[1] * a11 + m[2] * a12;
                double ma22 = m[1] * a12 + m[2] * a22;
                double[] o = out[group[i]];
                o[0] += m[0] - (ma11 * m[0] + ma12 * m[1]);
                o[1] += m[1] - (ma11 * m[1] + ma12 * m[2]);
                o[2] += m[2] - (ma21 * m[1] + ma22 * m[2]);
                double[] c = cc[i];
                o[3] += c[0] - (ma11 * c[0] + ma12 * c[1]);
                o[4] += c[1] - (ma21 * c[0] + ma22 * c[1]);
                wvw += qq[i] - (c[0] * (a11 * c[0] + a12 * c[1]) + c[1] * (a12 * c[0] + a22 * c[1]));
                // |I + D M|
                double e11 = 1 + d[0] * m[0] + d[1] * m[1];
                double e12 = d[0] * m[1] + d[1] * m[2];
                double e21 = d[1] * m[0] + d[2] * m[1];
                double e22 = 1 + d[1] * m[1] + d[2] * m[2];
                logDet += Math.log(e11 * e22 - e12 * e21);
            }
            double[][] res = new double[5][];
            System.arraycopy(out, 0, res, 0, 4);
            res[4] = new double[] {wvw, logDet};
            return res;
        }

        private static double[] gls(double[] o) {
            double det = o[0] * o[2] - o[1] * o[1];
            return new double[] {(o[2] * o[3] - o[1] * o[4]) / det, (o[0] * o[4] - o[1] * o[3]) / det};
        }

        double sigma2(double[][] s) {
            double rss = s[4][0];
            for (int g = 0; g < 4; g++) {
                double[] b = gls(s[g]);
                rss -= b[0] * s[g][3] + b[1] * s[g][4];
            }
            return rss / n;
        }

        double logLik(double[] theta) {
            double[][] s = sums(theta);
            double s2 = sigma2(s);
            if (!(s2 > 0) || !Double.isFinite(s[4][1])) {
                return Double.NEGATIVE_INFINITY;
            }
            return -0.5 * (n * (Math.log(2 * Math.PI) + 1 + Math.log(s2)) + s[4][1]);
        }

        double[] maximise(double[] start) {
            double[] best = start.clone();
            double bestVal = logLik(best);
            SimplexOptimizer opt = new SimplexOptimizer(1e-14, 1e-14);
            for (int round = 0; round < 6; round++) {
                double[][] seen = {best.clone(), {bestVal}};
                PointValuePair p;
                try {
                    p = opt.optimize(
                            new MaxEval(200_000),
                            new ObjectiveFunction(x -> {
                                double v = logLik(x);
                                if (v > seen[1][0]) {
                                    seen[0] = x.clone();
                                    seen[1][0] = v;
                                }
                                return v;
                            }),
                            GoalType.MAXIMIZE,
                            new InitialGuess(best),
                            new NelderMeadSimplex(new double[] {0.1, 0.1, 0.1}));
                } catch (MathIllegalStateException e) {
                    // evaluation budget spent creeping along a flat ridge (a random-effect variance
                    // heading to 0): keep the best point seen
                    p = new PointValuePair(seen[0], seen[1][0]);
                }
                if (p.getValue() > bestVal + 1e-13) {
                    bestVal = p.getValue();
                    best = p.getPoint();
                } else {
                    break;
                }
            }
            return best;
        }

        GompertzFit result(double[] theta, int iterations) {
            double[][] s = sums(theta);
            double s2 = sigma2(s);
            double[] r0 = new double[4];
            double[] rho = new double[4];
            double[][] cov = new double[4][];
            for (int g = 0; g < 4; g++) {
                double[] o = s[g];
                double[] b = gls(o);
                r0[g] = b[0];
                rho[g] = b[1];
                double det = o[0] * o[2] - o[1] * o[1];
                cov[g] = new double[] {s2 * o[2] / det, -s2 * o[1] / det, s2 * o[0] / det};
            }
            return new GompertzFit(
                    r0, rho, cov, Math.sqrt(s2), relCov(theta), logLik(theta), n, group.length, iterations, ranef);
        }
    }
}
