package org.comboscope.io.table;

/**
 * The value type of a column of a comboscope result table, for typed formats (Parquet, Spark):
 * the CSV text of a cell ({@link CsvTable}) maps to exactly one typed value.
 */
public enum ColumnKind {
    /** UTF-8 text; {@code NA} is kept as text (it is a legal drug or block name). */
    TEXT,
    /** A double; {@code NA} becomes null, {@code Inf}/{@code -Inf} the infinities. */
    REAL,
    /** A 64-bit integer; {@code NA} becomes null. */
    INTEGER,
    /** {@code true} or {@code false}; {@code NA} becomes null. */
    BOOLEAN;

    /**
     * The typed value of a cell written by {@link CsvTable}: {@code String}, {@code Double}, {@code
     * Long} or {@code Boolean}, or {@code null} for {@code NA} in a non-text column.
     *
     * @throws IllegalArgumentException if the text is not a value of this kind
     */
    public Object parse(String text) {
        if (this == TEXT) {
            return text;
        }
        if (text.equals(Numbers.NA)) {
            return null;
        }
        return switch (this) {
            case REAL ->
                text.equals("Inf")
                        ? Double.POSITIVE_INFINITY
                        : text.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.valueOf(text);
            case INTEGER -> Long.valueOf(text);
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("not a boolean: '" + text + "'");
                }
                yield Boolean.valueOf(text);
            }
            default -> throw new IllegalStateException();
        };
    }
}
