package org.comboscope.core.combination;

import java.util.OptionalDouble;

/**
 * The combination index of a constant-ratio mixture at one effect level, with the isobologram
 * coordinates and dose-reduction indices (Chou–Talalay; {@code ci < 1} synergy).
 *
 * @param fa effect level (fraction affected, in (0, 1))
 * @param ci combination index of the mixture at this fa
 * @param ciLower lower 2.5 % bootstrap percentile of the CI (empty without bootstrap)
 * @param ciUpper upper 97.5 % bootstrap percentile of the CI
 * @param dx1 dose of drug 1 alone giving fa (the isobologram's drug-1 intercept)
 * @param dx2 dose of drug 2 alone giving fa (drug-2 intercept)
 * @param d1 drug-1 dose in the mixture giving fa (isobologram point)
 * @param d2 drug-2 dose in the mixture giving fa
 */
public record CiLevel(
        double fa,
        double ci,
        OptionalDouble ciLower,
        OptionalDouble ciUpper,
        double dx1,
        double dx2,
        double d1,
        double d2) {

    /** Dose-reduction index of drug 1, Dx1/d1. */
    public double dri1() {
        return dx1 / d1;
    }

    /** Dose-reduction index of drug 2, Dx2/d2. */
    public double dri2() {
        return dx2 / d2;
    }
}
