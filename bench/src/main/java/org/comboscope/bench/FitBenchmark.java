package org.comboscope.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.doseresponse.LeastSquaresFitter;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
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
 * Single-thread LL.4 fits per second on 6- and 8-point curves (dose 0 included), both modes.
 * 256 seeded noisy curves are cycled so that the optimiser sees varied problems.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main FitBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FitBenchmark {
    @Param({"6", "8"})
    int points;

    double[][] doses;
    double[][] responses;
    int next;
    final SynergyFinderFitter drc = new SynergyFinderFitter();
    final LeastSquaresFitter optimal = new LeastSquaresFitter();

    @Setup
    public void setup() {
        Random rnd = new Random(20261122L);
        doses = new double[256][points];
        responses = new double[256][points];
        for (int k = 0; k < 256; k++) {
            double e = Math.pow(10, rnd.nextDouble() * 2 - 1);
            double b = -(0.7 + rnd.nextDouble() * 2);
            double d = 60 + rnd.nextDouble() * 40;
            double c = rnd.nextGaussian() * 3;
            for (int i = 0; i < points; i++) {
                double x = i == 0 ? 0 : 0.01 * Math.pow(3, i);
                doses[k][i] = x;
                double f = x == 0 ? c : c + (d - c) / (1 + Math.exp(b * Math.log(x / e)));
                responses[k][i] = f + rnd.nextGaussian() * 3;
            }
        }
    }

    @Benchmark
    public CurveFit synergyfinderMode() {
        int k = next++ & 255;
        return drc.fit(doses[k], responses[k]);
    }

    @Benchmark
    public CurveFit optimalMode() {
        int k = next++ & 255;
        return optimal.fit(doses[k], responses[k]);
    }
}
