package org.comboscope.core.combination;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.comboscope.core.error.FitFailureException;

/**
 * MuSyC, the multi-dimensional synergy of combinations model (Meyer et al. 2019; the Python {@code
 * synergy} 1.0 {@code MuSyC} with {@code fit_gamma=True}, {@code r1r = r2r = 1}). The surface is the
 * E-weighted stationary distribution of a four-state chain (unaffected, affected by drug 1, by drug
 * 2, by both).
 *
 * <p>Conventions: {@code alpha12} is drug 1's effect on the potency of drug 2, {@code alpha21} drug
 * 2's on drug 1; alpha &gt; 1 synergistic potency, gamma &gt; 1 synergistic cooperativity, beta
 * &gt; 0 synergistic efficacy, with {@code beta = (fa3 − max(fa1, fa2))/(max(fa1, fa2) − fa0)}.
 *
 * <p>Fit: least squares with exact (analytic, r = 1/C^h included) derivatives from the package's start
 * (single-drug Hill fits, E3 = median E at the highest dose pair, alpha = gamma = 1), over θ = (E0,
 * E1, E2, E3, ln h1, ln h2, ln C1/s1, ln C2/s2, ln alpha12, ln alpha21, ln gamma12, ln gamma21)
 * with each drug's doses divided by its scale {@code s = exp(median ln d)}. The scaling makes
 * alpha, beta and gamma independent of the concentration unit. This reaches the least-squares
 * optimum, i.e. the package's {@code use_jacobian=False} fit (its analytic jacobian is inexact).
 */
public final class MuSyC {
    /** Output convention label. */
    public static final String CONVENTION =
            "MuSyC beta > 0 synergistic efficacy; alpha > 1 synergistic potency; gamma > 1 synergistic cooperativity";

    /** Output parameter names, in order; response levels as fractions affected ({@code _fa}). */
    public static final List<String> PARAMETER_NAMES = List.of(
            "e0_fa", "e1_fa", "e2_fa", "e3_fa", "h1", "h2", "c1", "c2", "alpha12", "alpha21", "gamma12", "gamma21",
            "beta");

    /**
     * MuSyC parameters on the package's E scale (E = 1 − fa).
     *
     * @param e0 response without drug
     * @param e1 response at saturating drug 1 alone
     * @param e2 response at saturating drug 2 alone
     * @param e3 response at saturating both drugs
     * @param h1 Hill slope of drug 1
     * @param h2 Hill slope of drug 2
     * @param c1 EC50 of drug 1 (dose unit)
     * @param c2 EC50 of drug 2
     * @param alpha12 drug 1's effect on drug 2's potency
     * @param alpha21 drug 2's effect on drug 1's potency
     * @param gamma12 drug 1's effect on drug 2's cooperativity
     * @param gamma21 drug 2's effect on drug 1's cooperativity
     */
    public record Parameters(
            double e0,
            double e1,
            double e2,
            double e3,
            double h1,
            double h2,
            double c1,
            double c2,
            double alpha12,
            double alpha21,
            double gamma12,
            double gamma21) {

        /** Efficacy synergy {@code (min(E1, E2) − E3)/(E0 − min(E1, E2))}; > 0 synergistic. */
        public double beta() {
            double m = Math.min(e1, e2);
            return (m - e3) / (e0 - m);
        }

        /** The surface E(d1, d2). */
        public double e(double d1, double d2) {
            return surface(e0, e1, e2, e3, d1 / c1, d2 / c2, h1, h2, alpha12, alpha21, gamma12, gamma21);
        }

        /** The no-interaction reference: alpha = gamma = 1, E3 = min(E1, E2). */
        public Parameters reference() {
            return new Parameters(e0, e1, e2, Math.min(e1, e2), h1, h2, c1, c2, 1, 1, 1, 1);
        }
    }

    private MuSyC() {}

    /**
     * Stationary-distribution surface at scaled doses {@code x1 = d1/C1}, {@code x2 = d2/C2}: rates
     * a = x1^h1, b = x2^h2, c = ((α21·x1)^h1)^γ21, e = ((α12·x2)^h2)^γ12 and unit back-rates, in the
     * closed form of the 4 × 4 balance equations. NaN when a rate overflows.
     */
    static double surface(
            double e0,
            double e1,
            double e2,
            double e3,
            double x1,
            double x2,
            double h1,
            double h2,
            double al12,
            double al21,
            double g12,
            double g21) {
        double a = Math.pow(x1, h1);
        double b = Math.pow(x2, h2);
        double c = Math.pow(Math.pow(al21 * x1, h1), g21);
        double e = Math.pow(Math.pow(al12 * x2, h2), g12);
        double k = (e * a * (1 + c) + c * b * (1 + e)) / (2 + c + e);
        double p1 = (a + k) / (1 + e);
        double p2 = (b + k) / (1 + c);
        double u = 1.0 / (1 + p1 + p2 + k);
        return u * (e0 + p1 * e1 + p2 * e2 + k * e3);
    }

