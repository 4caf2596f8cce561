package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The deterministic statistics of invivoSyn (maobinchen/invivoSyn @7dcab78), reproduced as the
 * package computes them: per-mouse exponential growth rate from the AUC of log(TV + 1) ({@code
 * get_AUC}), AUC-based synergy point estimates ({@code bs_AUC_synergy} on the original data),
 * CombPDX day-wise combination index ({@code CombPDX_CI}) and its global average ({@code
 * bs_global_CI} on the original data), TGI per arm ({@code getTGI} point estimates) and TGI synergy
 * ({@code TGI_synergy} point estimates). The bootstrap intervals of invivoSyn are not reproduced.
 *
 * <p>Days are re-based by the first day of the study; TV0 is the animal's volume on re-based day 0
 * (none if it was not measured then); RTV = TV / TV0 (undefined if TV0 is 0).
 */
public final class InvivoSynStatistics {
    private InvivoSynStatistics() {}

    /**
     * One row of invivoSyn's expanded table.
     *
     * @param animalId animal
     * @param role its role
     * @param day re-based day
     * @param tv volume
     * @param tv0 volume on re-based day 0, if measured
     */
    public record Row(String animalId, ArmRole role, double day, double tv, OptionalDouble tv0) {
        /** TV / TV0; empty when TV0 is missing or 0. */
        public OptionalDouble rtv() {
            return tv0.isPresent() && tv0.getAsDouble() != 0
                    ? OptionalDouble.of(tv / tv0.getAsDouble())
                    : OptionalDouble.empty();
        }

        /** TV - TV0; empty when TV0 is missing. */
        public OptionalDouble deltaTv() {
            return tv0.isPresent() ? OptionalDouble.of(tv - tv0.getAsDouble()) : OptionalDouble.empty();
        }
    }

    /** invivoSyn's {@code expand_tv}: the four arms' rows with re-based day and TV0. */
    public static List<Row> expand(TumourStudy study, Arms arms) {
        TumourStudy s = study.restrictedTo(arms.groups());
        double start = s.firstDay();
        Map<String, Double> tv0 = new HashMap<>();
        for (TumourObservation o : s.observations()) {
            if (o.day() == start) {
                tv0.put(o.animalId(), o.value());
            }
        }
        List<Row> out = new ArrayList<>();
        for (TumourObservation o : s.observations()) {
            Double b = tv0.get(o.animalId());
            out.add(new Row(
                    o.animalId(),
                    arms.roleOf(o.group()).orElseThrow(),
                    o.day() - start,
                    o.value(),
                    b == null ? OptionalDouble.empty() : OptionalDouble.of(b)));
        }
        return out;
    }

    /**
     * Exponential growth rate of one mouse from invivoSyn's {@code get_AUC}: {@code 2 [trapz(day,
     * log(TV+1)) - log(TV_first+1) span] / span^2} over the mouse's measured days.
     *
     * @param animalId animal
     * @param role its role
     * @param rate growth rate per day; empty with a single measurement
     * @param lastDay last re-based day measured
     */
    public record MouseGrowthRate(String animalId, ArmRole role, OptionalDouble rate, double lastDay) {}

