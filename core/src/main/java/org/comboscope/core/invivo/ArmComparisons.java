package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.inference.TTest;

/**
 * Comparisons between arms at an endpoint day: Welch's t-test (Hipparchus; Welch–Satterthwaite
 * degrees of freedom, as R's {@code t.test(x, y)}) and the Mann–Whitney test ({@link MannWhitney},
 * as R's {@code wilcox.test(x, y)}), for the five {@link ArmContrast}s, with Holm and
 * Benjamini–Hochberg adjustment over the five contrasts of each (variable, test) family.
 *
 * <p>Variables, over the animals measured on the endpoint day: {@code log_volume} = ln(burden)
 * (animals with burden 0 there are left out); {@code RTV} = burden / the animal's first measurement
 * (baseline 0 left out); {@code AUC} = trapezoidal area of the burden from the animal's first
 * measurement to the endpoint day (burden × days).
 */
public final class ArmComparisons {
    private ArmComparisons() {}

    /** The compared per-animal quantity. */
    public enum Variable {
        LOG_VOLUME("log_volume"),
        RTV("RTV"),
        AUC("AUC");

        private final String label;

        Variable(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The test. */
    public enum Test {
        WELCH("Welch two-sample t-test"),
        MANN_WHITNEY("Mann-Whitney U");

        private final String label;

        Test(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One comparison.
     *
     * @param variable compared quantity
     * @param test test
     * @param contrast arms compared (first minus second)
     * @param day endpoint day (as in the input)
     * @param n1 animals of the first arm
     * @param n2 animals of the second arm
     * @param center1 mean (Welch) or median (Mann–Whitney) of the first arm
     * @param center2 the same for the second arm
     * @param estimate Welch: difference of means (first − second); Mann–Whitney: {@code W / (n1 n2)},
     *     the probability that a first-arm value exceeds a second-arm one (ties count 1/2)
     * @param lower Welch: lower 95 % bound of the difference; empty for Mann–Whitney
     * @param upper Welch: upper 95 % bound; empty for Mann–Whitney
     * @param statistic Welch t, or R's W
     * @param df Welch–Satterthwaite degrees of freedom; empty for Mann–Whitney
     * @param p two-sided p-value; empty when the test is undefined (n < 2 for Welch, zero variance)
     * @param pHolm Holm-adjusted p over the five contrasts
     * @param pBh Benjamini–Hochberg-adjusted p over the five contrasts
     * @param method full method label (e.g. exact or normal approximation)
     */
    public record Comparison(
            Variable variable,
            Test test,
            ArmContrast contrast,
            double day,
            int n1,
            int n2,
            OptionalDouble center1,
            OptionalDouble center2,
            OptionalDouble estimate,
            OptionalDouble lower,
            OptionalDouble upper,
            OptionalDouble statistic,
            OptionalDouble df,
            OptionalDouble p,
            OptionalDouble pHolm,
            OptionalDouble pBh,
            String method) {}

    /**
     * The default endpoint day: the last day on which every arm has at least two animals measured.
     */
    public static OptionalDouble defaultDay(TumourStudy study, Arms arms) {
        TreeSet<Double> common = null;
        for (String g : arms.groups()) {
            TreeSet<Double> days = new TreeSet<>();
            EndpointStatistics.valuesByDay(study, g).forEach((d, v) -> {
                if (v.length >= 2) {
                    days.add(d);
                }
            });
            if (common == null) {
                common = days;
            } else {
                common.retainAll(days);
            }
        }
        return common == null || common.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(common.last());
    }

    /** Per-animal values of each variable for each arm at {@code day}. */
    public static Map<Variable, Map<ArmRole, double[]>> values(TumourStudy study, Arms arms, double day) {
        Map<Variable, Map<ArmRole, double[]>> out = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            out.put(v, new EnumMap<>(ArmRole.class));
        }
        for (ArmRole role : ArmRole.values()) {
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (TumourObservation o : study.observations()) {
                if (o.group().equals(arms.group(role)) && o.day() <= day) {
                    series.computeIfAbsent(o.animalId(), k -> new TreeMap<>()).put(o.day(), o.value());
                }
            }
            List<Double> logV = new ArrayList<>();
            List<Double> rtv = new ArrayList<>();
            List<Double> auc = new ArrayList<>();
            for (TreeMap<Double, Double> pts : series.values()) {
                Double v = pts.get(day);
                if (v == null) {
                    continue;
                }
                if (v > 0) {
                    logV.add(Math.log(v));
                }
                double v0 = pts.firstEntry().getValue();
                if (v0 > 0) {
                    rtv.add(v / v0);
                }
                double a = 0;
                Map.Entry<Double, Double> prev = null;
                for (Map.Entry<Double, Double> p : pts.entrySet()) {
                    if (prev != null) {
                        a += (p.getKey() - prev.getKey()) * (p.getValue() + prev.getValue()) / 2;
                    }
                    prev = p;
                }
                auc.add(a);
            }
            out.get(Variable.LOG_VOLUME).put(role, toArray(logV));
            out.get(Variable.RTV).put(role, toArray(rtv));
            out.get(Variable.AUC).put(role, toArray(auc));
        }
        return out;
    }

    /** All comparisons at {@code day}: variable, then test, then contrast order. */
    public static List<Comparison> compare(TumourStudy study, Arms arms, double day) {
        if (!Double.isFinite(day)) {
            throw new InvalidInputException("endpoint day", day, "must be finite");
        }
        Map<Variable, Map<ArmRole, double[]>> values = values(study, arms, day);
        List<Comparison> out = new ArrayList<>();
        for (Variable v : Variable.values()) {
            for (Test t : Test.values()) {
                List<Comparison> family = new ArrayList<>();
                for (ArmContrast c : ArmContrast.values()) {
                    double[] x = values.get(v).get(c.first());
                    double[] y = values.get(v).get(c.second());
                    family.add(t == Test.WELCH ? welch(v, c, day, x, y) : mannWhitney(v, c, day, x, y));
                }
                OptionalDouble[] p = family.stream().map(Comparison::p).toArray(OptionalDouble[]::new);
                OptionalDouble[] holm = Multiplicity.holm(p);
                OptionalDouble[] bh = Multiplicity.benjaminiHochberg(p);
                for (int i = 0; i < family.size(); i++) {
                    Comparison r = family.get(i);
                    out.add(new Comparison(
                            r.variable(),
                            r.test(),
                            r.contrast(),
                            r.day(),
                            r.n1(),
                            r.n2(),
                            r.center1(),
                            r.center2(),
                            r.estimate(),
                            r.lower(),
                            r.upper(),
                            r.statistic(),
                            r.df(),
                            r.p(),
                            holm[i],
                            bh[i],
                            r.method()));
                }
            }
        }
        return out;
    }

    static Comparison welch(Variable v, ArmContrast c, double day, double[] x, double[] y) {
        OptionalDouble none = OptionalDouble.empty();
        OptionalDouble m1 = x.length == 0 ? none : OptionalDouble.of(EndpointStatistics.mean(x));
        OptionalDouble m2 = y.length == 0 ? none : OptionalDouble.of(EndpointStatistics.mean(y));
        String method = Test.WELCH.label();
        if (x.length < 2 || y.length < 2) {
            return new Comparison(
                    v,
                    Test.WELCH,
                    c,
                    day,
                    x.length,
                    y.length,
                    m1,
                    m2,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    method + " (not run: n < 2)");
        }
        double vx = variance(x) / x.length;
        double vy = variance(y) / y.length;
        double se = Math.sqrt(vx + vy);
        double diff = m1.getAsDouble() - m2.getAsDouble();
        if (se == 0) {
            return new Comparison(
                    v,
                    Test.WELCH,
                    c,
                    day,
                    x.length,
                    y.length,
                    m1,
                    m2,
                    OptionalDouble.of(diff),
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    method + " (not run: both variances 0)");
        }
        double df = (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
        TTest tt = new TTest();
        double t = tt.t(x, y);
        double p = tt.tTest(x, y);
        double q = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new Comparison(
                v,
                Test.WELCH,
                c,
                day,
                x.length,
                y.length,
                m1,
                m2,
                OptionalDouble.of(diff),
                OptionalDouble.of(diff - q * se),
                OptionalDouble.of(diff + q * se),
                OptionalDouble.of(t),
                OptionalDouble.of(df),
                OptionalDouble.of(p),
                none,
                none,
                method);
    }

    static Comparison mannWhitney(Variable v, ArmContrast c, double day, double[] x, double[] y) {
        OptionalDouble none = OptionalDouble.empty();
        OptionalDouble md1 = x.length == 0 ? none : OptionalDouble.of(median(x));
        OptionalDouble md2 = y.length == 0 ? none : OptionalDouble.of(median(y));
        if (x.length == 0 || y.length == 0) {
            return new Comparison(
                    v,
                    Test.MANN_WHITNEY,
                    c,
                    day,
                    x.length,
                    y.length,
                    md1,
                    md2,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    none,
                    Test.MANN_WHITNEY.label() + " (not run: empty arm)");
        }
        MannWhitney.Result r = MannWhitney.test(x, y);
        return new Comparison(
                v,
                Test.MANN_WHITNEY,
                c,
                day,
                x.length,
                y.length,
                md1,
                md2,
                OptionalDouble.of(r.w() / ((double) x.length * y.length)),
                none,
                none,
                OptionalDouble.of(r.w()),
                none,
                OptionalDouble.of(r.p()),
                none,
                none,
                r.method());
    }

    private static double variance(double[] v) {
        double m = EndpointStatistics.mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return ss / (v.length - 1);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return EndpointStatistics.median(s);
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
