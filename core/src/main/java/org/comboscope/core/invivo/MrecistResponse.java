package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.comboscope.core.error.InvalidInputException;

/**
 * Best response and mRECIST-style categories per animal, as Gao et al. (2015, Nat Med 21:1318)
 * define them for PDX trials (and the Xeva package computes them).
 *
 * <p>Per animal, with {@code t} = days since its first measurement and {@code V0} = that
 * measurement: {@code ΔVol_t = 100 (V_t − V0) / V0} (%); <b>BestResponse</b> = min of {@code ΔVol_t}
 * over {@code t >= minDays} (default 10); <b>BestAvgResponse</b> = min over {@code t >= minDays} of
 * the mean of {@code ΔVol} over all measurements from {@code t = 0} to {@code t} (the running
 * mean, day 0's ΔVol = 0 included). Categories (first match): mCR BestResponse < −95 and
 * BestAvgResponse < −40; mPR < −50 and < −20; mSD < 35 and < 30; otherwise mPD. An animal with
 * baseline 0 or without a measurement at {@code t >= minDays} is not evaluable (empty values, no
 * category).
 */
public final class MrecistResponse {
    /** The default earliest day counted (Gao et al.: 10 days of treatment). */
    public static final double DEFAULT_MIN_DAYS = 10;

    private MrecistResponse() {}

    /** mRECIST categories, best first. */
    public enum Category {
        MCR("mCR"),
        MPR("mPR"),
        MSD("mSD"),
        MPD("mPD");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The category of a BestResponse / BestAvgResponse pair (both in %). */
        public static Category of(double bestResponse, double bestAvgResponse) {
            if (bestResponse < -95 && bestAvgResponse < -40) {
                return MCR;
            }
            if (bestResponse < -50 && bestAvgResponse < -20) {
                return MPR;
            }
            if (bestResponse < 35 && bestAvgResponse < 30) {
                return MSD;
            }
            return MPD;
        }
    }

    /**
     * One animal.
     *
     * @param animalId animal
     * @param group its group
     * @param role its role
     * @param baseline burden at its first measurement
     * @param measurements number of measurements
     * @param bestResponsePercent BestResponse (%); empty when not evaluable
     * @param bestResponseDay days since the animal's first measurement at which BestResponse occurs
     * @param bestAvgResponsePercent BestAvgResponse (%); empty when not evaluable
     * @param category mRECIST category; empty when not evaluable
     */
    public record AnimalResponse(
            String animalId,
            String group,
            ArmRole role,
            double baseline,
            int measurements,
            OptionalDouble bestResponsePercent,
            OptionalDouble bestResponseDay,
            OptionalDouble bestAvgResponsePercent,
            Optional<Category> category) {}

    /**
     * Category counts of one arm.
     *
     * @param group group
     * @param role role
     * @param animals animals in the arm
     * @param counts animals per category (all four keys present)
     * @param notEvaluable animals without a category
     */
    public record ArmCounts(String group, ArmRole role, int animals, Map<Category, Integer> counts, int notEvaluable) {
        public ArmCounts {
            counts = java.util.Collections.unmodifiableMap(new EnumMap<>(counts));
        }

        /** mCR + mPR over the evaluable animals; empty when none is evaluable. */
        public OptionalDouble objectiveResponseRate() {
            int ev = animals - notEvaluable;
            return ev == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of((counts.get(Category.MCR) + counts.get(Category.MPR)) / (double) ev);
        }
    }

    /** Per-animal responses with the default 10-day minimum, role order then input order. */
    public static List<AnimalResponse> animals(TumourStudy study, Arms arms) {
        return animals(study, arms, DEFAULT_MIN_DAYS);
    }

    /**
     * Per-animal responses, role order then input order.
     *
     * @param minDays earliest day since the animal's first measurement counted, finite and >= 0
     */
    public static List<AnimalResponse> animals(TumourStudy study, Arms arms, double minDays) {
        if (!Double.isFinite(minDays) || minDays < 0) {
            throw new InvalidInputException("mRECIST minimum day", minDays, "must be finite and >= 0");
        }
        List<AnimalResponse> out = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            String g = arms.group(role);
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (TumourObservation o : study.observations()) {
                if (o.group().equals(g)) {
                    series.computeIfAbsent(o.animalId(), k -> new TreeMap<>()).put(o.day(), o.value());
                }
            }
            for (Map.Entry<String, TreeMap<Double, Double>> e : series.entrySet()) {
                out.add(response(e.getKey(), g, role, e.getValue(), minDays));
            }
        }
        return out;
    }

    static AnimalResponse response(String id, String group, ArmRole role, TreeMap<Double, Double> pts, double minDays) {
        double day0 = pts.firstKey();
        double v0 = pts.firstEntry().getValue();
        double best = Double.POSITIVE_INFINITY;
        double bestDay = Double.NaN;
        double bestAvg = Double.POSITIVE_INFINITY;
        if (v0 > 0) {
            double sum = 0;
            int k = 0;
            for (Map.Entry<Double, Double> p : pts.entrySet()) {
                double t = p.getKey() - day0;
                double delta = 100 * (p.getValue() - v0) / v0;
                sum += delta;
                k++;
                if (t >= minDays) {
                    if (delta < best) {
                        best = delta;
                        bestDay = t;
                    }
                    bestAvg = Math.min(bestAvg, sum / k);
                }
            }
        }
        if (best == Double.POSITIVE_INFINITY) {
            return new AnimalResponse(
                    id,
                    group,
                    role,
                    v0,
                    pts.size(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.empty());
        }
        return new AnimalResponse(
                id,
                group,
                role,
                v0,
                pts.size(),
                OptionalDouble.of(best),
                OptionalDouble.of(bestDay),
                OptionalDouble.of(bestAvg),
                Optional.of(Category.of(best, bestAvg)));
    }

    /** Category counts per arm (role order). */
    public static List<ArmCounts> counts(List<AnimalResponse> animals, Arms arms) {
        List<ArmCounts> out = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            EnumMap<Category, Integer> c = new EnumMap<>(Category.class);
            for (Category k : Category.values()) {
                c.put(k, 0);
            }
            int n = 0;
            int ne = 0;
            for (AnimalResponse a : animals) {
                if (a.role() == role) {
                    n++;
                    if (a.category().isPresent()) {
                        c.merge(a.category().get(), 1, Integer::sum);
                    } else {
                        ne++;
                    }
                }
            }
            out.add(new ArmCounts(arms.group(role), role, n, c, ne));
        }
        return out;
    }

    /**
     * Waterfall order: evaluable animals by BestResponse, largest first (ties by animal id), as
     * drawn left to right in a waterfall plot.
     */
    public static List<AnimalResponse> waterfall(List<AnimalResponse> animals) {
        return animals.stream()
                .filter(a -> a.bestResponsePercent().isPresent())
                .sorted((a, b) -> {
                    int c = Double.compare(
                            b.bestResponsePercent().getAsDouble(),
                            a.bestResponsePercent().getAsDouble());
                    return c != 0 ? c : a.animalId().compareTo(b.animalId());
                })
                .toList();
    }
}