    /** Per-mouse growth rates, in order of first appearance. */
    public static List<MouseGrowthRate> mouseGrowthRates(TumourStudy study, Arms arms) {
        Map<String, TreeMap<Double, Double>> byMouse = new LinkedHashMap<>();
        Map<String, ArmRole> roleOf = new HashMap<>();
        for (Row r : expand(study, arms)) {
            byMouse.computeIfAbsent(r.animalId(), k -> new TreeMap<>()).put(r.day(), Math.log(r.tv() + 1));
            roleOf.put(r.animalId(), r.role());
        }
        List<MouseGrowthRate> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Double, Double>> e : byMouse.entrySet()) {
            TreeMap<Double, Double> pts = e.getValue();
            OptionalDouble rate = OptionalDouble.empty();
            if (pts.size() > 1) {
                double area = 0;
                Map.Entry<Double, Double> prev = null;
                for (Map.Entry<Double, Double> p : pts.entrySet()) {
                    if (prev != null) {
                        area += (p.getKey() - prev.getKey()) * (p.getValue() + prev.getValue()) / 2;
                    }
                    prev = p;
                }
                double span = pts.lastKey() - pts.firstKey();
                area -= pts.firstEntry().getValue() * span;
                rate = OptionalDouble.of(2 * area / (span * span));
            }
            out.add(new MouseGrowthRate(e.getKey(), roleOf.get(e.getKey()), rate, pts.lastKey()));
        }
        return out;
    }

    /**
     * invivoSyn's {@code mAUCr}: the median over all (treated, vehicle) mouse pairs of the ratio of
     * their growth rates, for the arm with role {@code treated}; empty when either arm has no rate.
     */
    public static OptionalDouble medianAucRatio(List<MouseGrowthRate> rates, ArmRole treated) {
        double[] v = rates.stream()
                .filter(r -> r.role() == ArmRole.VEHICLE && r.rate().isPresent())
                .mapToDouble(r -> r.rate().getAsDouble())
                .toArray();
        double[] t = rates.stream()
                .filter(r -> r.role() == treated && r.rate().isPresent())
                .mapToDouble(r -> r.rate().getAsDouble())
                .toArray();
        if (v.length == 0 || t.length == 0) {
            return OptionalDouble.empty();
        }
        double[] ratios = new double[v.length * t.length];
        int k = 0;
        for (double a : t) {
            for (double b : v) {
                ratios[k++] = a / b;
            }
        }
        java.util.Arrays.sort(ratios);
        return OptionalDouble.of(EndpointStatistics.median(ratios));
    }

    /**
     * AUC-based synergy at horizon t ({@code bs_AUC_synergy} on the original data): with arm means
     * {@code g} of the mouse growth rates, {@code s = exp((g - g_vehicle) t)}; expected {@code s_e} =
     * Bliss {@code s_A s_B}, HSA {@code min(s_A, s_B)}, RA {@code (1 - s_A) + (1 - s_B)} (as coded);
     * {@code CI = s_AB / s_e}, {@code synergyScore = 100 (s_e - s_AB)}.
     *
     * @param reference Bliss, HSA or RA
     * @param t horizon in days
     * @param ci combination index (< 1 = synergy)
     * @param synergyScore synergy score (> 0 = synergy)
     */
    public record AucSynergy(SynergyReference reference, double t, double ci, double synergyScore) {}

    /** AUC synergy point estimates from per-mouse rates. */
    public static AucSynergy aucSynergy(List<MouseGrowthRate> rates, SynergyReference reference, double t) {
        double[] sum = new double[4];
        int[] n = new int[4];
        for (MouseGrowthRate r : rates) {
            if (r.rate().isPresent()) {
                sum[r.role().ordinal()] += r.rate().getAsDouble();
                n[r.role().ordinal()]++;
            }
        }
        double[] s = new double[4];
        double v = sum[0] / n[0];
        for (int g = 0; g < 4; g++) {
            s[g] = Math.exp((sum[g] / n[g] - v) * t);
        }
        double se =
                switch (reference) {
                    case BLISS -> s[1] * s[2];
                    case HSA -> Math.min(s[1], s[2]);
                    case RA -> (1 - s[1]) + (1 - s[2]);
                };
        return new AucSynergy(reference, t, s[3] / se, 100 * (se - s[3]));
    }

    /**
     * CombPDX combination index on one day ({@code CombPDX_CI}); positive = synergy.
     *
     * @param reference Bliss, HSA or RA
     * @param day re-based day
     * @param ci log-scale combination index
     * @param se delta-method standard error
     * @param lower {@code ci - qnorm(level) se} (invivoSyn uses the one-sided quantile)
     * @param upper {@code ci + qnorm(level) se}
     * @param pValue one-sided {@code 1 - pnorm(ci, sd = se)}
     */
    public record DayCi(
            SynergyReference reference, double day, double ci, double se, double lower, double upper, double pValue) {}

    /** Day-wise CombPDX CI on every day on which every arm has at least two animals with an RTV. */
    public static List<DayCi> combPdxByDay(TumourStudy study, Arms arms, SynergyReference reference, double level) {
        TreeMap<Double, List<List<Double>>> byDay = rtvByDay(study, arms);
        double q = new NormalDistribution(0, 1).inverseCumulativeProbability(level);
        List<DayCi> out = new ArrayList<>();
        for (Map.Entry<Double, List<List<Double>>> e : byDay.entrySet()) {
            List<List<Double>> g = e.getValue();
            if (g.stream().anyMatch(l -> l.size() < 2)) {
                continue;
            }
            double[] m = new double[4];
            double[] v = new double[4];
            double[] n = new double[4];
            for (int k = 0; k < 4; k++) {
                double[] x = g.get(k).stream().mapToDouble(Double::doubleValue).toArray();
                m[k] = EndpointStatistics.mean(x);
                v[k] = EndpointStatistics.sd(x, m[k]).getAsDouble();
                v[k] *= v[k];
                n[k] = x.length;
            }
            double ci;
            double var;
            switch (reference) {
                case BLISS -> {
                    ci = Math.log(m[1]) + Math.log(m[2]) - Math.log(m[0]) - Math.log(m[3]);
                    var = 0;
                    for (int k = 0; k < 4; k++) {
                        var += v[k] / (n[k] * m[k] * m[k]);
                    }
                }
                case HSA -> {
                    int j = m[1] < m[2] ? 1 : 2;
                    ci = Math.log(m[j]) - Math.log(m[3]);
                    var = v[j] / (n[j] * m[j] * m[j]) + v[3] / (n[3] * m[3] * m[3]);
                }
                case RA -> {
                    ci = Math.log(m[1] + m[2]) - Math.log(m[0] + m[3]);
                    double a = (m[1] + m[2]) * (m[1] + m[2]);
                    double b = (m[0] + m[3]) * (m[0] + m[3]);
                    var = v[1] / (n[1] * a) + v[2] / (n[2] * a) + v[0] / (n[0] * b) + v[3] / (n[3] * b);
                }
                default -> throw new IllegalStateException();
            }
            double se = Math.sqrt(var);
            double p = se == 0 ? (ci >= 0 ? 0 : 1) : 1 - new NormalDistribution(0, se).cumulativeProbability(ci);
            out.add(new DayCi(reference, e.getKey(), ci, se, ci - q * se, ci + q * se, p));
        }
        return out;
    }

    /**
     * CombPDX global CI point estimate ({@code bs_global_CI} on the original data): the average over
     * days > 0 on which every arm has an RTV of the day-wise log CI from arm means. For HSA the
     * comparator is the smaller monotherapy mean of each day: the package's {@code mutate(lowm =
     * min(...))} runs on a tibble still grouped by Day, so it is per day, not one global minimum as
     * the spec (section 7) says; the reference outputs confirm the per-day reading.
     */
    public static OptionalDouble globalCi(TumourStudy study, Arms arms, SynergyReference reference) {
        TreeMap<Double, List<List<Double>>> byDay = rtvByDay(study, arms);
        List<double[]> means = new ArrayList<>();
        for (Map.Entry<Double, List<List<Double>>> e : byDay.entrySet()) {
            if (e.getKey() <= 0 || e.getValue().stream().anyMatch(List::isEmpty)) {
                continue;
            }
            double[] m = new double[4];
            for (int k = 0; k < 4; k++) {
                m[k] = e.getValue().get(k).stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElseThrow();
            }
            means.add(m);
        }
        if (means.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (double[] m : means) {
            sum += switch (reference) {
                case BLISS -> Math.log(m[1]) + Math.log(m[2]) - Math.log(m[0]) - Math.log(m[3]);
                case HSA -> Math.log(Math.min(m[1], m[2])) - Math.log(m[3]);
                case RA -> Math.log(m[1] + m[2]) - Math.log(m[0] + m[3]);
            };
        }
        return OptionalDouble.of(sum / means.size());
    }

    /** Which per-animal change invivoSyn's TGI uses. */
    public enum TgiVariable {
        /** {@code TV - TV0} (invivoSyn's default). */
        DELTA_TV,
        /** {@code TV / TV0} (the CombPDX definition). */
        RTV
    }

    /**
     * invivoSyn TGI per treated arm on one re-based day: {@code 100 (1 - mean_T(X) / mean_V(X))} over
     * the animals measured that day; index 0 (vehicle) is 0 by definition.
     */
    public static double[] tgi(TumourStudy study, Arms arms, double day, TgiVariable variable) {
        double[] sum = new double[4];
        int[] n = new int[4];
        for (Row r : expand(study, arms)) {
            if (r.day() != day) {
                continue;
            }
            OptionalDouble x = variable == TgiVariable.RTV ? r.rtv() : r.deltaTv();
            if (x.isPresent()) {
                sum[r.role().ordinal()] += x.getAsDouble();
                n[r.role().ordinal()]++;
            }
        }
        double v = sum[0] / n[0];
        double[] out = new double[4];
        for (int g = 1; g < 4; g++) {
            out[g] = 100 * (1 - (sum[g] / n[g]) / v);
        }
        return out;
    }

    /**
     * TGI synergy point estimates ({@code TGI_synergy}): expected TGI = Bliss {@code 100 (1 - (1 -
     * A/100)(1 - B/100))}, HSA {@code max(A, B)}, RA {@code A + B}; synergy score = observed -
     * expected; {@code ciLogRatio = log(observed / expected)}, empty when the ratio is not positive.
     *
     * @param reference Bliss, HSA or RA
     * @param expected expected combination TGI in percent
     * @param observed observed combination TGI in percent
     * @param synergyScore observed - expected
     * @param ciLogRatio log(observed / expected)
     */
    public record TgiSynergy(
            SynergyReference reference,
            double expected,
            double observed,
            double synergyScore,
            OptionalDouble ciLogRatio) {}

    /** TGI synergy from the per-arm TGIs of {@link #tgi}. */
    public static TgiSynergy tgiSynergy(double[] tgi, SynergyReference reference) {
        double a = tgi[1];
        double b = tgi[2];
        double e =
                switch (reference) {
                    case BLISS -> 100 * (1 - (1 - a / 100) * (1 - b / 100));
                    case HSA -> Math.max(a, b);
                    case RA -> a + b;
                };
        double o = tgi[3];
        double ratio = o / e;
        return new TgiSynergy(
                reference,
                e,
                o,
                o - e,
                ratio > 0 && Double.isFinite(ratio) ? OptionalDouble.of(Math.log(ratio)) : OptionalDouble.empty());
    }

    /** The last re-based day on which all four arms were measured. */
    public static OptionalDouble lastCommonDay(TumourStudy study, Arms arms) {
        List<TreeSet<Double>> days = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            days.add(new TreeSet<>());
        }
        for (Row r : expand(study, arms)) {
            days.get(r.role().ordinal()).add(r.day());
        }
        TreeSet<Double> common = new TreeSet<>(days.get(0));
        for (int k = 1; k < 4; k++) {
            common.retainAll(days.get(k));
        }
        return common.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(common.last());
    }

    private static TreeMap<Double, List<List<Double>>> rtvByDay(TumourStudy study, Arms arms) {
        TreeMap<Double, List<List<Double>>> byDay = new TreeMap<>();
        for (Row r : expand(study, arms)) {
            if (r.rtv().isEmpty()) {
                continue;
            }
            List<List<Double>> g = byDay.computeIfAbsent(r.day(), k -> {
                List<List<Double>> l = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    l.add(new ArrayList<>());
                }
                return l;
            });
            g.get(r.role().ordinal()).add(r.rtv().getAsDouble());
        }
        return byDay;
    }
}
