package org.comboscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.io.batch.BatchSynergy;
import org.comboscope.io.table.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope batch}: the synergy analysis of a whole screen, streamed and resumable. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Screen-scale synergy: the analysis of 'synergy' on a large CSV/TSV, read block by block (the rows of"
                    + " each block must be contiguous), on all cores, written incrementally in input order.",
            "Writes the same DIR/blocks.csv, DIR/cells.csv, DIR/curves.csv, DIR/warnings.txt and DIR/provenance.csv as"
                    + " 'synergy' (no --report/--plots).",
            "Resumable: rerun the same command after an interruption and it continues from the checkpoint in" + " DIR/"
                    + BatchSynergy.WORK_DIR + "; final files appear atomically at the end."
        })
final class BatchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            description = "SynergyFinder table: CSV, TSV or Parquet (or XLSX). Parquet: string/integer name columns,"
                    + " number columns DOUBLE/FLOAT/INT32/INT64.")
    Path input;

    @Option(names = "--out", required = true, description = "Output directory (final files written atomically).")
    Path out;

    @picocli.CommandLine.Mixin
    SynergyOptions analysis;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Worker threads; 0 = all cores. Results do not depend on it.")
    int threads;

    @Option(
            names = "--format",
            defaultValue = "csv",
            description = "Result tables: csv, parquet (blocks/cells/curves.parquet: same columns, typed, NA as null)"
                    + " or both. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(
            names = "--engine",
            defaultValue = "native",
            description = "native (this JVM, resumable) or spark (the same per-block analysis as an Apache Spark job in"
                    + " a child JVM; writes Spark's Parquet folders, and with --format csv/both also the CSVs and"
                    + " warnings.txt, and provenance.csv; no resume). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(
            names = "--master",
            defaultValue = "local[*]",
            description = "Spark master for --engine spark. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--quiet", description = "No progress output on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        java.util.Set<BatchSynergy.Format> formats = formats(format);
        SynergyOptions.Parsed parsed = analysis.parse();
        switch (engine.toLowerCase(Locale.ROOT)) {
            case "native" -> {}
            case "spark" -> {
                return runSpark(formats, parsed);
            }
            default ->
                throw new org.comboscope.core.error.InvalidInputException("engine", engine, "must be native or spark");
        }
        ResponseScale scale = parsed.scale();
        SynergyFinderEngine engine = parsed.engine();
        int n = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        String description = "# comboscope batch: input " + input + ", data type " + scale.label()
                + " (responses converted to % inhibition), methods " + analysis.methods + ", baseline "
                + parsed.baseline().label() + ", fit " + analysis.fit + ", replicates " + analysis.replicates
                + ", iterations " + analysis.iterations;
        org.comboscope.report.synergy.Provenance provenance =
                SynergyOptions.provenance(input, analysis.parameters(parsed));
        java.io.StringWriter prov = new java.io.StringWriter();
        provenance.writeCsv(prov);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = quiet ? null : new Progress(err, System.console() != null);
        BatchSynergy.Summary s = BatchSynergy.run(
                input,
                scale,
                out,
                new BatchSynergy.Options(
                        engine,
                        analysis.ciLevel,
                        analysis.seed,
                        Math.max(1, n),
                        description,
                        200,
                        java.util.Map.of("provenance.csv", prov.toString()),
                        formats),
                progress == null ? null : progress::update);
        if (progress != null) {
            progress.done();
        }
        for (String w : s.warnings()) {
            err.println("warning: " + w);
        }
        for (String f : s.failures()) {
            err.println("not analysed: " + f);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                "comboscope batch: %d of %d blocks analysed (%d resumed from a checkpoint); results in %s%n",
                s.analysed(), s.blocks(), s.resumed(), out.toAbsolutePath().normalize());
        o.flush();
        err.flush();
        return s.failures().isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    private int runSpark(java.util.Set<BatchSynergy.Format> formats, SynergyOptions.Parsed parsed) throws Exception {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--master",
                master,
                "--data-type",
                analysis.dataType,
                "--methods",
                analysis.methods,
                "--baseline",
                analysis.baseline,
                "--fit",
                analysis.fit,
                "--replicates",
                analysis.replicates,
                "--iterations",
                Integer.toString(analysis.iterations),
                "--seed",
                Long.toString(analysis.seed),
                "--ci-level",
                Double.toString(analysis.ciLevel)));
        if (formats.contains(BatchSynergy.Format.CSV)) {
            a.add("--csv");
        }
        if (!formats.contains(BatchSynergy.Format.PARQUET)) {
            a.add("--no-parquet");
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        int rc = SparkEngine.run(SparkEngine.home(), a);
        if (rc == Main.EXIT_OK || rc == Main.EXIT_PARTIAL) {
            writeSparkProvenance(out, input, analysis.parameters(parsed), master);
        }
        return rc;
    }

    /**
     * {@code DIR/provenance.csv} of a Spark run, written by this process once the job has finished:
     * the native engine's record plus {@code engine = spark} and the master, staged and moved into
     * place ({@link OutputDirectory}), so a reader never sees half a file.
     */
    static void writeSparkProvenance(Path out, Path input, java.util.Map<String, String> parameters, String master)
            throws java.io.IOException {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>(parameters);
        p.put("engine", "spark");
        p.put("spark_master", master);
        try (OutputDirectory staged = OutputDirectory.create(out)) {
            try (java.io.Writer w = staged.writer("provenance.csv")) {
                SynergyOptions.provenance(input, p).writeCsv(w);
            }
            staged.commit();
        }
    }

    static java.util.Set<BatchSynergy.Format> formats(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "csv" -> java.util.EnumSet.of(BatchSynergy.Format.CSV);
            case "parquet" -> java.util.EnumSet.of(BatchSynergy.Format.PARQUET);
            case "both" -> java.util.EnumSet.allOf(BatchSynergy.Format.class);
            default ->
                throw new org.comboscope.core.error.InvalidInputException("format", s, "must be csv, parquet or both");
        };
    }

    /** A bar with ETA on a terminal; a plain line every 10 s otherwise. ETA from bytes read. */
    static final class Progress {
        private final PrintWriter err;
        private final boolean tty;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private long firstBlock = -1;
        private double firstFraction;
        private boolean printedBar;

        private final long intervalNanos;

        Progress(PrintWriter err, boolean tty) {
            this(err, tty, tty ? 200_000_000L : 10_000_000_000L);
        }

        Progress(PrintWriter err, boolean tty, long intervalNanos) {
            this.err = err;
            this.tty = tty;
            this.intervalNanos = intervalNanos;
        }

        void update(long blocks, long bytes, long size) {
            long now = System.nanoTime();
            double f = size > 0 ? Math.min(1, (double) bytes / size) : 0;
            if (firstBlock < 0) {
                firstBlock = blocks;
                firstFraction = f;
            }
            if (now - lastPrint < intervalNanos) {
                return;
            }
            lastPrint = now;
            err.print(tty ? "\r" + line(blocks, f, now) : line(blocks, f, now) + System.lineSeparator());
            printedBar = tty;
            err.flush();
        }

        String line(long blocks, double f, long now) {
            double secs = (now - start) / 1e9;
            double rate = secs > 0 ? (blocks - firstBlock) / secs : 0;
            String eta = "?";
            if (f > firstFraction && f < 1) {
                eta = formatSeconds(secs * (1 - f) / (f - firstFraction));
            }
            if (tty) {
                int width = 30;
                int filled = (int) Math.round(f * width);
                return String.format(
                        Locale.ROOT,
                        "[%s%s] %3.0f%% %d blocks, %.1f blocks/s, ETA %s ",
                        "#".repeat(filled),
                        "-".repeat(width - filled),
                        100 * f,
                        blocks,
                        rate,
                        eta);
            }
            return String.format(
                    Locale.ROOT,
                    "batch: %d blocks done (%.0f%% of input), %.1f blocks/s, ETA %s",
                    blocks,
                    100 * f,
                    rate,
                    eta);
        }

        static String formatSeconds(double s) {
            long t = Math.round(s);
            return t >= 3600
                    ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60)
                    : String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        }

        void done() {
            if (printedBar) {
                err.println();
                err.flush();
            }
        }
    }
}
