package org.comboscope.core.combination;

import java.util.Optional;
import org.comboscope.core.response.Interval;

/**
 * One fitted model parameter with its bootstrap confidence interval.
 *
 * @param name parameter name as the outputs write it (e.g. {@code alpha12}, {@code e3_fa})
 * @param value point estimate
 * @param ci 95 % bootstrap percentile interval; empty when no bootstrap was run or too few refits
 *     succeeded
 */
public record ParameterEstimate(String name, double value, Optional<Interval> ci) {}
