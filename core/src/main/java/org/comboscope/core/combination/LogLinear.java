package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The Python {@code synergy} package's default single-drug model for Bliss and HSA ({@code
 * single/log_linear.py}): replicate doses reduced to their median E, then linear interpolation of E
 * against ln d, with d = 0 taken as the smallest positive double. Undefined outside the measured
 * dose range. {@link #inverse} is the package's monotone inverse ({@code E_inv}, {@code nan_inverses =
 * False}): E ranges that the piecewise-linear curve passes more than once ("uninvertible domains",
 * merged where they touch) are bridged by straight segments between their boundary points.
 */
final class LogLinear {
    private final double[] dose;
    private final double[] logDose;
    private final double[] e;
    private double[] invE;
    private double[] invLogD;
    private double doseScale;
    private double[] scaledLogDose;

    LogLinear(double[] doses, double[] responses) {
        TreeMap<Double, List<Double>> byDose = new TreeMap<>();
        for (int i = 0; i < doses.length; i++) {
            byDose.computeIfAbsent(doses[i], k -> new ArrayList<>()).add(responses[i]);
        }
        dose = new double[byDose.size()];
        logDose = new double[byDose.size()];
        e = new double[byDose.size()];
        int k = 0;
        for (var entry : byDose.entrySet()) {
            dose[k] = entry.getKey() == 0 ? Double.MIN_VALUE : entry.getKey();
            logDose[k] = log(entry.getKey());
            e[k] = HillFitter.median(
                    entry.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            k++;
        }
    }

    private static double log(double d) {
        return Math.log(d == 0 ? Double.MIN_VALUE : d);
    }

    /**
     * The dose giving effect {@code target} (E scale) on the package's monotone inverse; empty when
     * {@code target} is outside [min E, max E] of the aggregated points (NaN in the package).
     */
    OptionalDouble inverse(double target) {
        if (invE == null) {
            prepareInverse();
        }
        double min = Arrays.stream(e).min().orElseThrow();
        double max = Arrays.stream(e).max().orElseThrow();
        if (invE.length == 0 || target < min || target > max || Double.isNaN(target)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.exp(interp(target, invE, invLogD)) * doseScale);
    }

    /** The package's {@code _prepare_inverse}, on its scaled log doses {@code ln(d / exp(mean ln d))}. */
    private void prepareInverse() {
        int n = e.length;
        double meanLog = 0;
        for (double ld : logDose) {
            meanLog += ld;
        }
        doseScale = Math.exp(meanLog / n);
        scaledLogDose = new double[n];
        for (int i = 0; i < n; i++) {
            scaledLogDose[i] = Math.log(dose[i] / doseScale);
        }
        List<double[]> domains = uninvertibleDomains();
        Map<Integer, double[]> toDomain = new LinkedHashMap<>();
        List<Integer> valid = new ArrayList<>();
        List<double[]> points = new ArrayList<>(); // {E, logd}
        for (int i = 0; i < n; i++) {
            double[] found = null;
            for (double[] dom : domains) {
                if (lo(dom) <= e[i] && e[i] <= hi(dom)) {
                    found = dom;
                    break;
                }
            }
            if (found != null) {
                toDomain.put(i, found);
            } else {
                valid.add(i);
                points.add(new double[] {e[i], scaledLogDose[i]});
            }
        }
        for (var entry : toDomain.entrySet()) {
            int bad = entry.getKey();
            double[] dom = entry.getValue();
            for (int nb : new int[] {-1, 1}) {
                int j = bad + nb;
                if (!valid.contains(j)) {
                    continue;
                }
                double target;
                double[] xp;
                double[] fp;
                if (e[j] < lo(dom)) {
                    target = lo(dom);
                    xp = new double[] {e[j], e[bad]};
                    fp = new double[] {scaledLogDose[j], scaledLogDose[bad]};
                } else {
                    target = hi(dom);
                    xp = new double[] {e[bad], e[j]};
                    fp = new double[] {scaledLogDose[bad], scaledLogDose[j]};
                }
                points.add(new double[] {target, interp(target, xp, fp)});
            }
        }
        for (var entry : toDomain.entrySet()) {
            int i = entry.getKey();
            double[] di = entry.getValue();
            double[] dj = toDomain.get(i + 1);
            if (dj == null || Arrays.equals(di, dj)) {
                continue;
            }
            int j = i + 1;
            double[] xp;
            double[] fp;
            double bi;
            double bj;
            if (e[i] < e[j]) {
                xp = new double[] {e[i], e[j]};
                fp = new double[] {scaledLogDose[i], scaledLogDose[j]};
                bi = hi(di);
                bj = lo(dj);
            } else {
                xp = new double[] {e[j], e[i]};
                fp = new double[] {scaledLogDose[j], scaledLogDose[i]};
                bj = hi(dj);
                bi = lo(di);
            }
            points.add(new double[] {bi, interp(bi, xp, fp)});
            points.add(new double[] {bj, interp(bj, xp, fp)});
        }
        // numpy argsort (quicksort, not stable) on distinct E values equals a stable sort
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        invE = points.stream().mapToDouble(p -> p[0]).toArray();
        invLogD = points.stream().mapToDouble(p -> p[1]).toArray();
    }

    private static double lo(double[] interval) {
        return Math.min(interval[0], interval[1]);
    }

    private static double hi(double[] interval) {
        return Math.max(interval[0], interval[1]);
    }

    /** The package's {@code _get_uninvertible_domains}: overlapping segment E ranges, merged. */
    private List<double[]> uninvertibleDomains() {
        List<double[]> domains = new ArrayList<>();
        int n = e.length;
        for (int a = 0; a < n - 2; a++) {
            for (int b = a + 1; b < n - 1; b++) {
                double[] overlap = intersection(new double[] {e[a], e[a + 1]}, new double[] {e[b], e[b + 1]}, false);
                if (overlap == null) {
                    continue;
                }
                List<double[]> previous = new ArrayList<>();
                for (double[] p : domains) {
                    if (intersection(overlap, p, true) != null) {
                        previous.add(p);
                    }
                }
                if (previous.isEmpty()) {
                    domains.add(overlap);
                } else {
                    domains.removeAll(previous);
                    double[] hull = previous.get(0).clone();
                    List<double[]> all = new ArrayList<>(previous);
                    all.add(overlap);
                    for (double[] iv : all.subList(1, all.size())) {
                        hull = new double[] {Math.min(hull[0], lo(iv)), Math.max(hull[1], hi(iv))};
                    }
                    domains.add(hull);
                }
            }
        }
        return domains;
    }

    private static double[] intersection(double[] i1, double[] i2, boolean inclusive) {
        double l1 = lo(i1);
        double h1 = hi(i1);
        double l2 = lo(i2);
        double h2 = hi(i2);
        if (inclusive ? (l2 > h1 || l1 > h2) : (l2 >= h1 || l1 >= h2)) {
            return null;
        }
        return new double[] {Math.max(l1, l2), Math.min(h1, h2)};
    }

    /** numpy.interp (xp increasing; clamped to the end values outside). */
    static double interp(double x, double[] xp, double[] fp) {
        int n = xp.length;
        if (x < xp[0]) {
            return fp[0];
        }
        if (x >= xp[n - 1]) {
            return fp[n - 1];
        }
        int j = 0;
        while (j + 1 < n && xp[j + 1] <= x) {
            j++;
        }
        if (xp[j] == x) {
            return fp[j];
        }
        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        double r = slope * (x - xp[j]) + fp[j];
        if (Double.isNaN(r)) {
            r = slope * (x - xp[j + 1]) + fp[j + 1];
            if (Double.isNaN(r) && fp[j] == fp[j + 1]) {
                r = fp[j];
            }
        }
        return r;
    }

    /** E at dose {@code d}; empty outside [min d, max d]. */
    OptionalDouble e(double d) {
        double x = log(d);
        if (x < logDose[0] || x > logDose[logDose.length - 1]) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < logDose.length; i++) {
            if (x == logDose[i]) {
                return OptionalDouble.of(e[i]);
            }
            if (x < logDose[i]) {
                double t = (x - logDose[i - 1]) / (logDose[i] - logDose[i - 1]);
                return OptionalDouble.of(e[i - 1] + t * (e[i] - e[i - 1]));
            }
        }
        return OptionalDouble.of(e[e.length - 1]);
    }
}
