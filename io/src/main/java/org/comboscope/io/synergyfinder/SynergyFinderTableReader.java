package org.comboscope.io.synergyfinder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.io.table.Numbers;

/**
 * Reads SynergyFinder's "table" input format: one row per well with {@code block_id, drug1,
 * drug2, [drug3...], conc1, conc2, [conc3...], response, conc_unit(s)} (SynergyFinder's aliases
 * and camelCase names are accepted, see {@link ColumnLayout}), from CSV, TSV, XLSX or Parquet.
 *
 * <p><b>Format.</b> {@code .csv} is comma-separated, {@code .tsv} tab-separated, {@code .txt} (or
 * any other name) tab- or comma-separated as its header shows; {@code .xlsx} is read with POI (the
 * first sheet unless a sheet name is given). A workbook is recognised by its content whatever its
 * name. Text is UTF-8; a UTF-8 byte-order mark is skipped (with a warning); UTF-16 is rejected.
 * Fields may be quoted with {@code "}; quoted fields may contain separators and line breaks. Blank
 * lines (or rows whose cells are all empty) after the last data row are ignored; blank lines
 * anywhere else are skipped with a warning naming them, since they carry no data.
 *
 * <p><b>Parquet.</b> A file starting with {@code PAR1} (whatever its name) is read as Parquet:
 * the column names are the header; numbers ({@code concN}, {@code response}) must be DOUBLE, FLOAT,
 * INT32 or INT64 columns; names ({@code block_id}, drugs, units, {@code cell*}) strings or
 * integers; a wrong type is an error naming the column. Values are validated as their CSV text
 * (a double's exact decimal text), so CSV and Parquet holding the same numbers give identical
 * results. Lines in messages are 1-based record numbers; a null is an empty cell.
 *
 * <p><b>Values.</b> Concentrations must be finite numbers ≥ 0 ({@code NA}, {@code NaN}, {@code
 * Inf} and empty cells are rejected); responses must be finite numbers. The response is converted
 * to percent inhibition here, once ({@link ResponseScale#toInhibitionPercent}); the scale is
 * recorded in the result. Within a block the drug names, each drug's unit and every other
 * {@code drug*}/{@code cell*} column (e.g. {@code cell_line}) must be constant. Rows keep their
 * input order inside each block; blocks are listed in order of first appearance; duplicated dose
 * tuples are replicates and are kept as separate rows.
 *
 * <p><b>Errors.</b> A file that breaks the format throws {@link DataFormatException} naming the
 * file, the 1-based line (spreadsheet row), the column as written in the header and the rule. A
 * block that was read correctly but cannot be analysed (a drug with fewer than 3 distinct
 * concentrations including 0, overall or on its single-drug curve) is reported as a {@link
 * BlockProblem} and reading continues.
 */
public final class SynergyFinderTableReader {
    /** Fewest distinct concentrations (0 included) that a 4-parameter dose-response fit needs. */
    public static final int MIN_DISTINCT_CONCENTRATIONS = 3;

    private static final int SNIFF_BYTES = 1 << 16;
    private static final int MAX_LISTED_LINES = 10;

    private SynergyFinderTableReader() {}

    /**
     * Reads {@code file} (first sheet for a workbook).
     *
     * @param scale what the response column holds; viability is converted to inhibition = 100 − v
     * @throws DataFormatException when the file cannot be read as a SynergyFinder table
     */
    public static TableReadResult read(Path file, ResponseScale scale) {
        return read(file, scale, null);
    }

