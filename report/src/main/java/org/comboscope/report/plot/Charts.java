package org.comboscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.report.synergy.BlockView;
import org.comboscope.report.synergy.CurveView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Publication plots of a synergy analysis as JFreeChart charts. Sizes are meant for a journal
 * column (about 85 mm, see {@link #COLUMN_WIDTH_PT}); fonts are 8–9 pt at that size.
 */
public final class Charts {
    /** Width of a single-column figure, points (85 mm). */
    public static final int COLUMN_WIDTH_PT = 241;
    /** Height used for single-column figures, points. */
    public static final int HEIGHT_PT = 200;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 9);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 7);
    static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 6);
    static final Color INK = new Color(0x22, 0x22, 0x22);
    /** Okabe–Ito colours for lines (colour-blind safe). */
    static final Color[] LINES = {
        new Color(0x00, 0x72, 0xB2),
        new Color(0xD5, 0x5E, 0x00),
        new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7)
    };

    private Charts() {}

    /** Concentration label such as {@code 0.37}, {@code 1.1e-3}. */
    public static String conc(double c) {
        if (c == 0) {
            return "0";
        }
        double a = Math.abs(c);
        if (a >= 1e-2 && a < 1e4) {
            return new DecimalFormat("0.###").format(c).replace(',', '.');
        }
        return String.format(Locale.ROOT, "%.2g", c);
    }

    private static String unit(String u) {
        return u == null || u.isBlank() ? "" : " (" + u + ")";
    }

    /**
     * Dose-response curve of one drug: the monotherapy points, the fitted curve and its 95 %
     * delta-method confidence band, on a log-dose axis. The control (dose 0) cannot sit on a log
     * axis; it is drawn as an open circle at the lowest dose ÷ 10 and labelled "0".
     */
    public static JFreeChart doseResponse(String blockId, CurveView c, int colour) {
        double[] x = c.doses();
        double[] y = c.responses();
        double lo = x.length == 0 ? c.curve().ec50() / 100 : min(x) / 10;
        double hi = x.length == 0 ? c.curve().ec50() * 100 : max(x) * 2;
        Color col = LINES[colour % LINES.length];
        YIntervalSeries fit = new YIntervalSeries(c.curve().model().label() + " fit"
                + (c.hasBand() ? " ± 95% CI" : " (no CI: covariance not estimable)"));
        int n = 160;
        for (int k = 0; k <= n; k++) {
            double d = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * k / n);
            double f = c.curve().predict(d);
            OptionalDouble hw = c.halfWidth(d);
            double w = hw.isPresent() ? hw.getAsDouble() : 0;
            fit.add(d, f, f - w, f + w);
        }
        YIntervalSeriesCollection fitData = new YIntervalSeriesCollection();
        fitData.addSeries(fit);
        XYSeries obs = new XYSeries("observed (mean)");
        for (int i = 0; i < x.length; i++) {
            obs.add(x[i], y[i]);
        }
        XYSeries ctl = new XYSeries("control (dose 0)");
        if (c.controlResponse().isPresent()) {
            ctl.add(lo, c.controlResponse().getAsDouble());
        }
        LogAxis xAxis = new LogAxis(c.drug() + " concentration" + unit(c.unit()) + ", log scale");
        xAxis.setBase(10);
        xAxis.setSmallestValue(lo / 10);
        xAxis.setRange(lo / 1.5, hi);
        xAxis.setNumberFormatOverride(new java.text.NumberFormat() {
            @Override
            public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
                return toAppendTo.append(conc(number));
            }

            @Override
            public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
                return toAppendTo.append(number);
            }

            @Override
            public Number parse(String source, java.text.ParsePosition parsePosition) {
                return null;
            }
        });
        NumberAxis yAxis = new NumberAxis("Inhibition (%)");
        XYPlot plot = new XYPlot(fitData, xAxis, yAxis, null);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesPaint(0, col);
        band.setSeriesFillPaint(0, col);
        band.setAlpha(0.22f);
        band.setSeriesStroke(0, new BasicStroke(1.4f));
        plot.setRenderer(0, band);
        XYSeriesCollection pts = new XYSeriesCollection(obs);
        pts.addSeries(ctl);
        plot.setDataset(1, pts);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, INK);
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dots.setSeriesPaint(1, INK);
        dots.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        dots.setSeriesShapesFilled(1, false);
        plot.setRenderer(1, dots);
        // axis from the data and the curve; a wide band is clipped rather than squashing the plot
        double yMin = Math.min(0, Math.min(min(y), fitMin(fit)));
        double yMax = Math.max(100, Math.max(max(y), fitMax(fit)));
        yAxis.setRange(Math.floor(yMin / 10) * 10 - 2, Math.ceil(yMax / 10) * 10 + 2);
        if (c.ic50().isPresent()) {
            ValueMarker m = new ValueMarker(c.ic50().getAsDouble());
            m.setPaint(Color.GRAY);
            m.setStroke(
                    new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            m.setLabel("IC50 "
                    + conc(Double.parseDouble(
                            String.format(Locale.ROOT, "%.3g", c.ic50().getAsDouble()))));
            m.setLabelFont(TICK);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(m);
        }
        if (c.controlResponse().isPresent()) {
            XYTextAnnotation t =
                    new XYTextAnnotation("0", lo, c.controlResponse().getAsDouble());
            t.setFont(TICK);
            t.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            t.setY(c.controlResponse().getAsDouble() + 4);
            plot.addAnnotation(t);
        }
        JFreeChart chart = new JFreeChart(null, TITLE, plot, true);
        chart.addSubtitle(title(c.drug() + " alone (block " + blockId + ")"));
        return style(chart);
    }

    private static double fitMin(YIntervalSeries s) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.getItemCount(); i++) {
            m = Math.min(m, s.getYValue(i));
        }
        return m;
    }

    private static double fitMax(YIntervalSeries s) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.getItemCount(); i++) {
            m = Math.max(m, s.getYValue(i));
        }
        return m;
    }

    /** Response heat map (% inhibition, viridis), values printed in the cells. */
    public static JFreeChart responseHeatMap(BlockView b) {
        double[][] g = b.response();
        double lo = Math.min(0, Math.floor(min(g) / 10) * 10);
        double hi = Math.max(100, Math.ceil(max(g) / 10) * 10);
        return heatMap(b, g, Palettes.sequentialScale(lo, hi), "Inhibition (%)", "Response", Optional.empty(), false);
    }

    /**
     * Synergy heat map of one method on the diverging palette centred at 0, with the most
     * synergistic 3×3 area outlined.
     */
    public static JFreeChart synergyHeatMap(BlockView b, SynergyMethod m) {
        double[][] g = b.synergy(m).orElseThrow();
        double limit = Palettes.synergyLimit(g);
        Optional<MostSynergisticArea> area = MostSynergisticArea.find(b.conc1(), b.conc2(), g);
        BlockView.Summary s = b.summaries().get(m);
        String t = m.column() + " synergy" + (s == null ? "" : String.format(Locale.ROOT, " (mean %.2f)", s.mean()));
        return heatMap(b, g, Palettes.divergingScale(limit), m.column() + " score", t, area, true);
    }

    private static JFreeChart heatMap(
            BlockView b,
            double[][] g,
            org.jfree.chart.renderer.PaintScale scale,
            String scaleLabel,
            String title,
            Optional<MostSynergisticArea> area,
            boolean diverging) {
        double[] c1 = b.conc1();
        double[] c2 = b.conc2();
        DefaultXYZDataset data = new DefaultXYZDataset();
        List<double[]> cells = new ArrayList<>();
        for (int i = 0; i < c1.length; i++) {
            for (int j = 0; j < c2.length; j++) {
                if (Double.isFinite(g[i][j])) {
                    cells.add(new double[] {j, i, g[i][j]});
                }
            }
        }
        double[][] series = new double[3][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            series[0][k] = cells.get(k)[0];
            series[1][k] = cells.get(k)[1];
            series[2][k] = cells.get(k)[2];
        }
        data.addSeries("cells", series);
        SymbolAxis xAxis = new SymbolAxis(b.drug2() + " concentration" + unit(b.unit2()), labels(c2));
        SymbolAxis yAxis = new SymbolAxis(b.drug1() + " concentration" + unit(b.unit1()), labels(c1));
        for (SymbolAxis a : new SymbolAxis[] {xAxis, yAxis}) {
            a.setGridBandsVisible(false);
            a.setTickLabelFont(TICK);
            a.setLabelFont(LABEL);
        }
        // rotated labels cost glyph outlines in the PDF (pdfbox-graphics2d draws rotated text as shapes)
        xAxis.setVerticalTickLabels(c2.length > 10);
        xAxis.setRange(-0.5, c2.length - 0.5);
        yAxis.setRange(-0.5, c1.length - 0.5);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(new Color(0xE0, 0xE0, 0xE0));
        plot.setOutlineVisible(false);
        if (Math.max(c1.length, c2.length) <= 12) {
            for (double[] cell : cells) {
                Color bg = (Color) scale.getPaint(cell[2]);
                XYTextAnnotation t = new XYTextAnnotation(
                        String.format(Locale.ROOT, Math.abs(cell[2]) >= 100 ? "%.0f" : "%.1f", cell[2]),
                        cell[0],
                        cell[1]);
                t.setFont(CELL);
                t.setPaint(Palettes.light(bg) ? INK : Color.WHITE);
                plot.addAnnotation(t);
            }
        }
        area.ifPresent(a -> plot.addAnnotation(new XYShapeAnnotation(
                new Rectangle2D.Double(a.col() - 0.5, a.row() - 0.5, a.cols(), a.rows()),
                new BasicStroke(2f),
                Color.BLACK)));
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.addSubtitle(title(title + " (block " + b.blockId() + ")"));
        NumberAxis sa = new NumberAxis(scaleLabel);
        sa.setRange(scale.getLowerBound(), scale.getUpperBound());
        sa.setTickLabelFont(TICK);
        sa.setLabelFont(LABEL);
        if (diverging) {
            sa.setTickUnit(new NumberTickUnit(scale.getUpperBound() / 2));
        }
        PaintScaleLegend legend = new PaintScaleLegend(scale, sa);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(8);
        legend.setAxisOffset(2);
        legend.setMargin(new RectangleInsets(4, 0, 4, 0));
        legend.setPadding(new RectangleInsets(0, 0, 0, 0));
        legend.setSubdivisionCount(32);
        chart.addSubtitle(legend);
        if (area.isPresent()) {
            TextTitle note = new TextTitle(String.format(
                    Locale.ROOT,
                    "outlined: most synergistic area, mean %.2f",
                    area.get().mean()));
            note.setFont(TICK);
            note.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(note);
        }
        return style(chart);
    }

    private static String[] labels(double[] c) {
        String[] s = new String[c.length];
        for (int i = 0; i < c.length; i++) {
            s[i] = conc(c[i]);
        }
        return s;
    }

    /**
     * The dose pair a barometer shows by default: the combination cell with the highest ZIP score
     * (or of the first method run).
     */
    public static int[] defaultBarometerCell(BlockView b) {
        List<SynergyMethod> ms = b.methods();
        double[][] g = b.synergy(ms.contains(SynergyMethod.ZIP) ? SynergyMethod.ZIP : ms.get(0))
                .orElseThrow();
        double[] c1 = b.conc1();
        double[] c2 = b.conc2();
        int[] best = {c1.length - 1, c2.length - 1};
        double bv = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c1.length; i++) {
            for (int j = 0; j < c2.length; j++) {
                if (c1[i] > 0 && c2[j] > 0 && Double.isFinite(g[i][j]) && g[i][j] > bv) {
                    bv = g[i][j];
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    /**
     * Barometer at one dose pair: the observed response (vertical line) against each model's
     * expected response, with an arrow from expected to observed coloured by the sign of the
     * synergy score (red = synergy, blue = antagonism).
     */
    public static JFreeChart barometer(BlockView b, int i, int j) {
        List<SynergyMethod> ms = b.methods();
        double obs = b.response()[i][j];
        String[] names = ms.stream().map(SynergyMethod::column).toArray(String[]::new);
        SymbolAxis yAxis = new SymbolAxis("Reference model", names);
        yAxis.setGridBandsVisible(false);
        yAxis.setRange(-0.7, ms.size() - 0.3);
        NumberAxis xAxis = new NumberAxis("Inhibition (%), bars from expected to observed");
        XYSeriesCollection data = new XYSeriesCollection();
        XYPlot plot = new XYPlot(data, xAxis, yAxis, new XYLineAndShapeRenderer(false, true));
        double lo = Math.min(0, obs);
        double hi = Math.max(100, obs);
        for (int k = 0; k < ms.size(); k++) {
            SynergyMethod m = ms.get(k);
            double ref = b.reference().get(m)[i][j];
            double syn = b.synergy().get(m)[i][j];
            if (!Double.isFinite(ref) || !Double.isFinite(syn)) {
                continue;
            }
            lo = Math.min(lo, ref);
            hi = Math.max(hi, ref);
            double lim = Math.max(10, Math.abs(syn));
            Color col = Palettes.diverging(Math.signum(syn) * Math.max(Math.abs(syn), 0.75 * lim), lim);
            org.jfree.chart.annotations.XYLineAnnotation line = new org.jfree.chart.annotations.XYLineAnnotation(
                    ref, k, obs, k, new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER), col);
            plot.addAnnotation(line);
            XYShapeAnnotation tick = new XYShapeAnnotation(
                    new Rectangle2D.Double(ref - 0.4, k - 0.22, 0.8, 0.44), new BasicStroke(0.5f), INK, INK);
            plot.addAnnotation(tick);
            XYTextAnnotation t = new XYTextAnnotation(
                    String.format(Locale.ROOT, "%s %+.1f", m.column(), syn), (ref + obs) / 2, k + 0.3);
            t.setFont(TICK);
            t.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(t);
        }
        xAxis.setRange(Math.floor(lo / 10) * 10 - 2, Math.ceil(hi / 10) * 10 + 2);
        ValueMarker m = new ValueMarker(obs);
        m.setPaint(INK);
        m.setStroke(new BasicStroke(1.5f));
        m.setLabel(String.format(Locale.ROOT, "observed %.1f", obs));
        m.setLabelFont(TICK);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addDomainMarker(m);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.addSubtitle(title("Barometer (block " + b.blockId() + ")"));
        TextTitle doses = new TextTitle(b.drug1() + " " + conc(b.conc1()[i]) + " " + b.unit1() + " + " + b.drug2() + " "
                + conc(b.conc2()[j]) + " " + b.unit2());
        doses.setFont(LABEL);
        doses.setPaint(INK);
        chart.addSubtitle(doses);
        return style(chart);
    }

    /**
     * Synergy–sensitivity plot of a screen: mean CSS (x, sensitivity) against mean ZIP synergy
     * (y), one point per block coloured by ZIP on the diverging palette; the five most
     * synergistic blocks are labelled.
     */
    public static JFreeChart synergySensitivity(List<BlockView> blocks) {
        List<BlockView> ok = blocks.stream()
                .filter(b -> b.css().isPresent() && b.zip().isPresent())
                .toList();
        NumberAxis xAxis = new NumberAxis("CSS, drug combination sensitivity (% inhibition)");
        NumberAxis yAxis = new NumberAxis("ZIP synergy score (mean)");
        xAxis.setAutoRangeIncludesZero(false);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries s = new XYSeries("blocks", false, true);
        for (BlockView b : ok) {
            s.add(b.css().getAsDouble(), b.zip().getAsDouble());
        }
        data.addSeries(s);
        double lim = 10;
        for (BlockView b : ok) {
            lim = Math.max(lim, Math.abs(b.zip().getAsDouble()));
        }
        final double limit = lim;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true) {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return Palettes.diverging(ok.get(column).zip().getAsDouble(), limit);
            }
        };
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        r.setUseOutlinePaint(true);
        r.setDrawOutlines(true);
        r.setSeriesOutlinePaint(0, new Color(0x55, 0x55, 0x55));
        r.setSeriesOutlineStroke(0, new BasicStroke(0.4f));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(Color.GRAY);
        plot.addRangeMarker(zero);
        // label the five most synergistic blocks; blocks at (almost) the same point share one label
        List<double[]> at = new ArrayList<>();
        List<StringBuilder> text = new ArrayList<>();
        double dx = 0.02 * Math.max(1, range(ok, true));
        double dy = 0.02 * Math.max(1, range(ok, false));
        ok.stream()
                .sorted(Comparator.comparingDouble(b -> -b.zip().getAsDouble()))
                .limit(5)
                .forEach(b -> {
                    double x = b.css().getAsDouble();
                    double y = b.zip().getAsDouble();
                    for (int k = 0; k < at.size(); k++) {
                        if (Math.abs(at.get(k)[0] - x) < dx && Math.abs(at.get(k)[1] - y) < dy) {
                            text.get(k).append(", ").append(b.blockId());
                            return;
                        }
                    }
                    at.add(new double[] {x, y});
                    text.add(new StringBuilder(b.blockId()));
                });
        for (int k = 0; k < at.size(); k++) {
            XYTextAnnotation t = new XYTextAnnotation(" " + text.get(k), at.get(k)[0], at.get(k)[1]);
            t.setFont(TICK);
            t.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(t);
        }
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.addSubtitle(title("Synergy vs sensitivity, " + ok.size() + " blocks"));
        return style(chart);
    }

    private static double range(List<BlockView> bs, boolean css) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BlockView b : bs) {
            double v = css ? b.css().getAsDouble() : b.zip().getAsDouble();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return bs.isEmpty() ? 0 : hi - lo;
    }

    static TextTitle title(String text) {
        TextTitle t = new TextTitle(text, TITLE);
        t.setPaint(INK);
        return t;
    }

    static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 2, 4));
        XYPlot p = chart.getXYPlot();
        if (p.getBackgroundPaint() instanceof Color c && c.equals(Color.WHITE)
                || !(p.getRenderer() instanceof XYBlockRenderer)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            p.setOutlinePaint(new Color(0x99, 0x99, 0x99));
        }
        for (int k = 0; k < p.getDomainAxisCount(); k++) {
            p.getDomainAxis(k).setLabelFont(LABEL);
            p.getDomainAxis(k).setTickLabelFont(TICK);
            p.getDomainAxis(k).setLabelPaint(INK);
        }
        for (int k = 0; k < p.getRangeAxisCount(); k++) {
            p.getRangeAxis(k).setLabelFont(LABEL);
            p.getRangeAxis(k).setTickLabelFont(TICK);
            p.getRangeAxis(k).setLabelPaint(INK);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(TICK);
            l.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.min(m, x);
            }
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return Double.isInfinite(m) ? 0 : m;
    }

    private static double min(double[][] g) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] r : g) {
            m = Math.min(m, min(r));
        }
        return m;
    }

    private static double max(double[][] g) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] r : g) {
            m = Math.max(m, max(r));
        }
        return m;
    }
}
