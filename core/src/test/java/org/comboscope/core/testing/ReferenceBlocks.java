package org.comboscope.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.matrix.DoseResponseBlock;

/** Builds blocks from a SynergyFinder {@code reshaped_response.csv} copied into test resources. */
public final class ReferenceBlocks {
    private ReferenceBlocks() {}

    /** Blocks of a reference dataset, rows in file order, responses in % inhibition. */
    public static List<DoseResponseBlock> load(String dataset) {
        List<Map<String, String>> rows = RefCsv.read("/synergyfinder/" + dataset + "/reshaped_response.csv");
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
}
