package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.comboscope.core.error.FitFailureException;

/**
 * Per-row reference models of the Python {@code synergy} 1.0 package, on the fraction-affected
 * scale: Bliss and HSA (with the package's default log-linear single-drug interpolation, and with
 * 4-parameter Hill fits), Schindler, ZIP (see {@code PackageZip}), and Loewe in its delta modes ({@code weakest}, {@code hsa},
 * {@code nan}) and CI mode. Every score is {@code fa_obs − fa_ref} (&gt; 0 synergy) except the
 * Loewe CI ({@code < 1} synergy); scores are set to the neutral value (0, or 1 for the CI) at rows
 * where a dose is exactly 0, as the package does. References are not overwritten.
 *
 * <p>The Loewe isobole {@code d1/D1(E) + d2/D2(E) = 1} is solved exactly by bisection (the package
 * uses a bounded Brent minimisation with xatol 1e-5 and differs by up to 6e-6).
 */
public final class PointwiseScores {
    /** Sign convention of the difference scores. */
    public static final String CONVENTION = "score > 0 synergy (fa_obs - fa_ref); loewe_ci < 1 synergy";

    /**
     * The scores of one row; empty where the package gives NaN (e.g. a log-linear query outside the
     * measured doses, a Loewe reference in {@code nan} mode beyond the weaker drug's Emax).
     *
     * @param row 0-based row
     * @param blissRefFa Bliss reference (log-linear single drugs)
     * @param blissSyn Bliss score
     * @param blissHillRefFa Bliss reference (Hill single drugs)
     * @param blissHillSyn Bliss score (Hill)
     * @param hsaRefFa HSA reference (log-linear)
     * @param hsaSyn HSA score
     * @param hsaHillRefFa HSA reference (Hill)
     * @param hsaHillSyn HSA score (Hill)
     * @param schindlerRefFa Schindler reference
     * @param schindlerSyn Schindler score
     * @param loeweWeakestRefFa Loewe reference, mode delta_weakest
     * @param loeweWeakestSyn score, delta_weakest
     * @param loeweHsaRefFa Loewe reference, mode delta_hsa
     * @param loeweHsaSyn score, delta_hsa
     * @param loeweNanRefFa Loewe reference, mode delta_nan
     * @param loeweNanSyn score, delta_nan
     * @param loeweCi Loewe CI mode with Hill inverses
     * @param loeweCiLogLinear Loewe CI mode with the package's default log-linear single drugs and
     *     their monotone inverse ({@code Loewe(mode="ci")}; empty where E is outside a drug's range)
     * @param zipRefFa ZIP reference (Hill curves with the averaged E0)
     * @param zipDelta ZIP delta (reference minus the averaged row/column fits, as fa difference)
     */
    public record Row(
            int row,
            OptionalDouble blissRefFa,
            OptionalDouble blissSyn,
            OptionalDouble blissHillRefFa,
            OptionalDouble blissHillSyn,
            OptionalDouble hsaRefFa,
            OptionalDouble hsaSyn,
            OptionalDouble hsaHillRefFa,
            OptionalDouble hsaHillSyn,
            OptionalDouble schindlerRefFa,
            OptionalDouble schindlerSyn,
            OptionalDouble loeweWeakestRefFa,
            OptionalDouble loeweWeakestSyn,
            OptionalDouble loeweHsaRefFa,
            OptionalDouble loeweHsaSyn,
            OptionalDouble loeweNanRefFa,
            OptionalDouble loeweNanSyn,
            OptionalDouble loeweCi,
            OptionalDouble loeweCiLogLinear,
            OptionalDouble zipRefFa,
            OptionalDouble zipDelta) {}

    private PointwiseScores() {}

