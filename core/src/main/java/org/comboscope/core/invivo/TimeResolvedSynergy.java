package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.random.MersenneTwister;

/**
 * Time-resolved in vivo synergy on the exponential growth model, as SynergyLMM 1.1.2 {@code
 * lmmSynergy()} computes it: for every re-based time {@code d >= minTime} the model is refitted to
 * the rows with {@code time <= d} and the interaction is tested.
 *
 * <ul>
 *   <li>Bliss: {@code delta = b_AB - (b_A + b_B - b_C)}; HSA: {@code delta = b_AB - b_X} with X the
 *       monotherapy arm with the lower rate in the full fit (ties: drug A). Wald test with normal
 *       reference: {@code SS = -delta/se}, interval {@code SS -/+ z_0.975}; {@code CI = exp(delta d)},
 *       interval {@code exp((delta -/+ z se) d)}.
 *   <li>RA: {@code nsim} draws of the rates from {@code N(beta, V)}; {@code lhs = AUC(b_AB)}, {@code
 *       rhs = max(0, AUC(b_A) + AUC(b_B) - AUC(b_C))} with {@code AUC(b) = (exp(b d) - 1)/b}; SS from
 *       {@code delta = lhs - rhs}, CI = median of {@code lhs/rhs} (infinite capped at 100). Uses its
 *       own seeded Mersenne-Twister, so it agrees with R only within Monte-Carlo error.
 * </ul>
 */
public final class TimeResolvedSynergy {
    private static final double RATIO_CAP = 100;

    private final Set<SynergyReference> references;
    private final double minTime;
    private final int simulations;
    private final long seed;
    private final double confidence;

