package org.comboscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.synergy.PlotFormat;
import org.comboscope.report.synergy.SynergyOutputReader;
import org.comboscope.report.synergy.SynergyReport;
import org.comboscope.report.synergy.SynergyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope report}: rebuilds the HTML/PDF report and plots from a synergy output directory. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuilds report.html, report.pdf and (with --plots) plots/*.svg|png from the output directory of"
                    + " `comboscope synergy` (blocks.csv, cells.csv, curves.csv, warnings.txt, provenance.csv),"
                    + " without rerunning the analysis."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, description = "A `comboscope synergy` output directory.")
    Path from;

    @Option(names = "--out", description = "Where to write the report (default: the --from directory).")
    Path out;

    @Option(
            names = "--plots",
            defaultValue = "",
            description = "Static plot formats written to OUT/plots/: svg, png or svg,png. Default: none.")
    String plots;

    @Option(names = "--no-pdf", description = "Skip report.pdf.")
    boolean noPdf;

    @Option(names = "--no-html", description = "Skip report.html.")
    boolean noHtml;

    @Override
    public Integer call() throws Exception {
        java.util.Set<PlotFormat> formats = PlotFormat.parseList(plots);
        if (!Files.isDirectory(from)) {
            throw new org.comboscope.core.error.InvalidInputException(
                    "--from", from, "must be a directory written by `comboscope synergy`");
        }
        long t0 = System.nanoTime();
        SynergyRun run = SynergyOutputReader.read(from);
        Path target = out == null ? from : out;
        List<String> names;
        try (OutputDirectory dir = OutputDirectory.create(target)) {
            names = SynergyReport.write(run, dir, new SynergyReport.Options(!noHtml, !noPdf, formats));
            dir.commit();
        }
        var o = spec.commandLine().getOut();
        for (String n : names) {
            if (!n.startsWith("plots/")) {
                o.printf(Locale.ROOT, "%s (%.1f MB)%n", target.resolve(n), Files.size(target.resolve(n)) / 1e6);
            }
        }
        long plotFiles = names.stream().filter(n -> n.startsWith("plots/")).count();
        o.printf(
                Locale.ROOT,
                "comboscope report: %d blocks, %d not analysed, %d plot files; %.1f s%n",
                run.blocks().size(),
                run.notAnalysed().size(),
                plotFiles,
                (System.nanoTime() - t0) / 1e9);
        o.flush();
        return Main.EXIT_OK;
    }
}
