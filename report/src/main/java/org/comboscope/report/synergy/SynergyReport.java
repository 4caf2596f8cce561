package org.comboscope.report.synergy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.html.HtmlReport;
import org.comboscope.report.pdf.PdfReport;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.plot.Charts;
import org.jfree.chart.JFreeChart;

/**
 * Writes the report files of a synergy run into a staged output directory: {@code report.html},
 * {@code report.pdf} and, per requested format, {@code plots/*.svg|png}.
 */
public final class SynergyReport {
    private SynergyReport() {}

    /** What to write. */
    public record Options(boolean html, boolean pdf, Set<PlotFormat> plots) {
        public Options {
            plots = Set.copyOf(plots);
        }
    }

    /** Names of the files written (relative to the output directory). */
    public static List<String> write(SynergyRun run, OutputDirectory dir, Options options) throws IOException {
        List<String> names = new ArrayList<>();
        if (options.html()) {
            try (Writer w = dir.writer("report.html")) {
                new HtmlReport().write(run, w);
            }
            names.add("report.html");
        }
        if (options.pdf()) {
            try (OutputStream out = Files.newOutputStream(dir.path("report.pdf"))) {
                new PdfReport().write(run, out);
            }
            names.add("report.pdf");
        }
        if (!options.plots().isEmpty()) {
            writePlot(
                    dir,
                    options.plots(),
                    "plots/synergy_sensitivity",
                    Charts.synergySensitivity(run.blocks()),
                    2,
                    names);
            for (BlockView b : run.blocks()) {
                String base = "plots/block_" + fileSafe(b.blockId()) + "_";
                for (int d = 0; d < b.curves().size(); d++) {
                    writePlot(
                            dir,
                            options.plots(),
                            base + "curve_drug" + (d + 1),
                            Charts.doseResponse(b.blockId(), b.curves().get(d), d),
                            1,
                            names);
                }
                writePlot(dir, options.plots(), base + "response", Charts.responseHeatMap(b), 1, names);
                for (SynergyMethod m : b.methods()) {
                    writePlot(
                            dir,
                            options.plots(),
                            base + "synergy_" + m.column(),
                            Charts.synergyHeatMap(b, m),
                            1,
                            names);
                }
                int[] cell = Charts.defaultBarometerCell(b);
                writePlot(dir, options.plots(), base + "barometer", Charts.barometer(b, cell[0], cell[1]), 1, names);
            }
        }
        return names;
    }

    private static void writePlot(
            OutputDirectory dir,
            Set<PlotFormat> formats,
            String name,
            JFreeChart chart,
            int widthColumns,
            List<String> names)
            throws IOException {
        int w = Charts.COLUMN_WIDTH_PT * widthColumns;
        int h = widthColumns == 1 ? Charts.HEIGHT_PT : 2 * Charts.HEIGHT_PT - 40;
        for (PlotFormat f : formats) {
            String file = name + "." + f.extension();
            Path p = dir.path(file);
            if (f == PlotFormat.SVG) {
                ChartFiles.writeSvg(chart, w, h, p);
            } else {
                ChartFiles.writePng(chart, w, h, p);
            }
            names.add(file);
        }
    }

    /** A block id as a file-name part: letters, digits, dot, dash and underscore kept, the rest '_'. */
    public static String fileSafe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
