package org.comboscope.core.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.comboscope.core.error.InvalidInputException;

/**
 * DrugZ 1.1 (Colic et al. 2019, hart-lab/drugz) for chemogenetic screens: per-guide z-scores of
 * drug-vs-control log2 fold changes, pooled per gene, with both tails tested (synthetic lethal /
 * sensitiser = low normZ, suppressor / resistance = high normZ).
 *
 * <p>Computation, exactly as DrugZ 1.1 does it (see {@code specs/screens.md} §2):
 *
 * <ol>
 *   <li>each selected sample is normalised to 1e7 reads; the pseudocount is added to normalised
 *       counts; paired mode: {@code fc_i = log2((T_i + p) / (C_i + p))} per replicate pair;
 *       unpaired mode: one fold change of the per-arm means;
 *   <li>guides are ranked by the raw control reads (unpaired: the mean of the raw control
 *       columns), descending; the SD of fc is estimated in a rolling window of {@code 2h} guides,
 *       stepped by 25 guides and only allowed to grow; the last {@code h} guides take the value at
 *       position {@code n-h-1};
 *   <li>{@code z = fc / sd} (no centring); per gene {@code sumZ} over all guides and replicates,
 *       {@code numObs} = number of non-zero z, {@code normZ} = z-score (population SD) of
 *       {@code sumZ / sqrt(numObs)} over genes; p-values from the standard normal on both tails;
 *       Benjamini-Hochberg FDR on each tail.
 * </ol>
 *
 * <p><b>Tie order.</b> Guide counts are full of ties and the window a guide falls into depends on
 * how ties are ordered. {@link TieOrder#STABLE} (the default) orders tied guides by their row in
 * the input file, for every replicate independently; genes tied in normZ keep gene-name order. This
 * is deterministic and independent of platform. {@link TieOrder#NUMPY} replays numpy 1.24's
 * unstable introsort as pandas 1.5 applies it (every replicate sorted from the input row order;
 * genes through the same model for the normZ sorts), which reproduces DrugZ 1.1's outputs to
 * ~1e-14 with identical ranks on every reference set. Measured differences of the stable order
 * from DrugZ: max |ΔnormZ| 0 (9-guide example, and demo1 where n < 2h makes one window), 0.020
 * (leukemia demo3, Spearman 0.99998), 0.42 (GBM TRAIL, 99.9 % zero counts, Spearman 0.9958).
 *
 * <p><b>Deviations from DrugZ</b> (only where DrugZ crashes or misbehaves): a half-window not
 * smaller than the number of guides is rejected (DrugZ crashes with IndexError or silently wraps
 * negative indices); paired mode with unequal numbers of control and treatment samples is rejected
 * with a message pointing to unpaired mode (DrugZ crashes with NameError).
 */
public final class DrugZ {
    /** DrugZ's normalisation target: every sample is scaled to this many reads. */
    public static final double NORM_VALUE = 1e7;

    private static final int STEP = 25;

    /** How guides (and genes) with equal sort keys are ordered. */
    public enum TieOrder {
        /** Input row order (stable sort); deterministic, the comboscope default. */
        STABLE,
        /** numpy 1.24 introsort order as DrugZ 1.1 gets it; for bit-level agreement with DrugZ. */
        NUMPY
    }

    /**
     * DrugZ settings.
     *
     * @param pseudocount added to normalised counts before the log ratio (DrugZ default 5), {@code > 0}
     * @param halfWindow half-width of the SD window in guides (DrugZ default 500), {@code >= 1}
     * @param unpaired unpaired mode (means of each arm) instead of replicate pairs
     * @param removeGenes genes whose guides are dropped before normalisation
     * @param tieOrder tie order for the sorts
     */
    public record Options(
            double pseudocount, int halfWindow, boolean unpaired, Set<String> removeGenes, TieOrder tieOrder) {
        public Options {
            if (!(pseudocount > 0) || Double.isInfinite(pseudocount)) {
                throw new InvalidInputException("pseudocount", pseudocount, "must be finite and > 0");
            }
            if (halfWindow < 1) {
                throw new InvalidInputException("half-window", halfWindow, "must be >= 1");
            }
            removeGenes = Set.copyOf(removeGenes);
            if (tieOrder == null) {
                throw new InvalidInputException("tieOrder", null, "must be given");
            }
        }

        /** DrugZ's defaults: pseudocount 5, half window 500, paired, nothing removed, stable ties. */
        public static Options defaults() {
            return new Options(5, 500, false, Set.of(), TieOrder.STABLE);
        }

        public Options withPseudocount(double p) {
            return new Options(p, halfWindow, unpaired, removeGenes, tieOrder);
        }

        public Options withHalfWindow(int h) {
            return new Options(pseudocount, h, unpaired, removeGenes, tieOrder);
        }

        public Options withUnpaired(boolean u) {
            return new Options(pseudocount, halfWindow, u, removeGenes, tieOrder);
        }

        public Options withRemoveGenes(Set<String> genes) {
            return new Options(pseudocount, halfWindow, unpaired, genes, tieOrder);
        }

        public Options withTieOrder(TieOrder t) {
            return new Options(pseudocount, halfWindow, unpaired, removeGenes, t);
        }
    }

