package org.comboscope.core.error;

import java.util.OptionalInt;

/**
 * A file could not be read as the format it claims to be: names file, line, column and rule.
 *
 * <p>Lines and columns are 1-based as a spreadsheet or editor shows them; the header is line 1.
 * Message form: {@code data.csv:17: column 'conc1': concentration must be finite and >= 0, was
 * '-1' (block 3)}.
 */
public final class DataFormatException extends ComboscopeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String column;
    private final String detail;

    /**
     * @param file file name as the user gave it
     * @param line 1-based line (or spreadsheet row); 0 when the problem concerns the whole file
     * @param column column name or letter; {@code null} when not applicable
     * @param detail what is wrong and which rule it breaks
     */
    public DataFormatException(String file, int line, String column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** As above, keeping the underlying cause. */
    public DataFormatException(String file, int line, String column, String detail, Throwable cause) {
        super(format(file, line, column, detail), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    private static String format(String file, int line, String column, String detail) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (column != null) {
            sb.append("column '").append(column).append("': ");
        }
        return sb.append(detail).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line, or empty when the error concerns the whole file. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public java.util.Optional<String> column() {
        return java.util.Optional.ofNullable(column);
    }

    public String detail() {
        return detail;
    }
}
