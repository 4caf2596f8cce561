package org.comboscope.core.doseresponse;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Least-squares fits that do not stop where drc's BFGS stops: starting from drc's answer, its start
 * values and a small grid of midpoints, Levenberg–Marquardt (Hipparchus) minimises the residual sum
 * of squares over {@code (b, c, d, ln e)} (LL.4) or {@code (b, c, d, e)} (L.4), with the same fixed
 * parameters and the same model choice as {@link SynergyFinderFitter}; then BFGS at reltol 1e-16
 * polishes drc's answer and the best LM point; the lowest RSS wins. Because
 * drc's own answer is a candidate, the RSS is never worse than drc's. Thread-safe.
 */
public final class LeastSquaresFitter implements DoseResponseFitter {
    private final SynergyFinderFitter drc = new SynergyFinderFitter();

    @Override
    public CurveFit fit(double[] doses, double[] responses, OptionalDouble fixedC, OptionalDouble fixedD) {
        CurveFit base = drc.fit(doses, responses, fixedC, fixedD);
        return polish(base, fixedC, fixedD);
    }

    @Override
    public CurveFit fitForRi(double[] doses, double[] responses) {
        CurveFit base = drc.fitForRi(doses, responses);
        return polish(base, OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static CurveFit polish(CurveFit base, OptionalDouble fixedC, OptionalDouble fixedD) {
        DoseResponseCurve c0 = base.curve();
        double[] x = base.doses();
        double[] y = base.responses();
        boolean ll4 = c0.model() == CurveModel.LL4;
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = ll4 ? Math.log(x[i]) : c0.logDose(x[i] == 0 ? DoseResponseCurve.ZERO_DOSE_SUBSTITUTE : x[i]);
        }
        boolean freeC = fixedC.isEmpty();
        boolean freeD = fixedD.isEmpty();
        List<double[]> starts = new ArrayList<>();
        double loc0 = ll4 ? Math.log(c0.e()) : c0.e();
        starts.add(new double[] {c0.b(), c0.c(), c0.d(), loc0});
        double tmin = Double.POSITIVE_INFINITY;
        double tmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(t[i])) {
                tmin = Math.min(tmin, t[i]);
                tmax = Math.max(tmax, t[i]);
            }
            ymin = Math.min(ymin, y[i]);
            ymax = Math.max(ymax, y[i]);
        }
        if (Double.isFinite(tmin)) {
            for (int g = 0; g <= 4; g++) {
                double loc = tmin + (tmax - tmin) * g / 4.0;
                for (double b : new double[] {-1, 1}) {
                    double cStart = freeC ? (b < 0 ? ymin : ymax) : fixedC.getAsDouble();
                    double dStart = freeD ? (b < 0 ? ymax : ymin) : fixedD.getAsDouble();
                    starts.add(new double[] {b, cStart, dStart, loc});
                }
            }
        }
        double bestRss = base.rss();
        double[] best = null;
        for (double[] s : starts) {
            double[] p = optimize(t, y, s, freeC, freeD);
            if (p == null) {
                continue;
            }
            double rss = rss(t, y, p);
            if (rss < bestRss) {
                bestRss = rss;
                best = p;
            }
        }
        // BFGS at reltol 1e-16 from drc's answer and from the best LM point (spec §7's polishing).
        double[] fixed = {Double.NaN, fixedC.orElse(Double.NaN), fixedD.orElse(Double.NaN), Double.NaN};
        double[] ys = y;
        double[] xs = ll4 ? x : t;
        List<double[]> seeds = new ArrayList<>();
        seeds.add(new double[] {c0.b(), c0.c(), c0.d(), c0.e()});
        if (best != null) {
            seeds.add(new double[] {best[0], best[1], best[2], ll4 ? Math.exp(best[3]) : best[3]});
        }
        for (double[] seed : seeds) {
            if (ll4 && !(seed[3] > 0)) {
                continue;
            }
            double[] pol = Drm.polish(c0.model(), xs, ys, fixed, seed);
            double[] asLm = {pol[0], pol[1], pol[2], ll4 ? Math.log(pol[3]) : pol[3]};
            double rss = rss(t, y, asLm);
            if (rss < bestRss) {
                bestRss = rss;
                best = asLm;
            }
        }
        if (best == null) {
            return base;
        }
        DoseResponseCurve curve;
        try {
            curve = ll4
                    ? DoseResponseCurve.ll4(best[0], best[1], best[2], Math.exp(best[3]))
                    : DoseResponseCurve.l4(best[0], best[1], best[2], best[3], c0.logBase());
        } catch (RuntimeException e) {
            return base;
        }
        CurveFit out = CurveFit.of(curve, x, y, base.freeParameters(), () -> new double[0][], base.trace());
        return out.rss() <= base.rss() ? out : base;
    }

    private static double f(double t, double[] p) {
        if (t == Double.NEGATIVE_INFINITY) {
            return p[0] < 0 ? p[1] : p[2];
        }
        return p[1] + (p[2] - p[1]) / (1 + Math.exp(p[0] * (t - p[3])));
    }

    private static double rss(double[] t, double[] y, double[] p) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double r = y[i] - f(t[i], p);
            s += r * r;
        }
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    private static double[] optimize(double[] t, double[] y, double[] start, boolean freeC, boolean freeD) {
        int[] free = freeC
                ? (freeD ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 3})
                : (freeD ? new int[] {0, 2, 3} : new int[] {0, 3});
        double[] full = start.clone();
        double[] s = new double[free.length];
        for (int j = 0; j < free.length; j++) {
            s[j] = start[free[j]];
        }
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                    .optimize(new LeastSquaresBuilder()
                            .start(s)
                            .target(y)
                            .maxEvaluations(2000)
                            .maxIterations(1000)
                            .model(point -> {
                                double[] p = full.clone();
                                for (int j = 0; j < free.length; j++) {
                                    p[free[j]] = point.getEntry(j);
                                }
                                double[] v = new double[t.length];
                                double[][] jac = new double[t.length][free.length];
                                for (int i = 0; i < t.length; i++) {
                                    double[] g = new double[4];
                                    if (t[i] == Double.NEGATIVE_INFINITY) {
                                        // Dose 0 on LL.4: the curve's limit, flat in b and e.
                                        boolean atC = p[0] < 0;
                                        v[i] = atC ? p[1] : p[2];
                                        g[1] = atC ? 1 : 0;
                                        g[2] = atC ? 0 : 1;
                                    } else {
                                        double z = p[0] * (t[i] - p[3]);
                                        double ex = Math.exp(z);
                                        if (Double.isInfinite(ex)) {
                                            v[i] = p[1];
                                            g[1] = 1;
                                        } else {
                                            double den = 1 + ex;
                                            v[i] = p[1] + (p[2] - p[1]) / den;
                                            double w = ex / (den * den);
                                            g[0] = -(p[2] - p[1]) * w * (t[i] - p[3]);
                                            g[1] = 1 - 1 / den;
                                            g[2] = 1 / den;
                                            g[3] = (p[2] - p[1]) * w * p[0];
                                        }
                                    }
                                    for (int j = 0; j < free.length; j++) {
                                        jac[i][j] = g[free[j]];
                                    }
                                }
                                RealVector value = new ArrayRealVector(v, false);
                                RealMatrix jm = new Array2DRowRealMatrix(jac, false);
                                return new Pair<>(value, jm);
                            })
                            .build());
            double[] p = full.clone();
            RealVector sol = opt.getPoint();
            for (int j = 0; j < free.length; j++) {
                p[free[j]] = sol.getEntry(j);
            }
            for (double v : p) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            return p;
        } catch (RuntimeException e) {
            // A start that diverges is simply not a candidate.
            return null;
        }
    }
}