    private TimeResolvedSynergy(
            Set<SynergyReference> references, double minTime, int simulations, long seed, double confidence) {
        this.references = references.isEmpty() ? EnumSet.noneOf(SynergyReference.class) : EnumSet.copyOf(references);
        this.minTime = minTime;
        this.simulations = simulations;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** Bliss, HSA and RA from time 0, 1000 RA simulations, seed 123, 95% intervals. */
    public static TimeResolvedSynergy defaults() {
        return new TimeResolvedSynergy(EnumSet.allOf(SynergyReference.class), 0, 1000, 123, 0.95);
    }

    /** A copy using only the given references. */
    public TimeResolvedSynergy withReferences(Set<SynergyReference> refs) {
        return new TimeResolvedSynergy(refs, minTime, simulations, seed, confidence);
    }

    /** A copy starting at re-based time {@code t} (SynergyLMM's {@code min_time}). */
    public TimeResolvedSynergy withMinTime(double t) {
        if (!Double.isFinite(t) || t < 0) {
            throw new InvalidInputException("min-time", t, "must be finite and >= 0");
        }
        return new TimeResolvedSynergy(references, t, simulations, seed, confidence);
    }

    /** A copy with {@code n} RA simulations and the given seed. */
    public TimeResolvedSynergy withSimulations(int n, long rngSeed) {
        if (n < 10) {
            throw new InvalidInputException("simulations", n, "must be >= 10");
        }
        return new TimeResolvedSynergy(references, minTime, n, rngSeed, confidence);
    }

    /**
     * The result of one refit time.
     *
     * @param time re-based time d
     * @param fit the refit on rows with time <= d
     */
    public record TimeFit(double time, ExponentialFit fit) {}

    /**
     * A time at which the refit failed (e.g. an arm not yet measured).
     *
     * @param time re-based time d
     * @param reason why
     */
    public record SkippedTime(double time, String reason) {}

    /**
     * Everything computed.
     *
     * @param fullFit the fit to all rows
     * @param hsaComparator the monotherapy arm HSA compares against
     * @param fits refits per time
     * @param estimates synergy rows, by reference, then metric (CI, SS), then time
     * @param skipped times that could not be analysed
     */
    public record Result(
            ExponentialFit fullFit,
            ArmRole hsaComparator,
            List<TimeFit> fits,
            List<SynergyEstimate> estimates,
            List<SkippedTime> skipped) {
        public Result {
            fits = List.copyOf(fits);
            estimates = List.copyOf(estimates);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Runs the analysis.
     *
     * @throws FitFailureException when the model cannot be fitted to the full data
     */
    public Result compute(PreparedData data) {
        ExponentialFit full = ExponentialGrowthModel.fit(data.fitted(), Estimation.REML);
        ArmRole hsa = full.rate(ArmRole.DRUG_A) <= full.rate(ArmRole.DRUG_B) ? ArmRole.DRUG_A : ArmRole.DRUG_B;
        List<TimeFit> fits = new ArrayList<>();
        List<SkippedTime> skipped = new ArrayList<>();
        for (double d : data.times()) {
            if (d < minTime) {
                continue;
            }
            List<RelativeVolume> rows =
                    data.fitted().stream().filter(r -> r.time() <= d).toList();
            try {
                fits.add(new TimeFit(d, ExponentialGrowthModel.fit(rows, Estimation.REML)));
            } catch (FitFailureException e) {
                skipped.add(new SkippedTime(d, e.getMessage()));
            }
        }
        List<SynergyEstimate> out = new ArrayList<>();
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        for (SynergyReference ref : references) {
            List<SynergyEstimate> ci = new ArrayList<>();
            List<SynergyEstimate> ss = new ArrayList<>();
            for (TimeFit tf : fits) {
                if (ref == SynergyReference.RA) {
                    SynergyEstimate[] r = responseAdditivity(tf);
                    ci.add(r[0]);
                    ss.add(r[1]);
                } else {
                    double[] c = contrast(ref, hsa);
                    Wald w = wald(tf.fit(), c);
                    double d = tf.time();
                    double lo = w.estimate - z * w.se;
                    double hi = w.estimate + z * w.se;
                    double p = 2 * new NormalDistribution(0, 1).cumulativeProbability(-Math.abs(w.estimate / w.se));
                    ci.add(new SynergyEstimate(
                            ref,
                            SynergyEstimate.CI,
                            Math.exp(w.estimate * d),
                            Math.exp(lo * d),
                            Math.exp(hi * d),
                            p,
                            d));
                    ss.add(new SynergyEstimate(
                            ref, SynergyEstimate.SS, -w.estimate / w.se, -hi / w.se, -lo / w.se, p, d));
                }
            }
            out.addAll(ci);
            out.addAll(ss);
        }
        return new Result(full, hsa, fits, out, skipped);
    }

    /** Contrast coefficients on (vehicle, A, B, combination). */
    static double[] contrast(SynergyReference ref, ArmRole hsaComparator) {
        return switch (ref) {
            case BLISS -> new double[] {1, -1, -1, 1};
            case HSA -> hsaComparator == ArmRole.DRUG_A ? new double[] {0, -1, 0, 1} : new double[] {0, 0, -1, 1};
            case RA -> throw new IllegalArgumentException("RA has no linear contrast");
        };
    }

    /**
     * Estimate and standard error of a contrast.
     *
     * @param estimate {@code c' beta}
     * @param se {@code sqrt(c' V c)}
     */
    record Wald(double estimate, double se) {}

    static Wald wald(ExponentialFit fit, double[] c) {
        double[] b = fit.rates();
        double[] s = fit.standardErrors();
        double est = 0;
        double var = 0;
        for (int k = 0; k < c.length; k++) {
            est += c[k] * b[k];
            var += c[k] * c[k] * s[k] * s[k];
        }
        return new Wald(est, Math.sqrt(var));
    }

    /**
     * The RA simulation at one time: {@code [delta, ratio]} with one entry per draw (ratio capped at
     * 100 when infinite).
     */
    double[][] responseAdditivityDraws(TimeFit tf) {
        MersenneTwister rng = new MersenneTwister(seed);
        double[] b = tf.fit().rates();
        double[] s = tf.fit().standardErrors();
        double d = tf.time();
        int n = simulations;
        double[] delta = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = new double[4];
            for (int k = 0; k < 4; k++) {
                x[k] = b[k] + s[k] * rng.nextGaussian();
            }
            double lhs = auc(x[3], d);
            double rhs = Math.max(0, auc(x[1], d) + auc(x[2], d) - auc(x[0], d));
            delta[i] = lhs - rhs;
            double r = lhs / rhs;
            ratio[i] = r == Double.POSITIVE_INFINITY ? RATIO_CAP : r;
        }
        return new double[][] {delta, ratio};
    }

    private SynergyEstimate[] responseAdditivity(TimeFit tf) {
        double[][] draws = responseAdditivityDraws(tf);
        double[] delta = draws[0];
        double[] ratio = draws[1];
        int n = delta.length;
        double d = tf.time();
        double sd = sd(delta);
        double[] sd1 = delta.clone();
        Arrays.sort(sd1);
        double[] sr = ratio.clone();
        Arrays.sort(sr);
        double lo = (1 - confidence) / 2;
        double hi = 1 - lo;
        int le0 = 0;
        int ge0 = 0;
        int le1 = 0;
        int ge1 = 0;
        for (int i = 0; i < n; i++) {
            le0 += delta[i] <= 0 ? 1 : 0;
            ge0 += delta[i] >= 0 ? 1 : 0;
            le1 += ratio[i] <= 1 ? 1 : 0;
            ge1 += ratio[i] >= 1 ? 1 : 0;
        }
        double pSs = 2.0 * Math.min(le0, ge0) / n;
        double pCi = 2.0 * Math.min(le1, ge1) / n;
        return new SynergyEstimate[] {
            new SynergyEstimate(
                    SynergyReference.RA,
                    SynergyEstimate.CI,
                    quantile7(sr, 0.5),
                    quantile7(sr, lo),
                    quantile7(sr, hi),
                    pCi,
                    d),
            new SynergyEstimate(
                    SynergyReference.RA,
                    SynergyEstimate.SS,
                    -quantile7(sd1, 0.5) / sd,
                    -quantile7(sd1, hi) / sd,
                    -quantile7(sd1, lo) / sd,
                    pSs,
                    d)
        };
    }

    /** {@code integral_0^d exp(b t) dt}. */
    static double auc(double b, double d) {
        double x = b * d;
        return Math.abs(x) < 1e-8 ? d * (1 + x / 2) : Math.expm1(x) / b;
    }

    /** R's default (type 7) quantile of sorted data. */
    static double quantile7(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double sd(double[] v) {
        double m = EndpointStatistics.mean(v);
        return EndpointStatistics.sd(v, m).orElse(0);
    }
}
