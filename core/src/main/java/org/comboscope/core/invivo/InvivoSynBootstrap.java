package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * invivoSyn's bootstrap intervals (boot::boot stratified by arm, percentile intervals as {@code
 * boot.ci(type = "perc")}), with a seeded {@link SplittableRandom}: the same definitions as the
 * package, agreeing with it within Monte-Carlo error only.
 *
 * <p>Resampling units: for TGI the animals measured on the selected day; for AUC synergy the mice
 * with a growth rate; for the CombPDX global CI the mice (their whole RTV series).
 */
public final class InvivoSynBootstrap {
    private static final NormalDistribution N01 = new NormalDistribution(0, 1);

    private final int replicates;
    private final long seed;
    private final double confidence;

    private InvivoSynBootstrap(int replicates, long seed, double confidence) {
        this.replicates = replicates;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** 1000 replicates (invivoSyn's default), 95% intervals, the given seed. */
    public static InvivoSynBootstrap of(long seed) {
        return new InvivoSynBootstrap(1000, seed, 0.95);
    }

    /** A copy with {@code r} replicates. */
    public InvivoSynBootstrap withReplicates(int r) {
        if (r < 50) {
            throw new InvalidInputException("bootstrap replicates", r, "must be >= 50");
        }
        return new InvivoSynBootstrap(r, seed, confidence);
    }

    /**
     * A bootstrap summary.
     *
     * @param estimate statistic on the original data
     * @param bias mean of replicates minus the estimate
     * @param standardError SD of the replicates
     * @param lower percentile lower bound
     * @param upper percentile upper bound
     * @param replicates the replicate values (finite ones)
     */
    public record Summary(
            double estimate, double bias, double standardError, double lower, double upper, double[] replicates) {
        public Summary {
            replicates = replicates.clone();
        }

        @Override
        public double[] replicates() {
            return replicates.clone();
        }

        /** Fraction of replicates satisfying a condition. */
        public double fraction(java.util.function.DoublePredicate p) {
            return Arrays.stream(replicates).filter(p).count() / (double) replicates.length;
        }
    }

    /**
     * TGI synergy with intervals ({@code getTGI} + {@code TGI_synergy}).
     *
     * @param synergy point estimates
     * @param score bootstrap of the synergy score (observed - expected)
     * @param pSynergy {@code 1 - #(boot observed > boot expected)/R}
     * @param pAntagonism {@code 1 - #(boot observed < boot expected)/R}
     */
    public record TgiSynergyInterval(
            InvivoSynStatistics.TgiSynergy synergy, Summary score, double pSynergy, double pAntagonism) {}

    /** TGI synergy on re-based {@code day} with stratified bootstrap of the animals measured then. */
    public TgiSynergyInterval tgiSynergy(
            TumourStudy study, Arms arms, double day, InvivoSynStatistics.TgiVariable variable, SynergyReference ref) {
        List<List<Double>> x = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            x.add(new ArrayList<>());
        }
        for (InvivoSynStatistics.Row r : InvivoSynStatistics.expand(study, arms)) {
            OptionalDouble v = variable == InvivoSynStatistics.TgiVariable.RTV ? r.rtv() : r.deltaTv();
            if (r.day() == day && v.isPresent()) {
                x.get(r.role().ordinal()).add(v.getAsDouble());
            }
        }
        double[][] data = x.stream()
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        InvivoSynStatistics.TgiSynergy point = InvivoSynStatistics.tgiSynergy(tgiOf(data), ref);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] score = new double[replicates];
        int greater = 0;
        int less = 0;
        for (int b = 0; b < replicates; b++) {
            double[][] res = new double[4][];
            for (int g = 0; g < 4; g++) {
                res[g] = resample(data[g], rng);
            }
            InvivoSynStatistics.TgiSynergy s = InvivoSynStatistics.tgiSynergy(tgiOf(res), ref);
            score[b] = s.synergyScore();
            greater += s.observed() > s.expected() ? 1 : 0;
            less += s.observed() < s.expected() ? 1 : 0;
        }
        return new TgiSynergyInterval(
                point,
                summarise(point.synergyScore(), score),
                1 - greater / (double) replicates,
                1 - less / (double) replicates);
    }

    private static double[] tgiOf(double[][] data) {
        double v = EndpointStatistics.mean(data[0]);
        double[] out = new double[4];
        for (int g = 1; g < 4; g++) {
            out[g] = 100 * (1 - EndpointStatistics.mean(data[g]) / v);
        }
        return out;
    }

    /**
     * AUC synergy with intervals ({@code AUC_synergy}): bootstrap of CI and synergy score. invivoSyn's
     * p(synergy) is the fraction of replicates with CI > 1 (equivalently SS < 0), p(antagonism) its
     * complement: use {@link Summary#fraction}.
     *
     * @param synergy point estimates
     * @param ci bootstrap of the combination index
     * @param score bootstrap of the synergy score
     */
    public record AucSynergyInterval(InvivoSynStatistics.AucSynergy synergy, Summary ci, Summary score) {}

