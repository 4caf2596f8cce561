package org.comboscope.core.plate;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One well after normalisation.
 *
 * @param index row-major well index
 * @param name well name such as {@code C7}
 * @param assignment what the plate map says about the well
 * @param state what the reader found
 * @param signal raw signal (empty unless measured)
 * @param viabilityPercent percent viability (100 = vehicle mean); empty for wells without cells
 *     or without a measured signal
 */
public record NormalizedWell(
        int index,
        String name,
        WellAssignment assignment,
        WellState state,
        OptionalDouble signal,
        OptionalDouble viabilityPercent) {

    public NormalizedWell {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(viabilityPercent, "viabilityPercent");
    }

    /** Percent inhibition, {@code 100 − viability}; empty where viability is. */
    public OptionalDouble inhibitionPercent() {
        return viabilityPercent.isPresent()
                ? OptionalDouble.of(100 - viabilityPercent.getAsDouble())
                : OptionalDouble.empty();
    }
}
