package org.comboscope.report.doc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.html.DocumentHtml;
import org.comboscope.report.pdf.DocumentPdf;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.synergy.PlotFormat;

/**
 * Writes a {@link ReportDoc} into a staged output directory: {@code report.html}, {@code
 * report.pdf} and, per requested format, {@code plots/<figure file>.svg|png} for every figure
 * with a file name.
 */
public final class ReportFiles {
    private ReportFiles() {}

    /** Names written, relative to the directory. */
    public static List<String> write(ReportDoc doc, OutputDirectory dir, boolean report, Set<PlotFormat> plots)
            throws IOException {
        List<String> names = new ArrayList<>();
        if (report) {
            try (Writer w = dir.writer("report.html")) {
                new DocumentHtml().write(doc, w);
            }
            names.add("report.html");
            try (OutputStream out = Files.newOutputStream(dir.path("report.pdf"))) {
                new DocumentPdf().write(doc, out);
            }
            names.add("report.pdf");
        }
        names.addAll(writePlots(doc, dir, plots));
        return names;
    }

    /** Only the static plots of every exported figure. */
    public static List<String> writePlots(ReportDoc doc, OutputDirectory dir, Set<PlotFormat> plots)
            throws IOException {
        List<String> names = new ArrayList<>();
        if (plots.isEmpty()) {
            return names;
        }
        Set<String> seen = new HashSet<>();
        for (ReportDoc.Section s : doc.sections()) {
            for (ReportDoc.Part p : s.parts()) {
                if (!(p instanceof ReportDoc.Figure f) || f.file().isEmpty()) {
                    continue;
                }
                if (!seen.add(f.file())) {
                    throw new InvalidInputException("file", f.file(), "two figures would write the same plot file");
                }
                for (PlotFormat fmt : plots) {
                    String name = "plots/" + f.file() + "." + fmt.extension();
                    Path path = dir.path(name);
                    if (fmt == PlotFormat.SVG) {
                        ChartFiles.writeSvg(f.chart(), f.widthPt(), f.heightPt(), path);
                    } else {
                        ChartFiles.writePng(f.chart(), f.widthPt(), f.heightPt(), path);
                    }
                    names.add(name);
                }
            }
        }
        return names;
    }
}
