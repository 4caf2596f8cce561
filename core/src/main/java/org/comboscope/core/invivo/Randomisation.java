package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.FDistribution;

/**
 * Assigns animals to arms so that baseline tumour volumes are balanced in mean and spread.
 *
 * <p>Arm sizes are as equal as possible (the first arms get the remainder). {@code candidates}
 * random assignments are drawn from a {@link SplittableRandom} seeded with {@code seed}; the one with
 * the smallest imbalance {@code (max mean - min mean) / SD + (max SD - min SD) / SD} (arm means and
 * SDs, SD = SD of all baselines; arms of one animal contribute no SD) is kept. The same inputs and
 * seed always give the same assignment.
 */
public final class Randomisation {
    private Randomisation() {}

    /**
     * An animal awaiting assignment.
     *
     * @param id identifier, unique
     * @param baseline baseline tumour volume, finite and >= 0
     */
    public record Animal(String id, double baseline) {
        public Animal {
            Objects.requireNonNull(id, "id");
            if (!Double.isFinite(baseline) || baseline < 0) {
                throw new InvalidInputException("baseline", baseline, "must be finite and >= 0", "animal " + id);
            }
        }
    }

    /**
     * Balance of one arm.
     *
     * @param arm arm name
     * @param n animals
     * @param mean mean baseline
     * @param sd SD of baselines (n - 1); empty when n < 2
     */
    public record ArmBalance(String arm, int n, double mean, OptionalDouble sd) {}

    /**
     * The chosen assignment and its balance statistics.
     *
     * @param armOf arm per animal, in input order
     * @param arms balance per arm, in arm order
     * @param imbalance the criterion minimised (0 = identical means and SDs)
     * @param anovaP one-way ANOVA p-value of baselines between arms (1 = no mean difference); empty
     *     when every arm has one animal or all baselines are equal
     * @param seed seed used
     * @param candidates number of random assignments compared
     */
    public record Assignment(
            Map<String, String> armOf,
            List<ArmBalance> arms,
            double imbalance,
            OptionalDouble anovaP,
            long seed,
            int candidates) {
        public Assignment {
            armOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(armOf));
            arms = List.copyOf(arms);
        }
    }

    /**
     * Randomises {@code animals} to {@code arms}.
     *
     * @throws InvalidInputException for fewer animals than arms, duplicate ids or arm names, or
     *     candidates < 1
     */
    public static Assignment assign(List<Animal> animals, List<String> arms, long seed, int candidates) {
        if (arms.isEmpty() || new HashSet<>(arms).size() != arms.size()) {
            throw new InvalidInputException("arms", arms, "must be a non-empty list of distinct names");
        }
        if (animals.size() < arms.size()) {
            throw new InvalidInputException(
                    "animals", animals.size(), "must be at least the number of arms (" + arms.size() + ")");
        }
        if (candidates < 1) {
            throw new InvalidInputException("candidates", candidates, "must be >= 1");
        }
        HashSet<String> ids = new HashSet<>();
        for (Animal a : animals) {
            if (!ids.add(a.id())) {
                throw new InvalidInputException("animal id", a.id(), "must be unique");
            }
        }
        int n = animals.size();
        int k = arms.size();
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = i % k;
        }
        Arrays.sort(slots);
        double[] x = animals.stream().mapToDouble(Animal::baseline).toArray();
        double sdAll = EndpointStatistics.sd(x, EndpointStatistics.mean(x)).orElse(0);
        double scale = sdAll > 0 ? sdAll : 1;
        SplittableRandom rng = new SplittableRandom(seed);
        int[] best = null;
        double bestCrit = Double.POSITIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            int[] perm = slots.clone();
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            double crit = imbalance(x, perm, k, scale);
            if (crit < bestCrit) {
                bestCrit = crit;
                best = perm;
            }
        }
        Map<String, String> armOf = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            armOf.put(animals.get(i).id(), arms.get(best[i]));
        }
        List<ArmBalance> balance = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            double[] v = values(x, best, g);
            double m = EndpointStatistics.mean(v);
            balance.add(new ArmBalance(arms.get(g), v.length, m, EndpointStatistics.sd(v, m)));
        }
        return new Assignment(armOf, balance, bestCrit, anovaP(x, best, k), seed, candidates);
    }

    private static double[] values(double[] x, int[] arm, int g) {
        int m = 0;
        for (int a : arm) {
            m += a == g ? 1 : 0;
        }
        double[] v = new double[m];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (arm[i] == g) {
                v[j++] = x[i];
            }
        }
        return v;
    }

    private static double imbalance(double[] x, int[] arm, int k, double scale) {
        double minM = Double.POSITIVE_INFINITY;
        double maxM = Double.NEGATIVE_INFINITY;
        double minS = Double.POSITIVE_INFINITY;
        double maxS = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < k; g++) {
            double[] v = values(x, arm, g);
            double m = EndpointStatistics.mean(v);
            minM = Math.min(minM, m);
            maxM = Math.max(maxM, m);
            OptionalDouble s = EndpointStatistics.sd(v, m);
            if (s.isPresent()) {
                minS = Math.min(minS, s.getAsDouble());
                maxS = Math.max(maxS, s.getAsDouble());
            }
        }
        double spread = maxS >= minS ? maxS - minS : 0;
        return (maxM - minM) / scale + spread / scale;
    }

    private static OptionalDouble anovaP(double[] x, int[] arm, int k) {
        int n = x.length;
        if (n - k < 1 || k < 2) {
            return OptionalDouble.empty();
        }
        double grand = EndpointStatistics.mean(x);
        double between = 0;
        double within = 0;
        for (int g = 0; g < k; g++) {
            double[] v = values(x, arm, g);
            double m = EndpointStatistics.mean(v);
            between += v.length * (m - grand) * (m - grand);
            for (double y : v) {
                within += (y - m) * (y - m);
            }
        }
        if (within == 0) {
            return OptionalDouble.empty();
        }
        double f = (between / (k - 1)) / (within / (n - k));
        return OptionalDouble.of(1 - new FDistribution(k - 1, n - k).cumulativeProbability(f));
    }
}
