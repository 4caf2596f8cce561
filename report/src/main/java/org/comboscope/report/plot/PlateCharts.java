package org.comboscope.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.comboscope.core.plate.PlateFormat;
import org.comboscope.core.plate.PlateMap;
import org.comboscope.core.plate.PlateReadout;
import org.comboscope.core.plate.WellRole;
import org.comboscope.core.plate.WellState;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Plate heat maps: the raw signal of a plate in plate layout (row A on top, columns 1.. left to
 * right, viridis), with control wells lettered, outlier wells circled and saturated wells
 * crossed; and the mean normalised response of a two-drug block as a dose matrix.
 */
public final class PlateCharts {
    /** Drawing width of a plate map, points (two journal columns). */
    public static final int PLATE_WIDTH_PT = 2 * Charts.COLUMN_WIDTH_PT;

    /** Grey of wells without a value. */
    static final Color NO_VALUE = new Color(0xE0, 0xE0, 0xE0);

    private PlateCharts() {}

    /** Height of a plate map for a format, points. */
    public static int plateHeightPt(PlateFormat f) {
        double cell = (PLATE_WIDTH_PT - 90.0) / f.columns();
        return (int) Math.round(cell * f.rows() + 78);
    }

    /**
     * Raw signal of a plate.
     *
     * @param outliers well indices flagged as outliers (circled)
     * @param saturated well indices saturated (crossed), overflow wells included
     */
    public static JFreeChart rawSignal(PlateReadout p, PlateMap map, Set<Integer> outliers, Set<Integer> saturated) {
        PlateFormat f = p.format();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < f.wells(); i++) {
            if (p.state(i) == WellState.MEASURED) {
                lo = Math.min(lo, p.signal()[i]);
                hi = Math.max(hi, p.signal()[i]);
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        List<double[]> cells = new ArrayList<>();
        for (int i = 0; i < f.wells(); i++) {
            double v =
                    switch (p.state(i)) {
                        case MEASURED -> p.signal()[i];
                        case OVERFLOW -> hi;
                        case MISSING -> Double.NaN;
                    };
            if (Double.isFinite(v)) {
                cells.add(new double[] {f.column(i), f.row(i), v});
            }
        }
        PaintScale scale = Palettes.sequentialScale(lo, hi);
        XYPlot plot = layout(f, cells, scale);
        boolean small = f.wells() <= 96;
        Font letter = new Font(Font.SANS_SERIF, Font.BOLD, small ? 7 : 5);
        for (int i = 0; i < f.wells(); i++) {
            double x = f.column(i);
            double y = f.row(i);
            WellRole role = map.well(i).role();
            String tag =
                    switch (role) {
                        case BLANK -> "B";
                        case VEHICLE -> "V";
                        case POSITIVE -> "P";
                        case EMPTY -> "";
                        case SAMPLE -> "";
                    };
            if (p.state(i) == WellState.MISSING) {
                tag = tag.isEmpty() ? "–" : tag;
            }
            if (!tag.isEmpty() && (small || role != WellRole.EMPTY)) {
                XYTextAnnotation t = new XYTextAnnotation(tag, x, y);
                t.setFont(letter);
                Color bg = p.state(i) == WellState.MEASURED ? Palettes.sequential(p.signal()[i], lo, hi) : NO_VALUE;
                t.setPaint(Palettes.light(bg) ? Charts.INK : Color.WHITE);
                plot.addAnnotation(t);
            }
            if (outliers.contains(i)) {
                plot.addAnnotation(new XYShapeAnnotation(
                        new Ellipse2D.Double(x - 0.42, y - 0.42, 0.84, 0.84), new BasicStroke(1.4f), Color.BLACK));
                plot.addAnnotation(new XYShapeAnnotation(
                        new Ellipse2D.Double(x - 0.3, y - 0.3, 0.6, 0.6), new BasicStroke(0.8f), Color.WHITE));
            }
            if (saturated.contains(i) || p.state(i) == WellState.OVERFLOW) {
                java.awt.geom.Path2D.Double cross = new java.awt.geom.Path2D.Double();
                cross.moveTo(x - 0.35, y - 0.35);
                cross.lineTo(x + 0.35, y + 0.35);
                cross.moveTo(x - 0.35, y + 0.35);
                cross.lineTo(x + 0.35, y - 0.35);
                plot.addAnnotation(new XYShapeAnnotation(cross, new BasicStroke(1.4f), new Color(0xD5, 0x5E, 0x00)));
            }
        }
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
        chart.addSubtitle(Charts.title("Raw signal, plate " + p.plateId() + " (" + f.describe() + ")"));
        chart.addSubtitle(legend(scale, "Raw signal"));
        TextTitle key = new TextTitle("V vehicle, B blank, P positive control, – no value (grey); circled: outlier"
                + " well; orange cross: saturated / overflow");
        key.setFont(Charts.TICK);
        key.setPaint(Charts.INK);
        key.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(key);
        return Charts.style(chart);
    }

    /**
     * Mean response of a two-drug block in % inhibition: rows = drug-1 concentrations (lowest at the
     * bottom), columns = drug-2 concentrations; cells without data are grey.
     */
    public static JFreeChart blockResponse(
            String blockId, String drug1, String drug2, String unit, double[] conc1, double[] conc2, double[][] mean) {
        List<double[]> cells = new ArrayList<>();
        double lo = 0;
        double hi = 100;
        for (int i = 0; i < conc1.length; i++) {
            for (int j = 0; j < conc2.length; j++) {
                if (Double.isFinite(mean[i][j])) {
                    cells.add(new double[] {j, i, mean[i][j]});
                    lo = Math.min(lo, Math.floor(mean[i][j] / 10) * 10);
                    hi = Math.max(hi, Math.ceil(mean[i][j] / 10) * 10);
                }
            }
        }
        PaintScale scale = Palettes.sequentialScale(lo, hi);
        DefaultXYZDataset data = dataset(cells);
        String u = unit == null || unit.isBlank() ? "" : " (" + unit + ")";
        SymbolAxis x = axis(drug2 + " concentration" + u, labels(conc2));
        SymbolAxis y = axis(drug1 + " concentration" + u, labels(conc1));
        x.setVerticalTickLabels(conc2.length > 10);
        x.setRange(-0.5, conc2.length - 0.5);
        y.setRange(-0.5, conc1.length - 0.5);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(NO_VALUE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        if (Math.max(conc1.length, conc2.length) <= 12) {
            for (double[] c : cells) {
                XYTextAnnotation t = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f", c[2]), c[0], c[1]);
                t.setFont(Charts.CELL);
                t.setPaint(Palettes.light((Color) scale.getPaint(c[2])) ? Charts.INK : Color.WHITE);
                plot.addAnnotation(t);
            }
        }
        JFreeChart chart = new JFreeChart(null, Charts.TITLE, plot, false);
        chart.addSubtitle(Charts.title("Normalised response, block " + blockId));
        chart.addSubtitle(legend(scale, "Inhibition (%)"));
        return Charts.style(chart);
    }

    private static XYPlot layout(PlateFormat f, List<double[]> cells, PaintScale scale) {
        String[] cols = new String[f.columns()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = Integer.toString(c + 1);
        }
        String[] rows = new String[f.rows()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = PlateFormat.rowLabel(r);
        }
        SymbolAxis x = axis("Column", cols);
        SymbolAxis y = axis("Row", rows);
        x.setRange(-0.5, f.columns() - 0.5);
        y.setRange(-0.5, f.rows() - 0.5);
        y.setInverted(true);
        x.setVerticalTickLabels(f.columns() > 24);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset(cells), x, y, r);
        plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setBackgroundPaint(NO_VALUE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static DefaultXYZDataset dataset(List<double[]> cells) {
        double[][] s = new double[3][cells.size()];
        for (int k = 0; k < cells.size(); k++) {
            s[0][k] = cells.get(k)[0];
            s[1][k] = cells.get(k)[1];
            s[2][k] = cells.get(k)[2];
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("wells", s);
        return d;
    }

    private static SymbolAxis axis(String label, String[] ticks) {
        SymbolAxis a = new SymbolAxis(label, ticks);
        a.setGridBandsVisible(false);
        a.setTickLabelFont(Charts.TICK);
        a.setLabelFont(Charts.LABEL);
        return a;
    }

    private static String[] labels(double[] c) {
        String[] s = new String[c.length];
        for (int i = 0; i < c.length; i++) {
            s[i] = Charts.conc(c[i]);
        }
        return s;
    }

    private static PaintScaleLegend legend(PaintScale scale, String label) {
        NumberAxis sa = new NumberAxis(label);
        sa.setRange(scale.getLowerBound(), scale.getUpperBound());
        sa.setTickLabelFont(Charts.TICK);
        sa.setLabelFont(Charts.LABEL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, sa);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(8);
        legend.setAxisOffset(2);
        legend.setMargin(new RectangleInsets(4, 0, 4, 0));
        legend.setSubdivisionCount(32);
        return legend;
    }
}
