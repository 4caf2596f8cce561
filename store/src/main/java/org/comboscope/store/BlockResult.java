package org.comboscope.store;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One row of an analysis's {@code blocks.csv}: the searchable and sortable columns, plus the whole
 * row as text.
 *
 * @param blockId non-blank, at most 1000 characters; unique within an analysis
 * @param drug1 first drug (may be empty), at most 1000 characters
 * @param drug2 second drug (may be empty), at most 1000 characters
 * @param zip block ZIP score; empty when NA
 * @param hsa block HSA score; empty when NA
 * @param bliss block Bliss score; empty when NA
 * @param loewe block Loewe score; empty when NA
 * @param css block CSS; empty when NA
 * @param values the whole row, column name → text as written in the CSV (NA included), in column order
 */
public record BlockResult(
        String blockId,
        String drug1,
        String drug2,
        OptionalDouble zip,
        OptionalDouble hsa,
        OptionalDouble bliss,
        OptionalDouble loewe,
        OptionalDouble css,
        Map<String, String> values) {
    public BlockResult {
        Checks.nonBlank("blockId", blockId, Checks.RESULT_TEXT_MAX);
        Checks.text("drug1", drug1, Checks.RESULT_TEXT_MAX);
        Checks.text("drug2", drug2, Checks.RESULT_TEXT_MAX);
        Checks.finiteOrEmpty("zip", zip);
        Checks.finiteOrEmpty("hsa", hsa);
        Checks.finiteOrEmpty("bliss", bliss);
        Checks.finiteOrEmpty("loewe", loewe);
        Checks.finiteOrEmpty("css", css);
        values = Checks.orderedCopy("values", values);
    }
}
