package org.comboscope.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.comboscope.core.screen.CountTable;
import org.comboscope.core.screen.DrugZ;
import org.comboscope.core.screen.MageckTest;
import org.comboscope.io.screen.CountTableReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DrugZ and MAGeCK RRA on a whole count table, single thread, after warm-up. Default: the HAP1
 * TKOv3 table (71,090 guides, 1 control vs 3 treated; DrugZ unpaired). Run, e.g.:
 *
 * <pre>
 * java -cp 'bench/target/comboscope-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*' org.openjdk.jmh.Main \
 *     ScreenBenchmark.drugz -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ScreenBenchmark {
    @Param("/work/shared/data/screens/bagel_hap1_tkov3/reads_hap1.txt")
    public String counts;

    @Param("HAP1_T0")
    public String control;

    @Param("HAP1_T18A,HAP1_T18B,HAP1_T18C")
    public String treatment;

    private CountTable table;
    private List<String> ctrl;
    private List<String> trt;

    @Setup(Level.Trial)
    public void load() throws IOException {
        table = CountTableReader.read(Path.of(counts));
        ctrl = Arrays.asList(control.split(","));
        trt = Arrays.asList(treatment.split(","));
    }

    @Benchmark
    public DrugZ.Result drugz() {
        return DrugZ.run(table, ctrl, trt, DrugZ.Options.defaults().withUnpaired(ctrl.size() != trt.size()));
    }

    @Benchmark
    public MageckTest.Result mageck() {
        return MageckTest.run(table, ctrl, trt, false);
    }

    @Benchmark
    public CountTable readCounts() throws IOException {
        return CountTableReader.read(Path.of(counts));
    }
}
