package org.comboscope.io.synergyfinder;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import org.comboscope.core.error.DataFormatException;

/** CSV or TSV records streamed by FastCSV; quoted fields may hold separators and line breaks. */
final class CsvRows implements RowSource {
    private static final String AT_LINE = "(record starting at line ";

    private final String file;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> it;
    private CsvRecord current;

    CsvRows(String file, Reader in, char separator) {
        this.file = file;
        this.reader = CsvReader.builder()
                .fieldSeparator(separator)
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false)
                .detectBomHeader(false)
                .ofCsvRecord(in);
        this.it = reader.iterator();
    }

    @Override
    public boolean next() {
        try {
            if (!it.hasNext()) {
                return false;
            }
            current = it.next();
            return true;
        } catch (CsvParseException e) {
            throw translate(e);
        }
    }

    private DataFormatException translate(CsvParseException e) {
        // FastCSV names the record's first line at the end of its message; keep the rest as the rule.
        String msg = e.getMessage() == null ? "malformed record" : e.getMessage();
        int at = msg.lastIndexOf(AT_LINE);
        int line = 0;
        if (at >= 0) {
            int i = at + AT_LINE.length();
            while (i < msg.length() && Character.isDigit(msg.charAt(i))) {
                line = line * 10 + (msg.charAt(i) - '0');
                i++;
            }
            msg = msg.substring(0, at).strip();
        }
        return new DataFormatException(file, line, null, "malformed quoting: " + msg, e);
    }

    @Override
    public int line() {
        return (int) current.getStartingLineNumber();
    }

    @Override
    public int size() {
        return current.getFieldCount();
    }

    @Override
    public String cell(int i) {
        return i < current.getFieldCount() ? current.getField(i) : "";
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