    /**
     * Surface values and the exact jacobian over θ = (E0, E1, E2, E3, ln h1, ln h2, ln C1, ln C2,
     * ln α12, ln α21, ln γ12, ln γ21) at scaled doses {@code x1}, {@code x2} (C in the same scale),
     * by differentiating the closed form (rates a, b, c, e as functions of θ).
     */
    static LeastSquares.ValueJacobian valueJacobian(double[] x1, double[] x2, double[] t) {
        double h1 = Math.exp(t[4]);
        double h2 = Math.exp(t[5]);
        double lc1 = t[6];
        double lc2 = t[7];
        double la12 = t[8];
        double la21 = t[9];
        double g12 = Math.exp(t[10]);
        double g21 = Math.exp(t[11]);
        int n = x1.length;
        double[] v = new double[n];
        double[][] j = new double[n][12];
        for (int i = 0; i < n; i++) {
            double a = 0;
            double c = 0;
            double la1 = 0;
            double lcc = 0;
            if (x1[i] > 0) {
                double lx = Math.log(x1[i]) - lc1;
                la1 = lx; // d ln a / d h1
                a = Math.exp(h1 * lx);
                lcc = la21 + lx; // d ln c / d (h1 γ21)
                c = Math.exp(h1 * g21 * lcc);
            }
            double b = 0;
            double e = 0;
            double lb2 = 0;
            double lee = 0;
            if (x2[i] > 0) {
                double lx = Math.log(x2[i]) - lc2;
                lb2 = lx;
                b = Math.exp(h2 * lx);
                lee = la12 + lx;
                e = Math.exp(h2 * g12 * lee);
            }
            double den = 2 + c + e;
            double k = (e * a * (1 + c) + c * b * (1 + e)) / den;
            double p1 = (a + k) / (1 + e);
            double p2 = (b + k) / (1 + c);
            double dd = 1 + p1 + p2 + k;
            double en = t[0] + p1 * t[1] + p2 * t[2] + k * t[3];
            double ev = en / dd;
            v[i] = ev;
            j[i][0] = 1 / dd;
            j[i][1] = p1 / dd;
            j[i][2] = p2 / dd;
            j[i][3] = k / dd;
            // partials of k, p1, p2 with respect to the rates a, b, c, e
            double ka = e * (1 + c) / den;
            double kb = c * (1 + e) / den;
            double kc = (e * a + b * (1 + e) - k) / den;
            double ke = (a * (1 + c) + c * b - k) / den;
            double[] dk = {ka, kb, kc, ke};
            double[] dp1 = {(1 + ka) / (1 + e), kb / (1 + e), kc / (1 + e), (ke - p1) / (1 + e)};
            double[] dp2 = {ka / (1 + c), (1 + kb) / (1 + c), (kc - p2) / (1 + c), ke / (1 + c)};
            double[] de = new double[4];
            for (int r = 0; r < 4; r++) {
                double dn = dp1[r] * t[1] + dp2[r] * t[2] + dk[r] * t[3];
                double dden = dp1[r] + dp2[r] + dk[r];
                de[r] = (dn - ev * dden) / dd;
            }
            // chain rule: rates as functions of θ
            double aH1 = a * h1 * la1; // ∂a/∂ln h1
            double cH1 = c * h1 * g21 * lcc; // ∂c/∂ln h1 (= ∂c/∂ln γ21)
            double bH2 = b * h2 * lb2;
            double eH2 = e * h2 * g12 * lee;
            j[i][4] = de[0] * aH1 + de[2] * cH1;
            j[i][5] = de[1] * bH2 + de[3] * eH2;
            j[i][6] = -(de[0] * a * h1 + de[2] * c * h1 * g21);
            j[i][7] = -(de[1] * b * h2 + de[3] * e * h2 * g12);
            j[i][8] = de[3] * e * h2 * g12;
            j[i][9] = de[2] * c * h1 * g21;
            j[i][10] = de[3] * eH2;
            j[i][11] = de[2] * cH1;
        }
        return new LeastSquares.ValueJacobian(v, j);
    }