    /** AUC synergy at horizon t with stratified bootstrap of mice. */
    public AucSynergyInterval aucSynergy(
            List<InvivoSynStatistics.MouseGrowthRate> rates, SynergyReference ref, double t) {
        List<InvivoSynStatistics.MouseGrowthRate> usable =
                rates.stream().filter(r -> r.rate().isPresent()).toList();
        List<List<InvivoSynStatistics.MouseGrowthRate>> byArm = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            int gg = g;
            byArm.add(usable.stream().filter(r -> r.role().ordinal() == gg).toList());
        }
        InvivoSynStatistics.AucSynergy point = InvivoSynStatistics.aucSynergy(usable, ref, t);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ci = new double[replicates];
        double[] ss = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            List<InvivoSynStatistics.MouseGrowthRate> sample = new ArrayList<>();
            for (List<InvivoSynStatistics.MouseGrowthRate> arm : byArm) {
                for (int i = 0; i < arm.size(); i++) {
                    sample.add(arm.get(rng.nextInt(arm.size())));
                }
            }
            InvivoSynStatistics.AucSynergy s = InvivoSynStatistics.aucSynergy(sample, ref, t);
            ci[b] = s.ci();
            ss[b] = s.synergyScore();
        }
        return new AucSynergyInterval(point, summarise(point.ci(), ci), summarise(point.synergyScore(), ss));
    }

    /** CombPDX global CI with stratified bootstrap of mice ({@code global_CI_synergy}). */
    public Summary globalCi(TumourStudy study, Arms arms, SynergyReference ref) {
        List<InvivoSynStatistics.Row> rows = InvivoSynStatistics.expand(study, arms);
        Map<String, List<InvivoSynStatistics.Row>> byMouse = new java.util.LinkedHashMap<>();
        for (InvivoSynStatistics.Row r : rows) {
            byMouse.computeIfAbsent(r.animalId(), k -> new ArrayList<>()).add(r);
        }
        List<List<List<InvivoSynStatistics.Row>>> byArm = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            byArm.add(new ArrayList<>());
        }
        byMouse.values().forEach(l -> byArm.get(l.get(0).role().ordinal()).add(l));
        ToDoubleFunction<List<List<InvivoSynStatistics.Row>>> stat = mice -> {
            List<TumourObservation> obs = new ArrayList<>();
            int k = 0;
            for (List<InvivoSynStatistics.Row> m : mice) {
                String id = "boot" + k++;
                for (InvivoSynStatistics.Row r : m) {
                    obs.add(new TumourObservation(id, arms.group(r.role()), r.day(), r.tv()));
                }
            }
            // Re-expanding would recompute TV0 from the resampled rows, which keep their own day 0.
            return InvivoSynStatistics.globalCi(new TumourStudy("", study.measurement(), obs), arms, ref)
                    .orElse(Double.NaN);
        };
        List<List<InvivoSynStatistics.Row>> all = new ArrayList<>();
        byArm.forEach(all::addAll);
        double point = stat.applyAsDouble(all);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] reps = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            List<List<InvivoSynStatistics.Row>> sample = new ArrayList<>();
            for (List<List<InvivoSynStatistics.Row>> arm : byArm) {
                for (int i = 0; i < arm.size(); i++) {
                    sample.add(arm.get(rng.nextInt(arm.size())));
                }
            }
            reps[b] = stat.applyAsDouble(sample);
        }
        return summarise(point, reps);
    }

    private static double[] resample(double[] x, SplittableRandom rng) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[rng.nextInt(x.length)];
        }
        return out;
    }

    private Summary summarise(double estimate, double[] reps) {
        double[] f = Arrays.stream(reps).filter(Double::isFinite).toArray();
        double m = EndpointStatistics.mean(f);
        double sd = EndpointStatistics.sd(f, m).orElse(0);
        double[] s = f.clone();
        Arrays.sort(s);
        double a = (1 - confidence) / 2;
        return new Summary(estimate, m - estimate, sd, percentile(s, a), percentile(s, 1 - a), f);
    }

    /** boot's {@code norm.inter}: order statistic (R+1) alpha, interpolated on the normal scale. */
    static double percentile(double[] sorted, double alpha) {
        int r = sorted.length;
        double rk = (r + 1) * alpha;
        int k = (int) Math.floor(rk);
        if (rk == k && k >= 1 && k <= r) {
            return sorted[k - 1];
        }
        if (k == 0) {
            return sorted[0];
        }
        if (k >= r) {
            return sorted[r - 1];
        }
        double lo = N01.inverseCumulativeProbability(k / (r + 1.0));
        double hi = N01.inverseCumulativeProbability((k + 1) / (r + 1.0));
        double z = N01.inverseCumulativeProbability(alpha);
        return sorted[k - 1] + (z - lo) / (hi - lo) * (sorted[k] - sorted[k - 1]);
    }
}
