package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.response.Interval;

/**
 * Chou–Talalay combination index of a constant-ratio mixture of any number of drugs (CompuSyn's
 * three-drug analysis; mutually exclusive form): {@code CI = Σ (D)_i / (Dx)_i}, where {@code (Dx)_i
 * = Dm_i·(fa/(1 − fa))^(1/m_i)} is the dose of drug i alone giving fa and {@code (D)_i = p_i·Dx_mix}
 * its share of the mixture dose giving fa ({@code p_i} = its constant fraction of the total dose).
 * Every median-effect fit is the least-squares line of {@link MedianEffect#fit}. With two drugs this
 * is exactly {@link CombinationIndex}'s ray CI.
 *
 * @param drugs median-effect fit of each drug alone, in input order
 * @param mixture median-effect fit of the mixture on its total dose
 * @param fractions each drug's fraction of the total mixture dose (sum 1)
 * @param levels CI at the requested effect levels
 * @param rows CI at every mixture measurement, at its observed fa (empty entries: fa outside (0, 1))
 * @param notes why bootstrap bands are missing, resamples dropped (empty without bootstrap)
 */
public record MixtureCi(
        List<MedianEffect> drugs,
        MedianEffect mixture,
        double[] fractions,
        List<Level> levels,
        List<Row> rows,
        List<String> notes) {

    /** The sign convention. */
    public static final String CONVENTION = CiAnalysis.CONVENTION;

    public MixtureCi {
        drugs = List.copyOf(drugs);
        fractions = fractions.clone();
        levels = List.copyOf(levels);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /**
     * Bootstrap settings: {@code resamples} case resamples of every median-effect regression (each
     * drug's and the mixture's), each from its own random stream. The drugs' streams are split in
     * drug order from {@code seed} and {@code blockKey} (the same for every ray of a block); the
     * mixture's stream comes from {@code seed} and {@code rayKey}.
     */
    public record Bootstrap(int resamples, long seed, String blockKey, String rayKey) {
        public Bootstrap {
            if (resamples < 0) {
                throw new InvalidInputException("bootstrap", resamples, "must be >= 0");
            }
        }

        /** No resampling. */
        public static final Bootstrap NONE = new Bootstrap(0, 0, "", "");
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    /**
     * CI of the mixture at one effect level.
     *
     * @param fa effect level in (0, 1)
     * @param ci {@code Σ d_i/dx_i}
     * @param dx dose of each drug alone giving fa
     * @param d each drug's dose in the mixture giving fa
     * @param ciLower 2.5th percentile of the bootstrap CI (empty: no band)
     * @param ciUpper 97.5th percentile of the bootstrap CI (empty: no band)
     */
    public record Level(double fa, double ci, double[] dx, double[] d, OptionalDouble ciLower, OptionalDouble ciUpper) {
        public Level {
            dx = dx.clone();
            d = d.clone();
        }

        @Override
        public double[] dx() {
            return dx.clone();
        }

        @Override
        public double[] d() {
            return d.clone();
        }

        /** Dose-reduction index of drug {@code i} (0-based): dx_i / d_i. */
        public double dri(int i) {
            return dx[i] / d[i];
        }
    }

    /**
     * CI at one measured mixture dose: {@code Σ d_i / Dx_i(fa_obs)}.
     *
     * @param total total mixture dose
     * @param fa observed fraction affected
     * @param ci combination index; empty when fa is outside (0, 1) (no Dx_i exists)
     */
    public record Row(double total, double fa, OptionalDouble ci) {}

    /**
     * Analyses a constant-ratio mixture.
     *
     * @param singleDoses per drug, the doses of its single-drug curve (d ≤ 0 skipped)
     * @param singleFa per drug, the fraction affected at those doses
     * @param mixtureDoses per mixture measurement, each drug's dose ({@code [row][drug]}, all > 0)
     * @param mixtureFa fraction affected of each mixture measurement
     * @param levels effect levels, each in (0, 1)
     * @throws InvalidInputException when fewer than 2 drugs are given, arrays disagree in length, a
     *     mixture dose is not positive, or the mixture rows are not one constant ratio (relative
     *     tolerance {@value CombinationIndex#RAY_TOLERANCE} on every log dose ratio)
     * @throws FitFailureException when a median-effect fit fails (fewer than 2 usable points)
     */
    public static MixtureCi analyze(
            List<double[]> singleDoses,
            List<double[]> singleFa,
            double[][] mixtureDoses,
            double[] mixtureFa,
            double... levels) {
        return analyze(singleDoses, singleFa, mixtureDoses, mixtureFa, Bootstrap.NONE, levels);
    }

    /**
     * As {@link #analyze(List, List, double[][], double[], double...)}, with 95 % percentile bootstrap
     * bands on the CI at each level. Each regression (each drug alone, the mixture on its total dose)
     * is resampled on its own usable points (d > 0, 0 < fa < 1), as {@link CombinationIndex} does. A
     * band needs every regression to have at least {@value CombinationIndex#MIN_BOOTSTRAP_POINTS}
     * usable points, at least half of the resamples non-degenerate, and its slope m identified (the
     * bootstrap interval of m excludes 0); otherwise {@link #notes()} says why there is none.
     */
    public static MixtureCi analyze(
            List<double[]> singleDoses,
            List<double[]> singleFa,
            double[][] mixtureDoses,
            double[] mixtureFa,
            Bootstrap bootstrap,
            double... levels) {
        int k = singleDoses.size();
        if (k < 2) {
            throw new InvalidInputException("drugs", k, "a mixture needs at least 2 drugs");
        }
        if (singleFa.size() != k) {
            throw new InvalidInputException(
                    "single-drug fa curves", singleFa.size(), "must be one per drug (" + k + ")");
        }
        if (mixtureDoses.length != mixtureFa.length) {
            throw new InvalidInputException(
                    "mixture fa",
                    mixtureFa.length,
                    "must have one value per mixture row (" + mixtureDoses.length + ")");
        }
        for (double f : levels) {
            if (!(f > 0 && f < 1)) {
                throw new InvalidInputException("fa level", f, "must be in (0, 1)");
            }
        }
        if (mixtureDoses.length == 0) {
            throw new InvalidInputException("mixture rows", 0, "must not be empty");
        }
        double[] total = new double[mixtureDoses.length];
        double[] logShare = new double[k];
        for (int r = 0; r < mixtureDoses.length; r++) {
            double[] row = mixtureDoses[r];
            if (row.length != k) {
                throw new InvalidInputException(
                        "mixture doses", row.length, "must give one dose per drug (" + k + ")", "mixture row " + r);
            }
            for (int i = 0; i < k; i++) {
                if (!(row[i] > 0 && Double.isFinite(row[i]))) {
                    throw new InvalidInputException(
                            "mixture dose of drug " + (i + 1), row[i], "must be finite and > 0", "mixture row " + r);
                }
                total[r] += row[i];
            }
            for (int i = 0; i < k; i++) {
                double ls = Math.log(row[i] / total[r]);
                if (r == 0) {
                    logShare[i] = ls;
                } else if (Math.abs(ls - logShare[i]) > CombinationIndex.RAY_TOLERANCE) {
                    throw new InvalidInputException(
                            "mixture doses",
                            row[i],
                            "must keep one constant ratio (drug " + (i + 1) + "'s share " + Math.exp(ls) + " vs "
                                    + Math.exp(logShare[i]) + " in row 0)",
                            "mixture row " + r);
                }
            }
        }
        // Each drug's fraction: the mean over rows (they agree within the tolerance), normalised.
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            for (double[] row : mixtureDoses) {
                p[i] += row[i] / rowSum(row);
            }
            p[i] /= mixtureDoses.length;
            sum += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= sum;
        }
        List<MedianEffect> fits = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (singleDoses.get(i).length != singleFa.get(i).length) {
                throw new InvalidInputException(
                        "single-drug fa of drug " + (i + 1),
                        singleFa.get(i).length,
                        "must have one value per dose (" + singleDoses.get(i).length + ")");
            }
            try {
                fits.add(MedianEffect.fit(singleDoses.get(i), singleFa.get(i)));
            } catch (FitFailureException e) {
                throw new FitFailureException("median-effect (drug " + (i + 1) + ")", e.reason(), e.lastParameters());
            }
        }
        MedianEffect mix;
        try {
            mix = MedianEffect.fit(total, mixtureFa);
        } catch (FitFailureException e) {
            throw new FitFailureException("median-effect (mixture)", e.reason(), e.lastParameters());
        }
        List<Level> out = new ArrayList<>();
        for (double f : levels) {
            double dmix = mix.dose(f).orElseThrow();
            double[] dx = new double[k];
            double[] d = new double[k];
            double ci = 0;
            for (int i = 0; i < k; i++) {
                dx[i] = fits.get(i).dose(f).orElseThrow();
                d[i] = p[i] * dmix;
                ci += d[i] / dx[i];
            }
            out.add(new Level(f, ci, dx, d, OptionalDouble.empty(), OptionalDouble.empty()));
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < total.length; r++) {
            double f = mixtureFa[r];
            if (!(f > 0 && f < 1)) {
                rows.add(new Row(total[r], f, OptionalDouble.empty()));
                continue;
            }
            double ci = 0;
            for (int i = 0; i < k; i++) {
                ci += mixtureDoses[r][i] / fits.get(i).dose(f).orElseThrow();
            }
            rows.add(new Row(total[r], f, OptionalDouble.of(ci)));
        }
        List<String> notes = new ArrayList<>();
        if (bootstrap.resamples() > 0) {
            List<double[][]> regressions = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                regressions.add(CombinationIndex.usable(singleDoses.get(i), singleFa.get(i)));
            }
            regressions.add(CombinationIndex.usable(total, mixtureFa));
            out = withBands(out, p, regressions, bootstrap, notes);
        }
        return new MixtureCi(fits, mix, p, out, rows, notes);
    }

    private static List<Level> withBands(
            List<Level> levels, double[] p, List<double[][]> regressions, Bootstrap bs, List<String> notes) {
        int k = p.length;
        int n = bs.resamples();
        String[] names = new String[k + 1];
        for (int i = 0; i < k; i++) {
            names[i] = "drug " + (i + 1);
        }
        names[k] = "the mixture";
        MedianEffect[][] fits = new MedianEffect[n][k + 1];
        SplittableRandom base = new SplittableRandom(bs.seed() ^ CombinationIndex.mix(bs.blockKey()));
        boolean ok = true;
        for (int g = 0; g <= k; g++) {
            SplittableRandom rnd = g < k
                    ? base.split()
                    : new SplittableRandom(bs.seed() ^ CombinationIndex.mix(bs.blockKey() + "|" + bs.rayKey()));
            double[] x = regressions.get(g)[0];
            double[] fa = regressions.get(g)[1];
            if (x.length < CombinationIndex.MIN_BOOTSTRAP_POINTS) {
                notes.add("no CI bands: " + names[g] + " has " + x.length + " usable points (a resample of fewer than "
                        + CombinationIndex.MIN_BOOTSTRAP_POINTS + " points only reproduces the fit or degenerates)");
                ok = false;
                continue;
            }
            for (int b = 0; b < n; b++) {
                fits[b][g] = CombinationIndex.resampleFit(rnd, x, fa);
            }
        }
        if (!ok) {
            return levels;
        }
        int[] all = new int[k + 1];
        for (int g = 0; g <= k; g++) {
            all[g] = g;
        }
        int valid = CombinationIndex.collect(fits, all, f -> 0.0).length;
        int min = Math.max(2, (n + 1) / 2);
        if (valid < min) {
            notes.add("no CI bands: only " + valid + " of " + n
                    + " resamples had usable median-effect regressions for every drug and the mixture (need " + min
                    + ")");
            return levels;
        }
        if (valid < n) {
            notes.add((n - valid) + " of " + n + " bootstrap resamples dropped as degenerate (all points at one dose)");
        }
        for (int g = 0; g <= k; g++) {
            int gg = g;
            Interval m = CombinationIndex.band(CombinationIndex.collect(fits, new int[] {g}, f -> f[gg].m()));
            if (!(m.lower() > 0 || m.upper() < 0)) {
                notes.add("no CI bands: slope m of " + names[g] + " is not distinguishable from 0 (bootstrap interval "
                        + m.lower() + " to " + m.upper() + ")");
                ok = false;
            }
        }
        if (!ok) {
            return levels;
        }
        List<Level> out = new ArrayList<>();
        for (Level l : levels) {
            double fa = l.fa();
            Interval iv = CombinationIndex.band(CombinationIndex.collect(fits, all, f -> ciAt(f, p, fa)));
            out.add(new Level(fa, l.ci(), l.dx(), l.d(), finite(iv.lower()), finite(iv.upper())));
        }
        return out;
    }

    /** CI at fa from one resample: fits[0..k-1] the drugs, fits[k] the mixture. */
    private static double ciAt(MedianEffect[] f, double[] p, double fa) {
        int k = p.length;
        double dmix = f[k].dose(fa).orElse(Double.NaN);
        double ci = 0;
        for (int i = 0; i < k; i++) {
            ci += p[i] * dmix / f[i].dose(fa).orElse(Double.NaN);
        }
        return ci;
    }

    private static OptionalDouble finite(double x) {
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    private static double rowSum(double[] row) {
        double s = 0;
        for (double v : row) {
            s += v;
        }
        return s;
    }
}
