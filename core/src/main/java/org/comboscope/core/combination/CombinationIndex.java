package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.response.Interval;

/**
 * Chou–Talalay combination-index analysis (CompuSyn; the Python {@code synergy} package's {@code
 * CombinationIndex}). Immutable; configure with the {@code with…} copies.
 *
 * <ul>
 *   <li>Median-effect fit per drug on its single-drug slice (drug 1: rows with d2 = min d2; drug
 *       2: rows with d1 = min d1), by least squares on the median-effect plot.
 *   <li>CI at every combination row: {@code d1/Dx1 + d2/Dx2} with {@code Dx = Dm·(fa/(1 − fa))^(1/m)}
 *       at the observed fa, and the dose-reduction indices {@code Dx/d}.
 *   <li>CI at chosen effect levels for every constant-ratio ray (checkerboard diagonals and
 *       CompuSyn-style ray designs alike): the ray's median-effect fit on the total dose gives the
 *       mixture dose at each fa; CI, isobologram points and DRI follow.
 *   <li>Confidence bands by a seeded case bootstrap: the usable points (d > 0, 0 < fa < 1) of each
 *       median-effect regression (drug 1, drug 2, every ray) are resampled with replacement and
 *       refitted by the same least squares as the estimate, each regression independently. A
 *       degenerate resample (all points at one dose) is dropped for the quantities that need that
 *       regression only: the Dm and m bands of a drug use every non-degenerate resample of that drug,
 *       a ray's CI band the resamples where drug 1, drug 2 and the ray are all non-degenerate. Bands
 *       are the 2.5 and 97.5 percentiles (linear interpolation) and are given only for regressions
 *       with at least {@value #MIN_BOOTSTRAP_POINTS} usable points and when at least half of the
 *       resamples are usable (otherwise a note says why). The same seed gives the same bands.
 * </ul>
 */
public final class CombinationIndex {
    /** Effect levels CompuSyn reports. */
    public static final double[] DEFAULT_LEVELS = {0.5, 0.75, 0.9, 0.95};

    /** Relative tolerance on the dose ratio d2/d1 for rows to belong to one ray. */
    static final double RAY_TOLERANCE = 1e-3;

    /** Fewest usable points a regression needs for a bootstrap band. */
    static final int MIN_BOOTSTRAP_POINTS = 3;

    private final double[] levels;
    private final double[] curveGrid;
    private final int bootstrap;
    private final long seed;

    /** Default levels, Fa grid 0.02, 0.04, …, 0.98, 1000 bootstrap resamples, seed 1. */
    public CombinationIndex() {
        this(DEFAULT_LEVELS, defaultGrid(), 1000, 1L);
    }

    private CombinationIndex(double[] levels, double[] curveGrid, int bootstrap, long seed) {
        for (double f : levels) {
            if (!(f > 0 && f < 1)) {
                throw new InvalidInputException("fa level", f, "must be in (0, 1)");
            }
        }
        if (bootstrap < 0) {
            throw new InvalidInputException("bootstrap", bootstrap, "must be >= 0");
        }
        this.levels = levels.clone();
        this.curveGrid = curveGrid.clone();
        this.bootstrap = bootstrap;
        this.seed = seed;
    }

    private static double[] defaultGrid() {
        double[] g = new double[49];
        for (int i = 0; i < g.length; i++) {
            g[i] = (i + 1) / 50.0;
        }
        return g;
    }

    /** A copy reporting CI at these effect levels (each in (0, 1)). */
    public CombinationIndex withLevels(double... fa) {
        return new CombinationIndex(fa, curveGrid, bootstrap, seed);
    }

    /** A copy with {@code n} bootstrap resamples (0: no bands). */
    public CombinationIndex withBootstrap(int n) {
        return new CombinationIndex(levels, curveGrid, n, seed);
    }

    /** A copy with this base seed (each block mixes in its own key). */
    public CombinationIndex withSeed(long s) {
        return new CombinationIndex(levels, curveGrid, bootstrap, s);
    }

    /**
     * Analyses one block.
     *
     * @param data the block
     * @param key mixed into the seed (use the block id) so that bands do not depend on block order
     * @throws FitFailureException when a drug's median-effect fit fails (fewer than 2 usable points)
     */
    public CiAnalysis analyze(TwoDrugData data, String key) {
        int[] s1 = data.slice(1);
        int[] s2 = data.slice(2);
        double[] x1 = data.doses(1, s1);
        double[] f1 = data.fa(s1);
        double[] x2 = data.doses(2, s2);
        double[] f2 = data.fa(s2);
        MedianEffect me1 = fitDrug(1, x1, f1);
        MedianEffect me2 = fitDrug(2, x2, f2);
        List<String> notes = new ArrayList<>();
        Optional<HillCurve> nl1 = nonlinear(1, x1, f1, notes);
        Optional<HillCurve> nl2 = nonlinear(2, x2, f2, notes);

        List<CiCell> cells = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            cells.add(cell(i, data.d1(i), data.d2(i), data.fa(i), me1, me2));
        }

