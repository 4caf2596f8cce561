package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.comboscope.core.survival.ConfType;
import org.comboscope.core.survival.KaplanMeier;
import org.comboscope.core.survival.KmCurve;
import org.comboscope.core.survival.LogRank;
import org.comboscope.core.survival.LogRankResult;
import org.comboscope.core.survival.SurvivalSample;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Time to a tumour-burden endpoint ("survival" to a volume threshold) per arm, by the Kaplan–Meier
 * estimator and log-rank tests of {@link org.comboscope.core.survival}.
 *
 * <p>Rule, per animal (its measurements in day order): the event occurs on the first measurement
 * day whose burden is {@code >= threshold} (absolute, or baseline × multiple for an RTV threshold,
 * baseline = the animal's first measurement); with interpolation the event time is where the
 * straight line between that measurement and the previous one crosses the threshold. An animal that
 * never reaches the threshold is censored at its last measurement day (a later regression after
 * reaching it does not undo the event). Times are days since the study's first day (over the four
 * arms). An RTV threshold cannot be applied to an animal whose baseline is 0: it is left out (see
 * {@link Result#excluded()}).
 */
public final class TimeToEndpoint {
    private TimeToEndpoint() {}

    /**
     * One animal's time to the endpoint.
     *
     * @param animalId animal
     * @param group its group
     * @param role its role
     * @param baseline burden at its first measurement
     * @param threshold the burden threshold applied to this animal
     * @param time days since the study's first day to the event or censoring
     * @param event {@code true} when the threshold was reached
     * @param measurements number of measurements of the animal
     */
    public record AnimalTime(
            String animalId,
            String group,
            ArmRole role,
            double baseline,
            double threshold,
            double time,
            boolean event,
            int measurements) {}

    /**
     * A pairwise (or global) log-rank test.
     *
     * @param label {@code all arms} or an {@link ArmContrast} label
     * @param contrast the contrast, empty for the global test
     * @param test the test; empty when the arms compared have no event at all, or the test has no
     *     information (singular variance, e.g. every animal leaves the risk set at one time)
     * @param pHolm Holm-adjusted p over the five contrasts (empty for the global test)
     * @param pBh Benjamini–Hochberg-adjusted p over the five contrasts (empty for the global test)
     */
    public record Comparison(
            String label,
            Optional<ArmContrast> contrast,
            Optional<LogRankResult> test,
            OptionalDouble pHolm,
            OptionalDouble pBh) {}

    /**
     * The analysis.
     *
     * @param threshold the endpoint
     * @param timeStart the study's first day (time 0)
     * @param animals per-animal times, role order then input order
     * @param curves Kaplan–Meier curve per arm present (group name → curve, role order), log CIs
     * @param comparisons the global test first, then the five contrasts
     * @param excluded notes about animals left out
     */
    public record Result(
            EndpointThreshold threshold,
            double timeStart,
            List<AnimalTime> animals,
            Map<String, KmCurve> curves,
            List<Comparison> comparisons,
            List<String> excluded) {
        public Result {
            animals = List.copyOf(animals);
            curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
            comparisons = List.copyOf(comparisons);
            excluded = List.copyOf(excluded);
        }

        /** The survival sample of one arm, empty if no animal of that arm is analysed. */
        public Optional<SurvivalSample> sample(ArmRole role) {
            double[] t = animals.stream()
                    .filter(a -> a.role() == role)
                    .mapToDouble(AnimalTime::time)
                    .toArray();
            if (t.length == 0) {
                return Optional.empty();
            }
            List<AnimalTime> rows =
                    animals.stream().filter(a -> a.role() == role).toList();
            boolean[] e = new boolean[rows.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = rows.get(i).event();
            }
            return Optional.of(new SurvivalSample(t, e));
        }
    }

    /** Per-animal event times of {@code study} (four arms of {@code arms}) for {@code threshold}. */
    public static Result analyse(TumourStudy study, Arms arms, EndpointThreshold threshold) {
        TumourStudy s = study.restrictedTo(arms.groups());
        double start = s.firstDay();
        List<AnimalTime> animals = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            String g = arms.group(role);
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (TumourObservation o : s.observations()) {
                if (o.group().equals(g)) {
                    series.computeIfAbsent(o.animalId(), k -> new TreeMap<>()).put(o.day(), o.value());
                }
            }
            for (Map.Entry<String, TreeMap<Double, Double>> e : series.entrySet()) {
                TreeMap<Double, Double> pts = e.getValue();
                double baseline = pts.firstEntry().getValue();
                if (threshold.relative() && baseline == 0) {
                    excluded.add("animal " + e.getKey() + " left out of the time to " + threshold.label()
                            + ": baseline burden 0");
                    continue;
                }
                double level = threshold.relative() ? baseline * threshold.value() : threshold.value();
                animals.add(animalTime(e.getKey(), g, role, pts, baseline, level, threshold.interpolate(), start));
            }
        }
        Map<String, KmCurve> curves = new LinkedHashMap<>();
        Map<ArmRole, SurvivalSample> samples = new LinkedHashMap<>();
        Result partial = new Result(threshold, start, animals, Map.of(), List.of(), excluded);
        for (ArmRole role : ArmRole.values()) {
            Optional<SurvivalSample> sample = partial.sample(role);
            if (sample.isPresent()) {
                samples.put(role, sample.get());
                curves.put(arms.group(role), KaplanMeier.fit(sample.get(), ConfType.LOG));
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        Map<String, SurvivalSample> all = new LinkedHashMap<>();
        samples.forEach((r, smp) -> all.put(arms.group(r), smp));
        comparisons.add(new Comparison(
                "all arms", Optional.empty(), logRank(all), OptionalDouble.empty(), OptionalDouble.empty()));
        ArmContrast[] contrasts = ArmContrast.values();
        List<Optional<LogRankResult>> tests = new ArrayList<>();
        OptionalDouble[] p = new OptionalDouble[contrasts.length];
        for (int i = 0; i < contrasts.length; i++) {
            ArmContrast c = contrasts[i];
            Map<String, SurvivalSample> pair = new LinkedHashMap<>();
            if (samples.containsKey(c.second()) && samples.containsKey(c.first())) {
                pair.put(arms.group(c.second()), samples.get(c.second()));
                pair.put(arms.group(c.first()), samples.get(c.first()));
            }
            Optional<LogRankResult> t = logRank(pair);
            tests.add(t);
            p[i] = t.isPresent() ? OptionalDouble.of(t.get().p()) : OptionalDouble.empty();
        }
        OptionalDouble[] holm = Multiplicity.holm(p);
        OptionalDouble[] bh = Multiplicity.benjaminiHochberg(p);
        for (int i = 0; i < contrasts.length; i++) {
            comparisons.add(
                    new Comparison(contrasts[i].label(), Optional.of(contrasts[i]), tests.get(i), holm[i], bh[i]));
        }
        return new Result(threshold, start, animals, curves, comparisons, excluded);
    }

    private static Optional<LogRankResult> logRank(Map<String, SurvivalSample> groups) {
        if (groups.size() < 2
                || groups.values().stream().mapToInt(SurvivalSample::events).sum() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LogRank.test(groups));
        } catch (MathIllegalArgumentException e) {
            // singular variance: every animal left the risk set at one time, no information
            return Optional.empty();
        }
    }

    static AnimalTime animalTime(
            String id,
            String group,
            ArmRole role,
            TreeMap<Double, Double> pts,
            double baseline,
            double level,
            boolean interpolate,
            double start) {
        Map.Entry<Double, Double> prev = null;
        for (Map.Entry<Double, Double> p : pts.entrySet()) {
            if (p.getValue() >= level) {
                double day = p.getKey();
                if (interpolate && prev != null) {
                    double f = (level - prev.getValue()) / (p.getValue() - prev.getValue());
                    day = prev.getKey() + f * (p.getKey() - prev.getKey());
                }
                return new AnimalTime(id, group, role, baseline, level, day - start, true, pts.size());
            }
            prev = p;
        }
        return new AnimalTime(id, group, role, baseline, level, pts.lastKey() - start, false, pts.size());
    }
}
