package org.comboscope.report.ci;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.plot.Charts;
import org.comboscope.report.plot.CiCharts;
import org.comboscope.report.synergy.PlotFormat;
import org.comboscope.report.synergy.SynergyReport;
import org.jfree.chart.JFreeChart;

/**
 * Writes the Chou–Talalay plots of one block: {@code plots/<block>_fa_ci.svg|png} and {@code
 * plots/<block>_isobologram.svg|png} (single journal column).
 */
public final class CiPlots {
    private CiPlots() {}

    /** File-name stem of a block's plots under {@code plots/}. */
    public static String stem(String blockId) {
        return "plots/" + SynergyReport.fileSafe(blockId);
    }

    /** Writes both plots in every format; returns the relative names written. */
    public static List<String> write(
            OutputDirectory dir, Set<PlotFormat> formats, String blockId, String drug1, String drug2, CiAnalysis a)
            throws IOException {
        List<String> names = new ArrayList<>();
        String stem = stem(blockId);
        write(dir, formats, stem + "_fa_ci", CiCharts.faCi(blockId, drug1, drug2, a), CiCharts.FA_CI_HEIGHT_PT, names);
        write(
                dir,
                formats,
                stem + "_isobologram",
                CiCharts.isobologram(blockId, drug1, drug2, a),
                Charts.HEIGHT_PT + 20,
                names);
        return names;
    }

    private static void write(
            OutputDirectory dir, Set<PlotFormat> formats, String name, JFreeChart chart, int height, List<String> names)
            throws IOException {
        for (PlotFormat f : formats) {
            String file = name + "." + f.extension();
            Path p = dir.path(file);
            if (f == PlotFormat.SVG) {
                ChartFiles.writeSvg(chart, Charts.COLUMN_WIDTH_PT, height, p);
            } else {
                ChartFiles.writePng(chart, Charts.COLUMN_WIDTH_PT, height, p);
            }
            names.add(file);
        }
    }
}
