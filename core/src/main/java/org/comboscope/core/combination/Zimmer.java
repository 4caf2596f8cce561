package org.comboscope.core.combination;

import java.util.List;
import java.util.SplittableRandom;
import org.comboscope.core.error.FitFailureException;

/**
 * Zimmer's effective-dose model (Zimmer et al. 2016; the Python {@code synergy} 1.0 {@code Zimmer}):
 * Bliss independence of two Hill curves (E0 = 1, Emax = 0) whose doses shift each other's
 * potency through {@code a12} and {@code a21}. Convention: {@code a < 0} synergy, 0 additive
 * (Bliss), {@code a > 0} antagonism.
 *
 * <p>Fit as the package: θ = (ln h1, ln h2, ln C1, ln C2, a12, a21), Levenberg–Marquardt with
 * MINPACK's forward-difference jacobian and scipy's tolerances, started from the {@code Hill_2P}
 * single-drug fits with a = 0.
 */
public final class Zimmer {
    /** Output convention label. */
    public static final String CONVENTION = "Zimmer a12, a21 < 0 synergy (0 = Bliss)";

    /** Output parameter names, in order; response levels as fractions affected ({@code _fa}). */
    public static final List<String> PARAMETER_NAMES = List.of("h1", "h2", "c1", "c2", "a12", "a21");

    private Zimmer() {}

    /**
     * Zimmer parameters.
     *
     * @param h1 Hill slope of drug 1
     * @param h2 Hill slope of drug 2
     * @param c1 EC50 of drug 1 (dose unit)
     * @param c2 EC50 of drug 2
     * @param a12 potency shift of drug 1 by drug 2 (&lt; 0 synergy)
     * @param a21 potency shift of drug 2 by drug 1
     */
    public record Parameters(double h1, double h2, double c1, double c2, double a12, double a21) {
        /** The surface E(d1, d2) on the E = 1 − fa scale, with the package's quadratic formula. */
        public double e(double d1, double d2) {
            return surface(d1, d2, h1, h2, c1, c2, a12, a21);
        }

        /** The reference a12 = a21 = 0 (Bliss of the two Hill curves). */
        public Parameters reference() {
            return new Parameters(h1, h2, c1, c2, 0, 0);
        }
    }

    static double surface(double d1, double d2, double h1, double h2, double c1, double c2, double a12, double a21) {
        double a = d2 + c2 * (a21 + 1) + a12 * d2;
        double b = d2 * c1 + c1 * c2 + a12 * d2 * c1 - d1 * (d2 + c2 * (a21 + 1));
        double cq = -d1 * (d2 * c1 + c1 * c2);
        double d1p = (-b + Math.sqrt(b * b - 4 * a * cq)) / (2 * a);
        double d2p = d2 / (1 + a21 / (1 + c1 / d1p));
        double u1 = Math.pow(d1p, h1);
        double u2 = Math.pow(d2p, h2);
        return (1 - u1 / (Math.pow(c1, h1) + u1)) * (1 - u2 / (Math.pow(c2, h2) + u2));
    }

    /** The point estimate. */
    public static Parameters fitParameters(TwoDrugData data) {
        return toParameters(fitTheta(data, data.e(), start(data)).params());
    }

    /**
     * Fits Zimmer's model with bootstrap intervals.
     *
     * @throws FitFailureException when a single-drug fit or the model fit fails
     */
    public static ParametricFit fit(TwoDrugData data, int bootstrap, long seed, String key) {
        double[] e = data.e();
        LeastSquares.Result r = fitTheta(data, e, start(data));
        SurfaceFit.Surface surf = surface(data);
        SurfaceFit.Result b = SurfaceFit.bootstrap(
                PARAMETER_NAMES,
                r.params(),
                surf.e(r.params()),
                r.ssr(),
                y -> fitTheta(data, y, r.params()).params(),
                t -> {
                    Parameters p = toParameters(t);
                    return new double[] {p.h1(), p.h2(), p.c1(), p.c2(), p.a12(), p.a21()};
                },
                bootstrap,
                new SplittableRandom(SurfaceFit.seedFor(seed, key)));
        Parameters p = toParameters(r.params());
        double[] fitted = new double[data.size()];
        double[] ref = new double[data.size()];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = 1 - p.e(data.d1(i), data.d2(i));
            ref[i] = 1 - p.reference().e(data.d1(i), data.d2(i));
        }
        return new ParametricFit(
                "Zimmer",
                b.estimates(),
                r.ssr(),
                data.size(),
                SurfaceFit.rSquared(e, r.ssr()),
                b.refits(),
                CONVENTION,
                fitted,
                ref);
    }

    private static double[] start(TwoDrugData data) {
        double[] e = data.e();
        int[] s1 = data.slice(1);
        int[] s2 = data.slice(2);
        HillCurve h1 = fit2(1, data.doses(1, s1), MuSyC.pick(e, s1));
        HillCurve h2 = fit2(2, data.doses(2, s2), MuSyC.pick(e, s2));
        return new double[] {Math.log(h1.h()), Math.log(h2.h()), Math.log(h1.c()), Math.log(h2.c()), 0, 0};
    }

    private static HillCurve fit2(int drug, double[] d, double[] e) {
        try {
            return HillFitter.fit2(d, e);
        } catch (FitFailureException ex) {
            throw new FitFailureException("Hill_2P (drug " + drug + ")", ex.reason(), ex.lastParameters());
        }
    }

    private static SurfaceFit.Surface surface(TwoDrugData data) {
        double[] x1 = data.d1();
        double[] x2 = data.d2();
        return t -> {
            double h1 = Math.exp(t[0]);
            double h2 = Math.exp(t[1]);
            double c1 = Math.exp(t[2]);
            double c2 = Math.exp(t[3]);
            double[] out = new double[x1.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = surface(x1[i], x2[i], h1, h2, c1, c2, t[4], t[5]);
            }
            return out;
        };
    }

    private static LeastSquares.Result fitTheta(TwoDrugData data, double[] e, double[] start) {
        SurfaceFit.Surface s = surface(data);
        // scipy leastsq without jacobian: maxfev = 200·(N+1) function calls, N+1 per iteration here.
        return LeastSquares.fit("Zimmer", LeastSquares.forwardDifferences(s::e), e, start, LeastSquares.SCIPY_TOL, 200);
    }

    private static Parameters toParameters(double[] t) {
        return new Parameters(Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2]), Math.exp(t[3]), t[4], t[5]);
    }
}