    /**
     * Reads {@code file}; for a workbook, the sheet {@code sheetName} ({@code null}: the first).
     *
     * @throws DataFormatException when the file cannot be read as a SynergyFinder table, or a sheet
     *     name is given for a text file
     */
    public static TableReadResult read(Path file, ResponseScale scale, String sheetName) {
        List<String> warnings = new ArrayList<>();
        Opened o = open(file, sheetName, warnings);
        try (RowSource rows = o.rows()) {
            return readRows(o.name(), o.format(), rows, scale, warnings);
        } catch (IOException e) {
            throw new DataFormatException(o.name(), 0, null, "cannot be read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new DataFormatException(
                    o.name(), 0, null, "cannot be read: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Opens {@code file} for streaming: blocks are returned one at a time as soon as their last row
     * has been read, so memory does not grow with the number of blocks. The rows of each block must
     * be contiguous: a block id that reappears after another block throws {@link
     * DataFormatException} naming the line. Validation and messages are those of {@link #read}.
     *
     * @throws DataFormatException when the file cannot be opened as a SynergyFinder table
     */
    public static BlockStream stream(Path file, ResponseScale scale) {
        List<String> warnings = new ArrayList<>();
        Opened o = open(file, null, warnings);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0;
        }
        return new BlockStream(o, scale, warnings, size);
    }

    /**
     * What a header declares, for engines that read the rows themselves (Spark) and then call
     * {@link #block}.
     *
     * @param drugCount number of drugs
     * @param blockIdColumn 0-based column of the block id
     * @param numberColumns 0-based columns that must hold numbers (concentrations, response)
     * @param textColumns 0-based columns that must hold names (block id, drugs, units, identity)
     */
    public record Header(int drugCount, int blockIdColumn, List<Integer> numberColumns, List<Integer> textColumns) {
        public Header {
            numberColumns = List.copyOf(numberColumns);
            textColumns = List.copyOf(textColumns);
        }
    }

    /**
     * Checks a header as {@link #stream} does; remarks (ignored columns, no unit column) go to
     * {@code warnings}.
     *
     * @throws DataFormatException for duplicate, unknown or missing columns
     */
    public static Header header(String file, List<String> header, List<String> warnings) {
        ColumnLayout l = ColumnLayout.of(file, 1, header, warnings);
        List<Integer> numbers = new ArrayList<>();
        for (int c : l.concColumns) {
            numbers.add(c);
        }
        numbers.add(l.responseColumn);
        List<Integer> text = new ArrayList<>();
        text.add(l.blockIdColumn);
        for (int c : l.drugColumns) {
            text.add(c);
        }
        for (int c : l.unitColumns) {
            if (c >= 0 && !text.contains(c)) {
                text.add(c);
            }
        }
        for (int c : l.identityColumns) {
            text.add(c);
        }
        return new Header(l.drugCount(), l.blockIdColumn, numbers, text);
    }

    /**
     * Validates and assembles one block from its rows given as text cells, exactly as {@link
     * #stream} does for the same rows in a file (same parsing, conversions, checks and {@link
     * BlockProblem}s). For engines that group rows themselves (Spark).
     *
     * @param file file name for messages
     * @param header the table's header cells
     * @param rows the block's rows in input order, one text cell per header column ({@link
     *     CellText} for typed values)
     * @param lines the 1-based line of each row, for messages
     * @throws DataFormatException when a row breaks the format
     * @throws IllegalArgumentException if the rows hold more than one block id or none
     */
    public static StreamedBlock block(
            String file, List<String> header, List<String[]> rows, int[] lines, ResponseScale scale) {
        if (rows.isEmpty() || rows.size() != lines.length) {
            throw new IllegalArgumentException(rows.size() + " rows and " + lines.length + " line numbers");
        }
        ColumnLayout layout = ColumnLayout.of(file, 1, header, new ArrayList<>());
        Assembler a = new Assembler(file, TableFormat.CSV, scale, layout, true);
        ListRows source = new ListRows(rows, lines);
        while (source.next()) {
            a.row(source);
        }
        if (!a.completed.isEmpty()) {
            throw new IllegalArgumentException(
                    "rows of more than one block: " + a.completed.peek().id + " and " + a.current.id);
        }
        BlockBuilder b = a.current;
        return new StreamedBlock(b.build(), a.attributes(b), a.problems(b));
    }

    /** Rows held in memory. */
    private static final class ListRows implements RowSource {
        private final List<String[]> rows;
        private final int[] lines;
        private int i = -1;

        ListRows(List<String[]> rows, int[] lines) {
            this.rows = rows;
            this.lines = lines;
        }

        @Override
        public boolean next() {
            return ++i < rows.size();
        }

        @Override
        public int line() {
            return lines[i];
        }

        @Override
        public int size() {
            return rows.get(i).length;
        }

        @Override
        public String cell(int c) {
            String[] r = rows.get(i);
            return c < r.length ? r[c] : "";
        }

        @Override
        public void close() {}
    }

    private static Opened open(Path file, String sheetName, List<String> warnings) {
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, 0, null, "cannot be read: no such file", e);
        } catch (IOException e) {
            throw new DataFormatException(name, 0, null, "cannot be read: " + e.getMessage(), e);
        }
        String ext = extension(name);
        if (head.length == 0) {
            throw new DataFormatException(name, 0, null, "file is empty");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            if (!ext.equals("xlsx") && !ext.equals("xlsm")) {
                warnings.add(name + ": is an Excel workbook despite its name; read as XLSX");
            }
            return new Opened(name, TableFormat.XLSX, XlsxRows.open(name, file, sheetName, warnings), () -> 0);
        }
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            if (sheetName != null) {
                throw new DataFormatException(
                        name, 0, null, "a sheet name ('" + sheetName + "') was given, but this is a Parquet file");
            }
            ParquetRows pr = ParquetRows.open(name, file);
            return new Opened(name, TableFormat.PARQUET, pr, pr::bytesRead);
        }
        if (ext.equals("parquet")) {
            throw new DataFormatException(
                    name, 0, null, "is named .parquet but is not a Parquet file (it does not start with PAR1)");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new DataFormatException(
                    name, 0, null, "is a legacy Excel (.xls) file, which is not supported; save it as .xlsx or CSV");
        }
        if (ext.equals("xlsx") || ext.equals("xlsm")) {
            throw new DataFormatException(
                    name, 0, null, "is named ." + ext + " but is not an Excel workbook (it is not a zip archive)");
        }
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw new DataFormatException(name, 0, null, "is UTF-16 encoded; save it as UTF-8");
        }
        if (sheetName != null) {
            throw new DataFormatException(
                    name, 0, null, "a sheet name ('" + sheetName + "') was given, but this is a text file");
        }
        int bom = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        if (bom > 0) {
            warnings.add(name + ": starts with a UTF-8 byte-order mark (BOM), which was skipped");
        }
        char separator = separator(name, ext, head, bom);
        TableFormat format = separator == '\t' ? TableFormat.TSV : TableFormat.CSV;
        try {
            CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
            in.skipNBytes(bom);
            // InputStreamReader replaces malformed UTF-8 with U+FFFD; text cells are checked for it.
            return new Opened(
                    name,
                    format,
                    new CsvRows(name, new InputStreamReader(in, StandardCharsets.UTF_8), separator),
                    in::count);
        } catch (IOException e) {
            throw new DataFormatException(name, 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** An opened row source with its format; {@code counter} tells the bytes read so far (0 if unknown). */
    private record Opened(String name, TableFormat format, RowSource rows, java.util.function.LongSupplier counter) {}

    /** Counts the bytes read so far, for progress reports. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private volatile long count;

        long count() {
            return count;
        }

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Chooses the field separator from the extension and the header line (the first non-blank
     * line), counting candidate separators outside quotes.
     */
    private static char separator(String name, String ext, byte[] head, int bom) {
        String text = new String(head, bom, head.length - bom, StandardCharsets.UTF_8);
        int line = 1;
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        int pipes = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                content = true;
            } else if (quoted) {
                continue;
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
            } else if (c == ',') {
                commas++;
            } else if (c == '\t') {
                tabs++;
            } else if (c == ';') {
                semicolons++;
            } else if (c == '|') {
                pipes++;
            }
            if (!Character.isWhitespace(c) && c != ',' && c != '\t' && c != ';') {
                content = true;
            }
        }
        String found = tabs > 0 ? "tabs" : semicolons > 0 ? "';'" : pipes > 0 ? "'|'" : null;
        switch (ext) {
            case "csv":
                if (commas > 0 || found == null) {
                    return ',';
                }
                throw new DataFormatException(
                        name,
                        line,
                        null,
                        "wrong delimiter: the header is separated by " + found
                                + ", but a .csv file must be separated by ','"
                                + (tabs > 0
                                        ? " (name a tab-separated file .tsv)"
                                        : " (re-export it with ',' as separator and '.' as decimal mark)"));
            case "tsv":
                if (tabs > 0) {
                    return '\t';
                }
                String other = commas > 0 ? "','" : found;
                if (other == null) {
                    return '\t';
                }
                throw new DataFormatException(
                        name,
                        line,
                        null,
                        "wrong delimiter: the header is separated by " + other
                                + ", but a .tsv file must be separated by tabs"
                                + (commas > 0 ? " (name a comma-separated file .csv)" : ""));
            default:
                if (tabs > 0) {
                    return '\t';
                }
                if (commas > 0 || found == null) {
                    return ',';
                }
                throw new DataFormatException(
                        name,
                        line,
                        null,
                        "wrong delimiter: the header is separated by " + found
                                + ", but a table must be separated by ',' or tabs");
        }
    }

