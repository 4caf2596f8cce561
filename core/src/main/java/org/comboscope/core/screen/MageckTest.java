package org.comboscope.core.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;

/**
 * MAGeCK 0.5.9 {@code test} with its default robust rank aggregation (RRA), computed as MAGeCK's
 * Python code and C++ RRA binary do (see {@code specs/screens.md} §3-4): median-ratio
 * normalisation (total-count fallback), the linear mean-variance model fitted on the control
 * replicates, truncated-normal sgRNA p-values, sgRNA scores through MAGeCK's qnorm-table
 * interpolation, alpha cut-offs, alpha-RRA lo-values, a permutation null drawn from the same
 * Park-Miller stream with the same seed and draw order, BH FDR, and gene LFC as the median sgRNA
 * LFC.
 *
 * <p>Directions: {@code neg} = depleted in treatment (sensitisers, synthetic lethal with the drug in
 * a knockout screen); {@code pos} = enriched in treatment (resistance: suppressor knockouts, or
 * the resistance hits of an ORF/activation screen, whose read-out is the enrichment side).
 *
 * <p>Known differences from MAGeCK: the qnorm table is regenerated from an accurate inverse normal
 * (MAGeCK ships it as text; values agree to ~4e-13); the beta CDF is an exact binomial tail
 * (RRA's AS 63 is accurate to ~1e-10); both are below the printed precision of MAGeCK's output. An
 * sgRNA-count class above 100 guides that comes first is permuted on its own instead of reading
 * uninitialised memory.
 */
public final class MageckTest {
    /** p-value cut-off used to count "good" sgRNAs for alpha ({@code --gene-test-fdr-threshold}). */
    public static final double GENE_TEST_THRESHOLD = 0.25;

    /** Genes RRA does not permute (MAGeCK passes {@code --skip-gene NA --skip-gene na}). */
    public static final Set<String> SKIP_GENES = Set.of("NA", "na");

    /** sgRNA-level result (one row of {@code sgrna_summary}). */
    public record SgrnaScore(
            String sgrna,
            String gene,
            double[] controlCounts,
            double[] treatmentCounts,
            double controlMean,
            double treatMean,
            double lfc,
            double controlVar,
            double adjVar,
            double score,
            double pLow,
            double pHigh,
            double pTwoSided,
            double fdr,
            boolean highInTreatment,
            boolean valid) {}

    /** One side of the gene test. */
    public record GeneSide(double score, double pValue, double fdr, int rank, int goodSgrna, double lfc) {}

    /** One gene: {@code neg} = depletion (sensitiser), {@code pos} = enrichment (resistance). */
    public record GeneScore(String gene, int num, GeneSide neg, GeneSide pos) {}

    /**
     * The full result.
     *
     * @param sizeFactors per selected sample (control then treatment), as applied to raw counts
     * @param totalNormalisation whether median-ratio normalisation fell back to total counts
     * @param modelSlope k of the mean-variance model
     * @param modelIntercept b of the mean-variance model
     * @param alphaNeg RRA alpha of the negative side
     * @param alphaPos RRA alpha of the positive side
     * @param sgrnas sgRNAs sorted by score descending (MAGeCK's sgrna_summary order)
     * @param genes genes by neg rank
     */
    public record Result(
            double[] sizeFactors,
            boolean totalNormalisation,
            double modelSlope,
            double modelIntercept,
            double alphaNeg,
            double alphaPos,
            List<SgrnaScore> sgrnas,
            List<GeneScore> genes) {}

    private MageckTest() {}

