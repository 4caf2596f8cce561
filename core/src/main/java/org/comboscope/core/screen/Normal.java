package org.comboscope.core.screen;

import org.hipparchus.special.Erf;

/** Standard normal tail functions as scipy/cephes and MAGeCK compute them. */
final class Normal {
    private static final double SQRTH = 0.70710678118654752440;

    private Normal() {}

    /**
     * Standard normal CDF, cephes {@code ndtr} (scipy {@code norm.cdf}; {@code norm.sf(x) =
     * ndtr(-x)}): {@code 0.5 + 0.5 erf(x/√2)} near 0, the complementary error function in the
     * tails so that tiny tail probabilities keep their relative accuracy.
     */
    static double ndtr(double a) {
        double x = a * SQRTH;
        double z = Math.abs(x);
        if (z < SQRTH) {
            return 0.5 + 0.5 * Erf.erf(x);
        }
        double y = 0.5 * Erf.erfc(z);
        return x > 0 ? 1.0 - y : y;
    }
}
