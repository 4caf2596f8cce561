package org.comboscope.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.matrix.DoseResponseBlock;

/** Builds blocks from a SynergyFinder {@code reshaped_response.csv} copied into test resources. */
public final class ReferenceBlocks {
    private ReferenceBlocks() {}

    private static final String AS_VIABILITY = "NCATS_screening_data_as_viability";

    /**
     * Blocks of a reference dataset, rows in file order, responses in % inhibition.
     *
     * <p>{@code NCATS_screening_data_as_viability} is the NCATS file read as viability: SynergyFinder
     * held {@code 100 − v} for every response {@code v}. Its {@code reshaped_response.csv} prints
     * those values with 15 significant digits, which is not enough for 2 of the 2,400 (e.g. R's
     * 92.04404099999999 is printed 92.044041), so they are rebuilt here as R computed them, from
     * the NCATS rows (same blocks, doses and order, checked).
     */
    public static List<DoseResponseBlock> load(String dataset) {
        List<Map<String, String>> rows = RefCsv.read("/synergyfinder/" + dataset + "/reshaped_response.csv");
        if (dataset.equals(AS_VIABILITY)) {
            rows = asViability(rows);
        }
        int k = rows.get(0).containsKey("conc3") ? 3 : 2;
        Map<String, List<Map<String, String>>> byBlock = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            byBlock.computeIfAbsent(r.get("block_id"), x -> new ArrayList<>()).add(r);
        }
        List<DoseResponseBlock> out = new ArrayList<>();
        for (var e : byBlock.entrySet()) {
            List<Map<String, String>> rs = e.getValue();
            double[][] conc = new double[rs.size()][k];
            double[] resp = new double[rs.size()];
            int[] lines = new int[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                for (int d = 0; d < k; d++) {
                    conc[i][d] = Double.parseDouble(rs.get(i).get("conc" + (d + 1)));
                }
                resp[i] = Double.parseDouble(rs.get(i).get("response"));
                lines[i] = i + 2;
            }
            List<String> drugs = new ArrayList<>();
            List<String> units = new ArrayList<>();
            for (int d = 0; d < k; d++) {
                drugs.add("drug" + (d + 1));
                units.add("");
            }
            out.add(new DoseResponseBlock(e.getKey(), drugs, units, conc, resp, lines));
        }
        return out;
    }

    private static List<Map<String, String>> asViability(List<Map<String, String>> printed) {
        List<Map<String, String>> source = RefCsv.read("/synergyfinder/NCATS_screening_data/reshaped_response.csv");
        if (source.size() != printed.size()) {
            throw new IllegalStateException("NCATS and as-viability row counts differ");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < printed.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>(printed.get(i));
            for (String key : List.of("block_id", "conc1", "conc2", "conc3")) {
                if (!row.get(key).equals(source.get(i).get(key))) {
                    throw new IllegalStateException("row " + (i + 2) + ": " + key + " differs from the NCATS file");
                }
            }
            double inhibition = 100 - Double.parseDouble(source.get(i).get("response"));
            double shown = Double.parseDouble(row.get("response"));
            if (Math.abs(inhibition - shown) > 1e-12 * Math.abs(shown)) {
                throw new IllegalStateException("row " + (i + 2) + ": 100 - v does not match the printed response");
            }
            row.put("response", Double.toString(inhibition));
            out.add(row);
        }
        return out;
    }
}