    /**
     * Fits MuSyC to one block.
     *
     * @param data the block (fa per row)
     * @param bootstrap number of bootstrap refits for the intervals (0: none)
     * @param seed base seed; {@code key} (the block id) is mixed in
     * @throws FitFailureException when a single-drug Hill fit or the MuSyC fit fails
     */
    public static ParametricFit fit(TwoDrugData data, int bootstrap, long seed, String key) {
        Fitted f = fitPoint(data);
        double[] e = data.e();
        SurfaceFit.Result r = SurfaceFit.bootstrap(
                PARAMETER_NAMES,
                f.theta,
                f.surface.e(f.theta),
                f.ssr,
                y -> fitExact(f.x1, f.x2, y, f.theta, REFIT_MAX_EVAL).params(),
                theta -> outputs(f.toParameters(theta)),
                bootstrap,
                new SplittableRandom(SurfaceFit.seedFor(seed, key)));
        Parameters p = f.toParameters(f.theta);
        Parameters ref = p.reference();
        double[] fitted = new double[data.size()];
        double[] reference = new double[data.size()];
        for (int i = 0; i < fitted.length; i++) {
            fitted[i] = 1 - p.e(data.d1(i), data.d2(i));
            reference[i] = 1 - ref.e(data.d1(i), data.d2(i));
        }
        return new ParametricFit(
                "MuSyC",
                r.estimates(),
                f.ssr,
                data.size(),
                SurfaceFit.rSquared(e, f.ssr),
                r.refits(),
                CONVENTION,
                fitted,
                reference);
    }

    /** The point estimate only (no bootstrap). */
    public static Parameters fitParameters(TwoDrugData data) {
        Fitted f = fitPoint(data);
        return f.toParameters(f.theta);
    }

    static final double TOL = 1e-10;
    /** Evaluation budget of the main fit (the package's MINPACK maxfev for 12 parameters is 1300). */
    static final int MAX_EVAL = 2000;

    /**
     * Budget of a bootstrap refit, which starts at the optimum: refits that need more are on a
     * degenerate surface (e.g. E3 running off to −550 in B06) and are dropped.
     */
    static final int REFIT_MAX_EVAL = 200;

    private static LeastSquares.Result fitExact(double[] x1, double[] x2, double[] e, double[] start, int maxEval) {
        return LeastSquares.fit("MuSyC", t -> valueJacobian(x1, x2, t), e, start, TOL, maxEval);
    }

    private record Fitted(
            double[] theta, double ssr, SurfaceFit.Surface surface, double s1, double s2, double[] x1, double[] x2) {
        Parameters toParameters(double[] t) {
            return new Parameters(
                    t[0],
                    t[1],
                    t[2],
                    t[3],
                    Math.exp(t[4]),
                    Math.exp(t[5]),
                    Math.exp(t[6]) * s1,
                    Math.exp(t[7]) * s2,
                    Math.exp(t[8]),
                    Math.exp(t[9]),
                    Math.exp(t[10]),
                    Math.exp(t[11]));
        }
    }

    private static Fitted fitPoint(TwoDrugData data) {
        double[] e = data.e();
        int[] sl1 = data.slice(1);
        int[] sl2 = data.slice(2);
        HillCurve h1 = fitDrug(1, data.doses(1, sl1), pick(e, sl1));
        HillCurve h2 = fitDrug(2, data.doses(2, sl2), pick(e, sl2));
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
            e3Guess(data, e),
            Math.log(h1.h()),
            Math.log(h2.h()),
            Math.log(h1.c() / s1),
            Math.log(h2.c() / s2),
            0,
            0,
            0,
            0
        };
        SurfaceFit.Surface surf = t -> valueJacobian(x1, x2, t).value();
        LeastSquares.Result r = fitExact(x1, x2, e, start, MAX_EVAL);
        return new Fitted(r.params(), r.ssr(), surf, s1, s2, x1, x2);
    }

    static HillCurve fitDrug(int drug, double[] doses, double[] e) {
        try {
            return HillFitter.fit4(doses, e);
        } catch (FitFailureException ex) {
            throw new FitFailureException("Hill (drug " + drug + ")", ex.reason(), ex.lastParameters());
        }
    }

    /** The package's E3 start: median E at (max d1, max d2), else the smallest E. */
    static double e3Guess(TwoDrugData data, double[] e) {
        double m1 = Arrays.stream(data.d1()).max().orElseThrow();
        double m2 = Arrays.stream(data.d2()).max().orElseThrow();
        double[] at = java.util.stream.IntStream.range(0, e.length)
                .filter(i -> data.d1(i) == m1 && data.d2(i) == m2)
                .mapToDouble(i -> e[i])
                .toArray();
        return at.length > 0 ? HillFitter.median(at) : Arrays.stream(e).min().orElseThrow();
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static double[] outputs(Parameters p) {
        return new double[] {
            1 - p.e0(),
            1 - p.e1(),
            1 - p.e2(),
            1 - p.e3(),
            p.h1(),
            p.h2(),
            p.c1(),
            p.c2(),
            p.alpha12(),
            p.alpha21(),
            p.gamma12(),
            p.gamma21(),
            p.beta()
        };
    }
}
