package org.comboscope.core.combination;

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

/** Test resources under combination/synergy-python (see SOURCE.md there). */
final class Fixtures {
    private static Map<String, TwoDrugData> blocks;

    private Fixtures() {}

    /** One reference table row: column → text ("" = NaN / not available). */
    record Row(Map<String, String> cells) {
        String text(String col) {
            String v = cells.get(col);
            if (v == null) {
                throw new IllegalArgumentException("no column " + col);
            }
            return v;
        }

        boolean has(String col) {
            return !text(col).isEmpty();
        }

        double num(String col) {
            String v = text(col);
            return switch (v) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            };
        }
    }

    static List<Row> table(String name) {
        return resource("/combination/synergy-python/" + name);
    }

    /** A CSV test resource with a header row. */
    static List<Row> resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = split(r.readLine());
            List<Row> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> f = split(line);
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), i < f.size() ? f.get(i) : "");
                }
                rows.add(new Row(m));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The 25 input blocks in file order (fa = response). */
    static synchronized Map<String, TwoDrugData> blocks() {
        if (blocks == null) {
            Map<String, List<Row>> byId = new LinkedHashMap<>();
            for (Row r : table("blocks.csv")) {
                byId.computeIfAbsent(r.text("block_id"), k -> new ArrayList<>()).add(r);
            }
            Map<String, TwoDrugData> out = new LinkedHashMap<>();
            byId.forEach((id, rows) -> {
                int n = rows.size();
                double[] a = new double[n];
                double[] b = new double[n];
                double[] f = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = rows.get(i).num("conc1");
                    b[i] = rows.get(i).num("conc2");
                    f[i] = rows.get(i).num("response");
                }
                out.put(id, new TwoDrugData(a, b, f));
            });
            blocks = out;
        }
        return blocks;
    }

    static double rel(double a, double b) {
        if (a == b) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }
}
