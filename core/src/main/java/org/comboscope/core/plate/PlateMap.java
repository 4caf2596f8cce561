package org.comboscope.core.plate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.comboscope.core.error.InvalidInputException;

/**
 * A plate layout: per well its {@link WellAssignment}. One map is applied to every plate of a run
 * (replicate plates share a layout).
 *
 * @param source file the map was read from, for messages
 * @param format plate format
 * @param wells per well (row-major index) its assignment; wells the map does not list are
 *     {@link WellRole#EMPTY}
 */
public record PlateMap(String source, PlateFormat format, List<WellAssignment> wells) {

    public PlateMap {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        wells = List.copyOf(wells);
        if (wells.size() != format.wells()) {
            throw new InvalidInputException("wells", wells.size(), "must equal " + format.wells(), source);
        }
        if (indices(wells, WellRole.VEHICLE).isEmpty()) {
            throw new InvalidInputException(
                    "vehicle wells",
                    0,
                    "must be at least one (role vehicle or dmso): % viability is relative to the vehicle mean",
                    source);
        }
        if (indices(wells, WellRole.SAMPLE).isEmpty()) {
            throw new InvalidInputException("sample wells", 0, "must be at least one (role sample)", source);
        }
    }

    private static List<Integer> indices(List<WellAssignment> wells, WellRole role) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < wells.size(); i++) {
            if (wells.get(i).role() == role) {
                out.add(i);
            }
        }
        return out;
    }

    /** The assignment of a well. */
    public WellAssignment well(int index) {
        return wells.get(index);
    }

    /** Indices of the wells with this role, ascending. */
    public List<Integer> wellsWith(WellRole role) {
        return indices(wells, role);
    }

    /** Largest number of drugs in any sample well. */
    public int drugCount() {
        return wells.stream().mapToInt(w -> w.drugs().size()).max().orElse(0);
    }
}
