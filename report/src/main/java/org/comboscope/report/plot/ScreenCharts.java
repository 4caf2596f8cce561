package org.comboscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Gene-level plots of a chemogenetic screen: the rank plot (gene score against its rank, the top
 * depleted and enriched genes labelled) and the volcano plot (log fold change against −log10 FDR).
 * Depleted hits (sensitisers) are blue, enriched hits (resistance) vermillion, others grey
 * (Okabe–Ito, colour-blind safe).
 */
public final class ScreenCharts {
    /** Plot width, points (two journal columns). */
    public static final int WIDTH_PT = 2 * Charts.COLUMN_WIDTH_PT;
    /** Plot height, points. */
    public static final int HEIGHT_PT = 300;
    /** Genes labelled at each end. */
    public static final int LABELS = 10;

    static final Color DEPLETED = new Color(0x00, 0x72, 0xB2);
    static final Color ENRICHED = new Color(0xD5, 0x5E, 0x00);
    static final Color OTHER = new Color(0xBB, 0xBB, 0xBB);
    private static final Shape DOT = new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2);

    private ScreenCharts() {}

    /**
     * A gene with what the plots need.
     *
     * @param score signed gene score: negative = depleted under drug (normZ, or signed −log10 RRA)
     * @param lfc gene log2 fold change (drug vs control)
     * @param fdr FDR of the gene's direction (depleted side for score < 0)
     * @param hit whether the gene passes the FDR cut-off
     */
    public record Gene(String gene, double score, double lfc, double fdr, boolean hit) {}

    /** Rank plot: genes by increasing score; the {@link #LABELS} lowest and highest labelled. */
    public static JFreeChart rank(String title, String scoreLabel, List<Gene> genes) {
        List<Gene> sorted = new ArrayList<>(genes);
        sorted.removeIf(g -> !Double.isFinite(g.score()));
        sorted.sort(Comparator.comparingDouble(Gene::score));
        XYSeries other = new XYSeries("not significant", false, true);
        XYSeries dep = new XYSeries("depleted hit (sensitiser)", false, true);
        XYSeries enr = new XYSeries("enriched hit (resistance)", false, true);
        for (int i = 0; i < sorted.size(); i++) {
            Gene g = sorted.get(i);
            (g.hit() ? (g.score() < 0 ? dep : enr) : other).add(i + 1, g.score());
        }
        XYPlot plot = scatter(other, dep, enr, "Gene rank", scoreLabel);
        plot.addRangeMarker(zero());
        int n = sorted.size();
        double span = n == 0 ? 1 : sorted.get(n - 1).score() - sorted.get(0).score();
        for (int k = 0; k < Math.min(LABELS, n); k++) {
            Gene lo = sorted.get(k);
            if (lo.score() < 0) {
                label(
                        plot,
                        lo.gene(),
                        k + 1,
                        lo.score(),
                        sorted.get(0).score() + k * 0.05 * span,
                        TextAnchor.CENTER_LEFT,
                        k,
                        n);
            }
            Gene hi = sorted.get(n - 1 - k);
            if (hi.score() > 0 && n - 1 - k >= LABELS) {
                label(
                        plot,
                        hi.gene(),
                        n - k,
                        hi.score(),
                        sorted.get(n - 1).score() - k * 0.05 * span,
                        TextAnchor.CENTER_RIGHT,
                        k,
                        n);
            }
        }
        ((NumberAxis) plot.getDomainAxis()).setRange(-0.02 * n, 1.02 * n + 1);
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.addSubtitle(Charts.title(title));
        return Charts.style(chart);
    }

    /** Volcano plot: log2 fold change against −log10 FDR, the strongest hits of each side labelled. */
    public static JFreeChart volcano(String title, String lfcLabel, List<Gene> genes, double fdrCutoff) {
        double floor = Double.MAX_VALUE;
        for (Gene g : genes) {
            if (g.fdr() > 0 && g.fdr() < floor) {
                floor = g.fdr();
            }
        }
        floor = floor == Double.MAX_VALUE ? 1e-300 : floor;
        XYSeries other = new XYSeries("not significant", false, true);
        XYSeries dep = new XYSeries("depleted hit (sensitiser)", false, true);
        XYSeries enr = new XYSeries("enriched hit (resistance)", false, true);
        List<double[]> pts = new ArrayList<>();
        for (Gene g : genes) {
            if (!Double.isFinite(g.lfc()) || !Double.isFinite(g.fdr())) {
                continue;
            }
            double y = -Math.log10(Math.max(g.fdr(), floor));
            (g.hit() ? (g.score() < 0 ? dep : enr) : other).add(g.lfc(), y);
            pts.add(new double[] {g.lfc(), y});
        }
        XYPlot plot = scatter(other, dep, enr, lfcLabel, "-log10 FDR");
        ValueMarker cut = new ValueMarker(-Math.log10(fdrCutoff));
        cut.setPaint(Charts.INK);
        cut.setStroke(new BasicStroke(0.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {3, 2}, 0));
        cut.setLabel(String.format(Locale.ROOT, "FDR %.2g", fdrCutoff));
        cut.setLabelFont(Charts.TICK);
        cut.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        cut.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(cut);
        ValueMarker zero = zero();
        plot.addDomainMarker(zero);
        // label the strongest hits of each side: by FDR, then |LFC|
        for (boolean depleted : new boolean[] {true, false}) {
            List<Gene> side = genes.stream()
                    .filter(g -> g.hit() && (g.score() < 0) == depleted && Double.isFinite(g.lfc()))
                    .sorted(Comparator.comparingDouble(Gene::fdr).thenComparingDouble(g -> -Math.abs(g.lfc())))
                    .limit(LABELS)
                    .toList();
            for (Gene g : side) {
                XYTextAnnotation t = new XYTextAnnotation(g.gene(), g.lfc(), -Math.log10(Math.max(g.fdr(), floor)));
                t.setFont(Charts.TICK);
                t.setPaint(depleted ? DEPLETED.darker() : ENRICHED.darker());
                t.setTextAnchor(depleted ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(t);
            }
        }
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.addSubtitle(Charts.title(title));
        return Charts.style(chart);
    }

    /**
     * The guides of one gene: its per-guide log fold changes.
     *
     * @param depleted whether the gene is a top depleted (else enriched) gene
     */
    public record GeneGuides(String gene, boolean depleted, double[] lfc) {}

    /**
     * Guide-level plot: each gene a column (in the given order), its guides' log fold changes as
     * dots (depleted genes blue, enriched vermillion), the median guide as a bar.
     */
    public static JFreeChart guides(String title, String lfcLabel, List<GeneGuides> genes) {
        XYSeries dep = new XYSeries("guide of a top depleted gene", false, true);
        XYSeries enr = new XYSeries("guide of a top enriched gene", false, true);
        String[] names = new String[genes.size()];
        XYSeriesCollection data = new XYSeriesCollection();
        List<double[]> medians = new ArrayList<>();
        for (int i = 0; i < genes.size(); i++) {
            GeneGuides g = genes.get(i);
            names[i] = g.gene();
            double[] v = java.util.Arrays.stream(g.lfc())
                    .filter(Double::isFinite)
                    .sorted()
                    .toArray();
            for (int k = 0; k < v.length; k++) {
                // small deterministic horizontal jitter so that equal values stay visible
                double x = i + (v.length == 1 ? 0 : 0.25 * (2.0 * k / (v.length - 1) - 1));
                (g.depleted() ? dep : enr).add(x, v[k]);
            }
            if (v.length > 0) {
                int m = v.length / 2;
                medians.add(new double[] {i, v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2});
            }
        }
        data.addSeries(dep);
        data.addSeries(enr);
        org.jfree.chart.axis.SymbolAxis xa = new org.jfree.chart.axis.SymbolAxis("Gene", names);
        xa.setGridBandsVisible(false);
        xa.setVerticalTickLabels(true);
        xa.setTickLabelFont(Charts.TICK);
        NumberAxis ya = new NumberAxis(lfcLabel);
        ya.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, DEPLETED);
        r.setSeriesPaint(1, ENRICHED);
        r.setSeriesShape(0, DOT);
        r.setSeriesShape(1, DOT);
        r.setDrawOutlines(false);
        XYPlot plot = new XYPlot(data, xa, ya, r);
        plot.addRangeMarker(zero());
        for (double[] m : medians) {
            plot.addAnnotation(
                    new XYLineAnnotation(m[0] - 0.35, m[1], m[0] + 0.35, m[1], new BasicStroke(1.2f), Charts.INK));
        }
        xa.setRange(-0.6, Math.max(genes.size(), 1) - 0.4);
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, true);
        chart.addSubtitle(Charts.title(title));
        return Charts.style(chart);
    }

    private static XYPlot scatter(XYSeries other, XYSeries dep, XYSeries enr, String x, String y) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(other);
        data.addSeries(dep);
        data.addSeries(enr);
        NumberAxis xa = new NumberAxis(x);
        xa.setAutoRangeIncludesZero(false);
        NumberAxis ya = new NumberAxis(y);
        ya.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Color[] c = {OTHER, DEPLETED, ENRICHED};
        for (int k = 0; k < 3; k++) {
            r.setSeriesPaint(k, c[k]);
            r.setSeriesShape(k, DOT);
        }
        r.setDrawOutlines(false);
        return new XYPlot(data, xa, ya, r);
    }

    private static ValueMarker zero() {
        ValueMarker m = new ValueMarker(0);
        m.setPaint(new Color(0x88, 0x88, 0x88));
        m.setStroke(new BasicStroke(0.6f));
        return m;
    }

    /** A label offset along a short leader line so that neighbouring labels do not overlap. */
    private static void label(
            XYPlot plot, String text, double x, double y, double ly, TextAnchor anchor, int k, int n) {
        boolean left = anchor == TextAnchor.CENTER_LEFT;
        double dx = (left ? 1 : -1) * n * (0.05 + 0.012 * (k % 2));
        plot.addAnnotation(
                new XYLineAnnotation(x, y, x + dx * 0.9, ly, new BasicStroke(0.4f), new Color(0x99, 0x99, 0x99)));
        XYTextAnnotation t = new XYTextAnnotation(text, x + dx, ly);
        t.setFont(Charts.TICK);
        t.setPaint(left ? DEPLETED.darker() : ENRICHED.darker());
        t.setTextAnchor(anchor);
        plot.addAnnotation(t);
    }
}
