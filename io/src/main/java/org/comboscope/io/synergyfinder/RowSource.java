package org.comboscope.io.synergyfinder;

import java.io.IOException;

/** A cursor over the physical rows of a table (CSV/TSV records or spreadsheet rows). */
interface RowSource extends AutoCloseable {
    /** Moves to the next row; {@code false} at the end of the table. */
    boolean next() throws IOException;

    /** 1-based line (text) or row (spreadsheet) of the current row. */
    int line();

    /** Number of cells in the current row (for spreadsheets: up to the last non-blank cell). */
    int size();

    /** Text of cell {@code i} (0-based); {@code ""} beyond {@link #size()}. Not stripped. */
    String cell(int i);

    /**
     * Checks the declared types of the columns the layout uses, for typed formats.
     *
     * @throws org.comboscope.core.error.DataFormatException naming the column of a wrong type
     */
    default void checkColumns(ColumnLayout layout) {}

    @Override
    void close() throws IOException;
}