    /**
     * Runs the test.
     *
     * @param paired pair the i-th control with the i-th treatment sample (MAGeCK {@code --paired})
     */
    public static Result run(CountTable table, List<String> control, List<String> treatment, boolean paired) {
        if (control.isEmpty() || treatment.isEmpty()) {
            throw new InvalidInputException(
                    control.isEmpty() ? "--control" : "--treatment", "", "must name at least one sample");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> selected = new ArrayList<>();
        selected.addAll(control);
        selected.addAll(treatment);
        for (String s : selected) {
            table.sampleIndex(s, control.contains(s) ? "--control" : "--treatment");
            if (!seen.add(s)) {
                throw new InvalidInputException("sample", s, "must appear once in --control and --treatment together");
            }
        }
        if (paired && control.size() != treatment.size()) {
            throw new InvalidInputException(
                    "--treatment",
                    String.join(",", treatment),
                    "must name as many samples as --control (" + control.size() + ") with --paired");
        }
        int n = table.guideCount();
        int ns = selected.size();
        double[][] raw = new double[ns][];
        for (int s = 0; s < ns; s++) {
            raw[s] = table.columnView(table.sampleIndex(selected.get(s), "sample"));
        }
        boolean[] total = new boolean[1];
        double[] factors = sizeFactors(raw, n, total);
        double[][] norm = new double[ns][n];
        for (int s = 0; s < ns; s++) {
            for (int g = 0; g < n; g++) {
                norm[s][g] = factors[s] * raw[s][g];
            }
        }
        int nc = control.size();
        int nt = treatment.size();
        List<String> ids = new ArrayList<>();
        List<String> genes = new ArrayList<>();
        double[][] ctrl;
        double[][] trt;
        if (paired) {
            ctrl = new double[n * nc][1];
            trt = new double[n * nc][1];
            int r = 0;
            for (int g = 0; g < n; g++) {
                for (int ci = 0; ci < nc; ci++) {
                    ids.add(table.guides().get(g) + "_r" + ci);
                    genes.add(table.genes().get(g));
                    ctrl[r][0] = norm[ci][g];
                    trt[r][0] = norm[nc + ci][g];
                    r++;
                }
            }
            nc = 1;
            nt = 1;
        } else {
            ctrl = new double[n][nc];
            trt = new double[n][nt];
            for (int g = 0; g < n; g++) {
                ids.add(table.guides().get(g));
                genes.add(table.genes().get(g));
                for (int c = 0; c < nc; c++) {
                    ctrl[g][c] = norm[c][g];
                }
                for (int t = 0; t < nt; t++) {
                    trt[g][t] = norm[nc + t][g];
                }
            }
        }
        return test(ids, genes, ctrl, trt, nc, nt, factors, total[0]);
    }

    /** Median-ratio size factors with MAGeCK's fallback to total-count factors. */
    static double[] sizeFactors(double[][] raw, int n, boolean[] usedTotal) {
        int ns = raw.length;
        double[] sums = new double[ns];
        int[] zeros = new int[ns];
        for (int s = 0; s < ns; s++) {
            for (int g = 0; g < n; g++) {
                sums[s] += raw[s][g];
                if (raw[s][g] == 0) {
                    zeros[s]++;
                }
            }
        }
        double avg = 0;
        for (double v : sums) {
            avg += v;
        }
        avg = avg / ns;
        double[] totalFactor = new double[ns];
        for (int s = 0; s < ns; s++) {
            totalFactor[s] = avg / sums[s];
        }
        double[] gm = new double[n];
        int m = 0;
        boolean[] use = new boolean[n];
        for (int g = 0; g < n; g++) {
            double rowSum = 0;
            double logSum = 0;
            for (int s = 0; s < ns; s++) {
                rowSum += raw[s][g];
                logSum += Math.log(raw[s][g] + 1.0);
            }
            if (rowSum > 0) {
                double v = Math.exp(logSum * 1.0 / ns);
                gm[g] = v > 0 ? v : 1;
                use[g] = true;
                m++;
            }
        }
        double[] median = new double[ns];
        boolean fallback = false;
        for (int s = 0; s < ns; s++) {
            double[] ratio = new double[m];
            int k = 0;
            for (int g = 0; g < n; g++) {
                if (use[g]) {
                    ratio[k++] = raw[s][g] / gm[g];
                }
            }
            Arrays.sort(ratio);
            double x = m == 0 ? 0 : ratio[m / 2];
            median[s] = x > 0 ? 1.0 / x : 0.0;
            if (median[s] == 0.0 || zeros[s] * 1.0 / n > 0.45) {
                fallback = true;
            }
        }
        usedTotal[0] = fallback;
        return fallback ? totalFactor : median;
    }

    private static double[] medians(double[][] rows) {
        double[] m = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            m[i] = MageckMath.median(rows[i]);
        }
        return m;
    }

