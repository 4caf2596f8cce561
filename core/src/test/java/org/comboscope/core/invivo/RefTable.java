package org.comboscope.core.invivo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal reader for the reference CSV files (RFC 4180 quotes, no embedded newlines). */
final class RefTable {
    final List<String> header;
    final List<Map<String, String>> rows;

    private RefTable(List<String> header, List<Map<String, String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    static RefTable load(String resource) {
        try (InputStream in = RefTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = split(lines[0]);
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                List<String> f = split(lines[i]);
                Map<String, String> m = new LinkedHashMap<>();
                for (int j = 0; j < header.size(); j++) {
                    m.put(header.get(j), f.get(j));
                }
                rows.add(m);
            }
            return new RefTable(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }

    static double num(String s) {
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    /** Loads a long table and arms file of a study from test resources. */
    static TumourStudy study(String dir) {
        RefTable t = load(dir + "/long.csv");
        String value = t.header.contains("volume_mm3") ? "volume_mm3" : "bli_rlu";
        List<TumourObservation> obs = new ArrayList<>();
        for (Map<String, String> r : t.rows) {
            obs.add(new TumourObservation(r.get("animal_id"), r.get("group"), num(r.get("day")), num(r.get(value))));
        }
        return new TumourStudy(t.rows.get(0).get("study"), Measurement.VOLUME_MM3, obs);
    }

    static Arms arms(String dir) {
        Map<String, String> byRole = new LinkedHashMap<>();
        for (Map<String, String> r : load(dir + "/arms.csv").rows) {
            byRole.put(r.get("role"), r.get("group"));
        }
        return new Arms(byRole.get("vehicle"), byRole.get("drugA"), byRole.get("drugB"), byRole.get("combination"));
    }
}
