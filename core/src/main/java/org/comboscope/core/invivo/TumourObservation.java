package org.comboscope.core.invivo;

import java.util.Objects;
import org.comboscope.core.error.InvalidInputException;

/**
 * One tumour-burden measurement of one animal.
 *
 * @param animalId animal (or tumour) identifier, unique across the study
 * @param group treatment group of the animal
 * @param day study day (any origin; may be negative)
 * @param value tumour burden (mm³ or RLU), finite and >= 0
 */
public record TumourObservation(String animalId, String group, double day, double value) {
    public TumourObservation {
        Objects.requireNonNull(animalId, "animalId");
        Objects.requireNonNull(group, "group");
        if (!Double.isFinite(day)) {
            throw new InvalidInputException("day", day, "must be finite", "animal " + animalId);
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidInputException(
                    "tumour burden", value, "must be finite and >= 0", "animal " + animalId + ", day " + day);
        }
    }
}
