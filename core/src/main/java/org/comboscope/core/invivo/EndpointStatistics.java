package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Descriptive endpoint statistics of a study: per arm and day summaries, TGI and T/C, per-animal
 * AUC. Deterministic; only the four arms of {@link Arms} are used, other groups are ignored.
 */
public final class EndpointStatistics {
    private EndpointStatistics() {}

    /** Per arm (role order) and day (ascending): n, mean, SD, SEM, median, min, max. */
    public static List<GroupDaySummary> groupDaySummaries(TumourStudy study, Arms arms) {
        double start = study.restrictedTo(arms.groups()).firstDay();
        List<GroupDaySummary> out = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            String g = arms.group(role);
            for (Map.Entry<Double, double[]> e : valuesByDay(study, g).entrySet()) {
                double[] v = e.getValue();
                double[] s = v.clone();
                Arrays.sort(s);
                double mean = mean(v);
                OptionalDouble sd = sd(v, mean);
                OptionalDouble sem = sd.isPresent() ? OptionalDouble.of(sd.getAsDouble() / Math.sqrt(v.length)) : sd;
                out.add(new GroupDaySummary(
                        g,
                        role,
                        e.getKey(),
                        e.getKey() - start,
                        v.length,
                        mean,
                        sd,
                        sem,
                        median(s),
                        s[0],
                        s[s.length - 1]));
            }
        }
        return out;
    }

    /**
     * TGI and T/C of each treated arm on every day on which all four arms have at least one
     * measurement, in day order then role order.
     */
    public static List<GrowthInhibition> growthInhibition(TumourStudy study, Arms arms) {
        double start = study.restrictedTo(arms.groups()).firstDay();
        List<TreeMap<Double, double[]>> byRole = new ArrayList<>();
        TreeSet<Double> common = null;
        for (ArmRole role : ArmRole.values()) {
            TreeMap<Double, double[]> m = valuesByDay(study, arms.group(role));
            byRole.add(m);
            if (common == null) {
                common = new TreeSet<>(m.keySet());
            } else {
                common.retainAll(m.keySet());
            }
        }
        List<GrowthInhibition> out = new ArrayList<>();
        if (common == null || common.isEmpty()) {
            return out;
        }
        double last = common.last();
        double[] control0 = byRole.get(0).get(start);
        OptionalDouble mc0 = control0 == null ? OptionalDouble.empty() : OptionalDouble.of(mean(control0));
        for (double day : common) {
            double[] c = byRole.get(0).get(day);
            double mc = mean(c);
            for (ArmRole role : List.of(ArmRole.DRUG_A, ArmRole.DRUG_B, ArmRole.COMBINATION)) {
                double[] t = byRole.get(role.ordinal()).get(day);
                double[] t0 = byRole.get(role.ordinal()).get(start);
                OptionalDouble mt0 = t0 == null ? OptionalDouble.empty() : OptionalDouble.of(mean(t0));
                double mt = mean(t);
                OptionalDouble tgi = OptionalDouble.empty();
                if (mt0.isPresent() && mc0.isPresent()) {
                    tgi = finite(100 * (1 - (mt - mt0.getAsDouble()) / (mc - mc0.getAsDouble())));
                }
                out.add(new GrowthInhibition(
                        day,
                        day - start,
                        arms.group(role),
                        role,
                        t.length,
                        c.length,
                        t0 == null ? 0 : t0.length,
                        control0 == null ? 0 : control0.length,
                        mt0,
                        mt,
                        mc0,
                        mc,
                        tgi,
                        finite(100 * (1 - mt / mc)),
                        finite(100 * mt / mc),
                        day == last));
            }
        }
        return out;
    }

    /**
     * Per-animal area under the tumour-burden curve by the trapezoidal rule over the animal's own
     * measurement days (units value × day), in role order then animal order of first appearance.
     * An animal with one measurement has AUC 0 over a span of 0 days.
     */
    public static List<AnimalAuc> animalAuc(TumourStudy study, Arms arms) {
        List<AnimalAuc> out = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            String g = arms.group(role);
            Map<String, TreeMap<Double, Double>> animals = new LinkedHashMap<>();
            for (TumourObservation o : study.observations()) {
                if (o.group().equals(g)) {
                    animals.computeIfAbsent(o.animalId(), k -> new TreeMap<>()).put(o.day(), o.value());
                }
            }
            for (Map.Entry<String, TreeMap<Double, Double>> e : animals.entrySet()) {
                double auc = 0;
                Map.Entry<Double, Double> prev = null;
                for (Map.Entry<Double, Double> p : e.getValue().entrySet()) {
                    if (prev != null) {
                        auc += (p.getKey() - prev.getKey()) * (p.getValue() + prev.getValue()) / 2;
                    }
                    prev = p;
                }
                TreeMap<Double, Double> pts = e.getValue();
                out.add(new AnimalAuc(e.getKey(), g, role, pts.firstKey(), pts.lastKey(), pts.size(), auc));
            }
        }
        return out;
    }

    private static OptionalDouble finite(double x) {
        return Double.isFinite(x) ? OptionalDouble.of(x) : OptionalDouble.empty();
    }

    static TreeMap<Double, double[]> valuesByDay(TumourStudy study, String group) {
        TreeMap<Double, List<Double>> m = new TreeMap<>();
        for (TumourObservation o : study.observations()) {
            if (o.group().equals(group)) {
                m.computeIfAbsent(o.day(), k -> new ArrayList<>()).add(o.value());
            }
        }
        TreeMap<Double, double[]> out = new TreeMap<>();
        m.forEach(
                (d, l) -> out.put(d, l.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static OptionalDouble sd(double[] v, double mean) {
        if (v.length < 2) {
            return OptionalDouble.empty();
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return OptionalDouble.of(Math.sqrt(ss / (v.length - 1)));
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
