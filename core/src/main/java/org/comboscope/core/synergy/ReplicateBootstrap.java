package org.comboscope.core.synergy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.matrix.DoseResponseBlock;

/**
 * SynergyFinder's replicate path (spec §5.10): each iteration draws, for every dose combination
 * with replicates {@code y_1..y_n}, the mean of {@code n} normal draws with the replicates' mean
 * and SD (a cell whose replicates agree keeps its value; a cell measured once alongside replicated
 * cells counts as two identical replicates), scores the resulting matrix without replicates
 * (baseline correction included), and reports per cell the mean over iterations. Block summaries
 * are means over the cells where every drug is present of the iteration-averaged scores; the
 * p-value is SynergyFinder's {@code exp(−0.717 z − 0.416 z²)} with {@code z = |mean(m)|/sd(m)}
 * over the per-iteration block means {@code m}. IC50, RI and CSS are iteration means.
 *
 * <p>The draws come from a {@link SplittableRandom} seeded from the engine's seed and the block
 * id, so the numbers are reproducible but are not R's Mersenne-Twister stream: they agree with
 * SynergyFinder statistically, not digit for digit.
 */
final class ReplicateBootstrap {
    private static final org.hipparchus.distribution.continuous.NormalDistribution STANDARD_NORMAL =
            new org.hipparchus.distribution.continuous.NormalDistribution();

    private final SynergyFinderEngine engine;
    private final int iterations;
    private final long seed;

    ReplicateBootstrap(SynergyFinderEngine engine, int iterations, long seed) {
        this.engine = engine;
        this.iterations = iterations;
        this.seed = seed;
    }

    static boolean hasReplicates(DoseResponseBlock block) {
        Map<List<Double>, Integer> count = new HashMap<>();
        for (int r = 0; r < block.rowCount(); r++) {
            if (count.merge(key(block, r), 1, Integer::sum) > 1) {
                return true;
            }
        }
        return false;
    }

    private static List<Double> key(DoseResponseBlock block, int r) {
        List<Double> k = new ArrayList<>(block.drugCount());
        for (int d = 0; d < block.drugCount(); d++) {
            k.add(block.conc(r, d));
        }
        return k;
    }

