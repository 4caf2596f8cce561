package org.comboscope.core.synergy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.doseresponse.CurveModel;
import org.comboscope.core.doseresponse.DoseResponseCurve;
import org.comboscope.core.doseresponse.DoseResponseFitter;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Synergy and sensitivity scores of a dose-response block exactly as SynergyFinder 3.15 computes
 * them without replicates ({@code CalculateSynergy}, {@code CalculateSensitivity}): HSA and Bliss
 * on observed monotherapy responses, ZIP with free single-drug fits for the reference and c-fixed
 * line fits for the combination surface, Loewe by the 100-point grid search, block means over the
 * cells where every drug is present with a one-sample t-test p-value, IC50, RI and CSS.
 *
 * <p>Replicated cells (duplicated dose tuples) are averaged before scoring; the block notes say so.
 * Predictions above 100 % in CSS are capped at exactly 100 (SynergyFinder draws a random value just
 * below 100). Stateless apart from its configuration; thread-safe.
 */
public final class SynergyFinderEngine {
    private static final int LOEWE_STEPS = 100;

    private final DoseResponseFitter fitter;
    private final Set<SynergyMethod> methods;
    private final Baseline baseline;

    /**
     * @param fitter the curve fitter (SynergyFinder-compatible or least-squares)
     * @param methods the reference models to score
     * @param baseline baseline correction
     */
    public SynergyFinderEngine(DoseResponseFitter fitter, Set<SynergyMethod> methods, Baseline baseline) {
        this(fitter, methods, baseline, true, 10, 123L);
    }

    /**
     * @param bootstrapReplicates score replicated blocks by SynergyFinder's parametric bootstrap
     *     (true) or on the replicate means (false)
     * @param iterations bootstrap iterations (SynergyFinder: 10)
     * @param seed seed of the bootstrap draws; each block's stream is derived from it and the block
     *     id, so results do not depend on block order or thread count
     */
    public SynergyFinderEngine(
            DoseResponseFitter fitter,
            Set<SynergyMethod> methods,
            Baseline baseline,
            boolean bootstrapReplicates,
            int iterations,
            long seed) {
        if (iterations < 2) {
            throw new InvalidInputException("iterations", iterations, "must be >= 2");
        }
        this.fitter = fitter;
        this.methods = Set.copyOf(methods);
        this.baseline = baseline;
        this.bootstrap = bootstrapReplicates;
        this.iterations = iterations;
        this.seed = seed;
    }

    private final boolean bootstrap;
    private final int iterations;
    private final long seed;

    /**
     * Scores one block.
     *
     * @throws InvalidInputException when the block cannot be analysed (the message says why)
     * @throws FitFailureException when a required curve cannot be fitted
     */
    public BlockSynergy analyze(DoseResponseBlock block) {
        if (bootstrap && ReplicateBootstrap.hasReplicates(block)) {
            return new ReplicateBootstrap(this, iterations, seed).analyze(block);
        }
        return analyzeCells(block);
    }

    /** Scores a block as it is: replicated cells, if any, are averaged. */
    BlockSynergy analyzeCells(DoseResponseBlock block) {
        List<String> notes = new ArrayList<>();
        Grid g = Grid.of(block, notes);
        double base = 0;
        if (baseline != Baseline.NONE) {
            base = Double.POSITIVE_INFINITY;
            for (int i = 0; i < g.k; i++) {
                CurveFit f = singleFit(g, i);
                for (double v : f.fitted()) {
                    base = Math.min(base, v);
                }
            }
            for (int r = 0; r < g.n; r++) {
                double y = g.resp[r];
                if (baseline == Baseline.ALL || y < 0) {
                    g.resp[r] = y - (100 - y) / 100 * base;
                }
            }
            notes.add("baseline correction '" + baseline.label() + "' with baseline " + base);
        }
        return score(block, g, base, notes);
    }

