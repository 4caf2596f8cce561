package org.comboscope.bench;

import java.util.Optional;
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
 * 256 seeded noisy curves are cycled so that the optimiser sees varied problems: EC50 log-uniform
 * on [0.1, 10], slope −0.7 to −2.7, top 60–100 %, bottom around 0, noise SD 3 %.
 *
 * <p>Two dilution designs: {@code threefold} — 3-fold steps from 0.03, so 6 points reach only 2.43
 * and 31 % of the curves have their EC50 above the top dose (flat, ill-determined fits on which
 * drc's BFGS often runs to its 500 iterations), while 8 points reach 21.9; {@code span} — the
 * same range, 0.03 to 21.9, covered by either number of points (a wider step for 6 points), as a
 * dilution series is designed to bracket the EC50s.
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

    @Param({"threefold", "span"})
    String design;

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
                double x = i == 0
                        ? 0
                        : design.equals("span")
                                ? 0.03 * Math.pow(21.87 / 0.03, (i - 1) / (double) (points - 2))
                                : 0.01 * Math.pow(3, i);
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

    /**
     * The same fits with the parameter covariance asked for (the numerical Hessian at the optimum,
     * which a fit computes only on first use when it cannot change the fit's outcome): what a fit
     * costs when its IC50 confidence intervals are reported.
     */
    @Benchmark
    public Optional<double[][]> synergyfinderModeWithCovariance() {
        int k = next++ & 255;
        return drc.fit(doses[k], responses[k]).covariance();
    }

    @Benchmark
    public CurveFit optimalMode() {
        int k = next++ & 255;
        return optimal.fit(doses[k], responses[k]);
    }
}
