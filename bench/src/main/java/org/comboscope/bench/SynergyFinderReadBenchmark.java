package org.comboscope.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a large SynergyFinder table: 828 blocks of an 8 × 8 grid (52,992 rows) in the layout of
 * the real {@code *_long.csv} files (cell_line, replicate and a long source column), generated
 * with a fixed seed. Run: {@code java -cp 'bench/target/classes:bench/target/lib/*'
 * org.openjdk.jmh.Main SynergyFinderRead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SynergyFinderReadBenchmark {
    static final int BLOCKS = 828;
    static final double[] DOSES = {0, 0.3, 1, 3, 10, 30, 100, 300};

    private Path dir;
    private Path csv;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("sf-bench");
        csv = dir.resolve("large_long.csv");
        SplittableRandom rnd = new SplittableRandom(42);
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("block_id,drug1,drug2,conc1,conc2,response,conc_unit,cell_line,replicate,source\n");
            for (int b = 0; b < BLOCKS; b++) {
                for (double c1 : DOSES) {
                    for (double c2 : DOSES) {
                        w.write("BLOCK_" + b + ",drugA_" + b + ",\"drug B, " + (b % 7) + "\"," + c1 + "," + c2 + ","
                                + (100 * rnd.nextDouble()) + ",nM,cell_" + (b % 13) + ",1,"
                                + "\"source file plate=" + b + " well=" + (int) c1 + "\"\n");
                    }
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public TableReadResult readCsv53k() {
        return SynergyFinderTableReader.read(csv, ResponseScale.VIABILITY);
    }
}
