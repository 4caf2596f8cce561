package org.comboscope.io.plate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.plate.PlateFormat;
import org.comboscope.core.plate.PlateReadout;
import org.comboscope.core.plate.WellState;

/**
 * Reads plate-reader exports (CSV, TSV or XLSX; every sheet of a workbook) in either layout and
 * detects which one a file uses:
 *
 * <ul>
 *   <li><b>Long</b>: a header row with a {@code well} column (also {@code well position}, {@code
 *       well_id}) and a value column ({@code value}, {@code signal}, {@code absorbance}, {@code od},
 *       {@code luminescence}, {@code rlu}, {@code fluorescence}, {@code counts}, or the only other
 *       column), optionally a {@code plate} column; well names {@code A1} or {@code A01}.
 *   <li><b>Grid</b>: 8×12, 16×24 or 32×48 blocks of values, with or without a row of column
 *       numbers above and row letters in the first column. Several plates per file are separated
 *       by blank rows, by title rows (a single text cell, e.g. {@code Plate 2}; the title nearest
 *       above a grid names the plate) or by a new column-number row. Other text rows (reader metadata) are skipped.
 * </ul>
 *
 * <p><b>Values.</b> Numbers as written ({@code .} decimal mark); an empty cell is a well without a
 * signal ({@link WellState#MISSING}); the overflow markers {@code OVER}, {@code Overflow}, {@code
 * OVRFLW}, {@code Sat}, {@code Saturated}, {@code ####} and values starting with {@code >} are
 * saturated ({@link WellState#OVERFLOW}). Any other text is an error.
 *
 * <p><b>Errors.</b> {@link DataFormatException} naming the file (and sheet), the line, the well
 * and the rule: ragged grids, grids that are not a plate size, row labels out of order,
 * non-numeric signals, unknown or malformed well names, duplicate wells, duplicate plate names,
 * a plate size different from the expected one.
 */
