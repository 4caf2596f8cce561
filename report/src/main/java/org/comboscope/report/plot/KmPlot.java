package org.comboscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.survival.KmCurve;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Kaplan–Meier plot: one step curve per group, its pointwise confidence band as a shaded step
 * band, censorings as vertical tick marks on the curve, and a numbers-at-risk table under the plot
 * at the time axis ticks (number still under observation at each tick, as R's
 * {@code summary(fit, times = ...)$n.risk}).
 */
public final class KmPlot {
    /** Figure width, points (about 1.5 journal columns). */
    public static final int WIDTH_PT = 360;

    /** Okabe–Ito colours (colour-blind safe): the line colours of {@link Charts} first, then the rest. */
    static final Color[] GROUP_COLOURS = {
        Charts.LINES[0],
        Charts.LINES[1],
        Charts.LINES[2],
        Charts.LINES[3],
        new Color(0xE6, 0x9F, 0x00),
        new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00),
        new Color(0xF0, 0xE4, 0x42)
    };

    private static final float BAND_ALPHA = 0.18f;
    private static final double CENSOR_HALF_HEIGHT_PT = 3;

    private KmPlot() {}

    /** Colour of the group at {@code index} (groups in plot order). */
    public static Color colour(int index) {
        return GROUP_COLOURS[index % GROUP_COLOURS.length];
    }

    /** Figure height, points, for {@code groups} groups (the risk table grows with the groups). */
    public static int heightPt(int groups) {
        return 250 + 13 * groups;
    }

    /**
     * Regular time points for the axis ticks and the risk table: 0, s, 2s, … up to {@code maxTime},
     * with s a round step (1, 2, 2.5 or 5 × 10^k) giving about six intervals.
     */
    public static double[] riskTimes(double maxTime) {
        if (!Double.isFinite(maxTime) || maxTime < 0) {
            throw new InvalidInputException("maxTime", maxTime, "must be finite and >= 0");
        }
        double step = step(maxTime);
        List<Double> t = new ArrayList<>();
        for (int k = 0; k * step <= maxTime * (1 + 1e-12); k++) {
            t.add(k * step);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double step(double maxTime) {
        if (maxTime == 0) {
            return 1;
        }
        double raw = maxTime / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= raw) {
                return f * mag;
            }
        }
        return 10 * mag;
    }

    /** Locale-independent tick format without grouping (1000, not 1,000 or 1.000). */
    private static DecimalFormat decimal(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setGroupingUsed(false);
        return f;
    }

    /** Last observed time over all curves. */
    static double maxTime(Map<String, KmCurve> curves) {
        double m = 0;
        for (KmCurve km : curves.values()) {
            m = Math.max(m, km.time(km.size() - 1));
        }
        return m;
    }

    /**
     * Numbers at risk per group at {@link #riskTimes(double)} of the longest follow-up, in group
     * order; a group whose follow-up ended before a time has 0 at risk there.
     */
    public static Map<String, int[]> riskTable(Map<String, KmCurve> curves) {
        double[] times = riskTimes(maxTime(curves));
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, KmCurve> e : curves.entrySet()) {
            int[] n = new int[times.length];
            for (int k = 0; k < times.length; k++) {
                n[k] = e.getValue().atRisk(times[k]);
            }
            out.put(e.getKey(), n);
        }
        return out;
    }

    /**
     * The plot of {@code curves} (group label → curve, drawn and listed in this order).
     *
     * @param timeUnit unit of the time axis (e.g. {@code days}), or blank when unknown
     */
    public static JFreeChart chart(Map<String, KmCurve> curves, String timeUnit) {
        if (curves.isEmpty()) {
            throw new InvalidInputException("curves", 0, "need at least one group to plot");
        }
        double maxTime = maxTime(curves);
        double[] times = riskTimes(maxTime);
        double step = step(maxTime);
        String unit = timeUnit == null || timeUnit.isBlank() ? "" : " (" + timeUnit.strip() + ")";

        NumberAxis timeAxis = new NumberAxis("Time" + unit);
        double span = Math.max(maxTime, step);
        timeAxis.setRange(-0.04 * span, span * 1.04);
        timeAxis.setTickUnit(new NumberTickUnit(step, decimal("0.###")));
        timeAxis.setLabelFont(Charts.LABEL);
        timeAxis.setTickLabelFont(Charts.TICK);
        timeAxis.setLabelPaint(Charts.INK);

        XYPlot curvePlot = curvePlot(curves);
        XYPlot riskPlot = riskPlot(curves, times);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(timeAxis);
        plot.setGap(4);
        plot.add(curvePlot, 5 * 4);
        plot.add(riskPlot, Math.max(4, 3 + curves.size()) + curves.size() * 1);

        KmCurve first = curves.values().iterator().next();
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        TextTitle title = new TextTitle("Kaplan–Meier estimate", Charts.TITLE);
        title.setPaint(Charts.INK);
        chart.addSubtitle(title);
        LegendTitle legend = new LegendTitle(() -> legendItems(curves, first));
        legend.setItemFont(Charts.TICK);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(legend);
        return chart;
    }

    private static LegendItemCollection legendItems(Map<String, KmCurve> curves, KmCurve first) {
        LegendItemCollection items = new LegendItemCollection();
        int g = 0;
        for (String name : curves.keySet()) {
            LegendItem it = new LegendItem(name, colour(g++));
            it.setShape(new Line2D.Double(-7, 0, 7, 0));
            it.setLine(new Line2D.Double(-7, 0, 7, 0));
            it.setLineStroke(new BasicStroke(1.4f));
            it.setLinePaint(it.getFillPaint());
            it.setShapeVisible(false);
            it.setLineVisible(true);
            items.add(it);
        }
        LegendItem censor = new LegendItem("censored", Charts.INK);
        censor.setShape(new Line2D.Double(0, -4, 0, 4));
        censor.setShapeVisible(false);
        censor.setLine(new Line2D.Double(0, -4, 0, 4));
        censor.setLineStroke(new BasicStroke(1f));
        censor.setLinePaint(Charts.INK);
        censor.setLineVisible(true);
        items.add(censor);
        LegendItem band = new LegendItem(
                Math.round(first.confLevel() * 100) + "% CI ("
                        + first.confType().label() + ")",
                new Color(0x99, 0x99, 0x99));
        band.setShape(new java.awt.geom.Rectangle2D.Double(-6, -4, 12, 8));
        items.add(band);
        return items;
    }

    private static XYPlot curvePlot(Map<String, KmCurve> curves) {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection censors = new XYSeriesCollection();
        List<Path2D> bands = new ArrayList<>();
        for (Map.Entry<String, KmCurve> e : curves.entrySet()) {
            KmCurve km = e.getValue();
            XYSeries line = new XYSeries(e.getKey(), false, true);
            XYSeries cens = new XYSeries(e.getKey() + " censored", false, true);
            line.add(0, 1);
            double prev = 1;
            for (int i = 0; i < km.size(); i++) {
                line.add(km.time(i), prev);
                line.add(km.time(i), km.surv(i));
                prev = km.surv(i);
                if (km.nCensor(i) > 0) {
                    cens.add(km.time(i), km.surv(i));
                }
            }
            lines.addSeries(line);
            censors.addSeries(cens);
            bands.add(band(km));
        }
        NumberAxis survAxis = new NumberAxis("Survival probability");
        survAxis.setRange(0, 1.02);
        survAxis.setTickUnit(new NumberTickUnit(0.2, decimal("0.0")));
        survAxis.setLabelFont(Charts.LABEL);
        survAxis.setTickLabelFont(Charts.TICK);
        survAxis.setLabelPaint(Charts.INK);
        XYPlot p = new XYPlot(lines, null, survAxis, null);
        XYLineAndShapeRenderer stepRenderer = new XYLineAndShapeRenderer(true, false);
        stepRenderer.setDrawSeriesLineAsPath(true);
        XYLineAndShapeRenderer censorRenderer = new XYLineAndShapeRenderer(false, true);
        Line2D tick = new Line2D.Double(0, -CENSOR_HALF_HEIGHT_PT, 0, CENSOR_HALF_HEIGHT_PT);
        for (int g = 0; g < curves.size(); g++) {
            Color c = colour(g);
            stepRenderer.setSeriesPaint(g, c);
            stepRenderer.setSeriesStroke(g, new BasicStroke(1.4f));
            censorRenderer.setSeriesPaint(g, c);
            censorRenderer.setSeriesShape(g, tick);
            censorRenderer.setSeriesShapesFilled(g, false);
            censorRenderer.setSeriesOutlineStroke(g, new BasicStroke(0.9f));
            Color fill = new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(255 * BAND_ALPHA));
            // bands behind every curve, so that no curve is tinted by another group's band
            stepRenderer.addAnnotation(new XYShapeAnnotation(bands.get(g), null, null, fill), Layer.BACKGROUND);
        }
        censorRenderer.setUseOutlinePaint(false);
        p.setRenderer(0, stepRenderer);
        p.setDataset(1, censors);
        p.setRenderer(1, censorRenderer);
        p.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        p.setOutlinePaint(new Color(0x99, 0x99, 0x99));
        return p;
    }

    /**
     * The confidence band as a closed step polygon: the upper limits forward, the lower limits
     * back. It stops at the first row whose interval is undefined with survival below 1 (e.g.
     * survival 0 with log CIs); while the survival is 1 (before the first event) it has zero width.
     */
    static Path2D band(KmCurve km) {
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        upper.add(new double[] {0, 1});
        lower.add(new double[] {0, 1});
        double up = 1;
        double lo = 1;
        double end = km.time(km.size() - 1);
        for (int i = 0; i < km.size(); i++) {
            boolean defined = km.lower(i).isPresent() && km.upper(i).isPresent();
            if (!defined && km.surv(i) < 1) {
                end = km.time(i);
                break;
            }
            upper.add(new double[] {km.time(i), up});
            lower.add(new double[] {km.time(i), lo});
            // log-log CIs are undefined while the survival is still 1 (censorings before the first event)
            up = defined ? km.upper(i).getAsDouble() : 1;
            lo = defined ? km.lower(i).getAsDouble() : 1;
            upper.add(new double[] {km.time(i), up});
            lower.add(new double[] {km.time(i), lo});
        }
        upper.add(new double[] {end, up});
        lower.add(new double[] {end, lo});
        Path2D.Double path = new Path2D.Double();
        path.moveTo(upper.get(0)[0], upper.get(0)[1]);
        for (int k = 1; k < upper.size(); k++) {
            path.lineTo(upper.get(k)[0], upper.get(k)[1]);
        }
        for (int k = lower.size() - 1; k >= 0; k--) {
            path.lineTo(lower.get(k)[0], lower.get(k)[1]);
        }
        path.closePath();
        return path;
    }

    private static XYPlot riskPlot(Map<String, KmCurve> curves, double[] times) {
        int n = curves.size();
        String[] rows = new String[n];
        int g = 0;
        for (String name : curves.keySet()) {
            rows[n - 1 - g++] = name; // first group on top
        }
        SymbolAxis rowAxis = new SymbolAxis(null, rows);
        rowAxis.setRange(-0.6, n - 0.5 + 0.9);
        rowAxis.setTickLabelFont(Charts.TICK);
        rowAxis.setTickLabelPaint(Charts.INK);
        rowAxis.setGridBandsVisible(false);
        rowAxis.setTickMarksVisible(false);
        rowAxis.setAxisLineVisible(false);
        XYPlot p = new XYPlot(new XYSeriesCollection(), null, rowAxis, null);
        p.setRenderer(new XYLineAndShapeRenderer(false, false));
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinesVisible(false);
        p.setRangeGridlinesVisible(false);
        p.setOutlineVisible(false);
        XYTextAnnotation head = new XYTextAnnotation("Number at risk", 0, n - 0.5 + 0.45);
        head.setFont(Charts.LABEL);
        head.setPaint(Charts.INK);
        head.setTextAnchor(TextAnchor.CENTER_LEFT);
        p.addAnnotation(head);
        Map<String, int[]> table = riskTable(curves);
        g = 0;
        for (Map.Entry<String, int[]> e : table.entrySet()) {
            double y = n - 1 - g;
            for (int k = 0; k < times.length; k++) {
                XYTextAnnotation a = new XYTextAnnotation(Integer.toString(e.getValue()[k]), times[k], y);
                a.setFont(Charts.TICK);
                a.setPaint(colour(g));
                a.setTextAnchor(TextAnchor.CENTER);
                p.addAnnotation(a);
            }
            g++;
        }
        return p;
    }
}
