package org.comboscope.core.combination;

/**
 * A Hill dose-response curve on the Python {@code synergy} package's response scale {@code E = 1 −
 * fa} (untreated ≈ 1, decreasing with drug effect): {@code E(d) = E0 + (Emax − E0)·dʰ/(Cʰ + dʰ)}.
 *
 * @param e0 response without drug (E scale)
 * @param emax response at infinite dose (E scale)
 * @param h Hill slope (> 0)
 * @param c dose of half-maximal effect, in the block's concentration unit (> 0)
 */
public record HillCurve(double e0, double emax, double h, double c) {

    /** Response at dose {@code d} (E scale). */
    public double e(double d) {
        return e0 + (emax - e0) * occupancy(d);
    }

    /** Fraction affected at dose {@code d}, 1 − E(d). */
    public double fa(double d) {
        return 1.0 - e(d);
    }

    /** dʰ/(Cʰ + dʰ), 0 at d = 0. */
    double occupancy(double d) {
        if (d <= 0) {
            return 0;
        }
        double dh = Math.pow(d, h);
        return dh / (Math.pow(c, h) + dh);
    }

    /** E0 on the fraction-affected scale, 1 − E0. */
    public double e0Fa() {
        return 1.0 - e0;
    }

    /** Emax on the fraction-affected scale, 1 − Emax. */
    public double emaxFa() {
        return 1.0 - emax;
    }

    /**
     * The dose giving response {@code e}: {@code C·((E − E0)/(Emax − E))^(1/h)}; NaN-free: empty
     * when {@code e} is outside the open interval between E0 and Emax.
     */
    public java.util.OptionalDouble inverse(double e) {
        double ratio = (e - e0) / (emax - e);
        if (!(ratio >= 0) || Double.isInfinite(ratio)) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(c * Math.pow(ratio, 1.0 / h));
    }
}
