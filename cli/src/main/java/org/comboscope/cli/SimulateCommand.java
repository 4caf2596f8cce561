package org.comboscope.cli;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.synergy.ScreenSimulator;
import org.comboscope.io.parquet.ParquetTableWriter;
import org.comboscope.io.table.ColumnKind;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope simulate}: a synthetic combination screen drawn from MuSyC models. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "A synthetic screen for benchmarks: N blocks of SIZE x SIZE doses drawn from MuSyC models (two Hill"
                    + " curves with random EC50, slope and Emax; synergy parameters alpha, beta around additivity)"
                    + " plus Gaussian noise, in SynergyFinder table format (response = %% viability).",
            "Deterministic for a seed."
        })
final class SimulateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--blocks", required = true, description = "Number of blocks.")
    long blocks;

    @Option(
            names = "--out",
            required = true,
            description = "Output file (written atomically): CSV, or Parquet if named *.parquet (conc and response"
                    + " as DOUBLE, names as strings).")
    Path out;

    @Option(
            names = "--size",
            defaultValue = "8",
            description = "Doses per drug, 0 included. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--noise",
            defaultValue = "5",
            description = "Standard deviation of the well noise, %% viability. Default: ${DEFAULT-VALUE}.")
    double noise;

    @Override
    public Integer call() throws Exception {
        if (blocks < 1) {
            throw new InvalidInputException("blocks", blocks, "must be >= 1");
        }
        ScreenSimulator sim = new ScreenSimulator(size, noise, seed);
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        try (OutputDirectory dir = OutputDirectory.create(parent)) {
            String name = abs.getFileName().toString();
            List<String> header = List.of("block_id", "drug1", "drug2", "conc1", "conc2", "response", "conc_unit");
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
                List<ColumnKind> kinds = List.of(
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.REAL,
                        ColumnKind.REAL,
                        ColumnKind.REAL,
                        ColumnKind.TEXT);
                try (ParquetTableWriter t = ParquetTableWriter.create(dir.path(name), header, kinds)) {
                    for (long b = 0; b < blocks; b++) {
                        ScreenSimulator.Block blk = sim.next();
                        for (int r = 0; r < blk.conc1Um().length; r++) {
                            t.row(new Object[] {
                                blk.blockId(),
                                blk.drug1(),
                                blk.drug2(),
                                blk.conc1Um()[r],
                                blk.conc2Um()[r],
                                blk.viabilityPercent()[r],
                                "uM"
                            });
                        }
                    }
                }
            } else {
                try (Writer w = dir.writer(name);
                        CsvTable t = CsvTable.csv(w, header)) {
                    for (long b = 0; b < blocks; b++) {
                        ScreenSimulator.Block blk = sim.next();
                        for (int r = 0; r < blk.conc1Um().length; r++) {
                            t.text(blk.blockId()).text(blk.drug1()).text(blk.drug2());
                            t.num(blk.conc1Um()[r]).num(blk.conc2Um()[r]).num(blk.viabilityPercent()[r]);
                            t.text("uM").end();
                        }
                    }
                }
            }
            dir.commit();
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "comboscope simulate: %d blocks of %dx%d doses (seed %d) in %s%n",
                        blocks, size, size, seed, abs);
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
