package org.comboscope.bench;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full SynergyFinder analysis (ZIP, HSA, Bliss, Loewe, IC50, RI, CSS) of one 8×8 block,
 * single thread. 32 seeded Bliss-additive blocks with noise are cycled.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main SynergyBlockBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SynergyBlockBenchmark {
    DoseResponseBlock[] blocks;
    int next;
    final SynergyFinderEngine engine =
            new SynergyFinderEngine(new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE);

    /** A seeded 8×8 block: Bliss-independent LL.4 drugs plus Gaussian noise (sd 3 %). */
    public static DoseResponseBlock block(Random rnd, String id) {
        double e1 = Math.pow(10, rnd.nextDouble() - 0.5);
        double e2 = Math.pow(10, rnd.nextDouble() - 0.5);
        double b1 = -(0.8 + rnd.nextDouble() * 1.5);
        double b2 = -(0.8 + rnd.nextDouble() * 1.5);
        double[][] conc = new double[64][2];
        double[] resp = new double[64];
        int[] lines = new int[64];
        int r = 0;
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double x1 = i == 0 ? 0 : 0.03 * Math.pow(3, i - 1);
                double x2 = j == 0 ? 0 : 0.03 * Math.pow(3, j - 1);
                double f1 = x1 == 0 ? 0 : 1 / (1 + Math.exp(b1 * Math.log(x1 / e1)));
                double f2 = x2 == 0 ? 0 : 1 / (1 + Math.exp(b2 * Math.log(x2 / e2)));
                conc[r][0] = x1;
                conc[r][1] = x2;
                resp[r] = 100 * (1 - (1 - f1) * (1 - f2)) + rnd.nextGaussian() * 3;
                lines[r] = r + 2;
                r++;
            }
        }
        return new DoseResponseBlock(id, List.of("A", "B"), List.of("uM", "uM"), conc, resp, lines);
    }

    @Setup
    public void setup() {
        Random rnd = new Random(42);
        blocks = new DoseResponseBlock[32];
        for (int k = 0; k < 32; k++) {
            blocks[k] = block(rnd, "b" + k);
        }
    }

    @Benchmark
    public BlockSynergy analyze8x8() {
        return engine.analyze(blocks[next++ & 31]);
    }
}