    private static double[] vars(double[][] rows, double[] med) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = MageckMath.varAboutMedian(rows[i], med[i]);
        }
        return v;
    }

    /** {@code modelmeanvar(..., 'linear')}: returns {k, b}. */
    static double[] meanVarModel(double[][] rows) {
        int n = rows.length;
        double[] mean = medians(rows);
        double[] var = vars(rows, mean);
        double high;
        if (n > 10) {
            double mm = MageckMath.median(mean);
            double vm = MageckMath.varAboutMedian(mean, mm);
            high = mm + 4 * Math.sqrt(vm);
        } else {
            double mx = Double.NEGATIVE_INFINITY;
            for (double v : mean) {
                mx = Math.max(mx, v);
            }
            high = mx * 2;
        }
        List<double[]> good = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (mean[i] < var[i] && mean[i] < high) {
                good.add(new double[] {mean[i], var[i] - mean[i]});
            }
        }
        if (good.size() < 10) {
            good.clear();
            for (int i = 0; i < n; i++) {
                double d = var[i] - mean[i];
                good.add(new double[] {mean[i], d > 0.01 ? d : 0.01});
            }
        }
        double nw = 0;
        double sy = 0;
        double sx = 0;
        double sx2 = 0;
        double sxy = 0;
        for (double[] mv : good) {
            double w = mv[0];
            double x = MageckMath.log2(mv[0] + 1);
            double y = MageckMath.log2(mv[1] + 1);
            nw += w;
            sy += y * w;
            sx += x * w;
            sx2 += x * x * w;
            sxy += x * y * w;
        }
        double a = (sy * sx2 - sx * sxy) / (nw * sx2 - sx * sx);
        double k = (nw * sxy - sx * sy) / (nw * sx2 - sx * sx);
        if (k < 1) {
            k = 1;
        }
        if (a < 0) {
            a = 0;
        }
        return new double[] {k, a};
    }

    private static Result test(
            List<String> ids,
            List<String> genes,
            double[][] ctrl,
            double[][] trt,
            int nc,
            int nt,
            double[] factors,
            boolean totalNorm) {
        int n = ids.size();
        double[][] modelRows;
        if (nc > 1) {
            modelRows = ctrl;
        } else {
            modelRows = new double[n][nc + nt];
            for (int g = 0; g < n; g++) {
                System.arraycopy(ctrl[g], 0, modelRows[g], 0, nc);
                System.arraycopy(trt[g], 0, modelRows[g], nc, nt);
            }
        }
        double[] model = meanVarModel(modelRows);
        double k = model[0];
        double b = model[1];
        double[] cMean = medians(ctrl);
        boolean[] valid1 = new boolean[n];
        double cMin = Double.POSITIVE_INFINITY;
        for (int g = 0; g < n; g++) {
            valid1[g] = cMean[g] > 0;
            if (cMean[g] > 0) {
                cMin = Math.min(cMin, cMean[g]);
            }
        }
        if (cMin == Double.POSITIVE_INFINITY) {
            throw new InvalidInputException("control samples", "all zero", "must have at least one sgRNA with reads");
        }
        for (int g = 0; g < n; g++) {
            cMean[g] = cMean[g] > cMin ? cMean[g] : cMin;
        }
        double[] modelMed = medians(modelRows);
        double[] varC = vars(modelRows, modelMed);
        double[] tMean = medians(trt);
        double[] varT = vars(trt, tMean);
        double[] cVar;
        if (nc > 1 || nt == 1) {
            cVar = varC;
        } else {
            double fracC = (nc - 1) * 1.0 / (nc - 1 + nt - 1);
            double fracT = 1.0 - fracC;
            cVar = new double[n];
            for (int g = 0; g < n; g++) {
                cVar[g] = varC[g] * fracC + varT[g] * fracT;
            }
        }
        double twoB = Math.pow(2, b);
        double[] adjVar = new double[n];
        for (int g = 0; g < n; g++) {
            adjVar[g] = Math.pow(cMean[g], k) * twoB + cMean[g];
        }
        boolean[] valid = new boolean[n];
        int nValid = 0;
        double tMin = Double.POSITIVE_INFINITY;
        for (int g = 0; g < n; g++) {
            valid[g] = valid1[g] || tMean[g] > 0;
            if (valid[g]) {
                nValid++;
            }
            if (tMean[g] > 0) {
                tMin = Math.min(tMin, tMean[g]);
            }
        }
        if (nValid == 0 || tMin == Double.POSITIVE_INFINITY) {
            throw new InvalidInputException("treatment samples", "all zero", "must have at least one sgRNA with reads");
        }
        double[] pLow = new double[n];
        double[] pHigh = new double[n];
        double[] theta0 = new double[n];
        for (int g = 0; g < n; g++) {
            double sd = Math.sqrt(adjVar[g]);
            double tAdj = tMean[g] > tMin ? tMean[g] : tMin;
            double th = (tAdj - cMean[g]) / sd;
            double thZero = (0.0 - cMean[g]) / sd;
            double p0 = MageckMath.normCdf(thZero, true);
            pLow[g] = (MageckMath.normCdf(th, true) - p0) / (1 - p0);
            pHigh[g] = MageckMath.normCdf(th, false) / (1 - p0);
            theta0[g] = (tMean[g] - cMean[g]) / sd;
        }
        double sMin = Double.POSITIVE_INFINITY;
        for (double p : pLow) {
            if (p * 0.1 > 0) {
                sMin = Math.min(sMin, p * 0.1);
            }
        }
        double[] theta = new double[n];
        for (int g = 0; g < n; g++) {
            double lp = Math.log(Math.max(pLow[g], sMin));
            OptionalDouble q = MageckMath.qnormInterpolated(lp);
            double thetaLow = q.isPresent() ? q.getAsDouble() : theta0[g];
            theta[g] = tMean[g] < cMean[g] ? thetaLow : theta0[g];
        }
        double[] pTwo = new double[n];
        for (int g = 0; g < n; g++) {
            pTwo[g] = pLow[g] < pHigh[g] ? 2 * pLow[g] : 2 * pHigh[g];
        }
        double[] fdr = bh(pTwo);
        double[] lfc = new double[n];
        for (int g = 0; g < n; g++) {
            lfc[g] = MageckMath.log2(tMean[g] + 1.0) - MageckMath.log2(cMean[g] + 1.0);
        }
        // alpha cut-offs
        int lowValid = 0;
        int highAll = 0;
        int highValid = 0;
        for (int g = 0; g < n; g++) {
            if (pLow[g] <= GENE_TEST_THRESHOLD && valid[g]) {
                lowValid++;
            }
            if (pHigh[g] <= GENE_TEST_THRESHOLD) {
                highAll++;
                if (valid[g]) {
                    highValid++;
                }
            }
        }
        double alphaNeg = lowValid * 1.0 / nValid;
        alphaNeg = Math.min(Math.max(alphaNeg, 0.05), 0.5);
        double alphaPos = highAll > 0 ? highValid * 1.0 / nValid : 0.01;
        // genes numbered by first appearance in the table
        Map<String, Integer> geneIndex = new HashMap<>();
        List<String> geneNames = new ArrayList<>();
        int[] geneOf = new int[n];
        for (int g = 0; g < n; g++) {
            String name = genes.get(g);
            Integer id = geneIndex.putIfAbsent(name, geneNames.size());
            if (id == null) {
                id = geneNames.size();
                geneNames.add(name);
            }
            geneOf[g] = id;
        }
        int nGenes = geneNames.size();
        // gene LFC: median of valid sgRNA LFCs
        int[] validOfGene = new int[nGenes + 1];
        for (int g = 0; g < n; g++) {
            if (valid[g]) {
                validOfGene[geneOf[g] + 1]++;
            }
        }
        for (int i = 0; i < nGenes; i++) {
            validOfGene[i + 1] += validOfGene[i];
        }
        double[] lfcByGene = new double[n];
        int[] fill = Arrays.copyOf(validOfGene, nGenes);
        for (int g = 0; g < n; g++) {
            if (valid[g]) {
                lfcByGene[fill[geneOf[g]]++] = lfc[g];
            }
        }
        double[] geneLfc = new double[nGenes];
        for (int i = 0; i < nGenes; i++) {
            geneLfc[i] = MageckMath.median(Arrays.copyOfRange(lfcByGene, validOfGene[i], validOfGene[i + 1]));
        }
        // RRA lists: valid sgRNAs sorted by value ascending, stable (ties keep table order)
        String[] names = geneNames.toArray(new String[0]);
        List<Rra.GeneResult> negSorted = rraRun(geneOf, names, valid, theta, false, alphaNeg);
        List<Rra.GeneResult> posSorted = rraRun(geneOf, names, valid, theta, true, alphaPos);
        int[] posRank = new int[nGenes];
        for (int i = 0; i < posSorted.size(); i++) {
            posRank[posSorted.get(i).gene()] = i;
        }
        List<GeneScore> geneScores = new ArrayList<>(negSorted.size());
        for (int i = 0; i < negSorted.size(); i++) {
            Rra.GeneResult ng = negSorted.get(i);
            int pi = posRank[ng.gene()];
            Rra.GeneResult pg = posSorted.get(pi);
            double l = geneLfc[ng.gene()];
            geneScores.add(new GeneScore(
                    names[ng.gene()],
                    ng.items(),
                    new GeneSide(ng.lo(), ng.p(), ng.fdr(), i + 1, ng.goodSgrna(), l),
                    new GeneSide(pg.lo(), pg.p(), pg.fdr(), pi + 1, pg.goodSgrna(), l)));
        }
        // sgrna_summary order: |theta| descending, stable
        double[] minusAbs = new double[n];
        for (int g = 0; g < n; g++) {
            minusAbs[g] = -Math.abs(theta[g]);
        }
        List<SgrnaScore> sg = new ArrayList<>(n);
        for (int g : MageckMath.stableOrder(minusAbs)) {
            // ctrl and trt rows are built per call and not kept elsewhere: the record takes them over
            sg.add(new SgrnaScore(
                    ids.get(g),
                    genes.get(g),
                    ctrl[g],
                    trt[g],
                    cMean[g],
                    tMean[g],
                    lfc[g],
                    cVar[g],
                    adjVar[g],
                    Math.abs(theta[g]),
                    pLow[g],
                    pHigh[g],
                    pTwo[g],
                    fdr[g],
                    tMean[g] > cMean[g],
                    valid[g]));
        }
        return new Result(factors.clone(), totalNorm, k, b, alphaNeg, alphaPos, sg, geneScores);
    }

    private static List<Rra.GeneResult> rraRun(
            int[] geneOf, String[] names, boolean[] valid, double[] theta, boolean pos, double alpha) {
        int n = theta.length;
        double[] v = new double[n];
        int m = 0;
        for (int g = 0; g < n; g++) {
            v[g] = pos ? -1 * theta[g] : theta[g];
            m += valid[g] ? 1 : 0;
        }
        // Python's sorted(): stable; -0.0 and 0.0 compare equal
        int[] listGenes = new int[m];
        double[] values = new double[m];
        int k = 0;
        for (int g : MageckMath.stableOrder(v)) {
            if (valid[g]) {
                listGenes[k] = geneOf[g];
                values[k++] = v[g];
            }
        }
        return Rra.run(listGenes, names, values, alpha, SKIP_GENES);
    }

    /** MAGeCK {@code pFDR(..., 'fdr')}: Benjamini-Hochberg, identical to R's p.adjust "BH". */
    static double[] bh(double[] p) {
        int n = p.length;
        // by p, ties in index order
        int[] idx = MageckMath.stableOrder(p);
        double[] q = new double[n];
        double run = Double.POSITIVE_INFINITY;
        for (int r = n - 1; r >= 0; r--) {
            int i = idx[r];
            double v = p[i] * n / (r + 1);
            run = Math.min(run, v);
            q[i] = Math.min(run, 1.0);
        }
        return q;
    }
}
