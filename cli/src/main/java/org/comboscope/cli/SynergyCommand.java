package org.comboscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.comboscope.core.doseresponse.DoseResponseFitter;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.SynergyOutputs;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.synergy.PlotFormat;
import org.comboscope.report.synergy.Provenance;
import org.comboscope.report.synergy.SynergyReport;
import org.comboscope.report.synergy.SynergyRun;
import org.comboscope.report.synergy.SynergyRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope synergy}: ZIP, HSA, Bliss and Loewe scores as SynergyFinder computes them. */
@Command(
        name = "synergy",
        mixinStandardHelpOptions = true,
        description = {
            "Synergy scores (ZIP, HSA, Bliss, Loewe), IC50, RI and CSS for every block of a dose-response"
                    + " matrix file, as SynergyFinder 3.15 computes them.",
            "Writes DIR/blocks.csv, DIR/cells.csv, DIR/curves.csv, DIR/warnings.txt and DIR/provenance.csv;"
                    + " with --report also DIR/report.html and DIR/report.pdf, with --plots DIR/plots/*.svg|png.",
            "Sign convention: positive synergy score = synergy; Loewe_ci < 1 = synergy."
        })
final class SynergyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "SynergyFinder table: CSV, TSV or XLSX.")
    Path input;

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @picocli.CommandLine.Mixin
    SynergyOptions analysis;

    @Option(names = "--sheet", description = "XLSX sheet name (default: the first sheet).")
    String sheet;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Worker threads; 0 = all cores. Results do not depend on it.")
    int threads;

    @Option(
            names = "--report",
            description = "Also write DIR/report.html (self-contained, interactive) and DIR/report.pdf.")
    boolean report;

    @Option(
            names = "--plots",
            defaultValue = "",
            description = "Static plot formats written to DIR/plots/: svg, png or svg,png. Default: none.")
    String plots;

    @Override
    public Integer call() throws Exception {
        SynergyOptions.Parsed parsed = analysis.parse();
        ResponseScale scale = parsed.scale();
        Baseline base = parsed.baseline();
        TableReadResult table = sheet == null
                ? SynergyFinderTableReader.read(input, scale)
                : SynergyFinderTableReader.read(input, scale, sheet);
        PrintWriter err = spec.commandLine().getErr();
        for (String w : table.warnings()) {
            err.println("warning: " + w);
        }
        java.util.Set<PlotFormat> plotFormats = PlotFormat.parseList(plots);
        SynergyFinderEngine engine = parsed.engine();
        List<DoseResponseBlock> blocks = table.blocks();
        List<Object> results = SynergyOutputs.analyzeAll(engine, table, blocks, threads, done -> {});
        List<String> failures = new ArrayList<>();
        List<BlockSynergy> ok = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Object r = results.get(i);
            if (r instanceof BlockSynergy bs) {
                ok.add(bs);
            } else {
                failures.add("block " + blocks.get(i).blockId() + ": " + r);
            }
        }
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            SynergyOutputs.writeBlocks(dir, table, ok, analysis.ciLevel, analysis.seed);
            SynergyOutputs.writeCells(dir, table.drugCount(), ok);
            SynergyOutputs.writeCurves(dir, ok);
            Provenance provenance = provenance(parsed);
            writeProvenance(dir, provenance);
            List<String> warnings = SynergyOutputs.writeWarnings(
                    dir,
                    "# comboscope synergy: input " + input + ", data type " + scale.label() + " (responses"
                            + " converted to % inhibition), methods " + analysis.methods + ", baseline "
                            + base.label() + ", fit " + analysis.fit,
                    table,
                    failures,
                    ok);
            if (report || !plotFormats.isEmpty()) {
                SynergyRun run = SynergyRuns.of(provenance, ok, failures, warnings);
                SynergyReport.write(run, dir, new SynergyReport.Options(report, report, plotFormats));
            }
            dir.commit();
        }
        for (String f : failures) {
            err.println("not analysed: " + f);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                "comboscope synergy: %d of %d blocks analysed (%s); results in %s%n",
                ok.size(),
                blocks.size(),
                scale == ResponseScale.VIABILITY
                        ? "viability converted to % inhibition = 100 - viability"
                        : "responses read as % inhibition",
                out.toAbsolutePath().normalize());
        o.flush();
        err.flush();
        return failures.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    private Provenance provenance(SynergyOptions.Parsed parsed) throws IOException {
        java.util.Map<String, String> p = analysis.parameters(parsed);
        if (sheet != null) {
            p.put("sheet", sheet);
        }
        return SynergyOptions.provenance(input, p);
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static void writeProvenance(OutputDirectory dir, Provenance p) throws IOException {
        try (Writer w = dir.writer("provenance.csv")) {
            p.writeCsv(w);
        }
    }

    static DoseResponseFitter fitter(String name) {
        return SynergyOutputs.fitter(name);
    }
}