    BlockSynergy analyze(DoseResponseBlock block) {
        // Cells sorted by concentrations (drug 1 first), as dplyr's group_by orders them.
        Map<List<Double>, List<Double>> reps = new LinkedHashMap<>();
        for (int r = 0; r < block.rowCount(); r++) {
            reps.computeIfAbsent(key(block, r), z -> new ArrayList<>()).add(block.response(r));
        }
        List<List<Double>> keys = new ArrayList<>(reps.keySet());
        keys.sort((a, b) -> {
            for (int d = 0; d < a.size(); d++) {
                int c = Double.compare(a.get(d), b.get(d));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        int n = keys.size();
        int k = block.drugCount();
        double[] mean = new double[n];
        double[] sd = new double[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            List<Double> ys = reps.get(keys.get(i));
            if (ys.size() == 1) {
                ys = List.of(ys.get(0), ys.get(0));
            }
            size[i] = ys.size();
            double s = 0;
            for (double y : ys) {
                s += y;
            }
            mean[i] = s / ys.size();
            double ss = 0;
            for (double y : ys) {
                ss += (y - mean[i]) * (y - mean[i]);
            }
            sd[i] = Math.sqrt(ss / (ys.size() - 1));
        }
        double[][] conc = new double[n][k];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < k; d++) {
                conc[i][d] = keys.get(i).get(d);
            }
            lines[i] = i + 1;
        }
        SplittableRandom rnd =
                new SplittableRandom(seed ^ ((long) block.blockId().hashCode() << 21));
        double[][][] cellValues = new double[iterations][][];
        Map<SynergyMethod, double[]> iterationMeans = new EnumMap<>(SynergyMethod.class);
        double[][] ic50 = new double[iterations][];
        double[][] ri = new double[iterations][];
        List<Map<String, Double>> css = new ArrayList<>();
        double[] cssMean = new double[iterations];
        BlockSynergy first = null;
        List<String> notes = new ArrayList<>();
        for (int it = 0; it < iterations; it++) {
            double[] resp = new double[n];
            for (int i = 0; i < n; i++) {
                if (sd[i] == 0) {
                    resp[i] = mean[i];
                    continue;
                }
                double s = 0;
                for (int j = 0; j < size[i]; j++) {
                    s += mean[i] + sd[i] * gaussian(rnd);
                }
                resp[i] = s / size[i];
            }
            DoseResponseBlock sample =
                    new DoseResponseBlock(block.blockId(), block.drugs(), block.concUnits(), conc, resp, lines);
            BlockSynergy r = engine.analyzeCells(sample);
            if (first == null) {
                first = r;
                for (String note : r.notes()) {
                    if (note.startsWith("css")) {
                        notes.add("iteration 1: " + note);
                    }
                }
            }
            cellValues[it] = new double[n][];
            for (int i = 0; i < n; i++) {
                cellValues[it][i] = r.cells().get(i).values.clone();
            }
            for (var e : r.summaries().entrySet()) {
                iterationMeans.computeIfAbsent(e.getKey(), z -> new double[iterations])[it] =
                        e.getValue().mean();
            }
            ic50[it] = r.ic50();
            ri[it] = r.ri();
            css.add(r.css());
            cssMean[it] = r.cssMean().orElse(Double.NaN);
        }
        List<CellScore> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CellScore c = new CellScore(conc[i], mean[i]);
            for (int v = 0; v < c.values.length; v++) {
                double s = 0;
                for (int it = 0; it < iterations; it++) {
                    s += cellValues[it][i][v];
                }
                c.values[v] = s / iterations;
            }
            c.values[CellScore.MONO] = cellValues[0][i][CellScore.MONO];
            cells.add(c);
        }
        Map<SynergyMethod, BlockSynergy.Summary> summaries = new EnumMap<>(SynergyMethod.class);
        for (var e : iterationMeans.entrySet()) {
            int idx = CellScore.refIndex(e.getKey()) + 1;
            double s = 0;
            int m = 0;
            for (CellScore c : cells) {
                if (c.allPresent()) {
                    s += c.values[idx];
                    m++;
                }
            }
            double[] im = e.getValue();
            double avg = Arrays.stream(im).average().orElse(Double.NaN);
            double var = 0;
            for (double x : im) {
                var += (x - avg) * (x - avg);
            }
            double sdm = Math.sqrt(var / (iterations - 1));
            double z = Math.abs(avg) / sdm;
            double p = Math.exp(-0.717 * z - 0.416 * z * z);
            summaries.put(
                    e.getKey(),
                    new BlockSynergy.Summary(
                            s / m, Double.isFinite(p) ? OptionalDouble.of(p) : OptionalDouble.empty(), m, sdm));
        }
        Map<String, Double> cssAvg = new LinkedHashMap<>();
        for (String name : css.get(0).keySet()) {
            double s = 0;
            for (Map<String, Double> m : css) {
                s += m.get(name);
            }
            cssAvg.put(name, s / iterations);
        }
        notes.add(
                0,
                "replicates: SynergyFinder's parametric bootstrap, " + iterations + " iterations, seed " + seed
                        + "; scores are iteration means (statistically, not digit-for-digit, comparable with R)");
        List<CurveFit> curves = first.curves();
        return new BlockSynergy(
                block.blockId(),
                block.drugs(),
                block.concUnits(),
                cells,
                summaries,
                curves,
                columnMeans(ic50),
                columnMeans(ri),
                cssAvg,
                OptionalDouble.of(Arrays.stream(cssMean).average().orElse(Double.NaN)),
                first.baseline(),
                notes);
    }

    private static double[] columnMeans(double[][] rows) {
        double[] out = new double[rows[0].length];
        for (double[] r : rows) {
            for (int j = 0; j < out.length; j++) {
                out[j] += r[j] / rows.length;
            }
        }
        return out;
    }

    /** Standard normal by inversion of a 53-bit uniform (deterministic, no cached pairs). */
    private static double gaussian(SplittableRandom rnd) {
        double u;
        do {
            u = rnd.nextDouble();
        } while (u == 0);
        return STANDARD_NORMAL.inverseCumulativeProbability(u);
    }
}
