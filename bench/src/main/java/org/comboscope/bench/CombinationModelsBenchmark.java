package org.comboscope.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.comboscope.core.combination.Braid;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.core.combination.CombinationIndex;
import org.comboscope.core.combination.MuSyC;
import org.comboscope.core.combination.TwoDrugData;
import org.comboscope.core.combination.Zimmer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per block of the Chou–Talalay analysis and of the MuSyC, Zimmer and BRAID point fits (no
 * bootstrap), on an 8 × 8 checkerboard generated from a MuSyC surface (E0 = 1, E1 = 0.3, E2 =
 * 0.4, E3 = 0.12, h = 1, C1 = 1, C2 = 5, alpha = 5, as block B04 of the synergy-python data) with
 * seeded Gaussian noise of sd {@code noise}. Run: {@code java -cp 'bench/target/classes:bench/target/lib/*'
 * org.openjdk.jmh.Main CombinationModels}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CombinationModelsBenchmark {
    @Param({"0.0", "0.03"})
    public double noise;

    private TwoDrugData data;
    private CombinationIndex ci;

    @Setup
    public void generate() {
        MuSyC.Parameters p = new MuSyC.Parameters(1, 0.3, 0.4, 0.12, 1, 1, 1, 5, 5, 5, 1, 1);
        double[] doses1 = grid(1);
        double[] doses2 = grid(5);
        int n = doses1.length * doses2.length;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] fa = new double[n];
        SplittableRandom rnd = new SplittableRandom(1003);
        int k = 0;
        for (double b : doses2) {
            for (double a : doses1) {
                d1[k] = a;
                d2[k] = b;
                fa[k] = Math.min(1, Math.max(0, 1 - p.e(a, b) + noise * rnd.nextGaussian()));
                k++;
            }
        }
        data = new TwoDrugData(d1, d2, fa);
        ci = new CombinationIndex().withBootstrap(0);
    }

    /** Dose 0 plus 7 log-spaced doses from c/30 to 30c. */
    private static double[] grid(double c) {
        double[] g = new double[8];
        for (int i = 1; i < 8; i++) {
            g[i] = c / 30 * Math.pow(900, (i - 1) / 6.0);
        }
        return g;
    }

    @Benchmark
    public CiAnalysis combinationIndex() {
        return ci.analyze(data, "bench");
    }

    @Benchmark
    public MuSyC.Parameters musyc() {
        return MuSyC.fitParameters(data);
    }

    @Benchmark
    public Zimmer.Parameters zimmer() {
        return Zimmer.fitParameters(data);
    }

    @Benchmark
    public Braid.Parameters braid() {
        return Braid.fitParameters(data);
    }
}
