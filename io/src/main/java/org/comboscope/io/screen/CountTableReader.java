package org.comboscope.io.screen;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.screen.CountTable;

/**
 * Reads MAGeCK/DrugZ guide count tables: a header line, then one row per guide with the guide id,
 * its gene and one read count per sample ({@code sgRNA, Gene, S1, S2, ...}).
 *
 * <p>Separator: comma when the file name ends in {@code .csv} (any case, as MAGeCK decides),
 * otherwise TAB. Counts must be non-negative integers; integer-valued decimals such as {@code 239.0}
 * are accepted. Blank lines are skipped. Every problem is reported as a {@link DataFormatException}
 * naming the file, the 1-based line and the column: duplicated guide ids, sample names or header
 * columns, non-numeric, fractional or negative counts, rows with a different number of fields than
 * the header, and files without guides.
 */
public final class CountTableReader {
    private CountTableReader() {}

    /** Reads {@code file}; see the class description for the rules. */
    public static CountTable read(Path file) throws IOException {
        String name = file.getFileName().toString();
        char sep = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? ',' : '\t';
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, name, sep);
        }
    }

    /**
     * Reads a count table from {@code in}.
     *
     * @param fileName name used in error messages
     * @param separator field separator ({@code '\t'} or {@code ','})
     */
    public static CountTable read(Reader in, String fileName, char separator) {
        List<String> guides = new ArrayList<>();
        List<String> genes = new ArrayList<>();
        Map<String, Integer> guideLine = new HashMap<>();
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(in)) {
            for (CsvRecord rec : csv) {
                int line = (int) rec.getStartingLineNumber();
                List<String> f = rec.getFields();
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>();
                    for (String h : f) {
                        header.add(h.strip());
                    }
                    if (header.size() < 3) {
                        throw new DataFormatException(
                                fileName,
                                line,
                                null,
                                "header must have a guide id column, a gene column and at least one sample column, found "
                                        + header.size() + " column(s)"
                                        + (separator == '\t'
                                                ? " (TAB-separated expected; use a .csv name for commas)"
                                                : ""));
                    }
                    Map<String, Integer> seen = new HashMap<>();
                    for (int c = 2; c < header.size(); c++) {
                        Integer prev = seen.put(header.get(c), c);
                        if (prev != null) {
                            throw new DataFormatException(
                                    fileName,
                                    line,
                                    header.get(c),
                                    "duplicate sample name (columns " + (prev + 1) + " and " + (c + 1) + ")");
                        }
                        if (header.get(c).isEmpty()) {
                            throw new DataFormatException(fileName, line, "column " + (c + 1), "empty sample name");
                        }
                    }
                    continue;
                }
                if (f.size() != header.size()) {
                    throw new DataFormatException(
                            fileName, line, null, "row has " + f.size() + " fields, the header has " + header.size());
                }
                String id = f.get(0).strip();
                if (id.isEmpty()) {
                    throw new DataFormatException(fileName, line, header.get(0), "empty guide id");
                }
                Integer prev = guideLine.putIfAbsent(id, line);
                if (prev != null) {
                    throw new DataFormatException(
                            fileName,
                            line,
                            header.get(0),
                            "duplicate guide id '" + id + "' (first on line " + prev + ")");
                }
                guides.add(id);
                genes.add(f.get(1).strip());
                double[] row = new double[header.size() - 2];
                for (int c = 2; c < header.size(); c++) {
                    row[c - 2] = parseCount(f.get(c), fileName, line, header.get(c));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new DataFormatException(fileName, 0, null, "not a readable table: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataFormatException(fileName, 0, null, "empty file: a header line and guide rows are required");
        }
        if (guides.isEmpty()) {
            throw new DataFormatException(fileName, 0, null, "no guide rows after the header");
        }
        int ns = header.size() - 2;
        double[][] counts = new double[ns][guides.size()];
        for (int g = 0; g < guides.size(); g++) {
            double[] row = rows.get(g);
            for (int s = 0; s < ns; s++) {
                counts[s][g] = row[s];
            }
        }
        return new CountTable(guides, genes, header.subList(2, header.size()), counts);
    }

    private static double parseCount(String text, String file, int line, String column) {
        String s = text.strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "read count must be a number, was '" + text + "'");
        }
        if (s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F") || !Double.isFinite(v)) {
            throw new DataFormatException(file, line, column, "read count must be a number, was '" + text + "'");
        }
        if (v < 0) {
            throw new DataFormatException(file, line, column, "read count must be >= 0, was '" + text + "'");
        }
        if (v != Math.rint(v)) {
            throw new DataFormatException(file, line, column, "read count must be an integer, was '" + text + "'");
        }
        return v;
    }
}