    /**
     * One gene of the DrugZ output.
     *
     * @param gene gene name
     * @param sumZ sum of guide z-scores over guides and replicates
     * @param numObs number of non-zero guide z-scores
     * @param normZ standardised {@code sumZ / sqrt(numObs)}; negative = sensitiser
     * @param pvalSynth lower-tail p-value (synthetic lethal / sensitiser)
     * @param rankSynth 1-based rank by normZ ascending
     * @param fdrSynth BH FDR of the lower tail
     * @param pvalSupp upper-tail p-value (suppressor / resistance)
     * @param rankSupp 1-based rank by normZ descending
     * @param fdrSupp BH FDR of the upper tail
     */
    public record GeneScore(
            String gene,
            double sumZ,
            int numObs,
            double normZ,
            double pvalSynth,
            int rankSynth,
            double fdrSynth,
            double pvalSupp,
            int rankSupp,
            double fdrSupp) {}

    /**
     * Guide-level intermediates, per replicate (one "replicate" in unpaired mode), in input row
     * order.
     *
     * @param foldChange {@code [replicate][guide]} log2 fold change
     * @param sd {@code [replicate][guide]} rolling-window SD
     * @param z {@code [replicate][guide]} guide z-score
     * @param sortPosition {@code [replicate][guide]} 0-based position in the sort by control reads
     */
    public record GuideScores(double[][] foldChange, double[][] sd, double[][] z, int[][] sortPosition) {}

    /**
     * The result: genes sorted by normZ ascending, the genes that had no non-zero guide z-score
     * (not scored, as in DrugZ), and the guide-level values.
     */
    public record Result(
            List<GeneScore> genes, List<String> unscoredGenes, List<String> guides, GuideScores guideScores) {
        public Result {
            genes = List.copyOf(genes);
            unscoredGenes = List.copyOf(unscoredGenes);
            guides = List.copyOf(guides);
        }
    }

    private DrugZ() {}

