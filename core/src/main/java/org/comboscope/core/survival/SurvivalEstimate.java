package org.comboscope.core.survival;

import java.util.OptionalDouble;

/**
 * The Kaplan–Meier estimate at a fixed time (e.g. 12-week progression-free survival), as R's
 * {@code summary(fit, times = t)}.
 *
 * @param time the requested time
 * @param nRisk subjects still at risk at {@code time} (follow-up {@code >= time})
 * @param surv estimated survival probability at {@code time}
 * @param stdErr Greenwood standard error of {@code surv}; empty where undefined (after the curve
 *     reaches 0)
 * @param lower lower confidence bound; empty where the interval type is undefined
 * @param upper upper confidence bound; empty where the interval type is undefined
 */
public record SurvivalEstimate(
        double time, int nRisk, double surv, OptionalDouble stdErr, OptionalDouble lower, OptionalDouble upper) {}
