package org.comboscope.io.survival;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.survival.SurvivalSample;

/**
 * Reads right-censored survival data from a CSV (or TSV: a tab in the header and no comma) file
 * with a header row. The caller names the time, event and (optional) group columns; other columns
 * are ignored.
 *
 * <p>Rules, each reported as a {@link DataFormatException} naming file, line and column: time must
 * be a finite number {@code >= 0}; the event must use the chosen {@link EventCoding}; the group
 * must not be empty or {@code NA}. Lines are 1-based with the header on line 1.
 */
public final class SurvivalCsvReader {
    private final String timeColumn;
    private final String eventColumn;
    private final String groupColumn;
    private final EventCoding coding;

    /**
     * @param groupColumn the group column, or {@code null} for a single group named {@code all}
     */
    public SurvivalCsvReader(String timeColumn, String eventColumn, String groupColumn, EventCoding coding) {
        this.timeColumn = timeColumn;
        this.eventColumn = eventColumn;
        this.groupColumn = groupColumn;
        this.coding = coding;
    }

    private record Row(long line, double time, String eventText, String group, double[] covariates, String stratum) {}

    /**
     * Rows for a Cox model with covariates, in file order: group labels (reference = first in sorted
     * order, as {@link #read} orders groups), times, events and numeric covariates. Rows with a
     * missing covariate ({@code NA} or empty) are left out, as R's {@code na.omit} does, and counted.
     *
     * @param groups group label per row ({@code all} without a group column)
     * @param covariates one row per observation, one column per name in {@code covariateNames}
     * @param droppedRows rows left out for a missing covariate
     */
    public record CoxRows(
            List<String> groups,
            double[] time,
            boolean[] event,
            double[][] covariates,
            List<String> covariateNames,
            int droppedRows,
            List<String> strata) {}

    /**
     * Reads {@code file} with numeric covariate columns for a Cox model.
     *
     * @throws DataFormatException for a missing column or a covariate that is neither a number nor NA
     */
    public CoxRows readCoxRows(Path file, List<String> covariateNames) {
        return readCoxRows(file, covariateNames, null);
    }

    /**
     * As {@link #readCoxRows(Path, List)}, with the stratum of each row from {@code strataColumn}
     * ({@code null}: one stratum {@code all}); a missing stratum is an error naming line and column.
     */
    public CoxRows readCoxRows(Path file, List<String> covariateNames, String strataColumn) {
        List<Row> rows = parse(file, covariateNames, strataColumn);
        EventCoding resolved = resolve(rows);
        List<String> groups = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Boolean> d = new ArrayList<>();
        int dropped = 0;
        for (Row r : rows) {
            boolean complete = true;
            for (double v : r.covariates) {
                complete &= !Double.isNaN(v);
            }
            if (!complete) {
                dropped++;
                continue;
            }
            groups.add(r.group);
            strata.add(r.stratum);
            x.add(r.covariates);
            t.add(r.time);
            d.add(event(r, resolved, file.toString()));
        }
        double[] time = new double[t.size()];
        boolean[] event = new boolean[d.size()];
        for (int i = 0; i < time.length; i++) {
            time[i] = t.get(i);
            event[i] = d.get(i);
        }
        return new CoxRows(
                List.copyOf(groups),
                time,
                event,
                x.toArray(new double[0][]),
                List.copyOf(covariateNames),
                dropped,
                List.copyOf(strata));
    }