    /**
     * Computes every score at every row.
     *
     * @throws FitFailureException when a single-drug Hill fit fails
     */
    public static List<Row> compute(TwoDrugData data) {
        double[] e = data.e();
        int[] s1 = data.slice(1);
        int[] s2 = data.slice(2);
        double[] x1 = data.doses(1, s1);
        double[] x2 = data.doses(2, s2);
        double[] e1 = MuSyC.pick(e, s1);
        double[] e2 = MuSyC.pick(e, s2);
        LogLinear l1 = new LogLinear(x1, e1);
        LogLinear l2 = new LogLinear(x2, e2);
        HillCurve h1 = MuSyC.fitDrug(1, x1, e1);
        HillCurve h2 = MuSyC.fitDrug(2, x2, e2);
        PackageZip.Cell[] zip = PackageZip.compute(data, h1, h2);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            double d1 = data.d1(i);
            double d2 = data.d2(i);
            double obs = e[i];
            boolean edge = d1 == 0 || d2 == 0;
            OptionalDouble ll1 = l1.e(d1);
            OptionalDouble ll2 = l2.e(d2);
            OptionalDouble bliss =
                    both(ll1, ll2) ? OptionalDouble.of(ll1.getAsDouble() * ll2.getAsDouble()) : OptionalDouble.empty();
            OptionalDouble hsa = both(ll1, ll2)
                    ? OptionalDouble.of(Math.min(ll1.getAsDouble(), ll2.getAsDouble()))
                    : OptionalDouble.empty();
            double hv1 = h1.e(d1);
            double hv2 = h2.e(d2);
            double blissHill = hv1 * hv2;
            double hsaHill = Math.min(hv1, hv2);
            double schindler = schindler(h1, h2, d1, d2);
            OptionalDouble weakest = loeweDelta(h1, h2, d1, d2, Mode.WEAKEST);
            OptionalDouble lhsa = loeweDelta(h1, h2, d1, d2, Mode.HSA);
            OptionalDouble lnan = loeweDelta(h1, h2, d1, d2, Mode.NAN);
            OptionalDouble ci = OptionalDouble.of(1.0);
            OptionalDouble ciLl = OptionalDouble.of(1.0);
            if (!edge) {
                var j1 = l1.inverse(obs);
                var j2 = l2.inverse(obs);
                ciLl = both(j1, j2)
                        ? OptionalDouble.of(d1 / j1.getAsDouble() + d2 / j2.getAsDouble())
                        : OptionalDouble.empty();
                var i1 = h1.inverse(obs);
                var i2 = h2.inverse(obs);
                ci = both(i1, i2)
                        ? OptionalDouble.of(d1 / i1.getAsDouble() + d2 / i2.getAsDouble())
                        : OptionalDouble.empty();
            }
            out.add(new Row(
                    i,
                    fa(bliss),
                    syn(bliss, obs, edge),
                    OptionalDouble.of(1 - blissHill),
                    syn(OptionalDouble.of(blissHill), obs, edge),
                    fa(hsa),
                    syn(hsa, obs, edge),
                    OptionalDouble.of(1 - hsaHill),
                    syn(OptionalDouble.of(hsaHill), obs, edge),
                    OptionalDouble.of(1 - schindler),
                    syn(OptionalDouble.of(schindler), obs, edge),
                    fa(weakest),
                    syn(weakest, obs, edge),
                    fa(lhsa),
                    syn(lhsa, obs, edge),
                    fa(lnan),
                    syn(lnan, obs, edge),
                    ci,
                    ciLl,
                    OptionalDouble.of(1 - zip[i].refE()),
                    OptionalDouble.of(zip[i].delta())));
        }
        return out;
    }

    private static boolean both(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent();
    }

    private static OptionalDouble fa(OptionalDouble refE) {
        return refE.isPresent() ? OptionalDouble.of(1 - refE.getAsDouble()) : OptionalDouble.empty();
    }

    private static OptionalDouble syn(OptionalDouble refE, double obs, boolean edge) {
        if (edge) {
            return OptionalDouble.of(0);
        }
        return refE.isPresent() ? OptionalDouble.of(refE.getAsDouble() - obs) : OptionalDouble.empty();
    }

    /** Schindler's Loewe-consistent surface (E scale) from two Hill curves. */
    static double schindler(HillCurve h1, HillCurve h2, double d1, double d2) {
        double e0 = (h1.e0() + h2.e0()) / 2;
        double u1 = e0 - h1.emax();
        double u2 = e0 - h2.emax();
        double m1 = d1 / h1.c();
        double m2 = d2 / h2.c();
        double sum = m1 + m2;
        if (sum == 0) {
            return e0;
        }
        double y = (h1.h() * m1 + h2.h() * m2) / sum;
        double umax = (u1 * m1 + u2 * m2) / sum;
        double p = Math.pow(sum, y);
        return e0 - umax * p / (1 + p);
    }

    enum Mode {
        WEAKEST,
        HSA,
        NAN
    }

    /** Loewe delta-mode reference (E scale), the package's branches with an exact isobole root. */
    static OptionalDouble loeweDelta(HillCurve h1, HillCurve h2, double d1, double d2, Mode mode) {
        double e1 = h1.e(d1);
        double e2 = h2.e(d2);
        if (d1 == 0 && d2 == 0) {
            return OptionalDouble.of((e1 + e2) / 2);
        }
        if (d2 == 0) {
            return OptionalDouble.of(e1);
        }
        if (d1 == 0) {
            return OptionalDouble.of(e2);
        }
        double weakest = Math.max(h1.emax(), h2.emax());
        if (e1 < weakest || e2 < weakest) {
            return switch (mode) {
                case WEAKEST -> OptionalDouble.of(weakest);
                case HSA -> OptionalDouble.of(Math.min(e1, e2));
                case NAN -> OptionalDouble.empty();
            };
        }
        double lo = Math.max(Math.min(h1.e0(), h1.emax()), Math.min(h2.e0(), h2.emax()));
        double hi = Math.min(Math.max(h1.e0(), h1.emax()), Math.max(h2.e0(), h2.emax()));
        return OptionalDouble.of(isobole(h1, h2, d1, d2, lo, hi));
    }

    /** Root of d1/D1(E) + d2/D2(E) − 1 in [lo, hi] by bisection; the better end when there is none. */
    static double isobole(HillCurve h1, HillCurve h2, double d1, double d2, double lo, double hi) {
        double flo = isoboleResidual(h1, h2, d1, d2, lo);
        double fhi = isoboleResidual(h1, h2, d1, d2, hi);
        // An end exactly at a drug's E0 or Emax can be undefined by rounding: step just inside.
        double inset = 1e-12 * (hi - lo);
        if (Double.isNaN(flo)) {
            lo += inset;
            flo = isoboleResidual(h1, h2, d1, d2, lo);
        }
        if (Double.isNaN(fhi)) {
            hi -= inset;
            fhi = isoboleResidual(h1, h2, d1, d2, hi);
        }
        if (!(Math.signum(flo) * Math.signum(fhi) < 0)) {
            return abs(flo) <= abs(fhi) ? lo : hi;
        }
        double a = lo;
        double b = hi;
        double fa = flo;
        for (int k = 0; k < 200 && b - a > 0; k++) {
            double m = a + (b - a) / 2;
            if (m == a || m == b) {
                break;
            }
            double fm = isoboleResidual(h1, h2, d1, d2, m);
            if (fm == 0) {
                return m;
            }
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return a + (b - a) / 2;
    }

    private static double abs(double x) {
        return Double.isNaN(x) ? Double.POSITIVE_INFINITY : Math.abs(x);
    }

    private static double isoboleResidual(HillCurve h1, HillCurve h2, double d1, double d2, double e) {
        return term(h1, d1, e) + term(h2, d2, e) - 1;
    }

    /** d/D(E); 0 where D(E) is infinite (E at the drug's Emax), NaN where E is beyond it. */
    private static double term(HillCurve h, double d, double e) {
        double ratio = (e - h.e0()) / (h.emax() - e);
        if (Double.isInfinite(ratio)) {
            return 0;
        }
        if (!(ratio >= 0)) {
            return Double.NaN;
        }
        return d / (h.c() * Math.pow(ratio, 1 / h.h()));
    }
}
