package org.comboscope.io.synergyfinder;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.comboscope.core.doseresponse.DoseResponseFitter;
import org.comboscope.core.doseresponse.LeastSquaresFitter;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.error.ComboscopeException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.synergy.BlockStatistics;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;

/**
 * The {@code synergy} analysis of a whole table and its three result files ({@code blocks.csv},
 * {@code cells.csv}, {@code curves.csv}), shared by the command line and the web server so both give
 * the same bytes for the same input and parameters.
 */
public final class SynergyOutputs {

    private SynergyOutputs() {}

    /** The dose-response fitter by its option name: {@code synergyfinder} or {@code optimal}. */
    public static DoseResponseFitter fitter(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "synergyfinder" -> new SynergyFinderFitter();
            case "optimal" -> new LeastSquaresFitter();
            default -> throw new InvalidInputException("fit", name, "must be synergyfinder or optimal");
        };
    }

    /**
     * Analyses every block on {@code threads} workers (0 = all cores). Returns, in block order, either
     * a {@link BlockSynergy} or a {@code String} saying why the block could not be analysed. {@code
     * progress} receives the number of blocks finished so far, from the worker threads.
     */
    public static List<Object> analyzeAll(
            SynergyFinderEngine engine,
            TableReadResult table,
            List<DoseResponseBlock> blocks,
            int threads,
            IntConsumer progress)
            throws InterruptedException {
        int n = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, Math.max(1, blocks.size()))));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (DoseResponseBlock b : blocks) {
                List<BlockProblem> problems = table.problemsFor(b.blockId());
                futures.add(pool.submit(() -> {
                    try {
                        if (!problems.isEmpty()) {
                            return problems.get(0).rule();
                        }
                        try {
                            return engine.analyze(b);
                        } catch (ComboscopeException e) {
                            return e.getMessage();
                        }
                    } finally {
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code blocks.csv}: block scores, bootstrap CIs and Benjamini–Hochberg FDR across blocks. */
    public static void writeBlocks(
            OutputDirectory dir, TableReadResult table, List<BlockSynergy> ok, double ciLevel, long seed)
            throws IOException {
        SynergyMethod[] methods = SynergyMethod.values();
        OptionalDouble[][] fdr = new OptionalDouble[methods.length][];
        for (int mi = 0; mi < methods.length; mi++) {
            OptionalDouble[] p = new OptionalDouble[ok.size()];
            for (int i = 0; i < ok.size(); i++) {
                p[i] = SynergyTables.pValue(ok.get(i), methods[mi]);
            }
            fdr[mi] = BlockStatistics.benjaminiHochberg(p);
        }
        int k = table.drugCount();
        try (Writer w = dir.writer("blocks.csv");
                CsvTable t = CsvTable.csv(w, SynergyTables.blocksHeader(k, true))) {
            OptionalDouble[] row = new OptionalDouble[methods.length];
            for (int bi = 0; bi < ok.size(); bi++) {
                for (int mi = 0; mi < methods.length; mi++) {
                    row[mi] = fdr[mi][bi];
                }
                SynergyTables.blockRow(t, ok.get(bi), k, table.scale().label(), ciLevel, seed, row);
            }
        }
    }

    /**
     * {@code warnings.txt}: a header line saying what ran, then the reader's warnings, the blocks not
     * analysed and every block's notes. Returns the warnings and notes (for the report).
     */
    public static List<String> writeWarnings(
            OutputDirectory dir, String header, TableReadResult table, List<String> failures, List<BlockSynergy> ok)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        try (Writer w = dir.writer("warnings.txt")) {
            w.write(header + "\n");
            for (String s : table.warnings()) {
                w.write("warning: " + s + "\n");
                warnings.add("warning: " + s);
            }
            for (String f : failures) {
                w.write("not analysed: " + f + "\n");
            }
            for (BlockSynergy b : ok) {
                for (String note : b.notes()) {
                    w.write("block " + b.blockId() + ": " + note + "\n");
                    warnings.add("block " + b.blockId() + ": " + note);
                }
            }
        }
        return warnings;
    }

    /** {@code cells.csv}: per-cell references and synergy scores. */
    public static void writeCells(OutputDirectory dir, int drugCount, List<BlockSynergy> ok) throws IOException {
        try (Writer w = dir.writer("cells.csv");
                CsvTable t = CsvTable.csv(w, SynergyTables.cellsHeader(drugCount))) {
            for (BlockSynergy b : ok) {
                SynergyTables.cellRows(t, drugCount, b);
            }
        }
    }

    /** {@code curves.csv}: the single-drug LL.4 fits. */
    public static void writeCurves(OutputDirectory dir, List<BlockSynergy> ok) throws IOException {
        try (Writer w = dir.writer("curves.csv");
                CsvTable t = CsvTable.csv(w, SynergyTables.curvesHeader())) {
            for (BlockSynergy b : ok) {
                SynergyTables.curveRows(t, b);
            }
        }
    }
}
