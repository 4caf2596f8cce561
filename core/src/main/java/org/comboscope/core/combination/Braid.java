package org.comboscope.core.combination;

import java.util.List;
import java.util.SplittableRandom;
import org.comboscope.core.error.FitFailureException;

/**
 * BRAID (Twarog et al. 2016) in the Python {@code synergy} 1.0 default form ({@code mode="kappa"},
 * δ = 1): a Loewe-consistent surface with one interaction parameter κ. Convention: {@code kappa >
 * 0} synergy, 0 additive, {@code −2 < kappa < 0} antagonism.
 *
 * <p>Fit: least squares with exact (central-difference) derivatives over θ = (E0, E1, E2, E3, ln
 * h1, ln h2, ln C1/s1, ln C2/s2, κ), doses divided by each drug's scale so the fit does not depend
 * on the concentration unit, started from the single-drug Hill fits, the package's E3 guess and κ
 * = 0. The package uses a bounded trust-region method (κ ≥ −2); an unbounded optimum below −2 is
 * reported as a fit failure. After the fit E3 is rewritten, as in the package, to E0 + ΔE.
 */
public final class Braid {
    /** Output convention label. */
    public static final String CONVENTION = "BRAID kappa > 0 synergy (0 additive, -2 < kappa < 0 antagonism)";

    /** Output parameter names, in order; response levels as fractions affected ({@code _fa}). */
    public static final List<String> PARAMETER_NAMES =
            List.of("e0_fa", "e1_fa", "e2_fa", "e3_fa", "h1", "h2", "c1", "c2", "kappa");

    private Braid() {}

    /**
     * BRAID parameters on the package's E scale (E = 1 − fa).
     *
     * @param e0 response without drug
     * @param e1 response at saturating drug 1
     * @param e2 response at saturating drug 2
     * @param e3 response at saturating combination (E0 + ΔE after the fit)
     * @param h1 Hill slope of drug 1
     * @param h2 Hill slope of drug 2
     * @param c1 EC50 of drug 1 (dose unit)
     * @param c2 EC50 of drug 2
     * @param kappa interaction (&gt; 0 synergy)
     */
    public record Parameters(
            double e0, double e1, double e2, double e3, double h1, double h2, double c1, double c2, double kappa) {

        /** The surface E(d1, d2). */
        public double e(double d1, double d2) {
            return surface(e0, e1, e2, e3, h1, h2, d1 / c1, d2 / c2, kappa);
        }

        /** The reference κ = 0. */
        public Parameters reference() {
            return new Parameters(e0, e1, e2, e3, h1, h2, c1, c2, 0);
        }
    }

    static double deltaE(double e0, double e1, double e2, double e3) {
        double d = e1 - e0;
        if (Math.abs(e2 - e0) > Math.abs(d)) {
            d = e2 - e0;
        }
        if (Math.abs(e3 - e0) > Math.abs(d)) {
            d = e3 - e0;
        }
        return d;
    }

    static double surface(
            double e0, double e1, double e2, double e3, double h1, double h2, double x1, double x2, double kappa) {
        double de = deltaE(e0, e1, e2, e3);
        double h = Math.sqrt(h1 * h2);
        double f1 = (e1 - e0) / de;
        double f2 = (e2 - e0) / de;
        double u1 = Math.pow(x1, h1);
        double u2 = Math.pow(x2, h2);
        double dd1 = f1 * u1 / (1 + (1 - f1) * u1);
        double dd2 = f2 * u2 / (1 + (1 - f2) * u2);
        double p1 = Math.pow(dd1, 1 / h);
        double p2 = Math.pow(dd2, 1 / h);
        double d = p1 + p2 + kappa * Math.sqrt(p1 * p2);
        return e0 + de / (1 + Math.pow(d, -h));
    }

