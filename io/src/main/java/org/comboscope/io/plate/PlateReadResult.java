package org.comboscope.io.plate;

import java.util.List;
import java.util.Objects;
import org.comboscope.core.plate.PlateReadout;

/**
 * What {@link PlateReader} read from one file.
 *
 * @param source the file name used in messages
 * @param layout the layout that was detected
 * @param plates the plates, in file order
 * @param details one line per plate saying exactly what was read (where, dimensions, how many
 *     wells measured, missing and saturated)
 * @param warnings non-fatal remarks (ignored metadata rows, byte-order mark, ...)
 */
public record PlateReadResult(
        String source, PlateLayout layout, List<PlateReadout> plates, List<String> details, List<String> warnings) {

    public PlateReadResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(layout, "layout");
        plates = List.copyOf(plates);
        details = List.copyOf(details);
        warnings = List.copyOf(warnings);
    }
}