        List<List<Integer>> groups = rays(data);
        List<double[][]> rayPoints = new ArrayList<>();
        List<CiRay> rays = new ArrayList<>();
        for (List<Integer> g : groups) {
            double[] total = new double[g.size()];
            double[] fa = new double[g.size()];
            double logRatio = 0;
            for (int k = 0; k < g.size(); k++) {
                int i = g.get(k);
                total[k] = data.d1(i) + data.d2(i);
                fa[k] = data.fa(i);
                logRatio += Math.log(data.d2(i) / data.d1(i));
            }
            double ratio = Math.exp(logRatio / g.size());
            MedianEffect mix;
            try {
                mix = MedianEffect.fit(total, fa);
            } catch (FitFailureException e) {
                notes.add("ray d2/d1 = " + ratio + " skipped: " + e.reason());
                continue;
            }
            double p1 = 1.0 / (1.0 + ratio);
            rayPoints.add(new double[][] {total, fa});
            rays.add(
                    new CiRay(ratio, p1, mix, levels(mix, p1, me1, me2, levels), levels(mix, p1, me1, me2, curveGrid)));
        }

        Optional<Interval> dm1 = Optional.empty();
        Optional<Interval> dm2 = Optional.empty();
        Optional<Interval> m1 = Optional.empty();
        Optional<Interval> m2 = Optional.empty();
        if (bootstrap > 0) {
            int nr = rays.size();
            // Regression 0 = drug 1, 1 = drug 2, 2 + r = ray r; each is resampled on its own usable points.
            List<double[][]> regressions = new ArrayList<>();
            regressions.add(usable(x1, f1));
            regressions.add(usable(x2, f2));
            for (double[][] rp : rayPoints) {
                regressions.add(usable(rp[0], rp[1]));
            }
            MedianEffect[][] fits = resampleAll(regressions, key);
            String[] names = new String[2 + nr];
            names[0] = "drug 1";
            names[1] = "drug 2";
            for (int r = 0; r < nr; r++) {
                names[2 + r] = "ray d2/d1 = " + rays.get(r).ratio();
            }
            boolean[] banded = new boolean[2 + nr];
            List<String> dropped = new ArrayList<>();
            for (int g = 0; g < names.length; g++) {
                int n = regressions.get(g)[0].length;
                if (n < MIN_BOOTSTRAP_POINTS) {
                    notes.add(
                            "no bootstrap band for " + names[g] + ": " + n + " usable points (a resample of fewer than "
                                    + MIN_BOOTSTRAP_POINTS + " points only reproduces the fit or degenerates)");
                    continue;
                }
                // A drug's bands need its own resamples; a ray's CI band needs drug 1, drug 2 and the ray.
                int[] need = g < 2 ? new int[] {g} : new int[] {0, 1, g};
                banded[g] = enoughValid(names[g], fits, need, notes, dropped);
            }
            if (!dropped.isEmpty()) {
                notes.add("bootstrap resamples dropped as degenerate (all points at one dose), of " + bootstrap + ": "
                        + String.join(", ", dropped));
            }
            // Dm = exp(-intercept / m) is not identified when the slope's sign is not: its resample
            // distribution then spans both tails (1e-125 to 1e45 on an inactive drug) and a percentile
            // interval says nothing, and need not contain the estimate. Such bands are withheld.
            boolean[] identified = new boolean[2 + nr];
            Interval[] mBand = new Interval[2 + nr];
            for (int g = 0; g < names.length; g++) {
                if (!banded[g]) {
                    continue;
                }
                int k = g;
                mBand[g] = band(collect(fits, new int[] {g}, f -> f[k].m()));
                identified[g] = mBand[g].lower() > 0 || mBand[g].upper() < 0;
                if (!identified[g]) {
                    notes.add("slope m of " + names[g] + " is not distinguishable from 0 (bootstrap interval "
                            + mBand[g].lower() + " to " + mBand[g].upper() + "): "
                            + (g < 2 ? "no Dm band for it and no CI bands for any ray" : "no CI bands for this ray"));
                }
            }
            if (banded[0]) {
                m1 = Optional.of(mBand[0]);
                if (identified[0]) {
                    dm1 = Optional.of(band(collect(fits, new int[] {0}, f -> f[0].dm())));
                }
            }
            if (banded[1]) {
                m2 = Optional.of(mBand[1]);
                if (identified[1]) {
                    dm2 = Optional.of(band(collect(fits, new int[] {1}, f -> f[1].dm())));
                }
            }
            if (identified[0] && identified[1]) {
                List<CiRay> withBands = new ArrayList<>();
                for (int r = 0; r < nr; r++) {
                    CiRay ray = rays.get(r);
                    int g = 2 + r;
                    if (!identified[g]) {
                        withBands.add(ray);
                        continue;
                    }
                    int[] need = {0, 1, g};
                    double p1 = ray.fraction1();
                    withBands.add(new CiRay(
                            ray.ratio(),
                            p1,
                            ray.mixture(),
                            withBands(ray.levels(), fits, need, g, p1),
                            withBands(ray.curve(), fits, need, g, p1)));
                }
                rays = withBands;
            }
        }
        return new CiAnalysis(me1, me2, nl1, nl2, dm1, dm2, m1, m2, cells, rays, notes);
    }

    private static MedianEffect fitDrug(int drug, double[] doses, double[] fa) {
        try {
            return MedianEffect.fit(doses, fa);
        } catch (FitFailureException e) {
            throw new FitFailureException("median-effect (drug " + drug + ")", e.reason(), e.lastParameters());
        }
    }

    private static Optional<HillCurve> nonlinear(int drug, double[] doses, double[] fa, List<String> notes) {
        double[] e = new double[fa.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = 1.0 - fa[i];
        }
        try {
            return Optional.of(HillFitter.fit2(doses, e));
        } catch (FitFailureException ex) {
            notes.add("nonlinear median-effect fit of drug " + drug + " failed: " + ex.reason());
            return Optional.empty();
        }
    }

    static CiCell cell(int row, double d1, double d2, double fa, MedianEffect me1, MedianEffect me2) {
        OptionalDouble dx1 = me1.dose(fa);
        OptionalDouble dx2 = me2.dose(fa);
        OptionalDouble ci = OptionalDouble.empty();
        if (d1 > 0 && d2 > 0 && dx1.isPresent() && dx2.isPresent()) {
            ci = OptionalDouble.of(d1 / dx1.getAsDouble() + d2 / dx2.getAsDouble());
        }
        OptionalDouble dri1 =
                d1 > 0 && dx1.isPresent() ? OptionalDouble.of(dx1.getAsDouble() / d1) : OptionalDouble.empty();
        OptionalDouble dri2 =
                d2 > 0 && dx2.isPresent() ? OptionalDouble.of(dx2.getAsDouble() / d2) : OptionalDouble.empty();
        return new CiCell(row, d1, d2, fa, ci, dx1, dx2, dri1, dri2);
    }

    private static List<CiLevel> levels(MedianEffect mix, double p1, MedianEffect me1, MedianEffect me2, double[] fas) {
        List<CiLevel> out = new ArrayList<>();
        for (double f : fas) {
            double dmix = mix.dose(f).orElseThrow();
            double dx1 = me1.dose(f).orElseThrow();
            double dx2 = me2.dose(f).orElseThrow();
            double d1 = p1 * dmix;
            double d2 = (1 - p1) * dmix;
            out.add(new CiLevel(
                    f, d1 / dx1 + d2 / dx2, OptionalDouble.empty(), OptionalDouble.empty(), dx1, dx2, d1, d2));
        }
        return out;
    }

    private static double ciAt(MedianEffect mix, double p1, MedianEffect me1, MedianEffect me2, double fa) {
        double dmix = mix.dose(fa).orElseThrow();
        return p1 * dmix / me1.dose(fa).orElseThrow()
                + (1 - p1) * dmix / me2.dose(fa).orElseThrow();
    }

    private static List<CiLevel> withBands(List<CiLevel> ls, MedianEffect[][] fits, int[] need, int ray, double p1) {
        List<CiLevel> out = new ArrayList<>();
        for (CiLevel c : ls) {
            Interval iv = band(collect(fits, need, f -> ciAt(f[ray], p1, f[0], f[1], c.fa())));
            out.add(new CiLevel(
                    c.fa(), c.ci(), finite(iv.lower()), finite(iv.upper()), c.dx1(), c.dx2(), c.d1(), c.d2()));
        }
        return out;
    }

    private static OptionalDouble finite(double x) {
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    /** 2.5 and 97.5 percentiles with linear interpolation (numpy's default). */
    static Interval band(double[] v) {
        return new Interval(percentile(v, 2.5), percentile(v, 97.5), 0.95);
    }

    /** numpy.percentile with linear interpolation. */
    static double percentile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        if (pos == lo || s[hi] == s[lo]) {
            return s[lo]; // also keeps infinite values from turning into inf - inf = NaN
        }
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** The points that enter a median-effect regression (d > 0, 0 < fa < 1): {doses, fa}. */
    static double[][] usable(double[] doses, double[] fa) {
        int k = 0;
        double[] x = new double[doses.length];
        double[] f = new double[doses.length];
        for (int i = 0; i < doses.length; i++) {
            double e = 1.0 - fa[i];
            if (doses[i] > 0 && e > 0 && e < 1) {
                x[k] = doses[i];
                f[k] = fa[i];
                k++;
            }
        }
        return new double[][] {Arrays.copyOf(x, k), Arrays.copyOf(f, k)};
    }

    /**
     * {@code bootstrap} case resamples of every regression, each drawn (from its own random stream,
     * split in regression order from the block's seed) and refitted independently of the others: {@code fits[b][g]} is resample b of regression g, null when degenerate (all points at
     * one dose). A degenerate resample of one regression does not discard the others' resamples.
     */
    private MedianEffect[][] resampleAll(List<double[][]> regressions, String key) {
        SplittableRandom base = new SplittableRandom(seed ^ mix(key));
        MedianEffect[][] fits = new MedianEffect[bootstrap][regressions.size()];
        for (int g = 0; g < regressions.size(); g++) {
            // One stream per regression: a drug's resamples do not depend on how many rays the block has.
            SplittableRandom rnd = base.split();
            double[] x = regressions.get(g)[0];
            double[] fa = regressions.get(g)[1];
            for (int b = 0; b < bootstrap; b++) {
                fits[b][g] = x.length < MIN_BOOTSTRAP_POINTS ? null : resampleFit(rnd, x, fa);
            }
        }
        return fits;
    }

    /**
     * Whether enough resamples have every regression in {@code need} non-degenerate for a percentile
     * band (at least half of them, and 2); otherwise adds a note. Partial losses go to {@code dropped}.
     */
    private boolean enoughValid(
            String name, MedianEffect[][] fits, int[] need, List<String> notes, List<String> dropped) {
        int ok = collect(fits, need, f -> 0.0).length;
        int min = Math.max(2, (bootstrap + 1) / 2);
        if (ok < min) {
            notes.add("no bootstrap band for " + name + ": only " + ok + " of " + bootstrap
                    + " resamples had usable median-effect regressions (need " + min + ")");
            return false;
        }
        if (ok < bootstrap) {
            dropped.add(name + " " + (bootstrap - ok));
        }
        return true;
    }

    /** {@code value} of every resample whose regressions in {@code need} are all non-degenerate. */
    static double[] collect(MedianEffect[][] fits, int[] need, ToDoubleFunction<MedianEffect[]> value) {
        double[] out = new double[fits.length];
        int k = 0;
        for (MedianEffect[] f : fits) {
            boolean good = true;
            for (int g : need) {
                good &= f[g] != null;
            }
            if (good) {
                out[k++] = value.applyAsDouble(f);
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Refit on a resample with replacement; null when the resample is degenerate. */
    static MedianEffect resampleFit(SplittableRandom rnd, double[] x, double[] fa) {
        int n = x.length;
        double[] bx = new double[n];
        double[] bf = new double[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(n);
            bx[i] = x[k];
            bf[i] = fa[k];
        }
        try {
            return MedianEffect.fit(bx, bf);
        } catch (FitFailureException e) {
            return null;
        }
    }

    static long mix(String key) {
        long h = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            h = 31 * h + key.charAt(i);
        }
        return h;
    }

    /** Combination rows (d1 > 0, d2 > 0) grouped by dose ratio d2/d1, by increasing ratio. */
    static List<List<Integer>> rays(TwoDrugData data) {
        List<Integer> combo = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.d1(i) > 0 && data.d2(i) > 0) {
                combo.add(i);
            }
        }
        combo.sort(Comparator.comparingDouble((Integer i) -> Math.log(data.d2(i) / data.d1(i)))
                .thenComparingInt(i -> i));
        List<List<Integer>> groups = new ArrayList<>();
        double start = Double.NaN;
        for (int i : combo) {
            double lr = Math.log(data.d2(i) / data.d1(i));
            if (groups.isEmpty() || lr - start > RAY_TOLERANCE) {
                groups.add(new ArrayList<>());
                start = lr;
            }
            groups.get(groups.size() - 1).add(i);
        }
        for (List<Integer> g : groups) {
            g.sort(Comparator.naturalOrder());
        }
        return groups;
    }
}
