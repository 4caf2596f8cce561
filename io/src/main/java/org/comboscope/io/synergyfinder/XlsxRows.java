package org.comboscope.io.synergyfinder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.comboscope.core.error.DataFormatException;

/**
 * The rows of one sheet of an .xlsx workbook. Numbers are rendered so that they parse back to the
 * identical double (integers without a fraction); formula cells give their cached result.
 */
final class XlsxRows implements RowSource {
    private final XSSFWorkbook workbook;
    private final Sheet sheet;
    private final int lastRow;
    private int rowIndex = -1;
    private final List<String> cells = new ArrayList<>();

    private XlsxRows(XSSFWorkbook workbook, Sheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.lastRow = sheet.getLastRowNum();
    }

    /**
     * Opens {@code path} and selects a sheet: {@code sheetName}, or the first sheet when it is
     * {@code null}. Rejects merged cells, which cannot be read as a table.
     */
    static XlsxRows open(String file, Path path, String sheetName, List<String> warnings) {
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(OPCPackage.open(path.toFile(), PackageAccess.READ));
        } catch (InvalidFormatException | IOException | RuntimeException e) {
            throw new DataFormatException(
                    file, 0, null, "cannot be read as an Excel workbook (.xlsx): " + e.getMessage(), e);
        }
        try {
            int count = wb.getNumberOfSheets();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                names.add(wb.getSheetName(i));
            }
            Sheet sheet;
            if (sheetName != null) {
                sheet = wb.getSheet(sheetName);
                if (sheet == null) {
                    throw new DataFormatException(
                            file,
                            0,
                            null,
                            "has no sheet named '" + sheetName + "'; its sheets are: " + String.join(", ", names));
                }
            } else {
                if (count == 0) {
                    throw new DataFormatException(file, 0, null, "workbook has no sheets");
                }
                sheet = wb.getSheetAt(0);
                if (count > 1) {
                    warnings.add(file + ": read the first sheet '" + names.get(0) + "' of " + count + " ("
                            + String.join(", ", names) + ")");
                }
            }
            XlsxRows rows = new XlsxRows(wb, sheet);
            rows.rejectMergedCells(file);
            return rows;
        } catch (RuntimeException e) {
            try {
                wb.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void rejectMergedCells(String file) {
        List<CellRangeAddress> merged = new ArrayList<>(sheet.getMergedRegions());
        if (merged.isEmpty()) {
            return;
        }
        int header = firstNonBlankRow();
        merged.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow)
                .thenComparingInt(CellRangeAddress::getFirstColumn));
        for (CellRangeAddress r : merged) {
            if (r.getFirstRow() <= header && r.getLastRow() >= header) {
                throw new DataFormatException(
                        file,
                        header + 1,
                        null,
                        "merged header cells " + r.formatAsString()
                                + "; unmerge them so that every column has its own name");
            }
        }
        for (CellRangeAddress r : merged) {
            if (r.getLastRow() > header) {
                throw new DataFormatException(
                        file,
                        r.getFirstRow() + 1,
                        null,
                        "merged cells " + r.formatAsString()
                                + "; a data table needs one value per cell (unmerge them and fill in the values)");
            }
        }
    }

    private int firstNonBlankRow() {
        for (int r = 0; r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            if (row != null) {
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    if (!text(row.getCell(c)).isBlank()) {
                        return r;
                    }
                }
            }
        }
        return -1;
    }

    @Override
    public boolean next() {
        if (rowIndex >= lastRow) {
            return false;
        }
        rowIndex++;
        cells.clear();
        Row row = sheet.getRow(rowIndex);
        if (row != null) {
            int last = row.getLastCellNum();
            for (int c = 0; c < last; c++) {
                cells.add(text(row.getCell(c)));
            }
            int n = cells.size();
            while (n > 0 && cells.get(n - 1).isBlank()) {
                cells.remove(--n);
            }
        }
        return true;
    }

    /** The cell reference (e.g. {@code J5}) of column {@code i} in the current row. */
    String reference(int i) {
        return new CellReference(rowIndex, i).formatAsString(false);
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC:
                return number(cell.getNumericCellValue());
            case STRING:
                return cell.getStringCellValue();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR:
                return FormulaError.forInt(cell.getErrorCellValue()).getString();
            default:
                return "";
        }
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public int line() {
        return rowIndex + 1;
    }

    @Override
    public int size() {
        return cells.size();
    }

    @Override
    public String cell(int i) {
        return i < cells.size() ? cells.get(i) : "";
    }

    @Override
    public void close() throws IOException {
        // Opened read-only: revert() releases the package without writing anything back.
        workbook.getPackage().revert();
    }
}
