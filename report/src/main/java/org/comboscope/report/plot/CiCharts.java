package org.comboscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.core.combination.CiCell;
import org.comboscope.core.combination.CiLevel;
import org.comboscope.core.combination.CiRay;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Chou–Talalay plots of one block: the Fa–CI plot (CI of constant-ratio mixtures against the
 * fraction affected, with bootstrap bands and the CI of every measured combination) and the
 * normalised isobologram ({@code d1/Dx1} against {@code d2/Dx2} at Fa 0.5, 0.75 and 0.9). CI < 1
 * is synergy.
 */
public final class CiCharts {
    /** Effect levels shown on the isobologram. */
    public static final double[] ISOBOLOGRAM_LEVELS = {0.5, 0.75, 0.9};
    /** Constant-ratio rays drawn on the Fa–CI plot (those with most points). */
    public static final int MAX_RAYS = 4;
    /** Dash pattern of the additivity reference line (CI = 1) in both plots. */
    public static final float[] ADDITIVE_DASH = {4f, 2f};
    /** Label of the additivity reference. */
    public static final String ADDITIVE_LABEL = "additive (CI = 1)";
    /** Height of the Fa–CI plot, points (room for the legend of the rays). */
    public static final int FA_CI_HEIGHT_PT = 250;
    /** Label of the synergy region. */
    public static final String SYNERGY_LABEL = "synergy (CI < 1)";

    static final double CI_AXIS_MIN = 1e-3;
    static final double CI_AXIS_MAX = 1e3;
    static final double ISO_AXIS_MAX = 5;
    /** Light red of the diverging palette's synergy side, translucent. */
    static final Color SYNERGY_FILL = new Color(0xf4, 0xa5, 0x82, 70);

    private static final Shape DOT = new Ellipse2D.Double(-2, -2, 4, 4);
    private static final Shape SQUARE = new Rectangle2D.Double(-2.2, -2.2, 4.4, 4.4);
    private static final Shape TRIANGLE = triangle();

    private CiCharts() {}

