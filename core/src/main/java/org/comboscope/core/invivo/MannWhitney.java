package org.comboscope.core.invivo;

import java.util.Arrays;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The two-sided Wilcoxon rank-sum / Mann–Whitney test as R's {@code wilcox.test(x, y)} computes it
 * with its defaults: the exact null distribution when both samples have fewer than 50 values and
 * there are no ties; otherwise the normal approximation with tie-corrected variance and continuity
 * correction.
 */
public final class MannWhitney {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private MannWhitney() {}

    /**
     * A test result.
     *
     * @param w R's {@code W}: rank sum of {@code x} minus {@code n_x (n_x + 1) / 2} (the Mann–Whitney
     *     U of x)
     * @param p two-sided p-value
     * @param exact {@code true} when the exact distribution was used
     */
    public record Result(double w, double p, boolean exact) {
        /** Method label for outputs. */
        public String method() {
            return exact
                    ? "Mann-Whitney U (exact)"
                    : "Mann-Whitney U (normal approximation, continuity and tie corrected)";
        }
    }

    /**
     * Tests {@code x} against {@code y}.
     *
     * @throws InvalidInputException if a sample is empty or a value is not finite
     */
    public static Result test(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new InvalidInputException("sample size", Math.min(x.length, y.length), "must be >= 1 in both groups");
        }
        int nx = x.length;
        int ny = y.length;
        int n = nx + ny;
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("value", v, "must be finite for a Mann-Whitney test");
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double[] rank = new double[n];
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[order[j + 1]] == all[order[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            int t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += (double) t * t * t - t;
            }
            i = j + 1;
        }
        double rx = 0;
        for (int i = 0; i < nx; i++) {
            rx += rank[i];
        }
        double w = rx - nx * (nx + 1) / 2.0;
        if (nx < 50 && ny < 50 && !ties) {
            double[] cdf = exactCdf(nx, ny);
            int wi = (int) Math.round(w);
            // upper tail by symmetry, P(W >= w) = P(W <= nx ny - w), to keep small p-values exact
            double p = w > nx * (double) ny / 2 ? cdf[nx * ny - wi] : cdf[wi];
            return new Result(w, Math.min(1, 2 * p), true);
        }
        double z = w - nx * (double) ny / 2;
        double sigma = Math.sqrt(nx * (double) ny / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
        double p;
        if (sigma == 0) {
            p = 1;
        } else {
            z = (z - Math.signum(z) * 0.5) / sigma;
            p = 2 * Math.min(NORMAL.cumulativeProbability(z), 1 - NORMAL.cumulativeProbability(z));
        }
        return new Result(w, Math.min(1, p), false);
    }

    /**
     * {@code P(W <= w)} for {@code w = 0..nx*ny} under the null (no ties): counts of the size-nx
     * subsets of ranks 1..nx+ny by rank sum, by a dynamic programme with additions only.
     */
    static double[] exactCdf(int nx, int ny) {
        int n = nx + ny;
        int maxSum = nx * n;
        double[][] count = new double[nx + 1][maxSum + 1];
        count[0][0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int k = Math.min(r, nx); k >= 1; k--) {
                double[] to = count[k];
                double[] from = count[k - 1];
                for (int s = maxSum; s >= r; s--) {
                    to[s] += from[s - r];
                }
            }
        }
        int offset = nx * (nx + 1) / 2;
        int wMax = nx * ny;
        double total = 0;
        for (int w = 0; w <= wMax; w++) {
            total += count[nx][w + offset];
        }
        double[] cdf = new double[wMax + 1];
        double acc = 0;
        for (int w = 0; w <= wMax; w++) {
            acc += count[nx][w + offset];
            cdf[w] = acc / total;
        }
        return cdf;
    }
}
