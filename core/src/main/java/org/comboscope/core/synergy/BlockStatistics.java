package org.comboscope.core.synergy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Statistics across cells and blocks that SynergyFinder does not provide: a percentile bootstrap
 * confidence interval for a block's summary score, and Benjamini–Hochberg false-discovery-rate
 * adjustment of block p-values.
 */
public final class BlockStatistics {
    private BlockStatistics() {}

    /** A confidence interval. */
    public record Interval(double lower, double upper) {}

    /**
     * Percentile bootstrap interval of the block's mean synergy: the cells where every drug is
     * present are resampled with replacement {@code resamples} times (seeded from {@code seed} and
     * the block id, so results do not depend on order or threads). Empty when fewer than 2 cells.
     *
     * @param level confidence level in (0, 1), e.g. 0.95
     */
    public static java.util.Optional<Interval> summaryInterval(
            BlockSynergy block, SynergyMethod method, double level, int resamples, long seed) {
        List<Double> values = new ArrayList<>();
        for (CellScore c : block.cells()) {
            if (c.allPresent()) {
                OptionalDouble v = c.synergy(method);
                if (v.isPresent()) {
                    values.add(v.getAsDouble());
                }
            }
        }
        int n = values.size();
        if (n < 2) {
            return java.util.Optional.empty();
        }
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        SplittableRandom rnd =
                new SplittableRandom(seed ^ ((long) block.blockId().hashCode() << 17) ^ method.ordinal());
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[rnd.nextInt(n)];
            }
            means[b] = s / n;
        }
        Arrays.sort(means);
        double alpha = (1 - level) / 2;
        return java.util.Optional.of(new Interval(quantile(means, alpha), quantile(means, 1 - alpha)));
    }

    /** R's type-7 quantile of sorted data. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Benjamini–Hochberg adjusted p-values (R's {@code p.adjust(p, "BH")}); entries that are empty
     * stay empty and do not count towards the number of tests.
     */
    public static OptionalDouble[] benjaminiHochberg(OptionalDouble[] p) {
        int m = 0;
        for (OptionalDouble v : p) {
            if (v.isPresent()) {
                m++;
            }
        }
        Integer[] idx = new Integer[m];
        for (int i = 0, j = 0; i < p.length; i++) {
            if (p[i].isPresent()) {
                idx[j++] = i;
            }
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[b].getAsDouble(), p[a].getAsDouble()));
        OptionalDouble[] out = new OptionalDouble[p.length];
        Arrays.fill(out, OptionalDouble.empty());
        double running = 1;
        for (int r = 0; r < m; r++) {
            int i = idx[r];
            int rank = m - r;
            running = Math.min(running, p[i].getAsDouble() * m / rank);
            out[i] = OptionalDouble.of(running);
        }
        return out;
    }
}
