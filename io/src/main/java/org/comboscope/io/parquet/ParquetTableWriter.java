package org.comboscope.io.parquet;

import blue.strategic.parquet.ParquetWriter;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.comboscope.io.table.ColumnKind;

/**
 * Writes a flat table as one Parquet file (parquet-floor, no Hadoop): every column optional, text
 * as {@code BINARY (STRING)}, reals as {@code DOUBLE}, integers as {@code INT64}, booleans as
 * {@code BOOLEAN}; a {@code null} value is a Parquet null (what {@code NA} is in CSV).
 */
public final class ParquetTableWriter implements Closeable {
    private final List<String> names;
    private final List<ColumnKind> kinds;
    private final ParquetWriter<Object[]> writer;

    private ParquetTableWriter(List<String> names, List<ColumnKind> kinds, ParquetWriter<Object[]> writer) {
        this.names = names;
        this.kinds = kinds;
        this.writer = writer;
    }

    /** The Parquet schema of a table with these columns. */
    public static MessageType schema(List<String> names, List<ColumnKind> kinds) {
        if (names.size() != kinds.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + kinds.size() + " kinds");
        }
        List<Type> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            fields.add(
                    switch (kinds.get(i)) {
                        case TEXT ->
                            Types.optional(PrimitiveTypeName.BINARY)
                                    .as(LogicalTypeAnnotation.stringType())
                                    .named(n);
                        case REAL -> Types.optional(PrimitiveTypeName.DOUBLE).named(n);
                        case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(n);
                        case BOOLEAN ->
                            Types.optional(PrimitiveTypeName.BOOLEAN).named(n);
                    });
        }
        return new MessageType("comboscope", fields);
    }

    /**
     * Creates (replaces) {@code file} for a table with the given columns.
     *
     * @throws IOException if the file cannot be created
     */
    public static ParquetTableWriter create(Path file, List<String> names, List<ColumnKind> kinds) throws IOException {
        List<String> n = List.copyOf(names);
        List<ColumnKind> k = List.copyOf(kinds);
        MessageType schema = schema(n, k);
        Files.deleteIfExists(file);
        ParquetWriter<Object[]> w = ParquetWriter.writeFile(schema, file.toFile(), (row, out) -> {
            for (int i = 0; i < n.size(); i++) {
                if (row[i] != null) {
                    out.write(n.get(i), row[i]);
                }
            }
        });
        return new ParquetTableWriter(n, k, w);
    }

    /**
     * Appends one row: per column a {@code String}, {@code Double}, {@code Long} or {@code Boolean}
     * as its kind says, or {@code null}.
     */
    public void row(Object[] values) throws IOException {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has " + names.size());
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            boolean ok = v == null
                    || switch (kinds.get(i)) {
                        case TEXT -> v instanceof String;
                        case REAL -> v instanceof Double;
                        case INTEGER -> v instanceof Long;
                        case BOOLEAN -> v instanceof Boolean;
                    };
            if (!ok) {
                throw new IllegalArgumentException("column " + names.get(i) + " is " + kinds.get(i) + ", got "
                        + v.getClass().getSimpleName());
            }
        }
        writer.write(values);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /**
     * Converts a CSV written by {@link org.comboscope.io.table.CsvTable} (header first) into
     * Parquet, each cell parsed by its column's kind ({@link ColumnKind#parse}), so numbers keep
     * every bit and {@code NA} becomes null.
     *
     * @param kindOf the kind of each column, by header name
     * @return the number of data rows
     */
    public static long fromCsv(Path csv, Path parquet, Function<String, ColumnKind> kindOf) throws IOException {
        long rows = 0;
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            ParquetTableWriter w = null;
            List<ColumnKind> kinds = null;
            try {
                for (CsvRecord rec : r) {
                    if (w == null) {
                        List<String> names = rec.getFields();
                        kinds = new ArrayList<>();
                        for (String name : names) {
                            kinds.add(kindOf.apply(name));
                        }
                        w = create(parquet, names, kinds);
                        continue;
                    }
                    Object[] row = new Object[kinds.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = kinds.get(i).parse(rec.getField(i));
                    }
                    w.row(row);
                    rows++;
                }
            } finally {
                if (w != null) {
                    w.close();
                }
            }
        }
        return rows;
    }
}
