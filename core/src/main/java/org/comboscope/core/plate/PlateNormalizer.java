package org.comboscope.core.plate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;

/**
 * Blank subtraction and scaling to percent viability, per plate.
 *
 * <p>{@code viability % = 100 × (signal − blank) / (vehicle − blank)} where blank and vehicle are
 * the means of the plate's measured blank and vehicle wells ({@link Normalization#BLANK_VEHICLE});
 * or, with positive-control scaling, {@code 100 × (signal − positive) / (vehicle − positive)}.
 * Missing and saturated wells are never given a value: they keep an empty viability and are named
 * in the notes.
 */
public final class PlateNormalizer {
    private PlateNormalizer() {}

    /**
     * Normalises one plate with its map.
     *
     * @throws InvalidInputException when the map and plate formats differ, when no vehicle well
     *     (or, for positive scaling, no positive-control well) has a measured signal, or when the
     *     vehicle mean does not exceed the reference (blank or positive) mean
     */
    public static NormalizedPlate normalize(PlateReadout plate, PlateMap map, Normalization method) {
        String where = "plate " + plate.plateId() + " (" + plate.source() + ")";
        if (plate.format() != map.format()) {
            throw new InvalidInputException(
                    "plate format",
                    plate.format().wells(),
                    "must match the plate map " + map.source() + " ("
                            + map.format().wells() + " wells)",
                    where);
        }
        List<String> notes = new ArrayList<>();
        OptionalDouble blank = mean(plate, map, WellRole.BLANK);
        OptionalDouble vehicle = mean(plate, map, WellRole.VEHICLE);
        OptionalDouble positive = mean(plate, map, WellRole.POSITIVE);
        if (vehicle.isEmpty()) {
            throw new InvalidInputException(
                    "vehicle wells",
                    0 + " measured of " + map.wellsWith(WellRole.VEHICLE).size(),
                    "must have at least one measured signal (missing or saturated)",
                    where);
        }
        double reference;
        String refName;
        if (method == Normalization.POSITIVE_VEHICLE) {
            if (positive.isEmpty()) {
                throw new InvalidInputException(
                        "positive-control wells",
                        0 + " measured of " + map.wellsWith(WellRole.POSITIVE).size(),
                        "must have at least one measured signal for positive-control scaling",
                        where);
            }
            reference = positive.getAsDouble();
            refName = "positive-control";
        } else {
            if (blank.isEmpty()) {
                notes.add("plate " + plate.plateId() + ": no measured blank wells; signals used without blank"
                        + " subtraction (blank = 0)");
            }
            reference = blank.orElse(0);
            refName = "blank";
        }
        double window = vehicle.getAsDouble() - reference;
        if (!(window > 0)) {
            throw new InvalidInputException(
                    "vehicle mean",
                    vehicle.getAsDouble(),
                    "must exceed the " + refName + " mean " + reference + " (no assay window)",
                    where);
        }
        List<NormalizedWell> wells = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (int i = 0; i < plate.format().wells(); i++) {
            WellAssignment a = map.well(i);
            OptionalDouble s = plate.value(i);
            OptionalDouble v = OptionalDouble.empty();
            if (a.role().hasCells()) {
                if (s.isPresent()) {
                    v = OptionalDouble.of(100.0 * (s.getAsDouble() - reference) / window);
                } else {
                    unusable.add(plate.format().wellName(i) + " ("
                            + (plate.state(i) == WellState.OVERFLOW ? "saturated" : "no signal") + ")");
                }
            }
            wells.add(new NormalizedWell(i, plate.format().wellName(i), a, plate.state(i), s, v));
        }
        if (!unusable.isEmpty()) {
            notes.add("plate " + plate.plateId() + ": " + unusable.size() + " mapped well"
                    + (unusable.size() == 1 ? "" : "s") + " without a usable signal, left out: "
                    + String.join(", ", unusable));
        }
        return new NormalizedPlate(plate.plateId(), method, blank, vehicle.getAsDouble(), positive, wells, notes);
    }

    /** Mean measured signal of the wells with {@code role}; empty when none is measured. */
    static OptionalDouble mean(PlateReadout plate, PlateMap map, WellRole role) {
        double sum = 0;
        int n = 0;
        for (int i : map.wellsWith(role)) {
            OptionalDouble v = plate.value(i);
            if (v.isPresent()) {
                sum += v.getAsDouble();
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
}
