package org.comboscope.io.batch;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.comboscope.core.error.ComboscopeException;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.BlockStatistics;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.parquet.ParquetTableWriter;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader.BlockStream;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader.StreamedBlock;
import org.comboscope.io.synergyfinder.SynergyTables;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;

/**
 * Synergy analysis of a screen too large to hold in memory: the same per-block analysis and the
 * same output files ({@code blocks.csv}, {@code cells.csv}, {@code curves.csv}, {@code
 * warnings.txt}, see {@link SynergyTables}) as {@code comboscope synergy}, byte for byte.
 *
 * <p><b>Streaming.</b> Blocks are read one at a time ({@link SynergyFinderTableReader#stream}; the
 * rows of a block must be contiguous), analysed on a thread pool through a window of at most
 * {@code 4 × threads} blocks in flight, and appended to part files in input order, so memory does
 * not grow with the number of blocks (apart from the set of block ids seen, and the p-values that
 * the Benjamini-Hochberg FDR column needs at the end: 4 numbers per block). The output bytes do not
 * depend on the thread count.
 *
 * <p><b>Resuming.</b> Part files and a checkpoint live in {@code OUT/.comboscope-batch/}. The
 * checkpoint records how many input blocks are complete and the length of each part file; it is
 * replaced atomically every {@link Options#checkpointEvery()} blocks and at least every 2 s. A
 * rerun with the same input and options truncates the part files to the checkpoint and skips the
 * blocks it covers (they are still parsed, not analysed). The final files appear atomically at the
 * end ({@link OutputDirectory}), after which the work folder is deleted.
 *
 * <p><b>Formats.</b> CSV (the default), Parquet ({@code blocks.parquet}, {@code cells.parquet},
 * {@code curves.parquet}: the same columns, typed by {@link SynergyTables#kind}, {@code NA} as null,
 * converted from the same CSV text so every number is identical), or both. {@code warnings.txt}
 * and the extra files are always text.
 */
public final class BatchSynergy {
    /** Name of the work folder inside the output directory. */
    public static final String WORK_DIR = ".comboscope-batch";

    private static final String CHECKPOINT = "checkpoint.properties";
    private static final String BLOCKS = "blocks.part.csv";
    private static final String CELLS = "cells.part.csv";
    private static final String CURVES = "curves.part.csv";
    private static final String FAILURES = "failures.part.txt";
    private static final String NOTES = "notes.part.txt";
    private static final String[] PARTS = {BLOCKS, CELLS, CURVES, FAILURES, NOTES};
    private static final long CHECKPOINT_MILLIS = 2000;

    private BatchSynergy() {}

    /** Formats of the result tables. */
    public enum Format {
        /** {@code blocks.csv}, {@code cells.csv}, {@code curves.csv}. */
        CSV,
        /** {@code blocks.parquet}, {@code cells.parquet}, {@code curves.parquet}. */
        PARQUET
    }