public final class PlateReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> OVERFLOW =
            Set.of("over", "overflow", "ovrflw", "ovfl", "sat", "saturated", "####", "#sat");
    private static final Set<String> WELL_HEADERS = Set.of(
            "well",
            "well position",
            "well_position",
            "wellposition",
            "well_id",
            "well id",
            "wellid",
            "well name",
            "well_name",
            "position");
    private static final Set<String> VALUE_HEADERS = Set.of(
            "value",
            "signal",
            "raw",
            "absorbance",
            "abs",
            "od",
            "od570",
            "od 570",
            "a570",
            "luminescence",
            "lum",
            "rlu",
            "fluorescence",
            "rfu",
            "counts",
            "count",
            "result");
    private static final Set<String> PLATE_HEADERS =
            Set.of("plate", "plate_id", "plate id", "plateid", "plate name", "plate_name", "barcode");
    /** Long-layout header must appear within this many non-blank rows. */
    private static final int HEADER_SEARCH_ROWS = 30;

    private PlateReader() {}

    /**
     * Reads every plate of {@code file}.
     *
     * @param expected the plate format the caller expects (from the plate map), or empty to accept
     *     any standard format (a long table then takes the smallest format holding its wells)
     * @throws DataFormatException for anything that is not a readable plate export (see class doc)
     */
    public static PlateReadResult read(Path file, Optional<PlateFormat> expected) {
        List<SheetRows.Table> tables = SheetRows.read(file);
        String source = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        String stem = source.replaceFirst("\\.[A-Za-z0-9]+$", "");
        List<PlateReadout> plates = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PlateLayout layout = null;
        for (SheetRows.Table t : tables) {
            if (t.lines().stream().allMatch(SheetRows.Line::blank)) {
                continue;
            }
            String base = tables.size() > 1 ? t.sheet() : stem;
            int header = longHeader(t);
            PlateLayout l = header >= 0 ? PlateLayout.LONG : PlateLayout.GRID;
            if (layout != null && layout != l) {
                throw new DataFormatException(t.name(), 0, null, "mixes long and grid layouts across sheets");
            }
            layout = l;
            if (l == PlateLayout.LONG) {
                readLong(t, header, base, expected, plates, details);
            } else {
                readGrids(t, base, expected, plates, details, warnings);
            }
        }
        if (plates.isEmpty()) {
            throw new DataFormatException(source, 0, null, "contains no plate (no grid of values and no well column)");
        }
        Map<String, String> seen = new HashMap<>();
        for (PlateReadout p : plates) {
            String before = seen.putIfAbsent(p.plateId(), p.source());
            if (before != null) {
                throw new DataFormatException(
                        source,
                        0,
                        null,
                        "duplicate plate name '" + p.plateId() + "' (at " + before + " and " + p.source()
                                + "); give each plate its own title");
            }
        }
        return new PlateReadResult(source, layout, plates, details, warnings);
    }

    // ---------------------------------------------------------------- long layout

    private static int longHeader(SheetRows.Table t) {
        int seen = 0;
        for (int i = 0; i < t.lines().size() && seen < HEADER_SEARCH_ROWS; i++) {
            SheetRows.Line l = t.lines().get(i);
            if (l.blank()) {
                continue;
            }
            seen++;
            for (String c : l.cells()) {
                if (WELL_HEADERS.contains(c.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static void readLong(
            SheetRows.Table t,
            int headerIndex,
            String base,
            Optional<PlateFormat> expected,
            List<PlateReadout> plates,
            List<String> details) {
        SheetRows.Line header = t.lines().get(headerIndex);
        int well = -1;
        int value = -1;
        int plate = -1;
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.cell(c).toLowerCase(Locale.ROOT);
            if (WELL_HEADERS.contains(h) && well < 0) {
                well = c;
            } else if (PLATE_HEADERS.contains(h) && plate < 0) {
                plate = c;
            } else if (VALUE_HEADERS.contains(h) && value < 0) {
                value = c;
            } else if (!h.isEmpty()) {
                others.add(c);
            }
        }
        if (value < 0) {
            if (others.size() == 1) {
                value = others.get(0);
            } else {
                throw new DataFormatException(
                        t.name(),
                        header.line(),
                        null,
                        "long plate table needs a value column (value, signal, absorbance, od, luminescence, rlu,"
                                + " fluorescence, counts) next to '" + header.cell(well) + "'; found: "
                                + String.join(", ", header.cells().subList(0, header.size())));
            }
        }
        record Cell(int line, int row, int col, String text) {}
        Map<String, List<Cell>> byPlate = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int maxRow = 0;
        int maxCol = 0;
        for (int i = headerIndex + 1; i < t.lines().size(); i++) {
            SheetRows.Line l = t.lines().get(i);
            if (l.blank()) {
                continue;
            }
            String name = l.cell(well);
            Optional<int[]> rc = PlateFormat.WellName.parse(name);
            if (rc.isEmpty()) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        header.cell(well),
                        name.isEmpty() ? "well name is empty" : "'" + name + "' is not a well name (like A1 or A01)");
            }
            String p = plate >= 0 ? l.cell(plate) : base;
            if (p.isEmpty()) {
                throw new DataFormatException(t.name(), l.line(), header.cell(plate), "plate name is empty");
            }
            byPlate.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(new Cell(l.line(), rc.get()[0], rc.get()[1], l.cell(value)));
            firstLine.putIfAbsent(p, l.line());
            maxRow = Math.max(maxRow, rc.get()[0]);
            maxCol = Math.max(maxCol, rc.get()[1]);
        }
        if (byPlate.isEmpty()) {
            throw new DataFormatException(t.name(), header.line(), null, "long plate table has no data rows");
        }
        PlateFormat format;
        if (expected.isPresent()) {
            format = expected.get();
        } else {
            Optional<PlateFormat> f = PlateFormat.smallestHolding(maxRow, maxCol);
            if (f.isEmpty()) {
                throw new DataFormatException(
                        t.name(),
                        0,
                        header.cell(well),
                        "well names reach row " + PlateFormat.rowLabel(maxRow) + ", column " + (maxCol + 1)
                                + ", beyond a 1536-well plate (rows A-AF, columns 1-48)");
            }
            format = f.get();
        }
        for (Map.Entry<String, List<Cell>> e : byPlate.entrySet()) {
            double[] signal = new double[format.wells()];
            WellState[] state = new WellState[format.wells()];
            java.util.Arrays.fill(state, WellState.MISSING);
            int[] lineOf = new int[format.wells()];
            for (Cell c : e.getValue()) {
                if (c.row() >= format.rows() || c.col() >= format.columns()) {
                    throw new DataFormatException(
                            t.name(),
                            c.line(),
                            header.cell(well),
                            "unknown well " + PlateFormat.rowLabel(c.row()) + (c.col() + 1) + " for a "
                                    + format.describe());
                }
                int idx = c.row() * format.columns() + c.col();
                if (lineOf[idx] > 0) {
                    throw new DataFormatException(
                            t.name(),
                            c.line(),
                            header.cell(well),
                            "duplicate well " + format.wellName(idx) + " in plate '" + e.getKey() + "' (first at line "
                                    + lineOf[idx] + ")");
                }
                lineOf[idx] = c.line();
                parseValue(t.name(), c.line(), format.wellName(idx), c.text(), idx, signal, state);
            }
            PlateReadout r =
                    new PlateReadout(e.getKey(), t.name() + ":" + firstLine.get(e.getKey()), format, signal, state);
            plates.add(r);
            details.add(detail(
                    r,
                    "long table, " + e.getValue().size() + " rows from line "
                            + firstLine.get(e.getKey()) + " (columns '" + header.cell(well) + "', '"
                            + header.cell(value) + "'"
                            + (plate >= 0 ? ", '" + header.cell(plate) + "'" : "") + ")"));
        }
    }

    // ---------------------------------------------------------------- grid layout

    private enum Kind {
        BLANK,
        TITLE,
        METADATA,
        COLUMN_HEADER,
        DATA
    }

    private static Kind kind(SheetRows.Line l) {
        int n = l.size();
        if (n == 0) {
            return Kind.BLANK;
        }
        if (columnHeaderOffset(l) >= 0) {
            return Kind.COLUMN_HEADER;
        }
        String first = l.cell(0);
        if (!first.isEmpty() && PlateFormat.rowIndex(first) < 0 && !isValueLike(first)) {
            return n == 1 ? Kind.TITLE : Kind.METADATA;
        }
        return Kind.DATA;
    }

    private static boolean isValueLike(String s) {
        return NUMBER.matcher(s).matches() || OVERFLOW.contains(s.toLowerCase(Locale.ROOT)) || s.startsWith(">");
    }

    /** 0 or 1 if the row reads 1, 2, ..., k (k >= 2) from that cell on; -1 otherwise. */
    private static int columnHeaderOffset(SheetRows.Line l) {
        int n = l.size();
        for (int off = 0; off <= 1; off++) {
            if (n - off < 2) {
                continue;
            }
            if (off == 1 && NUMBER.matcher(l.cell(0)).matches()) {
                continue;
            }
            boolean ok = true;
            for (int c = off; c < n && ok; c++) {
                ok = l.cell(c).equals(Integer.toString(c - off + 1));
            }
            if (ok) {
                return off;
            }
        }
        return -1;
    }

    private static final class Block {
        String title;
        SheetRows.Line header;
        final List<SheetRows.Line> rows = new ArrayList<>();

        int firstLine() {
            return header != null ? header.line() : rows.get(0).line();
        }
    }

    private static void readGrids(
            SheetRows.Table t,
            String base,
            Optional<PlateFormat> expected,
            List<PlateReadout> plates,
            List<String> details,
            List<String> warnings) {
        List<Block> blocks = new ArrayList<>();
        Block cur = new Block();
        String pendingTitle = null;
        int pendingTitleLine = 0;
        List<Integer> metadata = new ArrayList<>();
        for (SheetRows.Line l : t.lines()) {
            Kind k = kind(l);
            switch (k) {
                case BLANK, TITLE, METADATA -> {
                    if (!cur.rows.isEmpty() || cur.header != null) {
                        blocks.add(cur);
                        cur = new Block();
                    }
                    if (k == Kind.TITLE) {
                        // The title nearest above a grid names it; earlier text rows are metadata.
                        if (pendingTitle != null) {
                            metadata.add(pendingTitleLine);
                        }
                        pendingTitle = l.cell(0);
                        pendingTitleLine = l.line();
                    } else if (k != Kind.BLANK) {
                        metadata.add(l.line());
                    }
                }
                case COLUMN_HEADER -> {
                    if (!cur.rows.isEmpty() || cur.header != null) {
                        blocks.add(cur);
                        cur = new Block();
                    }
                    cur.header = l;
                    cur.title = pendingTitle;
                    pendingTitle = null;
                }
                case DATA -> {
                    if (cur.rows.isEmpty() && cur.header == null) {
                        cur.title = pendingTitle;
                        pendingTitle = null;
                    }
                    cur.rows.add(l);
                }
            }
        }
        if (!cur.rows.isEmpty() || cur.header != null) {
            blocks.add(cur);
        }
        if (pendingTitle != null) {
            metadata.add(pendingTitleLine);
        }
        metadata.sort(null);
        if (!metadata.isEmpty()) {
            warnings.add(t.name() + ": skipped " + metadata.size() + " text row" + (metadata.size() == 1 ? "" : "s")
                    + (metadata.size() == 1 ? " that is" : " that are") + " neither plate titles nor grid rows (lines "
                    + lines(metadata) + ")");
        }
        int k = 0;
        for (Block b : blocks) {
            k++;
            if (b.rows.isEmpty()) {
                throw new DataFormatException(
                        t.name(), b.header.line(), null, "column-number row without grid rows below it");
            }
            String id = b.title != null ? b.title : blocks.size() == 1 ? base : base + "_" + k;
            PlateReadout r = grid(t, b, id, expected);
            plates.add(r);
            details.add(detail(
                    r,
                    r.format().rows() + "x" + r.format().columns() + " grid at lines " + b.firstLine()
                            + "-" + b.rows.get(b.rows.size() - 1).line() + " ("
                            + (b.header != null ? "column numbers" : "no column numbers") + ", "
                            + (PlateFormat.rowIndex(b.rows.get(0).cell(0)) >= 0 ? "row letters" : "no row letters")
                            + ")"));
        }
    }

    private static PlateReadout grid(SheetRows.Table t, Block b, String id, Optional<PlateFormat> expected) {
        boolean labelled = PlateFormat.rowIndex(b.rows.get(0).cell(0)) >= 0;
        int off = b.header != null ? columnHeaderOffset(b.header) : labelled ? 1 : 0;
        if (b.header != null && off == 0 && labelled) {
            off = 1;
        }
        int width;
        if (b.header != null) {
            width = b.header.size() - columnHeaderOffset(b.header);
        } else {
            width = 0;
            for (SheetRows.Line l : b.rows) {
                width = Math.max(width, l.size() - off);
            }
        }
        int rows = b.rows.size();
        int last = b.rows.get(rows - 1).line();
        Optional<PlateFormat> f = PlateFormat.of(rows, width);
        if (f.isEmpty()) {
            throw new DataFormatException(
                    t.name(),
                    b.firstLine(),
                    null,
                    "grid of " + rows + " rows x " + width
                            + " columns (lines " + b.firstLine() + "-" + last
                            + ") is not a plate: expected 8x12, 16x24 or 32x48 values");
        }
        PlateFormat format = f.get();
        if (expected.isPresent() && expected.get() != format) {
            throw new DataFormatException(
                    t.name(),
                    b.firstLine(),
                    null,
                    "plate '" + id + "' is a " + format.describe() + " but the plate map is a "
                            + expected.get().describe());
        }
        double[] signal = new double[format.wells()];
        WellState[] state = new WellState[format.wells()];
        for (int r = 0; r < rows; r++) {
            SheetRows.Line l = b.rows.get(r);
            String want = PlateFormat.rowLabel(r);
            if (labelled) {
                String got = l.cell(0);
                if (PlateFormat.rowIndex(got) < 0) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            null,
                            "row " + want + " has no row letter ('" + got + "'), but the rows above have");
                }
                if (PlateFormat.rowIndex(got) != r) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            null,
                            "row letter '" + got + "' where '" + want + "' was expected (rows must run A, B, C, ...)");
                }
            } else if (PlateFormat.rowIndex(l.cell(0)) >= 0) {
                throw new DataFormatException(
                        t.name(), l.line(), null, "row letter '" + l.cell(0) + "', but the first grid row has none");
            }
            int values = l.size() - off;
            if (values > width) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        null,
                        "ragged grid: row " + want + " has " + values + " values, but the plate has " + width
                                + " columns");
            }
            if (t.fixedWidth() && l.cells().size() - off < width) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        null,
                        "ragged grid: row " + want + " has "
                                + Math.max(0, l.cells().size() - off) + " fields, but the plate has " + width
                                + " columns (write an empty field for a well without a signal)");
            }
            for (int c = 0; c < width; c++) {
                int idx = r * width + c;
                parseValue(t.name(), l.line(), format.wellName(idx), l.cell(c + off), idx, signal, state);
            }
        }
        return new PlateReadout(id, t.name() + ":" + b.firstLine(), format, signal, state);
    }

    // ---------------------------------------------------------------- shared

    private static void parseValue(
            String file, int line, String well, String text, int idx, double[] signal, WellState[] state) {
        if (text.isEmpty()) {
            state[idx] = WellState.MISSING;
            return;
        }
        if (OVERFLOW.contains(text.toLowerCase(Locale.ROOT)) || text.startsWith(">")) {
            state[idx] = WellState.OVERFLOW;
            return;
        }
        if (!NUMBER.matcher(text).matches()) {
            String hint = text.matches("[+-]?\\d+,\\d+") ? "; use '.' as the decimal mark" : "";
            throw new DataFormatException(
                    file,
                    line,
                    null,
                    "well " + well + ": signal '" + text
                            + "' is not a number (empty = no signal; OVER, Overflow, #### = saturated)" + hint);
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, line, null, "well " + well + ": signal '" + text + "' is not finite");
        }
        signal[idx] = v;
        state[idx] = WellState.MEASURED;
    }

    private static String detail(PlateReadout r, String how) {
        return "plate '" + r.plateId() + "' (" + r.source() + "): " + how + ", "
                + r.format().wells() + " wells: "
                + r.count(WellState.MEASURED) + " measured, " + r.count(WellState.MISSING) + " empty, "
                + r.count(WellState.OVERFLOW) + " saturated";
    }

    private static String lines(List<Integer> ls) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ls.size() && i < 10; i++) {
            sb.append(i == 0 ? "" : ", ").append(ls.get(i));
        }
        if (ls.size() > 10) {
            sb.append(", ...");
        }
        return sb.toString();
    }
}
