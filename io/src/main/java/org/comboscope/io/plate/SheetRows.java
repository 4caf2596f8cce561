package org.comboscope.io.plate;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comboscope.core.error.DataFormatException;

/**
 * A whole small table file in memory: the rows of a CSV/TSV file, or of each sheet of a workbook.
 * Plate exports and maps are small (at most a few thousand rows), so loading them is simplest.
 */
final class SheetRows {
    /** One physical row: 1-based line (or spreadsheet row) and its cells, stripped, trailing blanks kept. */
    record Line(int line, List<String> cells) {
        /** Cells up to the last non-blank one. */
        int size() {
            int n = cells.size();
            while (n > 0 && cells.get(n - 1).isEmpty()) {
                n--;
            }
            return n;
        }

        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        boolean blank() {
            return size() == 0;
        }
    }

    /**
     * One table: a CSV/TSV file or one sheet.
     *
     * @param name name for messages: the file name, or {@code file.xlsx[Sheet]} for a sheet
     * @param sheet the sheet name (empty for text files)
     * @param lines rows in order
     * @param fixedWidth whether each line holds every field the writer wrote (text files: yes;
     *     spreadsheets drop trailing empty cells)
     */
    record Table(String name, String sheet, List<Line> lines, boolean fixedWidth) {}

    private SheetRows() {}

    /** Reads a CSV, TSV or XLSX file (a workbook is recognised by content); one table per sheet. */
    static List<Table> read(Path path) {
        String file = path.getFileName() == null
                ? path.toString()
                : path.getFileName().toString();
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new DataFormatException(file, 0, null, "cannot be read: " + e.getMessage(), e);
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            return workbook(file, path);
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataFormatException(file, 0, null, "is not UTF-8 text (save it as UTF-8 CSV or as .xlsx)", e);
        } catch (IOException e) {
            throw new DataFormatException(file, 0, null, "cannot be read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char sep = separator(file, text);
        List<Line> lines = new ArrayList<>();
        try (Reader r = new java.io.StringReader(text);
                CsvReader<CsvRecord> csv = CsvReader.builder()
                        .fieldSeparator(sep)
                        .quoteCharacter('"')
                        .commentStrategy(CommentStrategy.NONE)
                        .skipEmptyLines(false)
                        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                        .ofCsvRecord(r)) {
            for (CsvRecord rec : csv) {
                List<String> cells = new ArrayList<>(rec.getFieldCount());
                for (String f : rec.getFields()) {
                    cells.add(f.strip());
                }
                lines.add(new Line((int) rec.getStartingLineNumber(), cells));
            }
        } catch (CsvParseException e) {
            throw new DataFormatException(file, 0, null, "malformed quoting: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataFormatException(file, 0, null, "cannot be read: " + e.getMessage(), e);
        }
        return List.of(new Table(file, "", lines, true));
    }

    /** Tab for .tsv; otherwise the most frequent of comma, tab and semicolon in the first lines. */
    static char separator(String file, String text) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        String[] first = text.lines().limit(40).toArray(String[]::new);
        int commas = 0;
        int tabs = 0;
        int semis = 0;
        for (String l : first) {
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                semis += c == ';' ? 1 : 0;
            }
        }
        if (tabs > commas && tabs >= semis) {
            return '\t';
        }
        if (semis > commas && semis > tabs) {
            return ';';
        }
        return ',';
    }

    private static List<Table> workbook(String file, Path path) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new DataFormatException(
                    file, 0, null, "cannot be read as an Excel workbook (.xlsx): " + e.getMessage(), e);
        }
        try {
            XSSFWorkbook wb = new XSSFWorkbook(pkg);
            List<Table> out = new ArrayList<>();
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                List<Line> lines = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            cells.add(text(row.getCell(c)).strip());
                        }
                    }
                    lines.add(new Line(r + 1, cells));
                }
                out.add(new Table(file + "[" + wb.getSheetName(s) + "]", wb.getSheetName(s), lines, false));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(
                    file, 0, null, "cannot be read as an Excel workbook (.xlsx): " + e.getMessage(), e);
        } finally {
            // Opened read-only: revert() releases the file without writing anything back.
            pkg.revert();
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }
}
