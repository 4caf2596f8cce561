package org.comboscope.core.evidence;

import org.comboscope.core.error.InvalidInputException;

/**
 * A count stated in a source as {@code n/N}: {@code events} subjects out of {@code total}.
 *
 * @param events number of subjects with the event (responders, progression-free, ...), {@code 0 <=
 *     events <= total}
 * @param total number of evaluable subjects, {@code >= 1}
 */
public record Count(int events, int total) {
    /** @throws InvalidInputException unless {@code total >= 1} and {@code 0 <= events <= total} */
    public Count {
        if (total < 1) {
            throw new InvalidInputException("N", total, "must be >= 1");
        }
        if (events < 0 || events > total) {
            throw new InvalidInputException("n", events, "must be in [0, N = " + total + "]");
        }
    }

    /** {@code events / total} as a fraction. */
    public double fraction() {
        return (double) events / total;
    }
}
