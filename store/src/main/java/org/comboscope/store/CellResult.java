package org.comboscope.store;

import java.util.Map;

/**
 * One row of an analysis's {@code cells.csv}.
 *
 * @param blockId the block, non-blank, at most 1000 characters
 * @param conc1 concentration of drug 1 in the block's unit, finite
 * @param conc2 concentration of drug 2 in the block's unit, finite
 * @param response the response (% inhibition) as analysed, finite
 * @param values the whole row, column name → text, in column order
 */
public record CellResult(String blockId, double conc1, double conc2, double response, Map<String, String> values) {
    public CellResult {
        Checks.nonBlank("blockId", blockId, Checks.RESULT_TEXT_MAX);
        Checks.finite("conc1", conc1);
        Checks.finite("conc2", conc2);
        Checks.finite("response", response);
        values = Checks.orderedCopy("values", values);
    }
}
