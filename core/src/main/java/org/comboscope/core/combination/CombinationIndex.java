package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
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
 *   <li>Confidence bands by a seeded bootstrap: the points of each of the three median-effect
 *       regressions (drug 1, drug 2, ray) are resampled with replacement and refitted; the bands are
 *       the 2.5 and 97.5 percentiles (linear interpolation). The same seed gives the same bands.
 * </ul>
 */
public final class CombinationIndex {
    /** Effect levels CompuSyn reports. */
    public static final double[] DEFAULT_LEVELS = {0.5, 0.75, 0.9, 0.95};

    /** Relative tolerance on the dose ratio d2/d1 for rows to belong to one ray. */
    static final double RAY_TOLERANCE = 1e-3;

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
        List<double[]> rayMeta = new ArrayList<>();
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
            rayMeta.add(new double[] {ratio, p1});
            rays.add(
                    new CiRay(ratio, p1, mix, levels(mix, p1, me1, me2, levels), levels(mix, p1, me1, me2, curveGrid)));
        }

        Optional<Interval> dm1 = Optional.empty();
        Optional<Interval> dm2 = Optional.empty();
        Optional<Interval> m1 = Optional.empty();
        Optional<Interval> m2 = Optional.empty();
        if (bootstrap > 0) {
            SplittableRandom rnd = new SplittableRandom(seed ^ mix(key));
            int nr = rays.size();
            double[][] bDm1 = new double[bootstrap][];
            double[][] bM = new double[4][bootstrap];
            double[][][] bLevels = new double[nr][][];
            double[][][] bCurve = new double[nr][][];
            for (int r = 0; r < nr; r++) {
                bLevels[r] = new double[levels.length][bootstrap];
                bCurve[r] = new double[curveGrid.length][bootstrap];
            }
            int ok = 0;
            for (int b = 0; b < bootstrap; b++) {
                MedianEffect b1 = resampleFit(rnd, x1, f1);
                MedianEffect b2 = resampleFit(rnd, x2, f2);
                MedianEffect[] bm = new MedianEffect[nr];
                boolean good = b1 != null && b2 != null;
                for (int r = 0; r < nr; r++) {
                    bm[r] = resampleFit(rnd, rayPoints.get(r)[0], rayPoints.get(r)[1]);
                    good &= bm[r] != null;
                }
                if (!good) {
                    continue;
                }
                bDm1[ok] = new double[] {b1.dm(), b2.dm()};
                bM[0][ok] = b1.m();
                bM[1][ok] = b2.m();
                for (int r = 0; r < nr; r++) {
                    double p1 = rayMeta.get(r)[1];
                    for (int l = 0; l < levels.length; l++) {
                        bLevels[r][l][ok] = ciAt(bm[r], p1, b1, b2, levels[l]);
                    }
                    for (int l = 0; l < curveGrid.length; l++) {
                        bCurve[r][l][ok] = ciAt(bm[r], p1, b1, b2, curveGrid[l]);
                    }
                }
                ok++;
            }
            if (ok < bootstrap) {
                notes.add((bootstrap - ok) + " of " + bootstrap
                        + " bootstrap resamples had a degenerate median-effect regression and were dropped");
            }
            if (ok >= 2) {
                double[] a1 = new double[ok];
                double[] a2 = new double[ok];
                for (int b = 0; b < ok; b++) {
                    a1[b] = bDm1[b][0];
                    a2[b] = bDm1[b][1];
                }
                dm1 = Optional.of(band(a1));
                dm2 = Optional.of(band(a2));
                m1 = Optional.of(band(Arrays.copyOf(bM[0], ok)));
                m2 = Optional.of(band(Arrays.copyOf(bM[1], ok)));
                List<CiRay> banded = new ArrayList<>();
                for (int r = 0; r < nr; r++) {
                    CiRay ray = rays.get(r);
                    banded.add(new CiRay(
                            ray.ratio(),
                            ray.fraction1(),
                            ray.mixture(),
                            withBands(ray.levels(), bLevels[r], ok),
                            withBands(ray.curve(), bCurve[r], ok)));
                }
                rays = banded;
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

    private static List<CiLevel> withBands(List<CiLevel> ls, double[][] samples, int ok) {
        List<CiLevel> out = new ArrayList<>();
        for (int l = 0; l < ls.size(); l++) {
            CiLevel c = ls.get(l);
            Interval iv = band(Arrays.copyOf(samples[l], ok));
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
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Refit on a resample with replacement; null when the resample is degenerate. */
    private static MedianEffect resampleFit(SplittableRandom rnd, double[] x, double[] fa) {
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

    private static long mix(String key) {
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
