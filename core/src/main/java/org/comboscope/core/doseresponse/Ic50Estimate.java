package org.comboscope.core.doseresponse;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An IC50 with its delta-method standard error and confidence interval, or the reason it is
 * undefined.
 *
 * @param value the IC50 in dose units; empty when undefined
 * @param se delta-method standard error; empty when the covariance is not estimable
 * @param lower lower confidence bound ({@code value − t·se}, as drc's {@code ED(interval="delta")})
 * @param upper upper confidence bound
 * @param reason why the value or its interval is missing; empty when both exist
 */
public record Ic50Estimate(
        OptionalDouble value, OptionalDouble se, OptionalDouble lower, OptionalDouble upper, Optional<String> reason) {

    static Ic50Estimate undefined(String reason) {
        return new Ic50Estimate(
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.of(reason));
    }
}
