package org.comboscope.core.survival;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Test helper: reads the R-written CSV resources (quoted fields, no embedded commas). */
final class RTable {
    private RTable() {}

    static List<Map<String, String>> read(String resource) {
        InputStream in = RTable.class.getResourceAsStream("/survival/" + resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = split(r.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            out.add(cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell);
        }
        return out;
    }

    /** R's NA and NaN both mean "undefined". */
    static OptionalDouble number(String text) {
        return text.equals("NA") || text.equals("NaN")
                ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(text));
    }

    /** The groups of an input file, in R's factor order (sorted labels). */
    static Map<String, SurvivalSample> groups(String dataset) {
        Map<String, List<double[]>> byGroup = new TreeMap<>();
        for (Map<String, String> row : read(dataset + "_input.csv")) {
            byGroup.computeIfAbsent(row.get("group"), g -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(row.get("time")), Double.parseDouble(row.get("event"))});
        }
        Map<String, SurvivalSample> out = new LinkedHashMap<>();
        byGroup.forEach((g, rows) -> {
            double[] t = new double[rows.size()];
            boolean[] e = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                t[i] = rows.get(i)[0];
                e[i] = rows.get(i)[1] == 1;
            }
            out.put(g, new SurvivalSample(t, e));
        });
        return out;
    }

    /** Relative difference, or absolute when the reference is 0. */
    static double relDiff(double actual, double expected) {
        if (expected == 0) {
            return Math.abs(actual);
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }

    /** Tracks the worst relative difference and where it occurred. */
    static final class Worst {
        double value;
        String where = "none";

        void add(OptionalDouble actual, String expectedText, String where) {
            OptionalDouble expected = number(expectedText);
            if (expected.isPresent() != actual.isPresent()) {
                value = Double.POSITIVE_INFINITY;
                this.where = where + ": expected " + expectedText + ", was " + actual;
                return;
            }
            if (expected.isPresent()) {
                add(actual.getAsDouble(), expected.getAsDouble(), where);
            }
        }

        void add(double actual, double expected, String where) {
            double d = relDiff(actual, expected);
            if (!(d <= value)) {
                value = d;
                this.where = where + ": expected " + expected + ", was " + actual;
            }
        }

        @Override
        public String toString() {
            return value + " at " + where;
        }
    }
}
