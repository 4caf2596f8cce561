package org.comboscope.report.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Colour scales. Synergy uses ColorBrewer's 11-class RdBu (colour-blind safe), reversed so that
 * red = synergy, blue = antagonism, white = 0, symmetric around 0. Responses use viridis.
 */
public final class Palettes {
    private Palettes() {}

    /** RdBu, from strong antagonism (blue) through white to strong synergy (red). */
    static final String[] DIVERGING = {
        "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b",
        "#67001f"
    };

    /** viridis, 9 stops. */
    static final String[] SEQUENTIAL = {
        "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"
    };

    /** Colour for a synergy score on a scale symmetric around 0 with half-range {@code limit}. */
    public static Color diverging(double score, double limit) {
        return interpolate(DIVERGING, (score + limit) / (2 * limit));
    }

    /** Colour for a response in % inhibition on [lo, hi]. */
    public static Color sequential(double value, double lo, double hi) {
        return interpolate(SEQUENTIAL, (value - lo) / (hi - lo));
    }

    /** Whether dark text reads better than white on {@code c}. */
    static boolean light(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() > 140;
    }

    static Color interpolate(String[] stops, double t) {
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0.5 : t)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(x), stops.length - 2);
        double f = x - i;
        Color a = Color.decode(stops[i]);
        Color b = Color.decode(stops[i + 1]);
        return new Color(
                (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** Symmetric synergy limit: the largest |score| rounded up to a multiple of 10, at least 10. */
    public static double synergyLimit(double[][] grid) {
        double m = 0;
        for (double[] row : grid) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return Math.max(10, Math.ceil(m / 10) * 10);
    }

    /** JFreeChart paint scale for synergy. */
    static PaintScale divergingScale(double limit) {
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return -limit;
            }

            @Override
            public double getUpperBound() {
                return limit;
            }

            @Override
            public Paint getPaint(double value) {
                return diverging(value, limit);
            }
        };
    }

    /** JFreeChart paint scale for responses. */
    static PaintScale sequentialScale(double lo, double hi) {
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return lo;
            }

            @Override
            public double getUpperBound() {
                return hi;
            }

            @Override
            public Paint getPaint(double value) {
                return sequential(value, lo, hi);
            }
        };
    }

    /** CSS hex of a colour. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
