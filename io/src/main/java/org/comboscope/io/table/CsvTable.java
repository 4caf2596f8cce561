package org.comboscope.io.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A small CSV writer for result tables: RFC 4180 quoting where needed, {@code \n} line ends,
 * numbers through {@link Numbers#format(double)}.
 */
public final class CsvTable implements AutoCloseable {
    private final Writer out;
    private final char sep;
    private final int columns;
    private int inRow;

    /** Starts a table with the given header. {@code sep} is ',' for CSV or '\t' for TSV. */
    public CsvTable(Writer out, char sep, List<String> header) {
        this.out = out;
        this.sep = sep;
        this.columns = header.size();
        for (String h : header) {
            text(h);
        }
        end();
    }

    /** A comma-separated table. */
    public static CsvTable csv(Writer out, List<String> header) {
        return new CsvTable(out, ',', header);
    }

    /** Writes a text cell. */
    public CsvTable text(String s) {
        sep();
        String v = s == null ? Numbers.NA : s;
        boolean quote = v.indexOf(sep) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        try {
            if (quote) {
                out.write('"');
                out.write(v.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a number cell (full precision, NA if not finite). */
    public CsvTable num(double x) {
        return raw(Numbers.format(x));
    }

    /** Writes an optional number cell. */
    public CsvTable num(java.util.OptionalDouble x) {
        return raw(Numbers.format(x));
    }

    /** Writes an integer cell. */
    public CsvTable integer(long x) {
        return raw(Long.toString(x));
    }

    private CsvTable raw(String s) {
        sep();
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void sep() {
        if (inRow > 0) {
            try {
                out.write(sep);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        inRow++;
    }

    /** Ends the current row; the number of cells must match the header. */
    public void end() {
        if (inRow != columns) {
            throw new IllegalStateException("row has " + inRow + " cells, header has " + columns);
        }
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inRow = 0;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
