package org.comboscope.io.synergyfinder;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.comboscope.core.error.DataFormatException;

/**
 * Records of a Parquet file streamed row by row (parquet-floor, no Hadoop), presented as text cells
 * ({@link CellText}) so they go through the same validation as CSV. The first "row" is the header
 * (the top-level column names) and has no line number; record {@code n} (1-based) is reported as
 * line {@code n}. A null cell reads as an empty one.
 */
final class ParquetRows implements RowSource {
    private final String file;
    private final MessageType schema;
    private final List<String> names;
    private final ParquetReader<String[], String[], String[]> reader;
    private final long totalRows;
    private final long sizeBytes;
    private String[] current;
    private int line = -1;

    private ParquetRows(String file, Path path, ParquetMetadata meta) throws IOException {
        this.file = file;
        this.schema = meta.getFileMetaData().getSchema();
        this.names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Type t : schema.getFields()) {
            index.put(t.getName(), names.size());
            names.add(t.getName());
        }
        long n = 0;
        for (BlockMetaData b : meta.getBlocks()) {
            n += b.getRowCount();
        }
        this.totalRows = n;
        this.sizeBytes = Files.size(path);
        int width = names.size();
        this.reader = ParquetReader.spliterator(path.toFile(), new Hydrator<String[], String[], String[]>() {
            @Override
            public String[] start() {
                String[] row = new String[width];
                Arrays.fill(row, "");
                return row;
            }

            @Override
            public String[] add(String[] row, String[] heading, Object value) {
                Integer i = index.get(heading[0]);
                if (i != null && heading.length == 1) {
                    row[i] = CellText.of(value);
                }
                return row;
            }

            @Override
            public String[] finish(String[] row) {
                return row;
            }
        });
    }

    /**
     * Opens {@code path} (named {@code file} in messages).
     *
     * @throws DataFormatException if it is not a readable Parquet file
     */
    static ParquetRows open(String file, Path path) {
        try {
            return new ParquetRows(file, path, ParquetReader.readMetadata(path.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(file, 0, null, "cannot be read as Parquet: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean next() {
        if (line < 0) {
            current = names.toArray(new String[0]);
            line = 0;
            return true;
        }
        boolean[] got = {false};
        try {
            reader.tryAdvance(r -> {
                current = r;
                got[0] = true;
            });
        } catch (RuntimeException e) {
            throw new DataFormatException(file, line + 1, null, "cannot be read as Parquet: " + e.getMessage(), e);
        }
        if (got[0]) {
            line++;
        }
        return got[0];
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int size() {
        return current.length;
    }

    @Override
    public String cell(int i) {
        return i < current.length ? current[i] : "";
    }

    /** An estimate of the bytes read so far (the share of records read). */
    long bytesRead() {
        return totalRows == 0 ? 0 : (long) ((double) sizeBytes * Math.max(0, line) / totalRows);
    }

    /**
     * Checks the Parquet types of the columns the layout uses: numbers ({@code concN}, {@code
     * response}) must be DOUBLE, FLOAT, INT32 or INT64; names ({@code block_id}, drugs, units,
     * identity columns) must be strings or integers.
     */
    @Override
    public void checkColumns(ColumnLayout layout) {
        for (int c : layout.concColumns) {
            requireNumber(c);
        }
        requireNumber(layout.responseColumn);
        requireText(layout.blockIdColumn);
        for (int c : layout.drugColumns) {
            requireText(c);
        }
        for (int c : layout.unitColumns) {
            if (c >= 0) {
                requireText(c);
            }
        }
        for (int c : layout.identityColumns) {
            requireText(c);
        }
    }

    private PrimitiveType primitive(int c, String expected) {
        Type t = schema.getType(c);
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            throw new DataFormatException(
                    file, 0, names.get(c), "must be " + expected + ", but is a nested or repeated Parquet field");
        }
        return t.asPrimitiveType();
    }

    private void requireNumber(int c) {
        String expected = "a number column (DOUBLE, FLOAT, INT32 or INT64)";
        PrimitiveType p = primitive(c, expected);
        PrimitiveTypeName n = p.getPrimitiveTypeName();
        boolean plainInt = (n == PrimitiveTypeName.INT32 || n == PrimitiveTypeName.INT64)
                && (p.getLogicalTypeAnnotation() == null
                        || p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation);
        if (!(n == PrimitiveTypeName.DOUBLE || n == PrimitiveTypeName.FLOAT || plainInt)) {
            throw new DataFormatException(
                    file, 0, names.get(c), "must be " + expected + ", but has type " + describe(p));
        }
    }

    private void requireText(int c) {
        String expected = "a string column (or integers)";
        PrimitiveType p = primitive(c, expected);
        PrimitiveTypeName n = p.getPrimitiveTypeName();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        boolean string = n == PrimitiveTypeName.BINARY
                && (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation);
        boolean integer = (n == PrimitiveTypeName.INT32 || n == PrimitiveTypeName.INT64)
                && (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation);
        if (!(string || integer)) {
            throw new DataFormatException(
                    file, 0, names.get(c), "must be " + expected + ", but has type " + describe(p));
        }
    }

    private static String describe(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        return p.getPrimitiveTypeName() + (a == null ? "" : " (" + a + ")");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