    /**
     * Runs DrugZ.
     *
     * @param table the count table
     * @param control control sample names; in paired mode the i-th is paired with the i-th treatment
     * @param treatment treatment (drug) sample names
     * @throws InvalidInputException for unknown or repeated samples, unequal replicate numbers in
     *     paired mode, a half window not smaller than the number of guides, or an all-zero sample
     */
    public static Result run(CountTable table, List<String> control, List<String> treatment, Options options) {
        if (control.isEmpty()) {
            throw new InvalidInputException("--control", "", "must name at least one sample");
        }
        if (treatment.isEmpty()) {
            throw new InvalidInputException("--treatment", "", "must name at least one sample");
        }
        if (!options.unpaired() && control.size() != treatment.size()) {
            throw new InvalidInputException(
                    "--treatment",
                    String.join(",", treatment),
                    "must name as many samples as --control (" + control.size() + ") in paired mode; use --unpaired"
                            + " for unequal replicate numbers");
        }
        Set<String> all = new LinkedHashSet<>();
        for (String s : control) {
            table.sampleIndex(s, "--control");
            if (!all.add(s)) {
                throw new InvalidInputException("--control", s, "must not repeat a sample");
            }
        }
        for (String s : treatment) {
            table.sampleIndex(s, "--treatment");
            if (!all.add(s)) {
                throw new InvalidInputException("--treatment", s, "must not repeat a sample (also in --control)");
            }
        }
        CountTable t = table.withoutGenes(options.removeGenes());
        int n = t.guideCount();
        if (options.halfWindow() >= n) {
            throw new InvalidInputException(
                    "half-window",
                    options.halfWindow(),
                    "must be smaller than the number of guides (" + n + "); DrugZ would crash or wrap around");
        }
        double[][] ctrlRaw = new double[control.size()][];
        double[][] ctrlNorm = new double[control.size()][];
        double[][] trtNorm = new double[treatment.size()][];
        for (int i = 0; i < control.size(); i++) {
            ctrlRaw[i] = t.columnView(t.sampleIndex(control.get(i), "--control"));
            ctrlNorm[i] = normalise(ctrlRaw[i], control.get(i));
        }
        for (int i = 0; i < treatment.size(); i++) {
            trtNorm[i] = normalise(t.columnView(t.sampleIndex(treatment.get(i), "--treatment")), treatment.get(i));
        }
        double p = options.pseudocount();
        int reps = options.unpaired() ? 1 : control.size();
        double[][] fc = new double[reps][n];
        double[][] keys = new double[reps][];
        if (options.unpaired()) {
            double[] mc = rowMeans(ctrlNorm, n);
            double[] mt = rowMeans(trtNorm, n);
            for (int g = 0; g < n; g++) {
                fc[0][g] = log2((mt[g] + p) / (mc[g] + p));
            }
            keys[0] = rowMeans(ctrlRaw, n);
        } else {
            for (int r = 0; r < reps; r++) {
                for (int g = 0; g < n; g++) {
                    fc[r][g] = log2((trtNorm[r][g] + p) / (ctrlNorm[r][g] + p));
                }
                keys[r] = ctrlRaw[r];
            }
        }
        double[][] sd = new double[reps][n];
        double[][] z = new double[reps][n];
        int[][] sortPos = new int[reps][n];
        int[] frame = identity(n);
        for (int r = 0; r < reps; r++) {
            // DrugZ 1.1 sorts each replicate starting from the input row order
            int[] order = options.tieOrder() == TieOrder.NUMPY
                    ? numpyDescending(keys[r], identity(n))
                    : stableDescending(keys[r]);
            if (r == 0) {
                frame = order;
            }
            double[] fcSorted = new double[n];
            for (int k = 0; k < n; k++) {
                fcSorted[k] = fc[r][order[k]];
                sortPos[r][order[k]] = k;
            }
            double[] eb = rollingSd(fcSorted, options.halfWindow());
            for (int k = 0; k < n; k++) {
                int g = order[k];
                sd[r][g] = eb[k];
                z[r][g] = fc[r][g] / eb[k];
            }
        }
        return geneLevel(t, z, frame, options.tieOrder(), new GuideScores(fc, sd, z, sortPos));
    }

    private static Result geneLevel(CountTable t, double[][] z, int[] frame, TieOrder tieOrder, GuideScores gs) {
        // groupby('GENE'): genes in sorted-name order, guides within a gene in frame order
        Map<String, List<Integer>> byGene = new TreeMap<>();
        for (int g : frame) {
            byGene.computeIfAbsent(t.genes().get(g), k -> new ArrayList<>()).add(g);
        }
        List<String> names = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        List<double[]> sums = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byGene.entrySet()) {
            double sum = 0;
            int obs = 0;
            for (int g : e.getValue()) {
                for (double[] zr : z) {
                    double v = zr[g];
                    if (!Double.isNaN(v)) {
                        sum += v;
                    }
                    if (v != 0) {
                        obs++;
                    }
                }
            }
            if (obs >= 1) {
                names.add(e.getKey());
                sums.add(new double[] {sum, obs});
            } else {
                unscored.add(e.getKey());
            }
        }
        int gCount = names.size();
        double[] x = new double[gCount];
        for (int i = 0; i < gCount; i++) {
            x[i] = sums.get(i)[0] / Math.sqrt(sums.get(i)[1]);
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= gCount;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sdPop = Math.sqrt(ss / gCount);
        double[] normZ = new double[gCount];
        for (int i = 0; i < gCount; i++) {
            normZ[i] = (x[i] - mean) / sdPop;
        }
        int[] asc;
        int[] desc;
        int[] out;
        if (tieOrder == TieOrder.NUMPY) {
            asc = numpyOrder(normZ, identity(gCount), true);
            desc = numpyOrder(normZ, asc, false);
            out = numpyOrder(normZ, desc, true);
        } else {
            asc = sortedIndices(gCount, Comparator.comparingDouble(i -> normZ[i]));
            desc = sortedIndices(gCount, Comparator.comparingDouble(i -> -normZ[i]));
            out = asc;
        }
        double[] pSynth = new double[gCount];
        double[] pSupp = new double[gCount];
        for (int i = 0; i < gCount; i++) {
            pSynth[i] = Normal.ndtr(normZ[i]);
            pSupp[i] = Normal.ndtr(-normZ[i]);
        }
        int[] rankSynth = new int[gCount];
        int[] rankSupp = new int[gCount];
        double[] fdrSynth = bhOnOrder(pSynth, asc, rankSynth);
        double[] fdrSupp = bhOnOrder(pSupp, desc, rankSupp);
        List<GeneScore> genes = new ArrayList<>(gCount);
        for (int i : out) {
            genes.add(new GeneScore(
                    names.get(i),
                    sums.get(i)[0],
                    (int) sums.get(i)[1],
                    normZ[i],
                    pSynth[i],
                    rankSynth[i],
                    fdrSynth[i],
                    pSupp[i],
                    rankSupp[i],
                    fdrSupp[i]));
        }
        return new Result(genes, unscored, t.guides(), gs);
    }

