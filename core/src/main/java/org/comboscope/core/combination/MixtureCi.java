package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;

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
 */
public record MixtureCi(
        List<MedianEffect> drugs, MedianEffect mixture, double[] fractions, List<Level> levels, List<Row> rows) {

    /** The sign convention. */
    public static final String CONVENTION = CiAnalysis.CONVENTION;

    public MixtureCi {
        drugs = List.copyOf(drugs);
        fractions = fractions.clone();
        levels = List.copyOf(levels);
        rows = List.copyOf(rows);
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
     */
    public record Level(double fa, double ci, double[] dx, double[] d) {
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
            out.add(new Level(f, ci, dx, d));
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
        return new MixtureCi(fits, mix, p, out, rows);
    }

    private static double rowSum(double[] row) {
        double s = 0;
        for (double v : row) {
            s += v;
        }
        return s;
    }
}