    /** The measured combinations plotted on the Fa–CI plot: both drugs present and CI defined, > 0. */
    public static List<CiCell> measuredPoints(CiAnalysis a) {
        List<CiCell> out = new ArrayList<>();
        for (CiCell c : a.cells()) {
            if (c.isCombination() && c.ci().isPresent() && c.ci().getAsDouble() > 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** The rays drawn on the Fa–CI plot: at most {@link #MAX_RAYS}, most points first, by ratio. */
    public static List<CiRay> shownRays(CiAnalysis a) {
        return a.rays().stream()
                .sorted(Comparator.comparingInt((CiRay r) -> -r.mixture().n()).thenComparingDouble(CiRay::ratio))
                .limit(MAX_RAYS)
                .sorted(Comparator.comparingDouble(CiRay::ratio))
                .toList();
    }

    /** Fa–CI plot of one block, log CI axis. */
    public static JFreeChart faCi(String blockId, String drug1, String drug2, CiAnalysis a) {
        List<CiRay> rays = shownRays(a);
        List<CiCell> cells = measuredPoints(a);
        double lo = 0.1;
        double hi = 10;
        for (CiRay r : rays) {
            for (CiLevel l : r.curve()) {
                if (Double.isFinite(l.ci()) && l.ci() > 0) {
                    lo = Math.min(lo, l.ci() / 1.3);
                    hi = Math.max(hi, l.ci() * 1.3);
                }
            }
        }
        for (CiCell c : cells) {
            double v = c.ci().getAsDouble();
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v / 1.5);
                hi = Math.max(hi, v * 1.5);
            }
        }
        lo = Math.max(lo, CI_AXIS_MIN);
        hi = Math.min(hi, CI_AXIS_MAX);

        YIntervalSeriesCollection curves = new YIntervalSeriesCollection();
        boolean anyBand = false;
        for (CiRay r : rays) {
            YIntervalSeries s = new YIntervalSeries("d2:d1 " + Charts.conc(round3(r.ratio())) + " (n "
                    + r.mixture().n() + ")");
            for (CiLevel l : r.curve()) {
                if (!(Double.isFinite(l.ci()) && l.ci() > 0)) {
                    continue;
                }
                double y = clamp(l.ci(), lo, hi);
                double yl = clamp(positiveOr(l.ciLower(), l.ci()), lo, hi);
                double yu = clamp(positiveOr(l.ciUpper(), l.ci()), lo, hi);
                anyBand |= l.ciLower().isPresent();
                s.add(l.fa(), y, Math.min(y, yl), Math.max(y, yu));
            }
            curves.addSeries(s);
        }
        XYSeries inRange = new XYSeries("measured combinations", false, true);
        XYSeries offScale = new XYSeries("measured, off scale (at axis edge)", false, true);
        for (CiCell c : cells) {
            double v = c.ci().getAsDouble();
            if (v >= lo && v <= hi) {
                inRange.add(c.fa(), v);
            } else {
                offScale.add(c.fa(), clamp(v, lo, hi));
            }
        }

        NumberAxis x = new NumberAxis("Fraction affected (Fa)");
        x.setRange(0, 1);
        LogAxis y = new LogAxis("Combination index CI (log scale)");
        y.setBase(10);
        y.setSmallestValue(CI_AXIS_MIN / 10);
        y.setRange(lo, hi);
        // one tick per decade (the axis always spans at least 0.1 to 10)
        y.setAutoTickUnitSelection(false);
        y.setTickUnit(new NumberTickUnit(1.0));
        y.setNumberFormatOverride(new DecimalFormat("0.###"));
        XYPlot plot = new XYPlot(curves, x, y, null);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.12f);
        for (int k = 0; k < rays.size(); k++) {
            Color col = Charts.LINES[k % Charts.LINES.length];
            band.setSeriesPaint(k, col);
            band.setSeriesFillPaint(k, col);
            band.setSeriesStroke(k, new BasicStroke(1.3f));
        }
        plot.setRenderer(0, band);
        XYSeriesCollection pts = new XYSeriesCollection(inRange);
        if (offScale.getItemCount() > 0) {
            pts.addSeries(offScale);
        }
        plot.setDataset(1, pts);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setDrawOutlines(false);
        dots.setUseOutlinePaint(false);
        dots.setSeriesPaint(0, Charts.INK);
        dots.setSeriesShape(0, DOT);
        dots.setSeriesPaint(1, Color.GRAY);
        dots.setSeriesShape(1, TRIANGLE);
        plot.setRenderer(1, dots);
        // draw points above the curves
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);

        IntervalMarker syn = new IntervalMarker(lo, 1.0);
        syn.setPaint(SYNERGY_FILL);
        syn.setLabel(SYNERGY_LABEL);
        syn.setLabelFont(Charts.TICK);
        syn.setLabelPaint(Charts.INK);
        syn.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        syn.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        syn.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(0, syn, Layer.BACKGROUND);
        ValueMarker one = new ValueMarker(1.0);
        one.setPaint(Charts.INK);
        one.setStroke(dashed());
        one.setLabel(ADDITIVE_LABEL);
        one.setLabelFont(Charts.TICK);
        one.setLabelPaint(Charts.INK);
        one.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        one.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        one.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(0, one, Layer.FOREGROUND);

        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.addSubtitle(Charts.title("Fa–CI plot, " + drug1 + " + " + drug2 + " (block " + blockId + ")"));
        List<String> notes = new ArrayList<>();
        notes.add("lines: constant-ratio rays (dose ratio d2:d1, n points)");
        if (a.rays().size() > rays.size()) {
            notes.add(rays.size() + " of " + a.rays().size() + " rays shown");
        }
        if (anyBand) {
            notes.add("bands: 95% bootstrap interval");
        }
        if (!notes.isEmpty()) {
            TextTitle t = new TextTitle(String.join("; ", notes));
            t.setFont(Charts.TICK);
            t.setPaint(Charts.INK);
            t.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(t);
        }
        return Charts.style(chart);
    }

    /** One isobologram point: a ray at an effect level, in normalised doses. */
    public record IsoPoint(
            double fa, double ratio, double x, double y, OptionalDouble scaleLower, OptionalDouble scaleUpper) {
        /** The combination index, x + y. */
        public double ci() {
            return x + y;
        }
    }

    /**
     * Normalised isobologram points ({@code d1/Dx1}, {@code d2/Dx2}) of every ray at {@code fa}: from
     * the ray's CI levels when {@code fa} was requested, otherwise from the median-effect fits (then
     * without bootstrap interval). Points with undefined coordinates are left out.
     */
    public static List<IsoPoint> isobologramPoints(CiAnalysis a, double fa) {
        List<IsoPoint> out = new ArrayList<>();
        for (CiRay r : a.rays()) {
            Optional<CiLevel> lev = r.levels().stream()
                    .filter(l -> Math.abs(l.fa() - fa) < 1e-9)
                    .findFirst();
            double px;
            double py;
            OptionalDouble sl = OptionalDouble.empty();
            OptionalDouble su = OptionalDouble.empty();
            if (lev.isPresent()) {
                CiLevel l = lev.get();
                px = l.d1() / l.dx1();
                py = l.d2() / l.dx2();
                double ci = px + py;
                if (l.ciLower().isPresent() && l.ciUpper().isPresent() && ci > 0) {
                    sl = OptionalDouble.of(l.ciLower().getAsDouble() / ci);
                    su = OptionalDouble.of(l.ciUpper().getAsDouble() / ci);
                }
            } else {
                OptionalDouble d = r.mixture().dose(fa);
                OptionalDouble dx1 = a.drug1().dose(fa);
                OptionalDouble dx2 = a.drug2().dose(fa);
                if (d.isEmpty() || dx1.isEmpty() || dx2.isEmpty()) {
                    continue;
                }
                px = d.getAsDouble() * r.fraction1() / dx1.getAsDouble();
                py = d.getAsDouble() * (1 - r.fraction1()) / dx2.getAsDouble();
            }
            if (Double.isFinite(px) && Double.isFinite(py) && px >= 0 && py >= 0) {
                out.add(new IsoPoint(fa, r.ratio(), px, py, sl, su));
            }
        }
        return out;
    }