    /** BH as DrugZ 1.1: q_k = p_(k) G / k along {@code order}, then running minimum from the bottom. */
    private static double[] bhOnOrder(double[] p, int[] order, int[] rankOut) {
        int g = p.length;
        double[] q = new double[g];
        double run = Double.POSITIVE_INFINITY;
        for (int k = g - 1; k >= 0; k--) {
            int i = order[k];
            rankOut[i] = k + 1;
            double v = p[i] * g / (k + 1);
            run = Math.min(run, v);
            q[i] = run;
        }
        return q;
    }

    /**
     * DrugZ's monotone rolling-window SD over fold changes already in sort order (spec §2.4).
     * Requires {@code n > h}.
     */
    static double[] rollingSd(double[] fc, int h) {
        int n = fc.length;
        double[] eb = new double[n];
        double first = sampleSd(fc, 0, Math.min(2 * h, n));
        Arrays.fill(eb, 0, Math.min(h, n), first);
        for (int i = h; i < n - h + STEP; i += STEP) {
            if (i - 1 >= n) {
                break; // DrugZ would raise IndexError here; nothing is left to set
            }
            double s = sampleSd(fc, i - h, Math.min(i + h, n));
            double v = s >= eb[i - 1] ? s : eb[i - 1];
            Arrays.fill(eb, Math.min(i, n), Math.min(i + STEP, n), v);
        }
        Arrays.fill(eb, n - h, n, eb[n - h - 1]);
        return eb;
    }

    /** pandas {@code Series.std()} (ddof 1, NaN skipped): NaN when fewer than two values. */
    static double sampleSd(double[] x, int from, int to) {
        int count = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                sum += x[i];
                count++;
            }
        }
        if (count < 2) {
            return Double.NaN;
        }
        double avg = sum / count;
        double ss = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(x[i])) {
                double d = avg - x[i];
                ss += d * d;
            }
        }
        return Math.sqrt(ss / (count - 1));
    }

    private static double[] normalise(double[] raw, String name) {
        double total = 0;
        for (double v : raw) {
            total += v;
        }
        if (total <= 0) {
            throw new InvalidInputException("sample " + name, 0, "must have a positive total read count");
        }
        double[] out = new double[raw.length];
        for (int g = 0; g < raw.length; g++) {
            out[g] = NORM_VALUE * raw[g] / total;
        }
        return out;
    }

    private static double[] rowMeans(double[][] cols, int n) {
        double[] m = new double[n];
        for (int g = 0; g < n; g++) {
            double s = 0;
            for (double[] c : cols) {
                s += c[g];
            }
            m[g] = s / cols.length;
        }
        return m;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Guide indices by descending key, ties in input row order. */
    private static int[] stableDescending(double[] key) {
        return sortedIndices(key.length, (a, b) -> Double.compare(key[b], key[a]));
    }

    private static int[] sortedIndices(int n, Comparator<Integer> cmp) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, cmp); // TimSort: stable
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** pandas {@code sort_values(ascending=False)} of the rows currently in {@code frame} order. */
    private static int[] numpyDescending(double[] key, int[] frame) {
        return numpyOrder(key, frame, false);
    }

    private static int[] numpyOrder(double[] key, int[] frame, boolean ascending) {
        int n = frame.length;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = key[frame[k]];
        }
        int[] idx = NumpyOrder.nargsort(v, ascending);
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = frame[idx[k]];
        }
        return out;
    }
}
