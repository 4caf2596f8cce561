package org.comboscope.core.screen;

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

/** Loads the copied reference inputs and outputs under {@code src/test/resources/screen}. */
final class ScreenTestData {
    private ScreenTestData() {}

    /** Lines of a TSV resource, split on TAB (header included). */
    static List<String[]> tsv(String resource) {
        InputStream in = ScreenTestData.class.getResourceAsStream("/screen/" + resource);
        if (in == null) {
            throw new IllegalArgumentException("missing test resource /screen/" + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static CountTable counts(String dataset) {
        List<String[]> rows = tsv(dataset + "/counts.tsv");
        String[] h = rows.get(0);
        int ns = h.length - 2;
        List<String> guides = new ArrayList<>();
        List<String> genes = new ArrayList<>();
        double[][] c = new double[ns][rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            guides.add(r[0]);
            genes.add(r[1]);
            for (int s = 0; s < ns; s++) {
                c[s][i - 1] = Double.parseDouble(r[s + 2]);
            }
        }
        return new CountTable(guides, genes, List.of(h).subList(2, h.length), c);
    }

    /** A table keyed by its first column: column name → value text. */
    static Map<String, Map<String, String>> keyed(String resource) {
        List<String[]> rows = tsv(resource);
        String[] h = rows.get(0);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < h.length; c++) {
                m.put(h[c], rows.get(i)[c]);
            }
            out.put(rows.get(i)[0], m);
        }
        return out;
    }
}
