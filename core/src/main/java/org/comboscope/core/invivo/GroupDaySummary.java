package org.comboscope.core.invivo;

import java.util.OptionalDouble;

/**
 * Tumour burden of one arm on one day, over the animals measured that day (zeros included).
 *
 * @param group group name
 * @param role role of the group
 * @param day study day as in the input
 * @param daySinceStart {@code day} minus the study's first day
 * @param n animals measured
 * @param mean arithmetic mean
 * @param sd sample standard deviation (n - 1); empty when n < 2
 * @param sem {@code sd / sqrt(n)}; empty when n < 2
 * @param median median
 * @param min smallest value
 * @param max largest value
 */
public record GroupDaySummary(
        String group,
        ArmRole role,
        double day,
        double daySinceStart,
        int n,
        double mean,
        OptionalDouble sd,
        OptionalDouble sem,
        double median,
        double min,
        double max) {}
