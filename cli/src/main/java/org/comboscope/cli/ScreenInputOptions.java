package org.comboscope.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The inputs shared by the {@code screen} subcommands (a picocli mixin). */
final class ScreenInputOptions {
    @Option(
            names = "--counts",
            required = true,
            description = "Guide count table (TSV, or CSV if named *.csv): sgRNA, gene, samples...")
    Path counts;

    @Option(names = "--control", required = true, split = ",", description = "Control sample columns, comma-separated.")
    List<String> control;

    @Option(
            names = "--treatment",
            required = true,
            split = ",",
            description = "Treatment (drug) sample columns, comma-separated; in paired mode the i-th treatment goes"
                    + " with the i-th control.")
    List<String> treatment;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(
            names = "--plots",
            defaultValue = "",
            description = "Static plot formats written to DIR/plots/: svg, png or svg,png (gene rank plot and volcano"
                    + " plot). Default: none.")
    String plots;

    @Option(
            names = "--report",
            description = "Also write DIR/report.html (self-contained) and DIR/report.pdf: rank and volcano plots with"
                    + " the top hits labelled, and the top depleted and enriched genes.")
    boolean report;

    /** Provenance of a screen run: the count table's hash and the parameters. */
    org.comboscope.report.synergy.Provenance provenance(java.util.Map<String, String> extra)
            throws java.io.IOException {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("control", String.join(",", control));
        p.put("treatment", String.join(",", treatment));
        p.putAll(extra);
        return SynergyOptions.provenance(counts, p);
    }

    /** Whether a report or plots were asked for. */
    boolean wantsReport() {
        return report
                || !org.comboscope.report.synergy.PlotFormat.parseList(plots).isEmpty();
    }

    /** Writes the report and plots asked for. */
    void writeReport(org.comboscope.io.table.OutputDirectory dir, org.comboscope.report.doc.ReportDoc doc)
            throws java.io.IOException {
        org.comboscope.report.doc.ReportFiles.write(
                doc, dir, report, org.comboscope.report.synergy.PlotFormat.parseList(plots));
    }
}
