package org.comboscope.core.survival;

import java.util.OptionalDouble;

/**
 * A quantile of a survival curve (the time by which a fraction {@code 1 − probability} is still
 * event-free; {@code probability = 0.5} is the median) with its Brookmeyer–Crowley confidence
 * interval. Each value is empty when the curve (or its confidence band) never reaches the level,
 * as R prints {@code NA}.
 *
 * @param probability survival level in (0, 1): 0.5 for the median, 0.75 for the first quartile of
 *     event times
 * @param estimate time at which the survival curve reaches the level
 * @param lower time at which the lower confidence band reaches the level
 * @param upper time at which the upper confidence band reaches the level
 */
public record QuantileEstimate(
        double probability, OptionalDouble estimate, OptionalDouble lower, OptionalDouble upper) {}
