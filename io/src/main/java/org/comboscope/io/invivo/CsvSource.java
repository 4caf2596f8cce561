package org.comboscope.io.invivo;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.comboscope.core.error.DataFormatException;

/**
 * A delimited text file read whole: header and records with their 1-based line numbers. The
 * separator is sniffed from the header line (tab, semicolon or comma).
 */
final class CsvSource {
    final String file;
    final List<String> header;
    final List<CsvRecord> records;

    private CsvSource(String file, List<String> header, List<CsvRecord> records) {
        this.file = file;
        this.header = header;
        this.records = records;
    }

    static CsvSource read(Path path) throws IOException {
        String file = path.toString();
        String first;
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        if (first == null || first.isBlank()) {
            throw new DataFormatException(file, 0, null, "file is empty: a header line is required");
        }
        char sep = ',';
        if (first.indexOf(',') < 0 && first.indexOf('\t') >= 0) {
            sep = '\t';
        } else if (first.indexOf(',') < 0 && first.indexOf(';') >= 0) {
            sep = ';';
        }
        List<CsvRecord> all = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(sep)
                .skipEmptyLines(true)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(path, StandardCharsets.UTF_8)) {
            for (CsvRecord rec : reader) {
                all.add(rec);
            }
        } catch (CsvParseException e) {
            throw new DataFormatException(file, 0, null, "not a valid delimited text file: " + e.getMessage(), e);
        }
        List<String> header = new ArrayList<>();
        for (String h : all.get(0).getFields()) {
            String t = h.strip();
            if (t.startsWith("\uFEFF")) {
                t = t.substring(1);
            }
            header.add(t);
        }
        return new CsvSource(file, header, all.subList(1, all.size()));
    }

    /** Index of the first header among {@code names} (case-insensitive), or empty. */
    OptionalInt column(String... names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Index of a required column; a located error naming the accepted names otherwise. */
    int require(String... names) {
        OptionalInt c = column(names);
        if (c.isEmpty()) {
            throw new DataFormatException(
                    file,
                    1,
                    null,
                    "missing column '" + names[0] + "'"
                            + (names.length > 1
                                    ? " (also accepted: "
                                            + String.join(", ", List.of(names).subList(1, names.length)) + ")"
                                    : "")
                            + "; header is " + header);
        }
        return c.getAsInt();
    }

    int line(CsvRecord r) {
        return (int) r.getStartingLineNumber();
    }

    /** The stripped field, or "" when the row is short. */
    String field(CsvRecord r, int col) {
        return col < r.getFieldCount() ? r.getField(col).strip() : "";
    }

    /** Whether a cell means "not measured": empty, NA, NaN, '.' or '-'. */
    static boolean isMissing(String s) {
        return s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN") || s.equals(".") || s.equals("-");
    }

    /** Parses a finite number or throws a located error. */
    double number(CsvRecord r, int col, String rule) {
        String s = field(r, col);
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line(r), header.get(col), rule + ", was '" + s + "'", e);
        }
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, line(r), header.get(col), rule + ", was '" + s + "'");
        }
        return v;
    }
}
