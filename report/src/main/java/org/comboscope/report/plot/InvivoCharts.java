package org.comboscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comboscope.core.invivo.ArmRole;
import org.comboscope.core.invivo.Arms;
import org.comboscope.core.invivo.GroupDaySummary;
import org.comboscope.core.invivo.MrecistResponse;
import org.comboscope.core.invivo.SynergyEstimate;
import org.comboscope.core.invivo.SynergyReference;
import org.comboscope.core.invivo.TumourObservation;
import org.comboscope.core.invivo.TumourStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Plots of an in vivo combination study: per-arm spaghetti plots, mean ± SEM growth curves, the
 * waterfall of best responses, and the time-resolved synergy score with its 95 % band. Arms are
 * coloured by role (vehicle, drug A, drug B, combination) with the Okabe–Ito line colours.
 */
public final class InvivoCharts {
    /** Width of the wide (four-panel / waterfall) figures, points. */
    public static final int WIDE_PT = 480;

    private InvivoCharts() {}

    /** Colour of the arm with {@code role}. */
    public static Color colour(ArmRole role) {
        return Charts.LINES[role.ordinal()];
    }

    /** Legend entry text of an arm: {@code group (role)}. */
    static String armLabel(Arms arms, ArmRole role) {
        return arms.group(role) + " (" + role.label() + ")";
    }

