package org.comboscope.io.invivo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.invivo.Measurement;
import org.comboscope.core.invivo.TumourObservation;
import org.comboscope.core.invivo.TumourStudy;

/**
 * Reads tumour measurements from CSV/TSV files or the first sheet of an {@code .xlsx} workbook.
 *
 * <p>Long tables: one row per animal and day, columns {@code animal_id} (or {@code mouse},
 * {@code animal}, {@code SampleID}), {@code group} (or {@code treatment}), {@code day} (or {@code
 * time}), optional {@code study}, and the measurement: {@code volume_mm3}, else {@code length_mm}
 * and {@code width_mm} (volume = length × width² / 2), else {@code bli_rlu}.
 *
 * <p>Wide sheets: one row per animal, columns group, animal and one column per day whose header is
 * a number, optionally prefixed by {@code day}/{@code D} (e.g. {@code 0}, {@code Day 3}, {@code
 * D7}).
 *
 * <p>Empty, {@code NA}, {@code NaN}, {@code .} and {@code -} cells mean "not measured" and are
 * skipped with a note. Everything else that is wrong is a {@link DataFormatException} naming file,
 * line and column: unparsable or negative values, a day given twice for one animal, an animal in two
 * groups, no data rows.
 */
public final class TumourTableReader {
    private static final String[] ANIMAL = {"animal_id", "mouse", "animal", "SampleID", "animal id"};
    private static final String[] GROUP = {"group", "treatment", "arm"};
    private static final String[] DAY = {"day", "time"};
    private static final Pattern DAY_HEADER = Pattern.compile("(?i)^(?:day|d)?[ _]*(-?\\d+(?:\\.\\d+)?)$");

    private TumourTableReader() {}

    /** Reads a long table. */
    public static TumourTable readLong(Path path) throws IOException {
        CsvSource src = CsvSource.read(path);
        int animal = src.require(ANIMAL);
        int group = src.require(GROUP);
        int day = src.require(DAY);
        OptionalInt study = src.column("study");
        OptionalInt volume = src.column("volume_mm3");
        OptionalInt length = src.column("length_mm");
        OptionalInt width = src.column("width_mm");
        OptionalInt bli = src.column("bli_rlu");
        Measurement kind;
        if (volume.isPresent()) {
            kind = Measurement.VOLUME_MM3;
        } else if (length.isPresent() && width.isPresent()) {
            kind = Measurement.CALIPER_VOLUME_MM3;
        } else if (bli.isPresent()) {
            kind = Measurement.BLI_RLU;
        } else {
            throw new DataFormatException(
                    src.file,
                    1,
                    null,
                    "missing measurement column: need 'volume_mm3', or 'length_mm' and 'width_mm', or 'bli_rlu'; header is "
                            + src.header);
        }
        Builder b = new Builder(src);
        String studyName = "";
        for (CsvSource.Row r : src.records) {
            String id = b.text(r, animal);
            String g = b.text(r, group);
            if (study.isPresent() && studyName.isEmpty()) {
                studyName = src.field(r, study.getAsInt());
            }
            double d = src.number(r, day, "day must be a number");
            double v;
            if (kind == Measurement.CALIPER_VOLUME_MM3) {
                String ls = src.field(r, length.getAsInt());
                String ws = src.field(r, width.getAsInt());
                if (CsvSource.isMissing(ls) || CsvSource.isMissing(ws)) {
                    b.notes.add(src.file + ":" + src.line(r) + ": caliper length/width missing; row skipped");
                    continue;
                }
                double l = b.nonNegative(r, length.getAsInt(), "length_mm");
                double w = b.nonNegative(r, width.getAsInt(), "width_mm");
                v = l * w * w / 2;
            } else {
                int c = kind == Measurement.VOLUME_MM3 ? volume.getAsInt() : bli.getAsInt();
                if (CsvSource.isMissing(src.field(r, c))) {
                    b.notes.add(src.file + ":" + src.line(r) + ": column '" + src.header.get(c)
                            + "': not measured; row skipped");
                    continue;
                }
                v = b.nonNegative(r, c, src.header.get(c));
            }
            b.add(r, day, id, g, d, v);
        }
        return b.build(studyName, kind);
    }

    /** Reads a wide sheet (one column per day) whose values are of the given kind. */
    public static TumourTable readWide(Path path, Measurement kind) throws IOException {
        CsvSource src = CsvSource.read(path);
        int animal = src.require(ANIMAL);
        int group = src.require(GROUP);
        List<Integer> dayCols = new ArrayList<>();
        List<Double> days = new ArrayList<>();
        for (int i = 0; i < src.header.size(); i++) {
            Matcher m = DAY_HEADER.matcher(src.header.get(i));
            if (i != animal && i != group && m.matches()) {
                dayCols.add(i);
                days.add(Double.parseDouble(m.group(1)));
            }
        }
        if (dayCols.isEmpty()) {
            throw new DataFormatException(
                    src.file,
                    1,
                    null,
                    "no day columns: a wide sheet needs headers such as '0', 'Day 3' or 'D7'; header is " + src.header);
        }
        Builder b = new Builder(src);
        for (CsvSource.Row r : src.records) {
            String id = b.text(r, animal);
            String g = b.text(r, group);
            for (int k = 0; k < dayCols.size(); k++) {
                int c = dayCols.get(k);
                if (CsvSource.isMissing(src.field(r, c))) {
                    continue;
                }
                b.add(r, c, id, g, days.get(k), b.nonNegative(r, c, "value"));
            }
        }
        return b.build("", kind);
    }

    /** Collects observations and checks per-animal consistency with located errors. */
    private static final class Builder {
        private final CsvSource src;
        private final List<TumourObservation> obs = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, String> groupOf = new HashMap<>();
        private final Map<String, Integer> groupLine = new HashMap<>();
        private final Map<String, Integer> seen = new HashMap<>();

        Builder(CsvSource src) {
            this.src = src;
        }

        String text(CsvSource.Row r, int col) {
            String s = src.field(r, col);
            if (s.isEmpty()) {
                throw new DataFormatException(src.file, src.line(r), src.header.get(col), "must not be empty");
            }
            return s;
        }

        double nonNegative(CsvSource.Row r, int col, String what) {
            double v = src.number(r, col, what + " must be a finite number >= 0");
            if (v < 0) {
                throw new DataFormatException(
                        src.file,
                        src.line(r),
                        src.header.get(col),
                        what + " must be >= 0, was '" + src.field(r, col) + "'");
            }
            return v;
        }

        void add(CsvSource.Row r, int dayCol, String id, String g, double day, double v) {
            String prev = groupOf.putIfAbsent(id, g);
            if (prev != null && !prev.equals(g)) {
                throw new DataFormatException(
                        src.file,
                        src.line(r),
                        null,
                        "animal '" + id + "' is in group '" + g + "' here but in group '" + prev + "' on line "
                                + groupLine.get(id) + "; an animal must stay in one group");
            }
            groupLine.putIfAbsent(id, src.line(r));
            Integer before = seen.putIfAbsent(id + "\u0000" + day, src.line(r));
            if (before != null) {
                throw new DataFormatException(
                        src.file,
                        src.line(r),
                        src.header.get(dayCol),
                        "animal '" + id + "' has a second measurement for day " + day + " (first on line " + before
                                + ")");
            }
            obs.add(new TumourObservation(id, g, day, v));
        }

        TumourTable build(String name, Measurement kind) {
            if (obs.isEmpty()) {
                throw new DataFormatException(
                        src.file, 0, null, "no measurements: the file has no data rows with values");
            }
            return new TumourTable(new TumourStudy(name, kind, obs), notes);
        }
    }
}
