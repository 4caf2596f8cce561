package org.comboscope.core.combination;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The Python {@code synergy} package's default single-drug model for Bliss and HSA ({@code
 * single/log_linear.py}): replicate doses reduced to their median E, then linear interpolation of E
 * against ln d, with d = 0 taken as the smallest positive double. Undefined outside the measured
 * dose range.
 */
final class LogLinear {
    private final double[] logDose;
    private final double[] e;

    LogLinear(double[] doses, double[] responses) {
        TreeMap<Double, List<Double>> byDose = new TreeMap<>();
        for (int i = 0; i < doses.length; i++) {
            byDose.computeIfAbsent(doses[i], k -> new ArrayList<>()).add(responses[i]);
        }
        logDose = new double[byDose.size()];
        e = new double[byDose.size()];
        int k = 0;
        for (var entry : byDose.entrySet()) {
            logDose[k] = log(entry.getKey());
            e[k] = HillFitter.median(
                    entry.getValue().stream().mapToDouble(Double::doubleValue).toArray());
            k++;
        }
    }

    private static double log(double d) {
        return Math.log(d == 0 ? Double.MIN_VALUE : d);
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
