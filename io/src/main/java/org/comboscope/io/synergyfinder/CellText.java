package org.comboscope.io.synergyfinder;

import org.comboscope.io.table.Numbers;

/**
 * The text of a typed cell (Parquet, Spark rows), so that typed inputs go through the same parsing
 * and validation as CSV: the text of a number parses back to the identical double.
 */
public final class CellText {
    private CellText() {}

    /**
     * {@code ""} for null (an empty cell); strings as they are; doubles as {@link Numbers#format}
     * (exact; NaN is {@code NA} and infinities {@code Inf}, which number columns then reject);
     * floats by their shortest decimal ({@link Float#toString}); other values by {@code toString}.
     */
    public static String of(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return Numbers.format(d);
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? Float.toString(f) : Numbers.format(f);
        }
        return v.toString();
    }
}
