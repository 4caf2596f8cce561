package org.comboscope.core.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Robust rank aggregation as MAGeCK's C++ {@code RRA} 0.5.6 computes it with MAGeCK's default
 * call (permutation by sgRNA-count class, 100 passes or more for small gene sets, seed 123456,
 * no control sgRNAs). See {@code specs/screens.md} §4.
 */
final class Rra {
    /** Largest sgRNA count per gene for which a class is permuted (RRA default). */
    static final int MAX_SGRNA_PER_GENE_PERMUTATION = 100;

    /** One gene of the RRA output, in RRA's output order; {@code gene} indexes the gene names. */
    record GeneResult(int gene, int items, double lo, double p, double fdr, int goodSgrna) {}

    private Rra() {}

    /**
     * Runs RRA on a ranked list.
     *
     * @param genes gene of each item (an index into {@code geneNames}), in list file order
     *     (ascending value, stable)
     * @param geneNames the gene names
     * @param values the item values in the same order
     * @param alpha the {@code -p} maximum percentile
     * @param skipGenes genes not permuted (p = 1)
     * @return genes in RRA's output order (line order of its output file)
     */
    static List<GeneResult> run(int[] genes, String[] geneNames, double[] values, double alpha, Set<String> skipGenes) {
        int nItems = values.length;
        // groups in order of first appearance in the list, their items in list order
        int[] groupOf = new int[geneNames.length];
        Arrays.fill(groupOf, -1);
        int g = 0;
        int[] groupGene = new int[geneNames.length];
        int[] itemNum = new int[geneNames.length];
        for (int i = 0; i < nItems; i++) {
            int gene = genes[i];
            if (groupOf[gene] < 0) {
                groupOf[gene] = g;
                groupGene[g++] = gene;
            }
            itemNum[groupOf[gene]]++;
        }
        int[] first = new int[g + 1];
        for (int i = 0; i < g; i++) {
            first[i + 1] = first[i] + itemNum[i];
        }
        int[] items = new int[nItems];
        int[] fill = Arrays.copyOf(first, g);
        for (int i = 0; i < nItems; i++) {
            items[fill[groupOf[genes[i]]]++] = i;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        String[] name = new String[g];
        double[] lo = new double[g];
        int[] good = new int[g];
        double[] tmp = new double[nItems];
        int[] goodOut = new int[1];
        for (int gi = 0; gi < g; gi++) {
            name[gi] = geneNames[groupGene[gi]];
            for (int j = first[gi]; j < first[gi + 1]; j++) {
                double v = values[items[j]];
                int i1 = MageckMath.bTreeSearch(v - 0.000000001, sorted, nItems);
                int i2 = MageckMath.bTreeSearch(v + 0.000000001, sorted, nItems);
                tmp[j - first[gi]] = ((double) i1 + i2 + 1) / (nItems * 2);
            }
            lo[gi] = loValue(tmp, itemNum[gi], alpha, goodOut);
            good[gi] = goodOut[0];
        }
        itemNum = Arrays.copyOf(itemNum, g);
        double[] p = permutationP(name, itemNum, lo, alpha, skipGenes);
        // QuickSortGroupByLoValue on the first-appearance order
        int[] order = new int[g];
        for (int i = 0; i < g; i++) {
            order[i] = i;
        }
        quickSortByLo(order, lo, 0, g - 1);
        double[] pSorted = new double[g];
        for (int k = 0; k < g; k++) {
            pSorted[k] = p[order[k]];
        }
        double[] fdr = fdrVector(pSorted);
        List<GeneResult> out = new ArrayList<>(g);
        for (int k = 0; k < g; k++) {
            int i = order[k];
            out.add(new GeneResult(groupGene[i], itemNum[i], lo[i], p[i], fdr[k], good[i]));
        }
        return out;
    }

    /**
     * {@link #loValue} for a null draw, without sorting the values above alpha: the lo-value only
     * looks at the sorted values up to the first one above alpha (and at the minimum), so the result
     * is identical. {@code buf} is scratch space of at least {@code num} entries.
     */
    static double loValueOfDraw(double[] u, int num, double alpha, double[] buf) {
        int m = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < num; k++) {
            double x = u[k];
            if (x <= alpha) {
                // insertion into the sorted prefix
                int j = m++;
                while (j > 0 && buf[j - 1] > x) {
                    buf[j] = buf[j - 1];
                    j--;
                }
                buf[j] = x;
            }
            if (x < min) {
                min = x;
            }
        }
        if (m == 0) {
            return Math.min(1.0, MageckMath.orderStatCdf(1, num, min));
        }
        double lo = 1.0;
        for (int i = 0; i < m; i++) {
            double f = MageckMath.orderStatCdf(i + 1, num, buf[i], lo);
            if (f < lo) {
                lo = f;
            }
        }
        return lo;
    }