    /**
     * Reads {@code file}.
     *
     * @throws DataFormatException for a missing column or a bad value (with its line and column)
     * @throws UncheckedIOException if the file cannot be read
     */
    public SurvivalTable read(Path file) {
        String name = file.toString();
        List<Row> rows = parse(file, List.of(), null);
        EventCoding resolved = resolve(rows);
        Map<String, List<Row>> byGroup = new TreeMap<>();
        for (Row r : rows) {
            byGroup.computeIfAbsent(r.group, g -> new ArrayList<>()).add(r);
        }
        Map<String, SurvivalSample> groups = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> e : byGroup.entrySet()) {
            List<Row> g = e.getValue();
            double[] t = new double[g.size()];
            boolean[] d = new boolean[g.size()];
            for (int i = 0; i < g.size(); i++) {
                t[i] = g.get(i).time;
                d[i] = event(g.get(i), resolved, name);
            }
            groups.put(e.getKey(), new SurvivalSample(t, d));
        }
        return new SurvivalTable(name, groups, resolved, rows.size());
    }

    private List<Row> parse(Path file, List<String> covariateNames, String strataColumn) {
        String name = file.toString();
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator(file))
                .skipEmptyLines(true)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new DataFormatException(name, 0, null, "file is empty; expected a header row");
            }
            List<String> header = new ArrayList<>();
            for (String h : it.next().getFields()) {
                header.add(h.strip());
            }
            int ti = column(header, timeColumn, name, "time");
            int ei = column(header, eventColumn, name, "event");
            int gi = groupColumn == null ? -1 : column(header, groupColumn, name, "group");
            int si = strataColumn == null ? -1 : column(header, strataColumn, name, "strata");
            int[] ci = new int[covariateNames.size()];
            for (int k = 0; k < ci.length; k++) {
                ci[k] = column(header, covariateNames.get(k), name, "covariate");
            }
            while (it.hasNext()) {
                CsvRecord r = it.next();
                long line = r.getStartingLineNumber();
                String timeText = field(r, ti);
                double time = parseTime(timeText, name, line);
                String eventText = field(r, ei);
                String group = "all";
                if (gi >= 0) {
                    group = field(r, gi);
                    if (group.isEmpty() || group.equals("NA")) {
                        throw new DataFormatException(
                                name,
                                (int) line,
                                groupColumn,
                                "group is missing ('" + group + "'); every row needs one");
                    }
                }
                double[] cov = new double[ci.length];
                for (int k = 0; k < ci.length; k++) {
                    String text = field(r, ci[k]);
                    if (text.isEmpty() || text.equals("NA")) {
                        cov[k] = Double.NaN;
                        continue;
                    }
                    try {
                        cov[k] = Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        cov[k] = Double.NaN;
                    }
                    if (!Double.isFinite(cov[k])) {
                        throw new DataFormatException(
                                name,
                                (int) line,
                                covariateNames.get(k),
                                "covariate must be a finite number or NA, was '" + text + "'");
                    }
                }
                String stratum = "all";
                if (si >= 0) {
                    stratum = field(r, si);
                    if (stratum.isEmpty() || stratum.equals("NA")) {
                        throw new DataFormatException(
                                name, (int) line, strataColumn, "stratum is missing ('" + stratum + "')");
                    }
                }
                rows.add(new Row(line, time, eventText, group, cov, stratum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (CsvParseException e) {
            throw new DataFormatException(name, 0, null, "not valid CSV: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(name, 0, null, "no data rows after the header");
        }
        return rows;
    }

    private static char separator(Path file) throws IOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file)) {
            String first = r.readLine();
            return first != null && first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
        }
    }

    private static int column(List<String> header, String wanted, String file, String role) {
        int i = header.indexOf(wanted);
        if (i < 0) {
            throw new DataFormatException(
                    file, 1, wanted, "no such " + role + " column; the header has " + String.join(", ", header));
        }
        return i;
    }

    private static String field(CsvRecord r, int i) {
        return i < r.getFieldCount() ? r.getField(i).strip() : "";
    }

    private double parseTime(String text, String file, long line) {
        double t;
        try {
            t = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, (int) line, timeColumn, "time must be a number, was '" + text + "'", e);
        }
        if (!Double.isFinite(t) || t < 0) {
            throw new DataFormatException(
                    file, (int) line, timeColumn, "time must be finite and >= 0, was '" + text + "'");
        }
        return t;
    }

    private EventCoding resolve(List<Row> rows) {
        if (coding != EventCoding.AUTO) {
            return coding;
        }
        for (Row r : rows) {
            if (r.eventText.equals("2") || r.eventText.equals("2.0")) {
                return EventCoding.ONE_TWO;
            }
        }
        return EventCoding.ZERO_ONE;
    }

    private boolean event(Row r, EventCoding resolved, String file) {
        String v = r.eventText.toUpperCase(Locale.ROOT);
        if (resolved == EventCoding.ZERO_ONE) {
            switch (v) {
                case "0", "0.0", "FALSE" -> {
                    return false;
                }
                case "1", "1.0", "TRUE" -> {
                    return true;
                }
                default -> throw badEvent(r, file, "0 (censored) or 1 (event)");
            }
        }
        switch (v) {
            case "1", "1.0" -> {
                return false;
            }
            case "2", "2.0" -> {
                return true;
            }
            default ->
                throw badEvent(
                        r,
                        file,
                        "1 (censored) or 2 (event)"
                                + (coding == EventCoding.AUTO
                                        ? ", because the column contains a 2 (R's Surv rule)"
                                        : ""));
        }
    }

    private DataFormatException badEvent(Row r, String file, String allowed) {
        return new DataFormatException(
                file, (int) r.line, eventColumn, "event must be " + allowed + ", was '" + r.eventText + "'");
    }
}
