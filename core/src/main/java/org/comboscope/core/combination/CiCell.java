package org.comboscope.core.combination;

import java.util.OptionalDouble;

/**
 * Chou–Talalay combination index at one measured row ({@code ci < 1} synergy, 1 additive, {@code >
 * 1} antagonism).
 *
 * @param row 0-based row of the block (input order)
 * @param conc1 dose of drug 1
 * @param conc2 dose of drug 2
 * @param fa observed fraction affected
 * @param ci {@code d1/Dx1 + d2/Dx2}; empty for single-drug rows and where fa is outside [0, 1); may
 *     be +∞ at fa = 0
 * @param dx1 dose of drug 1 alone giving this fa ({@code Dx1}); empty where fa is outside [0, 1)
 * @param dx2 dose of drug 2 alone giving this fa
 * @param dri1 dose-reduction index of drug 1, {@code Dx1/d1}; empty where d1 = 0 or Dx1 is undefined
 * @param dri2 dose-reduction index of drug 2, {@code Dx2/d2}
 */
public record CiCell(
        int row,
        double conc1,
        double conc2,
        double fa,
        OptionalDouble ci,
        OptionalDouble dx1,
        OptionalDouble dx2,
        OptionalDouble dri1,
        OptionalDouble dri2) {

    /** Whether both drugs are present (d1 > 0 and d2 > 0). */
    public boolean isCombination() {
        return conc1 > 0 && conc2 > 0;
    }

    /**
     * The value the Python package reports: the CI for combinations, exactly 1 for single-drug rows
     * (its edge convention); empty where the CI is undefined.
     */
    public OptionalDouble packageValue() {
        return isCombination() ? ci : OptionalDouble.of(1.0);
    }
}
