package org.comboscope.server;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.SynergyOutputs;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.synergy.PlotFormat;
import org.comboscope.report.synergy.Provenance;
import org.comboscope.report.synergy.SynergyReport;
import org.comboscope.report.synergy.SynergyRuns;
import org.comboscope.store.Analysis;
import org.comboscope.store.AnalysisResults;
import org.comboscope.store.Artifact;
import org.comboscope.store.BlockResult;
import org.comboscope.store.CellResult;
import org.comboscope.store.CurveResult;
import org.comboscope.store.Dataset;
import org.comboscope.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analyses in the background, a bounded number at a time. Each analysis reads the stored upload
 * verbatim, runs exactly what {@code comboscope synergy} runs, and hands all its results to the store
 * in one transaction; any failure marks the analysis failed with the reason.
 */
final class AnalysisRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisRunner.class);
    static final String KIND = "synergy";

    private final Store store;
    private final Path workDir;
    private final String version;
    private final ExecutorService pool;
    private final int blockThreads;

    AnalysisRunner(Store store, Path workDir, String version, int concurrentAnalyses, int blockThreads) {
        this.store = store;
        this.workDir = workDir;
        this.version = version;
        this.blockThreads = blockThreads;
        this.pool = Executors.newFixedThreadPool(Math.max(1, concurrentAnalyses), r -> {
            Thread t = new Thread(r, "comboscope-analysis");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues an analysis of a stored dataset; returns it as queued. */
    Analysis submit(Dataset dataset, AnalysisRequest request, String parametersJson) {
        Analysis a = store.analyses().create(dataset.id(), KIND, parametersJson, version);
        pool.execute(() -> run(a.id(), dataset, request));
        return a;
    }

    private void run(long id, Dataset dataset, AnalysisRequest request) {
        Path dir = workDir.resolve("analysis-" + id + "-" + System.nanoTime());
        try {
            Files.createDirectories(dir);
            Path input = dir.resolve(Uploads.safeFileName(dataset.fileName()));
            try (InputStream in = store.datasets().openContent(dataset.id())) {
                Files.copy(in, input);
            }
            TableReadResult table =
                    SynergyFinderTableReader.read(input, request.settings().scale());
            List<DoseResponseBlock> blocks = table.blocks();
            store.analyses().markRunning(id, blocks.size());
            Progress progress = new Progress(id, blocks.size());
            List<Object> outcomes = SynergyOutputs.analyzeAll(
                    request.settings().engine(), table, blocks, blockThreads, progress::update);
            List<BlockSynergy> ok = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                if (outcomes.get(i) instanceof BlockSynergy bs) {
                    ok.add(bs);
                } else {
                    failures.add("block " + blocks.get(i).blockId() + ": " + outcomes.get(i));
                }
            }
            Path out = dir.resolve("out");
            Provenance provenance = new Provenance(
                    dataset.fileName(),
                    dataset.sha256(),
                    version,
                    request.settings().parameters(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            writeOutputs(out, table, ok, failures, request, provenance);
            AnalysisResults results = collect(out);
            String message = ok.size() + " of " + blocks.size() + " blocks analysed"
                    + (failures.isEmpty() ? "" : "; not analysed: " + String.join("; ", failures));
            store.analyses().complete(id, results, message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQuietly(id, "interrupted: the server stopped during the analysis; run it again");
        } catch (RuntimeException | IOException | Error e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            reason = reason.replace(dir.toString() + java.io.File.separator, "");
            LOG.warn("analysis {} failed: {}", id, reason, e);
            failQuietly(id, reason);
        } finally {
            deleteTree(dir);
        }
    }

    private void failQuietly(long id, String reason) {
        try {
            store.analyses().fail(id, reason);
        } catch (RuntimeException e) {
            LOG.error("could not mark analysis {} failed", id, e);
        }
    }

    /** Throttled progress: at most a few store writes per second per analysis. */
    private final class Progress {
        private final long id;
        private final int total;
        private long lastWrite;

        Progress(long id, int total) {
            this.id = id;
            this.total = total;
        }

        synchronized void update(int done) {
            long now = System.nanoTime();
            if (done == total || now - lastWrite > 250_000_000L) {
                lastWrite = now;
                store.analyses().progress(id, Math.min(done, total));
            }
        }
    }

    private static void writeOutputs(
            Path out,
            TableReadResult table,
            List<BlockSynergy> ok,
            List<String> failures,
            AnalysisRequest request,
            Provenance provenance)
            throws IOException {
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            SynergyOutputs.writeBlocks(
                    dir,
                    table,
                    ok,
                    request.settings().ciLevel(),
                    request.settings().seed());
            SynergyOutputs.writeCells(dir, table.drugCount(), ok);
            SynergyOutputs.writeCurves(dir, ok);
            List<String> warnings = SynergyOutputs.writeWarnings(
                    dir,
                    "# comboscope synergy (web): input " + provenance.inputFile() + ", data type "
                            + table.scale().label() + " (responses converted to % inhibition), methods "
                            + request.settings().methods() + ", baseline "
                            + request.settings().baseline()
                            + ", fit " + request.settings().fit(),
                    table,
                    failures,
                    ok);
            try (Writer w = dir.writer("provenance.csv")) {
                provenance.writeCsv(w);
            }
            if (request.report()) {
                SynergyReport.write(
                        SynergyRuns.of(provenance, ok, failures, warnings),
                        dir,
                        new SynergyReport.Options(true, true, Set.<PlotFormat>of()));
            }
            dir.commit();
        }
    }

    /** Reads the written result files back into store records; every file becomes an artifact. */
    static AnalysisResults collect(Path out) throws IOException {
        List<BlockResult> blocks = new ArrayList<>();
        for (Map<String, String> r : rows(out.resolve("blocks.csv"))) {
            blocks.add(new BlockResult(
                    r.get("block_id"),
                    r.getOrDefault("drug1", ""),
                    r.getOrDefault("drug2", ""),
                    number(r.get("ZIP_synergy")),
                    number(r.get("HSA_synergy")),
                    number(r.get("Bliss_synergy")),
                    number(r.get("Loewe_synergy")),
                    number(r.get("css")),
                    r));
        }
        List<CellResult> cells = new ArrayList<>();
        for (Map<String, String> r : rows(out.resolve("cells.csv"))) {
            cells.add(new CellResult(
                    r.get("block_id"),
                    Double.parseDouble(r.get("conc1")),
                    Double.parseDouble(r.get("conc2")),
                    Double.parseDouble(r.get("response")),
                    r));
        }
        List<CurveResult> curves = new ArrayList<>();
        for (Map<String, String> r : rows(out.resolve("curves.csv"))) {
            curves.add(new CurveResult(
                    r.get("block_id"), Integer.parseInt(r.get("drug_index")), r.getOrDefault("drug", ""), r));
        }
        List<Artifact> artifacts = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                String name = f.getFileName().toString();
                artifacts.add(new Artifact(name, mediaType(name), Files.readAllBytes(f)));
            }
        }
        return new AnalysisResults(blocks, cells, curves, artifacts);
    }

    static String mediaType(String name) {
        if (name.endsWith(".csv")) {
            return "text/csv; charset=utf-8";
        } else if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".pdf")) {
            return "application/pdf";
        } else if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static OptionalDouble number(String text) {
        if (text == null || text.isEmpty() || text.equals("NA")) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(text);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            List<String> header = null;
            for (CsvRecord rec : reader) {
                if (header == null) {
                    header = rec.getFields();
                    continue;
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), i < rec.getFieldCount() ? rec.getField(i) : "");
                }
                out.add(m);
            }
        }
        return out;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
