package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracks the worst difference of one quantity against a reference, with a tolerance
 * {@code |x - ref| <= abs + rel |ref|}, and reports the worst cell.
 */
final class Worst {
    private final String quantity;
    private final double abs;
    private final double rel;
    private double worstAbs;
    private double worstRel;
    private double worstExcess = Double.NEGATIVE_INFINITY;
    private String where = "(none)";
    private int n;

    Worst(String quantity, double abs, double rel) {
        this.quantity = quantity;
        this.abs = abs;
        this.rel = rel;
    }

    void check(double actual, double expected, String cell) {
        n++;
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertThat(Double.isNaN(actual))
                    .as("%s at %s: actual %s, expected %s", quantity, cell, actual, expected)
                    .isEqualTo(Double.isNaN(expected));
            return;
        }
        double d = Math.abs(actual - expected);
        double excess = d - (abs + rel * Math.abs(expected));
        worstAbs = Math.max(worstAbs, d);
        if (expected != 0) {
            worstRel = Math.max(worstRel, d / Math.abs(expected));
        }
        if (excess > worstExcess) {
            worstExcess = excess;
            where = cell + " actual " + actual + " expected " + expected;
        }
    }

    void assertWithin() {
        String msg = String.format(
                "%-34s n=%4d worst abs %.3g, worst rel %.3g (tol abs %.2g + rel %.2g); worst cell %s",
                quantity, n, worstAbs, worstRel, abs, rel, where);
        System.out.println(msg);
        assertThat(n).as("%s: nothing compared", quantity).isPositive();
        assertThat(worstExcess).as(msg).isLessThanOrEqualTo(0);
    }
}