    /** RRA {@code ComputeLoValue} on the first {@code num} entries of {@code pct} (sorted in place). */
    static double loValue(double[] pct, int num, double alpha, int[] goodOut) {
        if (num == 0) {
            goodOut[0] = 0;
            return 1.0;
        }
        Arrays.sort(pct, 0, num);
        double lo = 1.0;
        int good = 0;
        for (int i = 0; i < num; i++) {
            if (pct[i] > alpha) {
                if (i > 0) {
                    break;
                }
            } else {
                good++;
            }
            double f = MageckMath.orderStatCdf(i + 1, num, pct[i], lo);
            if (f < lo) {
                lo = f;
            }
        }
        goodOut[0] = good;
        return lo;
    }

    /** Permutation passes as RRA chooses them (at least 100,000 null values per class). */
    static int scanPasses(int genes) {
        int passes = 100;
        if (passes * genes < 100000) {
            passes = 100000 / genes + 1;
        }
        return passes + 1;
    }

    /**
     * Permutation p-values, identical to {@link #permutationPReference} (see {@link RraPermutation}).
     */
    static double[] permutationP(String[] name, int[] itemNum, double[] lo, double alpha, Set<String> skip) {
        int g = name.length;
        TreeSet<Integer> classes = new TreeSet<>();
        for (int i = 0; i < g; i++) {
            if (!skip.contains(name[i])) {
                classes.add(itemNum[i]);
            }
        }
        if (classes.isEmpty() || classes.last() > MAX_SGRNA_PER_GENE_PERMUTATION) {
            // classes above the limit reuse the previous class's materialised null
            return permutationPReference(name, itemNum, lo, alpha, skip);
        }
        long draws = (long) g * scanPasses(g);
        double[] p = new double[g];
        Arrays.fill(p, 1.0);
        long seed = new ParkMiller(123456).state();
        for (int n : classes) {
            int members = 0;
            for (int i = 0; i < g; i++) {
                if (itemNum[i] == n && !skip.contains(name[i])) {
                    members++;
                }
            }
            int[] which = new int[members];
            double[] geneLo = new double[members];
            members = 0;
            for (int i = 0; i < g; i++) {
                if (itemNum[i] == n && !skip.contains(name[i])) {
                    which[members] = i;
                    geneLo[members++] = lo[i];
                }
            }
            double[] cp = RraPermutation.classP(n, draws, seed, geneLo, alpha);
            if (cp == null) {
                cp = referenceClassP(n, draws, seed, geneLo, alpha);
            }
            for (int j = 0; j < members; j++) {
                p[which[j]] = cp[j];
            }
            seed = RraPermutation.advance(seed, draws * n);
        }
        return p;
    }