    /**
     * The point estimate: the lowest SSR of three fits, Levenberg–Marquardt from κ = 0 and κ = 1 and
     * the package's trust-region route ({@link #fitParametersAsPackage}).
     */
    public static Parameters fitParameters(TwoDrugData data) {
        Fitted f = fitPoint(data);
        return f.toParameters(f.theta);
    }

    /**
     * Fits BRAID with bootstrap intervals.
     *
     * @throws FitFailureException when a single-drug fit or the model fit fails, or κ &lt; −2
     */
    public static ParametricFit fit(TwoDrugData data, int bootstrap, long seed, String key) {
        return fit(data, bootstrap, seed, key, false);
    }

    /**
     * As {@link #fit(TwoDrugData, int, long, String)}; with {@code asPackage} the estimate and every
     * bootstrap refit take the package's route ({@link #fitParametersAsPackage}) instead of the
     * least-squares optimum.
     */
    public static ParametricFit fit(TwoDrugData data, int bootstrap, long seed, String key, boolean asPackage) {
        Fitted f = fitPoint(data, asPackage);
        double[] e = data.e();
        SurfaceFit.Result r = SurfaceFit.bootstrap(
                PARAMETER_NAMES,
                f.theta,
                f.surface.e(f.theta),
                f.ssr,
                y -> asPackage
                        ? Trf.fit("BRAID", Trf.twoPoint(f.surface::e, LB, UB), y, f.theta, LB, UB, 1e-8, 900)
                                .params()
                        : SurfaceFit.fit("BRAID", f.surface, y, f.theta, MuSyC.TOL, MuSyC.REFIT_MAX_EVAL)
                                .params(),
                t -> {
                    Parameters p = f.toParameters(t);
                    return new double[] {
                        1 - p.e0(), 1 - p.e1(), 1 - p.e2(), 1 - p.e3(), p.h1(), p.h2(), p.c1(), p.c2(), p.kappa()
                    };
                },
                bootstrap,
                new SplittableRandom(SurfaceFit.seedFor(seed, key)));
        Parameters p = f.toParameters(f.theta);
        double[] fitted = new double[data.size()];
        double[] ref = new double[data.size()];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = 1 - p.e(data.d1(i), data.d2(i));
            ref[i] = 1 - p.reference().e(data.d1(i), data.d2(i));
        }
        return new ParametricFit(
                "BRAID",
                r.estimates(),
                f.ssr,
                data.size(),
                SurfaceFit.rSquared(e, f.ssr),
                r.refits(),
                CONVENTION,
                fitted,
                ref);
    }

    private record Fitted(double[] theta, double ssr, SurfaceFit.Surface surface, double s1, double s2) {
        Parameters toParameters(double[] t) {
            double e3 = t[0] + deltaE(t[0], t[1], t[2], t[3]);
            return new Parameters(
                    t[0],
                    t[1],
                    t[2],
                    e3,
                    Math.exp(t[4]),
                    Math.exp(t[5]),
                    Math.exp(t[6]) * s1,
                    Math.exp(t[7]) * s2,
                    t[8]);
        }
    }

    /**
     * The package's own route ({@code BRAID().fit}): scipy's Trust Region Reflective method with
     * κ ≥ −2, a 2-point finite-difference jacobian and the start κ = 0, as {@code curve_fit} runs it.
     * It reproduces the package's parameters, also on B15 where the package stops 38 % above the
     * optimum that {@link #fitParameters} reaches. That stop is a knife edge: with responses 1 ulp
     * away (read as percent and divided by 100) the same route runs on to the optimum.
     *
     * @throws FitFailureException at the evaluation limit (the package raises there)
     */
    public static Parameters fitParametersAsPackage(TwoDrugData data) {
        Fitted f = fitPoint(data, true);
        return f.toParameters(f.theta);
    }

    /** Bounds of θ = (E0, E1, E2, E3, ln h1, ln h2, ln C1′, ln C2′, κ): only κ ≥ −2 (the package's). */
    private static final double[] LB = {
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        -2
    };

    private static final double[] UB = {
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY
    };

    private static Fitted fitPoint(TwoDrugData data) {
        return fitPoint(data, false);
    }

    private static Fitted fitPoint(TwoDrugData data, boolean trf) {
        double[] e = data.e();
        int[] sl1 = data.slice(1);
        int[] sl2 = data.slice(2);
        HillCurve h1 = MuSyC.fitDrug(1, data.doses(1, sl1), MuSyC.pick(e, sl1));
        HillCurve h2 = MuSyC.fitDrug(2, data.doses(2, sl2), MuSyC.pick(e, sl2));
        double s1 = HillFitter.doseScale(data.d1());
        double s2 = HillFitter.doseScale(data.d2());
        double[] x1 = data.d1();
        double[] x2 = data.d2();
        for (int i = 0; i < x1.length; i++) {
            x1[i] /= s1;
            x2[i] /= s2;
        }
        double[] start = {
            (h1.e0() + h2.e0()) / 2,
            h1.emax(),
            h2.emax(),
            MuSyC.e3Guess(data, e),
            Math.log(h1.h()),
            Math.log(h2.h()),
            Math.log(h1.c() / s1),
            Math.log(h2.c() / s2),
            0
        };
        SurfaceFit.Surface surf = t -> {
            double hh1 = Math.exp(t[4]);
            double hh2 = Math.exp(t[5]);
            double cc1 = Math.exp(t[6]);
            double cc2 = Math.exp(t[7]);
            double[] out = new double[x1.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = surface(t[0], t[1], t[2], t[3], hh1, hh2, x1[i] / cc1, x2[i] / cc2, t[8]);
            }
            return out;
        };
        if (trf) {
            Trf.Result t = Trf.fit("BRAID", Trf.twoPoint(surf::e, LB, UB), e, start, LB, UB, 1e-8, 900);
            return new Fitted(t.params(), 2 * t.cost(), surf, s1, s2);
        }
        // Two starts (kappa = 0 as the package, and kappa = 1): Levenberg–Marquardt from the package's
        // start alone can settle in a worse local optimum than its bounded trust-region method (B18).
        LeastSquares.Result r = null;
        FitFailureException last = null;
        for (double k0 : new double[] {0.0, 1.0}) {
            double[] s0 = start.clone();
            s0[8] = k0;
            try {
                LeastSquares.Result t = SurfaceFit.fit("BRAID", surf, e, s0, MuSyC.TOL, MuSyC.MAX_EVAL);
                if (t.params()[8] >= -2 && (r == null || t.ssr() < r.ssr())) {
                    r = t;
                }
            } catch (FitFailureException ex) {
                last = ex;
            }
        }
        // Third candidate: the package's own route, which finds B18's better optimum that both
        // Levenberg–Marquardt starts miss.
        double[] theta = r == null ? null : r.params();
        double ssr = r == null ? Double.POSITIVE_INFINITY : r.ssr();
        try {
            Trf.Result t = Trf.fit("BRAID", Trf.twoPoint(surf::e, LB, UB), e, start, LB, UB, 1e-8, 900);
            double[] tp = t.params();
            double ts = 2 * t.cost();
            try {
                // TRF stops at ftol 1e-8; polish to the optimum it found
                LeastSquares.Result pol = SurfaceFit.fit("BRAID", surf, e, tp, MuSyC.TOL, MuSyC.MAX_EVAL);
                if (pol.params()[8] >= -2 && pol.ssr() <= ts) {
                    tp = pol.params();
                    ts = pol.ssr();
                }
            } catch (FitFailureException ex) {
                // keep the TRF point
            }
            if (ts < ssr) {
                theta = tp;
                ssr = ts;
            }
        } catch (FitFailureException ex) {
            last = ex;
        }
        if (theta == null) {
            throw last != null ? last : new FitFailureException("BRAID", "kappa ran below its bound -2", start);
        }
        return new Fitted(theta, ssr, surf, s1, s2);
    }
}