    private BlockSynergy score(DoseResponseBlock block, Grid g, double base, List<String> notes) {
        int k = g.k;
        CurveFit[] single = new CurveFit[k];
        for (int i = 0; i < k; i++) {
            single[i] = singleFit(g, i);
        }
        List<CellScore> cells = new ArrayList<>(g.n);
        for (int r = 0; r < g.n; r++) {
            CellScore cs = new CellScore(g.conc[r], g.resp[r]);
            int nonZero = 0;
            for (int d = 0; d < k; d++) {
                if (g.conc[r][d] != 0) {
                    nonZero++;
                }
            }
            cs.values[CellScore.MONO] = nonZero <= 1 ? 1 : 0;
            cs.imputed = r >= g.imputedFrom;
            cells.add(cs);
        }
        if (methods.contains(SynergyMethod.HSA) || methods.contains(SynergyMethod.BLISS)) {
            scoreHsaBliss(g, cells);
        }
        if (methods.contains(SynergyMethod.ZIP)) {
            scoreZip(g, cells, single);
        }
        if (methods.contains(SynergyMethod.LOEWE)) {
            scoreLoewe(g, cells, single);
        }
        Map<SynergyMethod, BlockSynergy.Summary> summaries = new EnumMap<>(SynergyMethod.class);
        for (SynergyMethod m : SynergyMethod.values()) {
            if (methods.contains(m)) {
                summaries.put(m, summarize(cells, m));
            }
        }
        double[] ic50 = new double[k];
        double[] ri = new double[k];
        for (int i = 0; i < k; i++) {
            double max = 0;
            for (double x : single[i].doses()) {
                max = Math.max(max, x);
            }
            ic50[i] = Math.min(single[i].curve().ec50(), max);
            ri[i] = relativeInhibition(single[i].doses(), single[i].responses());
        }
        Map<String, Double> css = new LinkedHashMap<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                css.put("css" + (a + 1) + "_ic50" + (b + 1), css(g, a, b, ic50[b], notes));
                css.put("css" + (b + 1) + "_ic50" + (a + 1), css(g, b, a, ic50[a], notes));
            }
        }
        OptionalDouble cssMean =
                css.values().stream().mapToDouble(Double::doubleValue).average();
        return new BlockSynergy(
                block.blockId(),
                block.drugs(),
                block.concUnits(),
                cells,
                summaries,
                List.of(single),
                ic50,
                ri,
                css,
                cssMean,
                base,
                notes);
    }

    private CurveFit singleFit(Grid g, int drug) {
        int[] rows = g.singleRows(drug);
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            x[j] = g.conc[rows[j]][drug];
            y[j] = g.resp[rows[j]];
        }
        return fitter.fit(x, y);
    }

    private static void scoreHsaBliss(Grid g, List<CellScore> cells) {
        for (int r = 0; r < g.n; r++) {
            CellScore cs = cells.get(r);
            double y = g.resp[r];
            if (cs.monotherapy()) {
                cs.values[CellScore.HSA_REF] = y;
                cs.values[CellScore.HSA_SYN] = 0;
                cs.values[CellScore.BLISS_REF] = y;
                cs.values[CellScore.BLISS_SYN] = 0;
                continue;
            }
            double hsa = Double.NEGATIVE_INFINITY;
            double prod = 1;
            for (int d = 0; d < g.k; d++) {
                double yi = g.monoObserved(d, g.conc[r][d]);
                hsa = Math.max(hsa, yi);
                prod *= 1 - yi / 100;
            }
            double bliss = 100 * (1 - prod);
            cs.values[CellScore.HSA_REF] = hsa;
            cs.values[CellScore.HSA_SYN] = y - hsa;
            cs.values[CellScore.BLISS_REF] = bliss;
            cs.values[CellScore.BLISS_SYN] = y - bliss;
        }
    }

    private void scoreZip(Grid g, List<CellScore> cells, CurveFit[] single) {
        // Fitted value of each drug's single curve at each of its observed doses.
        Map<Long, double[]> lineFitted = new HashMap<>();
        for (int r = 0; r < g.n; r++) {
            CellScore cs = cells.get(r);
            double y = g.resp[r];
            if (cs.monotherapy()) {
                cs.values[CellScore.ZIP_FIT] = y;
                cs.values[CellScore.ZIP_REF] = y;
                cs.values[CellScore.ZIP_SYN] = 0;
                continue;
            }
            double prod = 1;
            double sumFit = 0;
            for (int d = 0; d < g.k; d++) {
                double fi = single[d].curve().fittedAt(g.conc[r][d]);
                prod *= 1 - fi / 100;
                long key = g.lineKey(r, d);
                double[] fitted = lineFitted.get(key);
                if (fitted == null) {
                    fitted = fitLine(g, r, d);
                    lineFitted.put(key, fitted);
                }
                sumFit += fitted[g.positionOnLine(r, d)];
            }
            double ref = 100 * (1 - prod);
            double fit = sumFit / g.k;
            cs.values[CellScore.ZIP_FIT] = fit;
            cs.values[CellScore.ZIP_REF] = ref;
            cs.values[CellScore.ZIP_SYN] = fit - ref;
        }
    }

    /** Fits drug {@code d}'s line through row {@code r} with c fixed; fitted values by line position. */
    private double[] fitLine(Grid g, int r, int d) {
        int[] rows = g.lineRows(r, d);
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        double c = Double.NaN;
        for (int j = 0; j < rows.length; j++) {
            x[j] = g.conc[rows[j]][d];
            y[j] = g.resp[rows[j]];
            if (x[j] == 0 && Double.isNaN(c)) {
                c = y[j];
            }
        }
        if (Double.isNaN(c)) {
            throw new InvalidInputException(
                    "conc" + (d + 1), "no zero dose", "must include 0 on every line for ZIP", "block " + g.blockId);
        }
        CurveFit fit = fitter.fit(x, y, OptionalDouble.of(c), OptionalDouble.empty());
        return fit.fitted();
    }

    private void scoreLoewe(Grid g, List<CellScore> cells, CurveFit[] single) {
        int k = g.k;
        DoseResponseCurve[] curves = new DoseResponseCurve[k];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < k; d++) {
            curves[d] = single[d].curve();
            lo = Math.min(lo, Math.min(curves[d].c(), curves[d].d()));
            hi = Math.max(hi, Math.max(curves[d].c(), curves[d].d()));
        }
        double[] grid = rSeq(lo, hi, LOEWE_STEPS);
        double[][] inverseAtGrid = new double[k][LOEWE_STEPS];
        for (int d = 0; d < k; d++) {
            for (int j = 0; j < LOEWE_STEPS; j++) {
                inverseAtGrid[d][j] = curves[d].inverse(grid[j]);
            }
        }
        for (int r = 0; r < g.n; r++) {
            CellScore cs = cells.get(r);
            double y = g.resp[r];
            if (cs.monotherapy()) {
                cs.values[CellScore.LOEWE_REF] = y;
                cs.values[CellScore.LOEWE_SYN] = 0;
                continue;
            }
            double[] x = g.conc[r];
            boolean anyFinite = false;
            double ci = 0;
            for (int d = 0; d < k; d++) {
                double xc = curves[d].inverse(y);
                if (Double.isFinite(xc)) {
                    anyFinite = true;
                }
                ci += x[d] / xc;
            }
            double ref;
            if (!anyFinite) {
                double sum = 0;
                for (int d = 0; d < k; d++) {
                    sum += x[d];
                }
                ref = Double.NEGATIVE_INFINITY;
                for (int d = 0; d < k; d++) {
                    ref = Math.max(ref, curves[d].predict(sum));
                }
            } else {
                double best = Double.NaN;
                int bestJ = -1;
                for (int j = 0; j < LOEWE_STEPS; j++) {
                    double s = 0;
                    for (int d = 0; d < k; d++) {
                        s += x[d] / inverseAtGrid[d][j];
                    }
                    double dist = Math.abs(s - 1);
                    if (!Double.isNaN(dist) && (bestJ < 0 || dist < best)) {
                        best = dist;
                        bestJ = j;
                    }
                }
                ref = bestJ < 0 ? Double.NaN : grid[bestJ];
            }
            cs.values[CellScore.LOEWE_REF] = ref;
            cs.values[CellScore.LOEWE_SYN] = y - ref;
            cs.values[CellScore.LOEWE_CI] = ci;
        }
    }

    /** R's {@code seq(from, to, length.out = n)}. */
    static double[] rSeq(double from, double to, int n) {
        double[] s = new double[n];
        if (from == to) {
            Arrays.fill(s, from);
            return s;
        }
        double by = (to - from) / (n - 1);
        s[0] = from;
        for (int i = 1; i < n - 1; i++) {
            s[i] = from + i * by;
        }
        s[n - 1] = to;
        return s;
    }

    private static BlockSynergy.Summary summarize(List<CellScore> cells, SynergyMethod m) {
        int idx = CellScore.refIndex(m) + 1;
        int n = 0;
        double sum = 0;
        for (CellScore c : cells) {
            if (c.allPresent()) {
                sum += c.raw(idx);
                n++;
            }
        }
        if (n == 0) {
            return new BlockSynergy.Summary(Double.NaN, OptionalDouble.empty(), 0, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0;
        double corr = 0;
        for (CellScore c : cells) {
            if (c.allPresent()) {
                double dv = c.raw(idx) - mean;
                ss += dv * dv;
                corr += dv;
            }
        }
        mean += corr / n;
        double sd = n > 1 ? Math.sqrt((ss - corr * corr / n) / (n - 1)) : Double.NaN;
        OptionalDouble p = OptionalDouble.empty();
        if (n > 1 && sd > 10 * Math.ulp(Math.abs(mean))) {
            double t = mean / (sd / Math.sqrt(n));
            double pv = 2 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(t));
            p = OptionalDouble.of(pv);
        }
        return new BlockSynergy.Summary(mean, p, n, sd);
    }

    /**
     * SynergyFinder's RI ({@code CalculateRI}): drop dose 0; one point left gives its response;
     * otherwise the mean height of a free four-parameter fit over the log10 dose range, rounded to 3
     * decimals. Returns NaN when no dose is positive. Uses this engine's fitter.
     */
    public double relativeInhibition(double[] doses, double[] responses) {
        int m = 0;
        Integer[] order = new Integer[doses.length];
        for (int i = 0; i < doses.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(doses[a], doses[b]));
        double[] x = new double[doses.length];
        double[] y = new double[doses.length];
        for (Integer i : order) {
            if (doses[i] != 0) {
                x[m] = doses[i];
                y[m] = responses[i];
                m++;
            }
        }
        x = Arrays.copyOf(x, m);
        y = Arrays.copyOf(y, m);
        if (m == 0) {
            return Double.NaN;
        }
        if (m == 1) {
            return y[0];
        }
        CurveFit fit = fitter.fitForRi(x, y);
        DoseResponseCurve c = fit.curve();
        double c1 = Math.log10(x[0]);
        double c2 = Math.log10(x[m - 1]);
        double ratio;
        double cc = c.c() / 100;
        double dd = c.d() / 100;
        double b = c.b();
        if (c.model() == CurveModel.LL4) {
            double mm = Math.log10(c.e());
            double f2 = ((dd - cc) * ownLog(-b, c2, mm)) / (-b * Math.log(10)) + cc * c2;
            double f1 = ((dd - cc) * ownLog(-b, c1, mm)) / (-b * Math.log(10)) + cc * c1;
            ratio = (f2 - f1) / (c2 - c1);
        } else {
            double e = c.e();
            double integral = dd * (c2 - c1) + ((cc - dd) / b) * (ownLog2(b * (c2 - e)) - ownLog2(b * (c1 - e)));
            ratio = integral / (c2 - c1);
        }
        return round3(100 * ratio);
    }

    private static double ownLog(double x1, double x2, double x3) {
        double res = Math.log(1 + Math.pow(10, x1 * (x2 - x3)));
        if (res == Double.POSITIVE_INFINITY) {
            res = x1 * (x2 - x3) * Math.log(10);
        }
        return res;
    }

    private static double ownLog2(double x) {
        double res = Math.log(1 + Math.exp(x));
        if (res == Double.POSITIVE_INFINITY) {
            res = x;
        }
        return res;
    }

    /** R's {@code round(x, 3)}: decimal rounding of the exact binary value. */
    static double round3(double v) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** CSS of drug {@code a} at the IC50 of background drug {@code b}. */
    private double css(Grid g, int a, int b, double ic50b, List<String> notes) {
        // Cells where every drug other than a and b is absent, grouped by the concentration of a.
        Map<Double, List<Integer>> byA = new LinkedHashMap<>();
        for (int r = 0; r < g.n; r++) {
            int nonZero = 0;
            boolean othersZero = true;
            for (int d = 0; d < g.k; d++) {
                if (g.conc[r][d] != 0) {
                    nonZero++;
                    if (d != a && d != b) {
                        othersZero = false;
                    }
                }
            }
            if (nonZero <= 2 && othersZero) {
                byA.computeIfAbsent(g.conc[r][a], z -> new ArrayList<>()).add(r);
            }
        }
        List<Double> sortedA = new ArrayList<>(byA.keySet());
        sortedA.sort(Double::compare);
        double[] doses = new double[sortedA.size()];
        double[] values = new double[sortedA.size()];
        int capped = 0;
        for (int i = 0; i < sortedA.size(); i++) {
            List<Integer> rows = byA.get(sortedA.get(i));
            doses[i] = sortedA.get(i);
            if (rows.size() == 2) {
                values[i] = g.resp[rows.get(1)];
                continue;
            }
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            boolean constant = true;
            for (int j = 0; j < rows.size(); j++) {
                x[j] = g.conc[rows.get(j)][b];
                y[j] = g.resp[rows.get(j)];
                if (y[j] != y[0]) {
                    constant = false;
                }
            }
            double pred;
            if (constant) {
                pred = y[0];
            } else {
                pred = fitter.fit(x, y).curve().predict(ic50b);
                if (pred > 100) {
                    pred = 100;
                    capped++;
                }
            }
            values[i] = pred;
        }
        if (capped > 0) {
            notes.add("css" + (a + 1) + "_ic50" + (b + 1) + ": " + capped
                    + " prediction(s) above 100 capped at 100 (SynergyFinder caps at a random value in (99.99, 100))");
        }
        return relativeInhibition(doses, values);
    }

    /** The block as a complete grid of unique cells (replicates averaged), rows in input order. */
    static final class Grid {
        final String blockId;
        final int k;
        final int n;
        final double[][] conc;
        final double[] resp;
        final double[][] levels;
        final int[][] idx;
        final Map<Long, Integer> rowByKey = new HashMap<>();
        final long[] radix;

        private Grid(String blockId, double[][] conc, double[] resp) {
            this.blockId = blockId;
            this.k = conc[0].length;
            this.n = conc.length;
            this.conc = conc;
            this.resp = resp;
            levels = new double[k][];
            for (int d = 0; d < k; d++) {
                final int dd = d;
                levels[d] = Arrays.stream(conc)
                        .mapToDouble(row -> row[dd])
                        .distinct()
                        .sorted()
                        .toArray();
            }
            radix = new long[k];
            long mult = 1;
            for (int d = 0; d < k; d++) {
                radix[d] = mult;
                mult *= levels[d].length + 1;
            }
            idx = new int[n][k];
            for (int r = 0; r < n; r++) {
                long key = 0;
                for (int d = 0; d < k; d++) {
                    idx[r][d] = Arrays.binarySearch(levels[d], conc[r][d]);
                    key += radix[d] * idx[r][d];
                }
                rowByKey.put(key, r);
            }
        }

        static Grid of(DoseResponseBlock block, List<String> notes) {
            int k = block.drugCount();
            if (k < 2) {
                throw new InvalidInputException(
                        "drugs", block.drugs(), "must name at least 2 drugs for synergy", "block " + block.blockId());
            }
            Map<List<Double>, double[]> sums = new LinkedHashMap<>();
            for (int r = 0; r < block.rowCount(); r++) {
                List<Double> key = new ArrayList<>(k);
                for (int d = 0; d < k; d++) {
                    key.add(block.conc(r, d));
                }
                double[] acc = sums.computeIfAbsent(key, z -> new double[2]);
                acc[0] += block.response(r);
                acc[1]++;
            }
            int n = sums.size();
            double[][] conc = new double[n][k];
            double[] resp = new double[n];
            int i = 0;
            boolean replicated = false;
            for (var e : sums.entrySet()) {
                for (int d = 0; d < k; d++) {
                    conc[i][d] = e.getKey().get(d);
                }
                resp[i] = e.getValue()[0] / e.getValue()[1];
                replicated |= e.getValue()[1] > 1;
                i++;
            }
            if (replicated) {
                notes.add("replicated cells averaged before scoring");
            }
            Grid g = new Grid(block.blockId(), conc, resp);
            long expected = 1;
            for (int d = 0; d < k; d++) {
                if (g.levels[d].length < 2 || g.levels[d][0] != 0) {
                    throw new InvalidInputException(
                            "conc" + (d + 1),
                            Arrays.toString(g.levels[d]),
                            "must include 0 and at least one positive concentration",
                            "block " + block.blockId() + ", drug "
                                    + block.drugs().get(d));
                }
                expected *= g.levels[d].length;
            }
            if (expected != n) {
                return g.imputed(block, notes);
            }
            return g;
        }

        /**
         * Completes the grid: every missing dose combination is imputed, deterministically, by the
         * Bliss-independence expectation of its observed monotherapy responses (the control
         * response for a zero dose), i.e. as if the drugs did not interact there. Imputed cells are
         * appended after the measured ones, flagged, and named in the notes. SynergyFinder uses a
         * random multiple imputation (mice pmm) instead. Monotherapy cells cannot be imputed.
         */
        Grid imputed(DoseResponseBlock block, List<String> notes) {
            int total = 1;
            for (int d = 0; d < k; d++) {
                total *= levels[d].length;
            }
            double[][] c2 = java.util.Arrays.copyOf(conc, total);
            double[] r2 = java.util.Arrays.copyOf(resp, total);
            int m = n;
            List<String> names = new ArrayList<>();
            int[] idx = new int[k];
            for (int cell = 0; cell < total; cell++) {
                int rest = cell;
                long key = 0;
                int nonZero = 0;
                for (int d = 0; d < k; d++) {
                    idx[d] = rest % levels[d].length;
                    rest /= levels[d].length;
                    key += radix[d] * idx[d];
                    if (idx[d] > 0) {
                        nonZero++;
                    }
                }
                if (rowByKey.containsKey(key)) {
                    continue;
                }
                double[] x = new double[k];
                for (int d = 0; d < k; d++) {
                    x[d] = levels[d][idx[d]];
                }
                if (nonZero <= 1) {
                    throw new InvalidInputException(
                            "dose grid",
                            java.util.Arrays.toString(x),
                            "must contain every monotherapy and control cell (only combination cells can be imputed)",
                            "block " + block.blockId());
                }
                double prod = 1;
                for (int d = 0; d < k; d++) {
                    prod *= 1 - monoObserved(d, x[d]) / 100;
                }
                c2[m] = x;
                r2[m] = 100 * (1 - prod);
                names.add(java.util.Arrays.toString(x));
                m++;
            }
            notes.add(names.size() + " missing dose combination(s) imputed by Bliss independence of the observed"
                    + " monotherapy responses (deterministic; SynergyFinder uses random mice imputation): "
                    + String.join(" ", names));
            Grid g = new Grid(blockId, c2, r2);
            g.imputedFrom = n;
            return g;
        }

        /** Rows at or after this index were imputed. */
        int imputedFrom = Integer.MAX_VALUE;

        /** Rows where every drug but {@code d} is absent, input order. */
        int[] singleRows(int d) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                boolean ok = true;
                for (int o = 0; o < k; o++) {
                    if (o != d && conc[r][o] != 0) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    rows.add(r);
                }
            }
            return rows.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Observed response of drug {@code d} alone at dose {@code x} (the control when x = 0). */
        double monoObserved(int d, double x) {
            long key = radix[d] * Arrays.binarySearch(levels[d], x);
            return resp[rowByKey.get(key)];
        }

        long lineKey(int r, int d) {
            long key = 0;
            for (int o = 0; o < k; o++) {
                if (o != d) {
                    key += radix[o] * idx[r][o];
                }
            }
            return key * (k + 1) + d;
        }

        /** Rows on drug {@code d}'s line through row {@code r}, input order. */
        int[] lineRows(int r, int d) {
            List<Integer> rows = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                boolean on = true;
                for (int o = 0; o < k; o++) {
                    if (o != d && idx[s][o] != idx[r][o]) {
                        on = false;
                        break;
                    }
                }
                if (on) {
                    rows.add(s);
                }
            }
            return rows.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Position of row {@code r} on its drug-{@code d} line (input order). */
        int positionOnLine(int r, int d) {
            int pos = 0;
            for (int s = 0; s < r; s++) {
                boolean on = true;
                for (int o = 0; o < k; o++) {
                    if (o != d && idx[s][o] != idx[r][o]) {
                        on = false;
                        break;
                    }
                }
                if (on) {
                    pos++;
                }
            }
            return pos;
        }
    }
}