    /** One class the reference way, from a given stream state. */
    static double[] referenceClassP(int n, long draws, long seed, double[] geneLo, double alpha) {
        ParkMiller rng = new ParkMiller(seed);
        double[] nullLo = new double[Math.toIntExact(draws)];
        double[] tmp = new double[n];
        double[] buf = new double[n];
        for (int d = 0; d < nullLo.length; d++) {
            for (int k = 0; k < n; k++) {
                tmp[k] = rng.next();
            }
            nullLo[d] = loValueOfDraw(tmp, n, alpha, buf);
        }
        Arrays.sort(nullLo);
        int m = nullLo.length;
        double[] p = new double[geneLo.length];
        for (int i = 0; i < geneLo.length; i++) {
            p[i] = (double) (MageckMath.bTreeSearch(geneLo[i] - 0.000000001, nullLo, m)
                            + MageckMath.bTreeSearch(geneLo[i] + 0.000000001, nullLo, m)
                            + 1)
                    / 2
                    / m;
        }
        return p;
    }

    /**
     * The permutation p-values as RRA computes them: the whole null per class, sorted, searched.
     * {@link #permutationP} gives identical values faster; this is its reference and fallback.
     */
    static double[] permutationPReference(String[] name, int[] itemNum, double[] lo, double alpha, Set<String> skip) {
        int g = name.length;
        int passes = 100;
        if (passes * g < 100000) {
            passes = 100000 / g + 1;
        }
        int scanPass = passes + 1;
        double[] p = new double[g];
        Arrays.fill(p, 1.0);
        TreeSet<Integer> classes = new TreeSet<>();
        for (int i = 0; i < g; i++) {
            if (!skip.contains(name[i])) {
                classes.add(itemNum[i]);
            }
        }
        ParkMiller rng = new ParkMiller(123456);
        double[] nullLo = null;
        for (int n : classes) {
            if (n <= MAX_SGRNA_PER_GENE_PERMUTATION || nullLo == null) {
                // RRA reuses the previous class's null above the limit (uninitialised memory if there is
                // none); comboscope permutes such a first class instead.
                nullLo = new double[g * scanPass];
                double[] tmp = new double[n];
                double[] buf = new double[n];
                int m = 0;
                for (int pass = 0; pass < scanPass; pass++) {
                    for (int j = 0; j < g; j++) {
                        for (int k = 0; k < n; k++) {
                            tmp[k] = rng.next();
                        }
                        nullLo[m++] = loValueOfDraw(tmp, n, alpha, buf);
                    }
                }
                Arrays.sort(nullLo);
            }
            int m = nullLo.length;
            for (int i = 0; i < g; i++) {
                if (itemNum[i] == n && !skip.contains(name[i])) {
                    p[i] = (double) (MageckMath.bTreeSearch(lo[i] - 0.000000001, nullLo, m)
                                    + MageckMath.bTreeSearch(lo[i] + 0.000000001, nullLo, m)
                                    + 1)
                            / 2
                            / m;
                }
            }
        }
        return p;
    }

    /** RRA {@code calculateFDRVector}: BH on (p, index) ascending, last capped at 1, running minimum. */
    static double[] fdrVector(double[] pin) {
        int n = pin.length;
        // (p, index) ascending
        int[] idx = MageckMath.stableOrder(pin);
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = pin[idx[i]] / (i + 1.0) * n;
        }
        if (n > 0 && q[n - 1] > 1.0) {
            q[n - 1] = 1.0;
        }
        for (int i = n - 2; i >= 0; i--) {
            if (q[i] > q[i + 1]) {
                q[i] = q[i + 1];
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[idx[i]] = q[i];
        }
        return out;
    }

    /** RRA {@code QuickSortGroupByLoValue}: Hoare partition, middle pivot, not stable. */
    static void quickSortByLo(int[] a, double[] lo, int low, int high) {
        if (high < low) {
            return;
        }
        int i = low;
        int j = high;
        double x = lo[a[(low + high) / 2]];
        while (i <= j) {
            while (i <= j && lo[a[i]] < x) {
                i++;
            }
            while (i <= j && lo[a[j]] > x) {
                j--;
            }
            if (i <= j) {
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        if (low < j) {
            quickSortByLo(a, lo, low, j);
        }
        if (i < high) {
            quickSortByLo(a, lo, i, high);
        }
    }
}
