package org.comboscope.core.response;

/**
 * A two-sided confidence interval.
 *
 * @param lower lower bound
 * @param upper upper bound
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record Interval(double lower, double upper, double level) {}