    private static TableReadResult readRows(
            String name, TableFormat format, RowSource rows, ResponseScale scale, List<String> warnings)
            throws IOException {
        List<Integer> pendingBlank = new ArrayList<>();
        List<Integer> skippedBlank = new ArrayList<>();
        Assembler assembler = null;
        int headerLine = 0;
        boolean anyLine = false;
        while (rows.next()) {
            anyLine = true;
            if (isBlank(rows)) {
                pendingBlank.add(rows.line());
                continue;
            }
            skippedBlank.addAll(pendingBlank);
            pendingBlank.clear();
            if (assembler == null) {
                headerLine = rows.line();
                List<String> header = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    header.add(rows.cell(i));
                }
                ColumnLayout layout = ColumnLayout.of(name, headerLine, header, warnings);
                rows.checkColumns(layout);
                assembler = new Assembler(name, format, scale, layout, false);
            } else {
                assembler.row(rows);
            }
        }
        if (assembler == null) {
            throw new DataFormatException(
                    name, 0, null, anyLine ? "file is empty: it holds only blank lines" : "file is empty");
        }
        if (!skippedBlank.isEmpty()) {
            warnings.add(name + ": skipped " + skippedBlank.size() + " blank line"
                    + (skippedBlank.size() == 1 ? "" : "s") + " inside the table (" + listLines(skippedBlank) + ")");
        }
        if (assembler.blockCount == 0) {
            throw new DataFormatException(name, headerLine, null, "file has a header but no data rows");
        }
        return assembler.finish(warnings);
    }

    private static String listLines(List<Integer> lines) {
        StringBuilder sb = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
        for (int i = 0; i < Math.min(lines.size(), MAX_LISTED_LINES); i++) {
            sb.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        if (lines.size() > MAX_LISTED_LINES) {
            sb.append(", ...");
        }
        return sb.toString();
    }

    private static boolean isBlank(RowSource rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.cell(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Validates rows one at a time and gathers them into blocks. */
    private static final class Assembler {
        private final String file;
        private final TableFormat format;
        private final ResponseScale scale;
        private final ColumnLayout layout;
        private final int drugCount;
        private final Map<String, BlockBuilder> blocks = new LinkedHashMap<>();
        private final boolean streaming;
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private final java.util.ArrayDeque<BlockBuilder> completed = new java.util.ArrayDeque<>();
        private BlockBuilder current;
        private long blockCount;
        private double minResponse = Double.POSITIVE_INFINITY;
        private double maxResponse = Double.NEGATIVE_INFINITY;

        Assembler(String file, TableFormat format, ResponseScale scale, ColumnLayout layout, boolean streaming) {
            this.streaming = streaming;
            this.file = file;
            this.format = format;
            this.scale = scale;
            this.layout = layout;
            this.drugCount = layout.drugCount();
        }

        void row(RowSource rows) {
            int line = rows.line();
            if (format == TableFormat.XLSX) {
                if (rows.size() > layout.width) {
                    String ref = ((XlsxRows) rows).reference(rows.size() - 1);
                    throw new DataFormatException(
                            file,
                            line,
                            null,
                            "cell " + ref + " lies outside the table: the header has " + layout.width + " columns");
                }
            } else if (rows.size() != layout.width) {
                throw new DataFormatException(
                        file,
                        line,
                        null,
                        "ragged row: it has " + rows.size() + " field" + (rows.size() == 1 ? "" : "s")
                                + " but the header has " + layout.width);
            }
            String blockId = text(rows, line, layout.blockIdColumn, null);
            if (blockId.isEmpty()) {
                throw new DataFormatException(
                        file, line, layout.original.get(layout.blockIdColumn).strip(), "block_id must not be empty");
            }
            String where = " (block " + blockId + ")";
            BlockBuilder block;
            if (streaming) {
                block = current != null && current.id.equals(blockId) ? current : null;
                if (block == null && seen.contains(blockId)) {
                    throw new DataFormatException(
                            file,
                            line,
                            column(layout.blockIdColumn),
                            "block " + blockId + " reappears after other blocks; for streaming, the rows of each"
                                    + " block must be contiguous (sort the file by block_id)");
                }
            } else {
                block = blocks.get(blockId);
            }
            String[] drugs = new String[drugCount];
            String[] units = new String[drugCount];
            double[] conc = new double[drugCount];
            for (int d = 0; d < drugCount; d++) {
                drugs[d] = text(rows, line, layout.drugColumns[d], where);
                if (drugs[d].isEmpty()) {
                    throw new DataFormatException(
                            file, line, column(layout.drugColumns[d]), "drug name must not be empty" + where);
                }
                conc[d] = number(rows, line, layout.concColumns[d], true, where);
                units[d] = layout.unitColumns[d] < 0 ? "" : text(rows, line, layout.unitColumns[d], where);
            }
            double raw = number(rows, line, layout.responseColumn, false, where);
            String[] identity = new String[layout.identityColumns.length];
            for (int k = 0; k < identity.length; k++) {
                identity[k] = text(rows, line, layout.identityColumns[k], where);
            }
            if (block == null) {
                block = new BlockBuilder(blockId, line, drugs, units, identity, drugCount);
                blockCount++;
                if (streaming) {
                    if (current != null) {
                        completed.add(current);
                    }
                    current = block;
                    seen.add(blockId);
                } else {
                    blocks.put(blockId, block);
                }
            } else {
                for (int d = 0; d < drugCount; d++) {
                    if (!drugs[d].equals(block.drugs[d])) {
                        throw new DataFormatException(
                                file,
                                line,
                                column(layout.drugColumns[d]),
                                "block " + blockId + " mixes drugs: '" + drugs[d] + "' here but '" + block.drugs[d]
                                        + "' on line " + block.firstLine
                                        + "; each block must hold one drug combination");
                    }
                    if (!units[d].equals(block.units[d])) {
                        throw new DataFormatException(
                                file,
                                line,
                                column(layout.unitColumns[d]),
                                "block " + blockId + " gives drug '" + drugs[d] + "' in '" + units[d]
                                        + "' here but in '"
                                        + block.units[d] + "' on line " + block.firstLine
                                        + "; each drug must have one concentration unit within a block");
                    }
                }
                for (int k = 0; k < identity.length; k++) {
                    if (!identity[k].equals(block.identity[k])) {
                        throw new DataFormatException(
                                file,
                                line,
                                column(layout.identityColumns[k]),
                                "block " + blockId + " mixes values: '" + identity[k] + "' here but '"
                                        + block.identity[k] + "' on line " + block.firstLine + "; "
                                        + layout.identityNames.get(k) + " must be constant within a block");
                    }
                }
            }
            minResponse = Math.min(minResponse, raw);
            maxResponse = Math.max(maxResponse, raw);
            block.add(conc, scale.toInhibitionPercent(raw), line);
        }

        private String column(int c) {
            return layout.original.get(c).strip();
        }

        private String text(RowSource rows, int line, int c, String where) {
            String s = rows.cell(c).strip();
            if (s.indexOf('\uFFFD') >= 0) {
                throw new DataFormatException(
                        file,
                        line,
                        column(c),
                        "text is not valid UTF-8" + (where == null ? "" : where) + "; save the file as UTF-8");
            }
            return s;
        }

        /**
         * Parses a decimal number. Only digits, sign, point and exponent are accepted, so that
         * Java's extras (NaN, Infinity, hex, the d/f suffixes) never slip through.
         */
        private double number(RowSource rows, int line, int c, boolean concentration, String where) {
            String s = rows.cell(c).strip();
            double v = parseDecimal(s);
            boolean ok = concentration ? Double.isFinite(v) && v >= 0 : Double.isFinite(v);
            if (ok) {
                return v == 0 ? 0.0 : v; // -0 reads as 0
            }
            String rule =
                    concentration ? "concentration must be a finite number >= 0" : "response must be a finite number";
            String was = s.isEmpty() ? "was empty" : "was '" + s + "'";
            String hint = "";
            if (s.indexOf(',') >= 0 && Double.isFinite(parseDecimal(s.replace(',', '.')))) {
                hint = "; use '.' as the decimal mark";
            }
            throw new DataFormatException(file, line, column(c), rule + ", " + was + where + hint);
        }

        private List<BlockProblem> problems() {
            List<BlockProblem> out = new ArrayList<>();
            for (BlockBuilder b : blocks.values()) {
                out.addAll(problems(b));
            }
            return out;
        }

        private List<BlockProblem> problems(BlockBuilder b) {
            List<BlockProblem> out = new ArrayList<>();
            {
                for (int d = 0; d < drugCount; d++) {
                    double[] all = b.distinct(d, false);
                    String label = "drug '" + b.drugs[d] + "' (" + column(layout.concColumns[d]) + ")";
                    if (all.length < MIN_DISTINCT_CONCENTRATIONS) {
                        out.add(new BlockProblem(
                                b.id,
                                b.firstLine,
                                label + " has " + all.length + " distinct concentration" + (all.length == 1 ? "" : "s")
                                        + " (" + values(all) + "); a dose-response curve needs at least "
                                        + MIN_DISTINCT_CONCENTRATIONS + ", 0 included"));
                        continue;
                    }
                    double[] single = b.distinct(d, true);
                    if (single.length < MIN_DISTINCT_CONCENTRATIONS) {
                        out.add(new BlockProblem(
                                b.id,
                                b.firstLine,
                                label + " has " + single.length + " distinct concentration"
                                        + (single.length == 1 ? "" : "s") + " on its single-drug curve ("
                                        + (single.length == 0 ? "no row" : values(single))
                                        + ") where every other drug is 0; a dose-response curve needs at least "
                                        + MIN_DISTINCT_CONCENTRATIONS + ", 0 included"));
                    }
                }
            }
            return out;
        }

        private static String values(double[] v) {
            StringBuilder sb = new StringBuilder();
            for (double x : v) {
                sb.append(sb.length() == 0 ? "" : ", ").append(Numbers.format(x));
            }
            return sb.toString();
        }

        Map<String, String> attributes(BlockBuilder b) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int k = 0; k < b.identity.length; k++) {
                attrs.put(layout.identityNames.get(k), b.identity[k]);
            }
            return attrs;
        }

        TableReadResult finish(List<String> warnings) {
            finishWarnings(warnings);
            List<DoseResponseBlock> out = new ArrayList<>(blocks.size());
            Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
            for (BlockBuilder b : blocks.values()) {
                out.add(b.build());
                attributes.put(b.id, attributes(b));
            }
            return new TableReadResult(file, format, scale, drugCount, out, attributes, problems(), warnings);
        }

        void finishWarnings(List<String> warnings) {
            if (layout.responseFromInhibitionAlias && scale == ResponseScale.VIABILITY) {
                warnings.add(file + ": the response column is named 'inhibition' but is read as viability"
                        + " (converted to 100 - value); check the data type");
            }
            double maxAbs = Math.max(Math.abs(minResponse), Math.abs(maxResponse));
            String range = "[" + Numbers.format(minResponse) + ", " + Numbers.format(maxResponse) + "]";
            if (maxAbs <= 1.5) {
                warnings.add(file + ": responses lie in " + range
                        + ", which looks like fractions; responses must be percent " + scale.label() + " (0-100)");
            } else if (maxAbs > 1000) {
                warnings.add(file + ": responses lie in " + range
                        + ", which looks like raw readouts; responses must be percent " + scale.label() + " (0-100)");
            }
        }
    }

    /**
     * Parses text made only of digits, signs, '.', 'e' or 'E' (at least one digit); anything else,
     * or text {@link Double#parseDouble} rejects, gives NaN, which callers treat as invalid.
     */
    static double parseDecimal(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Rows of one block, kept in input order in growable primitive arrays. */
    private static final class BlockBuilder {
        final String id;
        final int firstLine;
        final String[] drugs;
        final String[] units;
        final String[] identity;
        private final int drugCount;
        private double[] conc = new double[64];
        private double[] response = new double[16];
        private int[] lines = new int[16];
        private int size;

        BlockBuilder(String id, int firstLine, String[] drugs, String[] units, String[] identity, int drugCount) {
            this.id = id;
            this.firstLine = firstLine;
            this.drugs = drugs;
            this.units = units;
            this.identity = identity;
            this.drugCount = drugCount;
        }

        void add(double[] c, double inhibitionPercent, int line) {
            if (size == response.length) {
                response = Arrays.copyOf(response, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            if ((size + 1) * drugCount > conc.length) {
                conc = Arrays.copyOf(conc, Math.max(conc.length * 2, (size + 1) * drugCount));
            }
            System.arraycopy(c, 0, conc, size * drugCount, drugCount);
            response[size] = inhibitionPercent;
            lines[size] = line;
            size++;
        }

        /** Sorted distinct concentrations of drug {@code d}; only single-drug rows if asked. */
        double[] distinct(int d, boolean singleDrugRowsOnly) {
            double[] v = new double[size];
            int n = 0;
            for (int r = 0; r < size; r++) {
                if (singleDrugRowsOnly && !othersZero(r, d)) {
                    continue;
                }
                v[n++] = conc[r * drugCount + d];
            }
            v = Arrays.copyOf(v, n);
            Arrays.sort(v);
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (k == 0 || v[i] != v[k - 1]) {
                    v[k++] = v[i];
                }
            }
            return Arrays.copyOf(v, k);
        }

        private boolean othersZero(int r, int d) {
            for (int j = 0; j < drugCount; j++) {
                if (j != d && conc[r * drugCount + j] != 0) {
                    return false;
                }
            }
            return true;
        }

        DoseResponseBlock build() {
            double[][] rows = new double[size][];
            for (int r = 0; r < size; r++) {
                rows[r] = Arrays.copyOfRange(conc, r * drugCount, (r + 1) * drugCount);
            }
            return new DoseResponseBlock(
                    id,
                    List.of(drugs),
                    List.of(units),
                    rows,
                    Arrays.copyOf(response, size),
                    Arrays.copyOf(lines, size));
        }
    }

    /**
     * One block read by {@link BlockStream}.
     *
     * @param block the block, responses in percent inhibition
     * @param attributes the values of the other {@code drug*}/{@code cell*} columns of the block
     * @param problems why the block cannot be analysed; empty when it can
     */
    public record StreamedBlock(DoseResponseBlock block, Map<String, String> attributes, List<BlockProblem> problems) {
        public StreamedBlock {
            attributes = Map.copyOf(attributes);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Blocks of a table read incrementally, in input order (see {@link #stream}). Not thread-safe;
     * close it to release the file.
     */
    public static final class BlockStream implements AutoCloseable {
        private final String name;
        private final TableFormat format;
        private final RowSource rows;
        private final java.util.function.LongSupplier counter;
        private final ResponseScale scale;
        private final List<String> warnings;
        private final long sizeBytes;
        private final Assembler assembler;
        private final int headerLine;
        private final List<Integer> pendingBlank = new ArrayList<>();
        private final List<Integer> skippedBlank = new ArrayList<>();
        private boolean ended;

        private BlockStream(Opened o, ResponseScale scale, List<String> warnings, long sizeBytes) {
            this.name = o.name();
            this.format = o.format();
            this.rows = o.rows();
            this.counter = o.counter();
            this.scale = scale;
            this.warnings = warnings;
            this.sizeBytes = sizeBytes;
            Assembler a = null;
            int hl = 0;
            boolean anyLine = false;
            try {
                while (a == null && rows.next()) {
                    anyLine = true;
                    if (isBlank(rows)) {
                        continue;
                    }
                    hl = rows.line();
                    List<String> header = new ArrayList<>(rows.size());
                    for (int i = 0; i < rows.size(); i++) {
                        header.add(rows.cell(i));
                    }
                    ColumnLayout layout = ColumnLayout.of(name, hl, header, warnings);
                    rows.checkColumns(layout);
                    a = new Assembler(name, format, scale, layout, true);
                }
            } catch (IOException | UncheckedIOException | DataFormatException e) {
                closeQuietly();
                if (e instanceof DataFormatException d) {
                    throw d;
                }
                throw new DataFormatException(name, 0, null, "cannot be read: " + e.getMessage(), e);
            }
            if (a == null) {
                closeQuietly();
                throw new DataFormatException(
                        name, 0, null, anyLine ? "file is empty: it holds only blank lines" : "file is empty");
            }
            this.assembler = a;
            this.headerLine = hl;
        }

        private void closeQuietly() {
            try {
                rows.close();
            } catch (IOException e) {
                // already failing; the first error is the one to report
            }
        }

        /** The file name used in messages. */
        public String sourceName() {
            return name;
        }

        /** The scale of the input's response column (blocks hold percent inhibition). */
        public ResponseScale scale() {
            return scale;
        }

        /** Number of drugs per block, from the header. */
        public int drugCount() {
            return assembler.drugCount;
        }

        /** Size of the file in bytes (0 if unknown). */
        public long sizeBytes() {
            return sizeBytes;
        }

        /** Bytes read so far (read ahead of the blocks returned); 0 for workbooks. */
        public long bytesRead() {
            return counter.getAsLong();
        }

        /**
         * The next block, or empty at the end of the table.
         *
         * @throws DataFormatException when a row breaks the format or a block id reappears
         */
        public java.util.Optional<StreamedBlock> next() {
            try {
                while (assembler.completed.isEmpty() && !ended) {
                    if (!rows.next()) {
                        ended = true;
                        if (assembler.current != null) {
                            assembler.completed.add(assembler.current);
                            assembler.current = null;
                        }
                        finish();
                        break;
                    }
                    if (isBlank(rows)) {
                        pendingBlank.add(rows.line());
                        continue;
                    }
                    skippedBlank.addAll(pendingBlank);
                    pendingBlank.clear();
                    assembler.row(rows);
                }
            } catch (IOException e) {
                throw new DataFormatException(name, 0, null, "cannot be read: " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new DataFormatException(
                        name, 0, null, "cannot be read: " + e.getCause().getMessage(), e);
            }
            BlockBuilder b = assembler.completed.poll();
            if (b == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new StreamedBlock(b.build(), assembler.attributes(b), assembler.problems(b)));
        }

        private void finish() {
            if (assembler.blockCount == 0) {
                throw new DataFormatException(name, headerLine, null, "file has a header but no data rows");
            }
            if (!skippedBlank.isEmpty()) {
                warnings.add(name + ": skipped " + skippedBlank.size() + " blank line"
                        + (skippedBlank.size() == 1 ? "" : "s") + " inside the table (" + listLines(skippedBlank)
                        + ")");
            }
            assembler.finishWarnings(warnings);
        }

        /** Remarks about the file; complete once {@link #next()} has returned empty. */
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
