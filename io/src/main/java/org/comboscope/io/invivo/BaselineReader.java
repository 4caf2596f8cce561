package org.comboscope.io.invivo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.invivo.Randomisation;

/**
 * Reads animals awaiting randomisation: columns {@code animal_id} (or {@code mouse}, {@code animal})
 * and {@code volume_mm3} (or {@code baseline}); errors name file, line and column.
 */
public final class BaselineReader {
    private BaselineReader() {}

    /** Reads the animals in file order. */
    public static List<Randomisation.Animal> read(Path path) throws IOException {
        CsvSource src = CsvSource.read(path);
        int id = src.require("animal_id", "mouse", "animal");
        int vol = src.require("volume_mm3", "baseline");
        List<Randomisation.Animal> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (CsvSource.Row r : src.records) {
            String a = src.field(r, id);
            if (a.isEmpty()) {
                throw new DataFormatException(src.file, src.line(r), src.header.get(id), "must not be empty");
            }
            if (seen.contains(a)) {
                throw new DataFormatException(
                        src.file, src.line(r), src.header.get(id), "animal '" + a + "' is listed twice");
            }
            seen.add(a);
            double v = src.number(r, vol, "baseline volume must be a finite number >= 0");
            if (v < 0) {
                throw new DataFormatException(
                        src.file,
                        src.line(r),
                        src.header.get(vol),
                        "baseline volume must be >= 0, was '" + src.field(r, vol) + "'");
            }
            out.add(new Randomisation.Animal(a, v));
        }
        if (out.isEmpty()) {
            throw new DataFormatException(src.file, 0, null, "no animals: the file has no data rows");
        }
        return out;
    }
}
