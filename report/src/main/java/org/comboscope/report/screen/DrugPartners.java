package org.comboscope.report.screen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small curated gene → drug table shipped with the report ({@code drug_targets.tsv} next to
 * this class): for a screen hit that is a known drug target, the drugs that hit it, as candidate
 * combination partners.
 */
public final class DrugPartners {
    /** One drug acting on a gene. */
    public record Drug(String name, String mechanism) {}

    private static final Map<String, List<Drug>> TABLE = load();

    private DrugPartners() {}

    /** Drugs whose target is {@code gene} (HGNC symbol, case-insensitive); empty if none is listed. */
    public static List<Drug> of(String gene) {
        return TABLE.getOrDefault(gene.toUpperCase(Locale.ROOT), List.of());
    }

    /** Number of genes in the table. */
    public static int genes() {
        return TABLE.size();
    }

    private static Map<String, List<Drug>> load() {
        Map<String, List<Drug>> m = new LinkedHashMap<>();
        try (InputStream in = DrugPartners.class.getResourceAsStream("drug_targets.tsv")) {
            if (in == null) {
                throw new IllegalStateException("drug_targets.tsv missing from the report module");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException("drug_targets.tsv: expected 3 columns: " + line);
                }
                m.computeIfAbsent(f[0].toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Drug(f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        m.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(m);
    }
}