    /** Normalised isobologram of one block at Fa 0.5, 0.75 and 0.9 with the additivity line. */
    public static JFreeChart isobologram(String blockId, String drug1, String drug2, CiAnalysis a) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<List<IsoPoint>> perLevel = new ArrayList<>();
        double max = 1.25;
        int offScale = 0;
        for (double fa : ISOBOLOGRAM_LEVELS) {
            List<IsoPoint> ps = isobologramPoints(a, fa);
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "Fa = %.2f", fa), false, true);
            List<IsoPoint> kept = new ArrayList<>();
            for (IsoPoint p : ps) {
                if (p.x() <= ISO_AXIS_MAX && p.y() <= ISO_AXIS_MAX) {
                    s.add(p.x(), p.y());
                    kept.add(p);
                    max = Math.max(max, 1.08 * Math.max(p.x(), p.y()));
                } else {
                    offScale++;
                }
            }
            data.addSeries(s);
            perLevel.add(kept);
        }
        max = Math.min(max, ISO_AXIS_MAX);
        NumberAxis x = new NumberAxis("d1/Dx1 (" + drug1 + ")");
        NumberAxis y = new NumberAxis("d2/Dx2 (" + drug2 + ")");
        x.setRange(0, max);
        y.setRange(0, max);
        XYPlot plot = new XYPlot(data, x, y, null);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Shape[] shapes = {DOT, SQUARE, TRIANGLE};
        for (int k = 0; k < ISOBOLOGRAM_LEVELS.length; k++) {
            dots.setSeriesPaint(k, Charts.LINES[k]);
            dots.setSeriesShape(k, shapes[k]);
        }
        plot.setRenderer(dots);
        // bootstrap intervals of the CI: the point scaled along its ray through the origin
        for (int k = 0; k < perLevel.size(); k++) {
            for (IsoPoint p : perLevel.get(k)) {
                if (p.scaleLower().isPresent() && p.scaleUpper().isPresent()) {
                    double l = Math.min(p.scaleLower().getAsDouble(), ISO_AXIS_MAX);
                    double u = Math.min(p.scaleUpper().getAsDouble(), ISO_AXIS_MAX);
                    plot.addAnnotation(new XYLineAnnotation(
                            p.x() * l,
                            p.y() * l,
                            p.x() * u,
                            p.y() * u,
                            new BasicStroke(0.6f),
                            translucent(Charts.LINES[k])));
                }
            }
        }
        plot.addAnnotation(new XYLineAnnotation(1, 0, 0, 1, dashed(), Charts.INK));
        XYTextAnnotation add = new XYTextAnnotation(ADDITIVE_LABEL, 0.52, 0.52);
        add.setFont(Charts.TICK);
        add.setPaint(Charts.INK);
        add.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(add);
        XYTextAnnotation syn = new XYTextAnnotation("synergy", 0.03 * max, 0.03 * max);
        syn.setFont(Charts.TICK);
        syn.setPaint(Charts.INK);
        syn.setTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addAnnotation(syn);
        XYTextAnnotation ant = new XYTextAnnotation("antagonism", 0.97 * max, 0.97 * max);
        ant.setFont(Charts.TICK);
        ant.setPaint(Charts.INK);
        ant.setTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addAnnotation(ant);
        Path2D tri = new Path2D.Double();
        tri.moveTo(0, 0);
        tri.lineTo(1, 0);
        tri.lineTo(0, 1);
        tri.closePath();
        plot.addAnnotation(new XYShapeAnnotation(tri, null, null, SYNERGY_FILL), false);

        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.addSubtitle(Charts.title("Isobologram, " + drug1 + " + " + drug2 + " (block " + blockId + ")"));
        String note = "one point per constant-ratio ray";
        if (offScale > 0) {
            note += "; " + offScale + " beyond " + (int) ISO_AXIS_MAX + " not shown";
        }
        TextTitle t = new TextTitle(note);
        t.setFont(Charts.TICK);
        t.setPaint(Charts.INK);
        t.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(t);
        return Charts.style(chart);
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 140);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, ADDITIVE_DASH, 0f);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double positiveOr(OptionalDouble v, double fallback) {
        return v.isPresent() && v.getAsDouble() > 0 ? v.getAsDouble() : fallback;
    }

    private static double round3(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    private static Shape triangle() {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -2.6);
        p.lineTo(2.4, 2);
        p.lineTo(-2.4, 2);
        p.closePath();
        return p;
    }
}