    /**
     * Spaghetti plot: one panel per arm (role order) sharing the burden axis, one line per animal
     * (series key = animal id), days on the x axes.
     *
     * @param unit burden axis label, e.g. {@code Tumour volume (mm³)}
     */
    public static JFreeChart spaghetti(TumourStudy study, Arms arms, String unit) {
        NumberAxis burden = new NumberAxis(unit);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(burden);
        plot.setGap(6);
        for (ArmRole role : ArmRole.values()) {
            Map<String, TreeMap<Double, Double>> animals = new LinkedHashMap<>();
            for (TumourObservation o : study.observations()) {
                if (o.group().equals(arms.group(role))) {
                    animals.computeIfAbsent(o.animalId(), k -> new TreeMap<>()).put(o.day(), o.value());
                }
            }
            XYSeriesCollection data = new XYSeriesCollection();
            for (Map.Entry<String, TreeMap<Double, Double>> a : animals.entrySet()) {
                XYSeries s = new XYSeries(a.getKey(), false, false);
                a.getValue().forEach(s::add);
                data.addSeries(s);
            }
            NumberAxis day = new NumberAxis(arms.group(role));
            day.setAutoRangeIncludesZero(false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            for (int i = 0; i < data.getSeriesCount(); i++) {
                r.setSeriesPaint(i, colour(role));
                r.setSeriesStroke(i, new BasicStroke(0.8f));
            }
            XYPlot sub = new XYPlot(data, day, null, r);
            axisFonts(sub);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            sub.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            plot.add(sub, 1);
        }
        burden.setLabelFont(Charts.LABEL);
        burden.setTickLabelFont(Charts.TICK);
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
        chart.addSubtitle(Charts.title("Individual tumour growth by arm (x: study day)"));
        chart.addSubtitle(legend(arms));
        return finish(chart);
    }

    /**
     * Mean ± SEM of the burden per arm and day (series key = group name; days with one animal have
     * no error bar).
     */
    public static JFreeChart meanSem(List<GroupDaySummary> summaries, Arms arms, String unit) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (ArmRole role : ArmRole.values()) {
            YIntervalSeries s = new YIntervalSeries(arms.group(role), false, false);
            for (GroupDaySummary g : summaries) {
                if (g.role() == role) {
                    double sem = g.sem().orElse(0);
                    s.add(g.day(), g.mean(), g.mean() - sem, g.mean() + sem);
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("Study day");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(unit + ", mean ± SEM");
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setDrawSeriesLineAsPath(true);
        r.setCapLength(3);
        for (ArmRole role : ArmRole.values()) {
            r.setSeriesPaint(role.ordinal(), colour(role));
            r.setSeriesStroke(role.ordinal(), new BasicStroke(1.2f));
            r.setSeriesShape(role.ordinal(), new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        r.setErrorStroke(new BasicStroke(0.7f));
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
        chart.addSubtitle(Charts.title("Tumour growth, mean ± SEM per arm"));
        chart.addSubtitle(legend(arms));
        return finish(Charts.style(chart));
    }

    /**
     * Waterfall of BestResponse (%), one bar per evaluable animal in the order given (use {@link
     * MrecistResponse#waterfall}), coloured by arm (series key = group name), with the mRECIST
     * BestResponse cut-offs +35 %, −50 % and −95 % as dashed lines.
     */
    public static JFreeChart waterfall(List<MrecistResponse.AnimalResponse> ordered, Arms arms) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        Map<ArmRole, XYIntervalSeries> byRole = new LinkedHashMap<>();
        for (ArmRole role : ArmRole.values()) {
            byRole.put(role, new XYIntervalSeries(arms.group(role), false, true));
        }
        int k = 0;
        for (MrecistResponse.AnimalResponse a : ordered) {
            double v = a.bestResponsePercent().orElseThrow();
            byRole.get(a.role()).add(k, k - 0.4, k + 0.4, v, Math.min(0, v), Math.max(0, v));
            k++;
        }
        byRole.values().forEach(data::addSeries);
        NumberAxis x = new NumberAxis("Animals, ordered by best response (n = " + ordered.size() + ")");
        x.setTickLabelsVisible(false);
        x.setTickMarksVisible(false);
        x.setRange(-1, Math.max(1, ordered.size()));
        NumberAxis y = new NumberAxis("Best response, ΔVol (%)");
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        for (ArmRole role : ArmRole.values()) {
            r.setSeriesPaint(role.ordinal(), colour(role));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        for (double cut : new double[] {35, -50, -95}) {
            ValueMarker m = new ValueMarker(cut);
            m.setPaint(Color.GRAY);
            m.setStroke(
                    new BasicStroke(0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            plot.addRangeMarker(m);
        }
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
        chart.addSubtitle(Charts.title("Waterfall of best response (mRECIST cut-offs +35, -50, -95 %)"));
        chart.addSubtitle(legend(arms));
        return finish(Charts.style(chart));
    }

    /**
     * Synergy score (SS) against time for each reference present, with its 95 % interval as a band
     * (series key = reference label); SS > 0 = synergy, a line at 0.
     */
    public static JFreeChart synergyOverTime(List<SynergyEstimate> estimates) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (SynergyReference ref : SynergyReference.values()) {
            YIntervalSeries s = new YIntervalSeries(ref.label() + " SS ± 95% CI", false, false);
            for (SynergyEstimate e : estimates) {
                if (e.reference() == ref && e.metric().equals(SynergyEstimate.SS) && Double.isFinite(e.estimate())) {
                    s.add(e.time(), e.estimate(), e.lower(), e.upper());
                }
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        }
        NumberAxis x = new NumberAxis("Days since the first day");
        NumberAxis y = new NumberAxis("Synergy score (> 0 = synergy)");
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.2f);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = Charts.LINES[i % Charts.LINES.length];
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(1.3f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        ValueMarker zero = new ValueMarker(0);
        zero.setPaint(Color.GRAY);
        plot.addRangeMarker(zero);
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.addSubtitle(Charts.title("Time-resolved synergy score"));
        return finish(Charts.style(chart));
    }

    private static LegendTitle legend(Arms arms) {
        LegendTitle l = new LegendTitle(() -> {
            LegendItemCollection items = new LegendItemCollection();
            for (ArmRole role : ArmRole.values()) {
                LegendItem it = new LegendItem(armLabel(arms, role), colour(role));
                it.setShape(new Rectangle2D.Double(-5, -3, 10, 6));
                it.setLine(new Line2D.Double(-7, 0, 7, 0));
                it.setLinePaint(colour(role));
                items.add(it);
            }
            return items;
        });
        l.setItemFont(Charts.TICK);
        l.setFrame(BlockBorder.NONE);
        l.setPosition(RectangleEdge.BOTTOM);
        return l;
    }

    private static void axisFonts(XYPlot p) {
        p.getDomainAxis().setLabelFont(Charts.LABEL);
        p.getDomainAxis().setTickLabelFont(Charts.TICK);
        p.getDomainAxis().setLabelPaint(Charts.INK);
    }

    private static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }
}
