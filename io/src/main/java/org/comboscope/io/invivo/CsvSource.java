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
 * A table file read whole: header and records with their 1-based line (spreadsheet row) numbers.
 * Delimited text sniffs its separator from the header line (tab, semicolon or comma); {@code .xlsx}
 * files are read from their first sheet (numbers at full precision, formulas by cached value).
 */
final class CsvSource {
    /** One data row: its 1-based line and its fields. */
    record Row(int line, List<String> fields) {}

    final String file;
    final List<String> header;
    final List<Row> records;

    private CsvSource(String file, List<String> header, List<Row> records) {
        this.file = file;
        this.header = header;
        this.records = records;
    }

    static CsvSource read(Path path) throws IOException {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return readXlsx(path);
        }
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
        List<Row> rows = new ArrayList<>();
        for (CsvRecord r : all.subList(1, all.size())) {
            rows.add(new Row((int) r.getStartingLineNumber(), r.getFields()));
        }
        return new CsvSource(file, header, rows);
    }

    private static CsvSource readXlsx(Path path) throws IOException {
        String file = path.toString();
        try (org.apache.poi.ss.usermodel.Workbook wb =
                org.apache.poi.ss.usermodel.WorkbookFactory.create(path.toFile(), null, true)) {
            if (wb.getNumberOfSheets() == 0) {
                throw new DataFormatException(file, 0, null, "workbook has no sheets");
            }
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> f = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    f.add(cellText(r.getCell(c)));
                }
                if (f.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = f.stream().map(String::strip).toList();
                } else {
                    rows.add(new Row(r.getRowNum() + 1, f));
                }
            }
            if (header == null) {
                throw new DataFormatException(file, 0, null, "first sheet is empty: a header row is required");
            }
            return new CsvSource(file, header, rows);
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new DataFormatException(file, 0, null, "not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static String cellText(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell == null) {
            return "";
        }
        org.apache.poi.ss.usermodel.CellType type = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
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

    int line(Row r) {
        return r.line();
    }

    /** The stripped field, or "" when the row is short. */
    String field(Row r, int col) {
        return col < r.fields().size() ? r.fields().get(col).strip() : "";
    }

    /** Whether a cell means "not measured": empty, NA, NaN, '.' or '-'. */
    static boolean isMissing(String s) {
        return s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN") || s.equals(".") || s.equals("-");
    }

    /** Parses a finite number or throws a located error. */
    double number(Row r, int col, String rule) {
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