    /**
     * Settings of one run.
     *
     * @param engine the per-block analysis (thread-safe)
     * @param ciLevel level of the bootstrap intervals of block scores, in (0, 1)
     * @param seed seed of the interval bootstrap
     * @param threads worker threads, ≥ 1
     * @param description first line of {@code warnings.txt}; also part of the checkpoint
     *     fingerprint, so it must describe every option that changes results
     * @param checkpointEvery blocks between checkpoints, ≥ 1
     * @param extraFiles further small files to write with the results (name → UTF-8 text), e.g.
     *     {@code provenance.csv}
     * @param formats formats of the result tables, not empty
     */
    public record Options(
            SynergyFinderEngine engine,
            double ciLevel,
            long seed,
            int threads,
            String description,
            int checkpointEvery,
            java.util.Map<String, String> extraFiles,
            java.util.Set<Format> formats) {
        public Options {
            extraFiles = java.util.Map.copyOf(extraFiles);
            formats = java.util.Set.copyOf(formats);
            if (formats.isEmpty()) {
                throw new IllegalArgumentException("formats must not be empty");
            }
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(description, "description");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + threads);
            }
            if (checkpointEvery < 1) {
                throw new IllegalArgumentException("checkpointEvery must be >= 1, was " + checkpointEvery);
            }
        }

        /** CSV output only. */
        public Options(
                SynergyFinderEngine engine,
                double ciLevel,
                long seed,
                int threads,
                String description,
                int checkpointEvery,
                java.util.Map<String, String> extraFiles) {
            this(
                    engine,
                    ciLevel,
                    seed,
                    threads,
                    description,
                    checkpointEvery,
                    extraFiles,
                    java.util.Set.of(Format.CSV));
        }
    }

    /** Receives progress after every written block (on the calling thread). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param blocksDone blocks complete so far, including those skipped on resume
         * @param bytesRead bytes of the input read so far (0 for workbooks)
         * @param sizeBytes size of the input in bytes (0 if unknown)
         */
        void progress(long blocksDone, long bytesRead, long sizeBytes);
    }

    /**
     * What a run did.
     *
     * @param blocks blocks in the input
     * @param analysed blocks with results
     * @param resumed blocks taken from a previous interrupted run's checkpoint
     * @param failures one line per block that could not be analysed ({@code block X: reason})
     * @param warnings remarks of the reader about the file
     */
    public record Summary(long blocks, long analysed, long resumed, List<String> failures, List<String> warnings) {
        public Summary {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * One block rendered as the text of its rows in each output table (possibly empty): {@code
     * blocks} is the {@code blocks.csv} row without the FDR columns ({@link
     * SynergyTables#blocksHeader(int, boolean) blocksHeader(k, false)}), {@code failure} is {@code
     * "not analysed: block X: reason\n"} or empty, {@code notes} the block's notes for {@code
     * warnings.txt}. Every row ends with {@code \n}.
     */
    public record Rendered(String blockId, String blocks, String cells, String curves, String failure, String notes) {}

    /**
     * Runs the analysis of {@code input} into {@code out}, resuming a previous interrupted run of
     * the same input and options if its checkpoint is there.
     *
     * @throws DataFormatException when the input breaks the format (including a reappearing block
     *     id); the work folder is then deleted, since resuming cannot help
     */
    public static Summary run(Path input, ResponseScale scale, Path out, Options options, Listener listener)
            throws IOException, InterruptedException {
        Path target = out.toAbsolutePath().normalize();
        boolean existed = Files.exists(target);
        try {
            return runStreaming(input, scale, out, options, listener);
        } catch (DataFormatException e) {
            // a broken input does not get better by resuming: leave nothing behind (exit 2, nothing written)
            deleteTree(target.resolve(WORK_DIR));
            if (!existed && Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(target);
                    }
                }
            }
            throw e;
        }
    }

    private static Summary runStreaming(Path input, ResponseScale scale, Path out, Options options, Listener listener)
            throws IOException, InterruptedException {
        Path work = out.toAbsolutePath().normalize().resolve(WORK_DIR);
        try (BlockStream stream = SynergyFinderTableReader.stream(input, scale)) {
            int k = stream.drugCount();
            String fingerprint = fingerprint(input, k, options);
            Properties cp = loadCheckpoint(work, fingerprint);
            long skip = Long.parseLong(cp.getProperty("blocks", "0"));
            String lastId = cp.getProperty("lastBlockId", "");
            long analysed = Long.parseLong(cp.getProperty("analysed", "0"));
            if (skip == 0) {
                deleteTree(work);
                Files.createDirectories(work);
                writeHeaders(work, k);
            } else {
                for (String p : PARTS) {
                    try (FileChannel ch = FileChannel.open(work.resolve(p), StandardOpenOption.WRITE)) {
                        ch.truncate(Long.parseLong(cp.getProperty("length." + p)));
                    }
                }
            }
            Writer[] writers = new Writer[PARTS.length];
            ExecutorService pool = Executors.newFixedThreadPool(options.threads());
            long index = 0;
            try {
                for (int i = 0; i < PARTS.length; i++) {
                    writers[i] = Files.newBufferedWriter(
                            work.resolve(PARTS[i]), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
                ArrayDeque<Future<Rendered>> window = new ArrayDeque<>();
                int maxInFlight = 4 * options.threads();
                long lastCheckpoint = System.currentTimeMillis();
                long sinceCheckpoint = 0;
                long done = skip;
                Optional<StreamedBlock> next;
                while ((next = stream.next()).isPresent()) {
                    index++;
                    StreamedBlock sb = next.get();
                    if (index <= skip) {
                        if (index == skip && !sb.block().blockId().equals(lastId)) {
                            throw new IllegalStateException("checkpoint in " + work + " does not match the input:"
                                    + " block " + skip + " is " + sb.block().blockId() + ", expected " + lastId
                                    + "; delete " + work + " to start afresh");
                        }
                        if (listener != null) {
                            listener.progress(index, stream.bytesRead(), stream.sizeBytes());
                        }
                        continue;
                    }
                    window.add(pool.submit(() -> render(sb, k, scale, options)));
                    while (window.size() >= maxInFlight
                            || (!window.isEmpty() && window.peek().isDone())) {
                        Rendered r = get(window.poll());
                        analysed += write(writers, r);
                        done++;
                        lastId = r.blockId();
                        sinceCheckpoint++;
                        long now = System.currentTimeMillis();
                        if (sinceCheckpoint >= options.checkpointEvery() || now - lastCheckpoint >= CHECKPOINT_MILLIS) {
                            checkpoint(work, writers, fingerprint, done, analysed, lastId);
                            sinceCheckpoint = 0;
                            lastCheckpoint = now;
                        }
                        if (listener != null) {
                            listener.progress(done, stream.bytesRead(), stream.sizeBytes());
                        }
                    }
                }
                while (!window.isEmpty()) {
                    Rendered r = get(window.poll());
                    analysed += write(writers, r);
                    done++;
                    lastId = r.blockId();
                    if (++sinceCheckpoint >= options.checkpointEvery()) {
                        checkpoint(work, writers, fingerprint, done, analysed, lastId);
                        sinceCheckpoint = 0;
                    }
                    if (listener != null) {
                        listener.progress(done, stream.bytesRead(), stream.sizeBytes());
                    }
                }
                checkpoint(work, writers, fingerprint, done, analysed, lastId);
            } finally {
                pool.shutdownNow();
                for (Writer w : writers) {
                    if (w != null) {
                        w.close();
                    }
                }
            }
            List<String> failures = readLines(work.resolve(FAILURES));
            finish(work, out, k, stream.warnings(), options);
            deleteTree(work);
            List<String> shortFailures = new ArrayList<>();
            for (String f : failures) {
                shortFailures.add(f.substring("not analysed: ".length()));
            }
            return new Summary(index, analysed, Math.min(skip, index), shortFailures, stream.warnings());
        }
    }

    private static Rendered get(Future<Rendered> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Rendered render(StreamedBlock sb, int k, ResponseScale scale, Options o) {
        return render(sb, k, scale, o.engine(), o.ciLevel(), o.seed());
    }

    /**
     * Analyses one block and renders its rows exactly as this engine writes them (the unit of work
     * that other engines, such as Spark, distribute).
     *
     * @param k number of drugs of the table
     * @param scale the input's response scale ({@code input_type} column)
     */
    public static Rendered render(
            StreamedBlock sb, int k, ResponseScale scale, SynergyFinderEngine engine, double ciLevel, long seed) {
        String id = sb.block().blockId();
        if (!sb.problems().isEmpty()) {
            return new Rendered(
                    id,
                    "",
                    "",
                    "",
                    "not analysed: block " + id + ": " + sb.problems().get(0).rule() + "\n",
                    "");
        }
        BlockSynergy b;
        try {
            b = engine.analyze(sb.block());
        } catch (ComboscopeException e) {
            return new Rendered(id, "", "", "", "not analysed: block " + id + ": " + e.getMessage() + "\n", "");
        }
        StringWriter bw = new StringWriter();
        CsvTable bt = CsvTable.csv(bw, SynergyTables.blocksHeader(k, false));
        int bStart = bw.getBuffer().length();
        SynergyTables.blockRow(bt, b, k, scale.label(), ciLevel, seed, null);
        StringWriter cw = new StringWriter();
        CsvTable ct = CsvTable.csv(cw, SynergyTables.cellsHeader(k));
        int cStart = cw.getBuffer().length();
        SynergyTables.cellRows(ct, k, b);
        StringWriter uw = new StringWriter();
        CsvTable ut = CsvTable.csv(uw, SynergyTables.curvesHeader());
        int uStart = uw.getBuffer().length();
        SynergyTables.curveRows(ut, b);
        StringBuilder notes = new StringBuilder();
        for (String note : b.notes()) {
            notes.append("block ").append(id).append(": ").append(note).append('\n');
        }
        return new Rendered(
                id,
                bw.getBuffer().substring(bStart),
                cw.getBuffer().substring(cStart),
                uw.getBuffer().substring(uStart),
                "",
                notes.toString());
    }

    /** Appends a rendered block; 1 if it was analysed. */
    private static int write(Writer[] w, Rendered r) throws IOException {
        w[0].write(r.blocks());
        w[1].write(r.cells());
        w[2].write(r.curves());
        w[3].write(r.failure());
        w[4].write(r.notes());
        return r.failure().isEmpty() ? 1 : 0;
    }

    private static void writeHeaders(Path work, int k) throws IOException {
        header(work.resolve(BLOCKS), SynergyTables.blocksHeader(k, false));
        header(work.resolve(CELLS), SynergyTables.cellsHeader(k));
        header(work.resolve(CURVES), SynergyTables.curvesHeader());
        Files.write(work.resolve(FAILURES), new byte[0]);
        Files.write(work.resolve(NOTES), new byte[0]);
    }

    private static void header(Path file, List<String> header) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvTable.csv(w, header).close();
        }
    }

    private static String fingerprint(Path input, int k, Options o) throws IOException {
        Path abs = input.toAbsolutePath().normalize();
        return abs + "|" + Files.size(abs) + "|"
                + Files.getLastModifiedTime(abs).toMillis() + "|" + k + "|" + o.description() + "|" + o.ciLevel() + "|"
                + o.seed();
    }

    /** The checkpoint if present and made by the same input and options; otherwise empty properties. */
    private static Properties loadCheckpoint(Path work, String fingerprint) throws IOException {
        Properties p = new Properties();
        Path f = work.resolve(CHECKPOINT);
        if (!Files.exists(f)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!fingerprint.equals(p.getProperty("fingerprint"))) {
            return new Properties();
        }
        for (String part : PARTS) {
            Path pf = work.resolve(part);
            String len = p.getProperty("length." + part);
            if (len == null || !Files.exists(pf) || Files.size(pf) < Long.parseLong(len)) {
                return new Properties();
            }
        }
        return p;
    }

    private static void checkpoint(
            Path work, Writer[] writers, String fingerprint, long blocks, long analysed, String lastId)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("blocks", Long.toString(blocks));
        p.setProperty("analysed", Long.toString(analysed));
        p.setProperty("lastBlockId", lastId);
        for (int i = 0; i < PARTS.length; i++) {
            writers[i].flush();
            try (FileChannel ch = FileChannel.open(work.resolve(PARTS[i]), StandardOpenOption.WRITE)) {
                ch.force(false);
                p.setProperty("length." + PARTS[i], Long.toString(ch.size()));
            }
        }
        Path tmp = work.resolve(CHECKPOINT + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "comboscope batch checkpoint");
        }
        try {
            Files.move(
                    tmp, work.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, work.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes the final files: blocks.csv with the FDR columns added, the other parts copied. */
    private static void finish(Path work, Path out, int k, List<String> warnings, Options o) throws IOException {
        SynergyMethod[] methods = SynergyMethod.values();
        List<String> partHeader = SynergyTables.blocksHeader(k, false);
        int[] pCol = new int[methods.length];
        int[] upperCol = new int[methods.length];
        for (int mi = 0; mi < methods.length; mi++) {
            pCol[mi] = partHeader.indexOf(methods[mi].column() + "_synergy_p_value");
            upperCol[mi] = partHeader.indexOf(methods[mi].column() + "_synergy_ci_upper");
        }
        List<List<OptionalDouble>> p = new ArrayList<>();
        for (int mi = 0; mi < methods.length; mi++) {
            p.add(new ArrayList<>());
        }
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(work.resolve(BLOCKS))) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) {
                    header = false;
                    continue;
                }
                for (int mi = 0; mi < methods.length; mi++) {
                    String s = rec.getField(pCol[mi]);
                    p.get(mi).add(s.equals("NA") ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s)));
                }
            }
        }
        OptionalDouble[][] fdr = new OptionalDouble[methods.length][];
        for (int mi = 0; mi < methods.length; mi++) {
            fdr[mi] = BlockStatistics.benjaminiHochberg(p.get(mi).toArray(new OptionalDouble[0]));
        }
        p.clear();
        boolean csv = o.formats().contains(Format.CSV);
        boolean parquet = o.formats().contains(Format.PARQUET);
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            Path blocksCsv = csv ? dir.path("blocks.csv") : work.resolve("blocks.final.csv");
            try (Writer w = Files.newBufferedWriter(blocksCsv, StandardCharsets.UTF_8);
                    CsvTable t = CsvTable.csv(w, SynergyTables.blocksHeader(k, true));
                    CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(work.resolve(BLOCKS))) {
                int row = -1;
                for (CsvRecord rec : r) {
                    if (row < 0) {
                        row = 0;
                        continue;
                    }
                    int mi = 0;
                    for (int c = 0; c < rec.getFieldCount(); c++) {
                        t.text(rec.getField(c));
                        if (mi < methods.length && c == upperCol[mi]) {
                            t.num(fdr[mi][row]);
                            mi++;
                        }
                    }
                    t.end();
                    row++;
                }
            }
            if (csv) {
                copy(work.resolve(CELLS), dir.path("cells.csv"));
                copy(work.resolve(CURVES), dir.path("curves.csv"));
            }
            if (parquet) {
                ParquetTableWriter.fromCsv(blocksCsv, dir.path("blocks.parquet"), SynergyTables::kind);
                ParquetTableWriter.fromCsv(work.resolve(CELLS), dir.path("cells.parquet"), SynergyTables::kind);
                ParquetTableWriter.fromCsv(work.resolve(CURVES), dir.path("curves.parquet"), SynergyTables::kind);
            }
            try (Writer w = dir.writer("warnings.txt")) {
                w.write(o.description() + "\n");
                for (String s : warnings) {
                    w.write("warning: " + s + "\n");
                }
                w.flush();
                appendFile(work.resolve(FAILURES), w);
                appendFile(work.resolve(NOTES), w);
            }
            for (java.util.Map.Entry<String, String> e : new java.util.TreeMap<>(o.extraFiles()).entrySet()) {
                try (Writer w = dir.writer(e.getKey())) {
                    w.write(e.getValue());
                }
            }
            dir.commit();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from);
                OutputStream os = Files.newOutputStream(to)) {
            in.transferTo(os);
        }
    }

    private static void appendFile(Path from, Writer w) throws IOException {
        try (Reader r = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
            r.transferTo(w);
        }
    }

    private static List<String> readLines(Path f) throws IOException {
        return Files.readAllLines(f, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
