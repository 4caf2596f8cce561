package org.comboscope.core.plate;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A plate after normalisation.
 *
 * @param plateId the plate's identifier
 * @param method how viability was computed
 * @param blankMean mean raw signal of the blank wells (empty when the plate has none; then 0 was
 *     subtracted)
 * @param vehicleMean mean raw signal of the vehicle wells
 * @param positiveMean mean raw signal of the positive-control wells, if any
 * @param wells every well, in index order
 * @param notes remarks (no blanks, wells without a signal, ...), each a full sentence
 */
public record NormalizedPlate(
        String plateId,
        Normalization method,
        OptionalDouble blankMean,
        double vehicleMean,
        OptionalDouble positiveMean,
        List<NormalizedWell> wells,
        List<String> notes) {

    public NormalizedPlate {
        Objects.requireNonNull(plateId, "plateId");
        Objects.requireNonNull(method, "method");
        wells = List.copyOf(wells);
        notes = List.copyOf(notes);
    }
}
