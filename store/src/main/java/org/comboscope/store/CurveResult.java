package org.comboscope.store;

import java.util.Map;

/**
 * One row of an analysis's {@code curves.csv}: a single-agent dose-response fit.
 *
 * @param blockId the block, non-blank, at most 1000 characters
 * @param drugIndex which drug of the block, &gt;= 1 (1 = drug1); unique per block
 * @param drug the drug's name, at most 1000 characters
 * @param values the whole row, column name → text, in column order
 */
public record CurveResult(String blockId, int drugIndex, String drug, Map<String, String> values) {
    public CurveResult {
        Checks.nonBlank("blockId", blockId, Checks.RESULT_TEXT_MAX);
        Checks.id("drugIndex", drugIndex);
        Checks.text("drug", drug, Checks.RESULT_TEXT_MAX);
        values = Checks.orderedCopy("values", values);
    }
}
