package org.comboscope.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.BlockStatistics;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.batch.BatchSynergy;
import org.comboscope.io.synergyfinder.CellText;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.SynergySettings;
import org.comboscope.io.synergyfinder.SynergyTables;
import org.comboscope.io.table.ColumnKind;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.Numbers;
import org.comboscope.io.table.OutputDirectory;

/**
 * The synergy analysis of {@code comboscope batch} as a Spark job: reads a SynergyFinder table (CSV,
 * TSV or Parquet), repartitions the rows by {@code block_id}, and runs the same per-block analysis
 * ({@link SynergyFinderTableReader#block} then {@link BatchSynergy#render}, the very code of the
 * single-machine engine) inside {@code mapPartitions}, one block at a time. Writes {@code
 * OUT/blocks.parquet}, {@code OUT/cells.parquet}, {@code OUT/curves.parquet} (Spark directories,
 * rows in input block order, the columns and types of {@code batch --format parquet}) and, with
 * {@code --csv}, also {@code blocks.csv}, {@code cells.csv}, {@code curves.csv} and {@code
 * warnings.txt} on the driver, byte for byte those of {@code batch}.
 *
 * <p>Block order is the order of first appearance in the input (row order of a Spark read, which
 * for one file is the file order); the rows of a block keep their input order, and need not be
 * contiguous. Line numbers in error messages assume one line per record (CSV) or are record
 * numbers (Parquet). The FDR column is computed on the driver from the collected p-values (4 per
 * block).
 */
public final class SynergyJob {
    private static final String ORDER = "order";
    private static final String ROW = "_row";
    private static final int METHODS = SynergyMethod.values().length;

    private SynergyJob() {}

    /**
     * Settings of a run, as {@code batch} takes them. Serializable: the executors rebuild the
     * engine from it.
     *
     * @param input CSV/TSV file, or Parquet file or directory (any Hadoop path)
     * @param out output directory (local when {@code csv})
     * @param csv also write the CSV tables and {@code warnings.txt} (on the driver)
     * @param parquet write the Parquet tables
     * @param partitions partitions of the grouped rows; 0 = twice the default parallelism
     */
    public record Settings(
            String input,
            String out,
            String dataType,
            String methods,
            String baseline,
            String fit,
            String replicates,
            int iterations,
            long seed,
            double ciLevel,
            boolean csv,
            boolean parquet,
            int partitions)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Settings {
            new SynergySettings(dataType, methods, baseline, fit, replicates, iterations, seed, ciLevel); // validates
            if (!csv && !parquet) {
                throw new InvalidInputException("format", "none", "at least one of CSV and Parquet output");
            }
            if (partitions < 0) {
                throw new InvalidInputException("partitions", partitions, "must be >= 0");
            }
        }

        /** The defaults of {@code batch}. */
        public static Settings defaults(String input, String out) {
            return new Settings(
                    input,
                    out,
                    "viability",
                    "zip,hsa,bliss,loewe",
                    "none",
                    "synergyfinder",
                    "bootstrap",
                    10,
                    123,
                    0.95,
                    false,
                    true,
                    0);
        }

        public Settings withCsv(boolean csv) {
            return new Settings(
                    input,
                    out,
                    dataType,
                    methods,
                    baseline,
                    fit,
                    replicates,
                    iterations,
                    seed,
                    ciLevel,
                    csv,
                    parquet,
                    partitions);
        }

        public Settings withParquet(boolean parquet) {
            return new Settings(
                    input,
                    out,
                    dataType,
                    methods,
                    baseline,
                    fit,
                    replicates,
                    iterations,
                    seed,
                    ciLevel,
                    csv,
                    parquet,
                    partitions);
        }

        public Settings withPartitions(int partitions) {
            return new Settings(
                    input,
                    out,
                    dataType,
                    methods,
                    baseline,
                    fit,
                    replicates,
                    iterations,
                    seed,
                    ciLevel,
                    csv,
                    parquet,
                    partitions);
        }

        /** The analysis options, as {@code batch} checks them. */
        SynergySettings analysis() {
            return new SynergySettings(dataType, methods, baseline, fit, replicates, iterations, seed, ciLevel);
        }

        ResponseScale scale() {
            return ResponseScale.parse(dataType);
        }

        /** The engine {@code batch} builds from the same options. */
        SynergyFinderEngine engine() {
            return analysis().engine();
        }

        String description() {
            return "# comboscope batch --engine spark: input " + input + ", data type " + scale().label()
                    + " (responses converted to % inhibition), methods " + methods + ", baseline "
                    + Baseline.parse(baseline).label() + ", fit " + fit + ", replicates " + replicates
                    + ", iterations " + iterations;
        }
    }

    /**
     * What a run did.
     *
     * @param blocks blocks in the input
     * @param analysed blocks with results
     * @param failures one line per block that could not be analysed ({@code block X: reason})
     * @param warnings remarks about the header
     */
    public record Summary(long blocks, long analysed, List<String> failures, List<String> warnings) {
        public Summary {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    /** One row per block: input order, id, the text of its rows ({@link BatchSynergy.Rendered}), p-values. */
    private static final StructType RENDERED = rendered();

    private static StructType rendered() {
        List<StructField> f = new ArrayList<>(List.of(
                DataTypes.createStructField(ORDER, DataTypes.LongType, false),
                DataTypes.createStructField("block_id", DataTypes.StringType, false),
                DataTypes.createStructField("blocks", DataTypes.StringType, false),
                DataTypes.createStructField("cells", DataTypes.StringType, false),
                DataTypes.createStructField("curves", DataTypes.StringType, false),
                DataTypes.createStructField("failure", DataTypes.StringType, false),
                DataTypes.createStructField("notes", DataTypes.StringType, false)));
        for (int mi = 0; mi < METHODS; mi++) {
            f.add(DataTypes.createStructField("p" + mi, DataTypes.DoubleType, true));
        }
        // a format error found on an executor travels as data (Spark does not keep the exception type)
        f.add(DataTypes.createStructField("err_line", DataTypes.IntegerType, true));
        f.add(DataTypes.createStructField("err_column", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("err_detail", DataTypes.StringType, true));
        return new StructType(f.toArray(new StructField[0]));
    }

    /**
     * Runs the job on {@code spark}.
     *
     * @throws DataFormatException when the input breaks the format (also when an executor found it)
     */
    public static Summary run(SparkSession spark, Settings s) throws IOException {
        try {
            return runJob(spark, s);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DataFormatException d) {
                    throw d;
                }
            }
            throw e;
        }
    }

    private static Summary runJob(SparkSession spark, Settings s) throws IOException {
        String file = fileName(s.input());
        boolean parquet = isParquet(s.input());
        Dataset<Row> raw = parquet
                ? spark.read().parquet(s.input())
                : spark.read()
                        .option("header", "true")
                        .option("inferSchema", "false")
                        .option("mode", "FAILFAST")
                        .option("escape", "\"") // RFC 4180: a quote inside quotes is doubled
                        .option("multiLine", "false") // splittable; a record per line
                        .option("sep", s.input().toLowerCase(Locale.ROOT).endsWith(".tsv") ? "\t" : ",")
                        .csv(s.input());
        List<String> header = List.of(raw.columns());
        List<String> warnings = new ArrayList<>();
        SynergyFinderTableReader.Header h = SynergyFinderTableReader.header(file, header, warnings);
        if (parquet) {
            checkTypes(file, raw.schema(), h);
        }
        int k = h.drugCount();
        int width = header.size();
        int firstLine = parquet ? 1 : 2;

        // every cell as its text (as the CSV reader sees it), plus the record's index in the input
        JavaRDD<Row> indexed = raw.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[width + 1];
            for (int i = 0; i < width; i++) {
                v[i] = CellText.of(t._1().get(i));
            }
            v[width] = t._2();
            return RowFactory.create(v);
        });
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            fields.add(DataTypes.createStructField("c" + i, DataTypes.StringType, false));
        }
        fields.add(DataTypes.createStructField(ROW, DataTypes.LongType, false));
        Dataset<Row> cells = spark.createDataFrame(indexed, new StructType(fields.toArray(new StructField[0])));

        int partitions = s.partitions() > 0
                ? s.partitions()
                : Math.max(2, 2 * spark.sparkContext().defaultParallelism());
        int blockIdColumn = h.blockIdColumn();
        String blockCol = "c" + blockIdColumn;
        ResponseScale scale = s.scale();
        Dataset<Row> rendered = cells.repartition(partitions, functions.col(blockCol))
                .sortWithinPartitions(functions.col(blockCol), functions.col(ROW))
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>)
                                it -> new BlockRenderer(it, file, header, blockIdColumn, k, firstLine, scale, s),
                        Encoders.row(RENDERED))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return write(spark, s, file, rendered, k, warnings);
        } finally {
            rendered.unpersist();
        }
    }

    private static Summary write(
            SparkSession spark, Settings s, String file, Dataset<Row> rendered, int k, List<String> warnings)
            throws IOException {
        List<Row> errors = rendered.filter(functions.col("err_detail").isNotNull())
                .orderBy(ORDER)
                .limit(1)
                .collectAsList();
        if (!errors.isEmpty()) {
            Row e = errors.get(0);
            int base = 7 + METHODS;
            throw new DataFormatException(
                    file, e.getInt(base), e.isNullAt(base + 1) ? null : e.getString(base + 1), e.getString(base + 2));
        }
        // Benjamini-Hochberg over the analysed blocks in input order, as batch does
        String[] pCols = new String[METHODS];
        for (int mi = 0; mi < METHODS; mi++) {
            pCols[mi] = "p" + mi;
        }
        List<Row> ps = rendered.filter(functions.col("blocks").notEqual(""))
                .select(ORDER, pCols)
                .orderBy(ORDER)
                .collectAsList();
        OptionalDouble[][] fdr = new OptionalDouble[METHODS][];
        for (int mi = 0; mi < METHODS; mi++) {
            OptionalDouble[] p = new OptionalDouble[ps.size()];
            for (int i = 0; i < p.length; i++) {
                Row r = ps.get(i);
                p[i] = r.isNullAt(1 + mi) ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(1 + mi));
            }
            fdr[mi] = BlockStatistics.benjaminiHochberg(p);
        }
        HashMap<Long, String[]> fdrByOrder = new HashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            String[] f = new String[METHODS];
            for (int mi = 0; mi < METHODS; mi++) {
                f[mi] = Numbers.format(fdr[mi][i]);
            }
            fdrByOrder.put(ps.get(i).getLong(0), f);
        }
        Broadcast<HashMap<Long, String[]>> fdrB =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(fdrByOrder);

        List<String> partHeader = SynergyTables.blocksHeader(k, false);
        List<String> blocksHeader = SynergyTables.blocksHeader(k, true);
        int[] upper = upperColumns(partHeader);
        StructType blocksSchema = schema(blocksHeader);
        Dataset<Row> ordered = rendered.orderBy(ORDER);
        if (s.parquet()) {
            writeParquet(s, ordered, k, upper, fdrB);
        }
        long blocks = rendered.count();
        long analysed = ps.size();
        List<String> failures = new ArrayList<>();
        for (Row r : rendered.filter(functions.col("failure").notEqual(""))
                .orderBy(ORDER)
                .select("failure")
                .collectAsList()) {
            failures.add(r.getString(0).strip().substring("not analysed: ".length()));
        }
        if (s.csv()) {
            writeCsv(s, ordered, k, upper, fdrByOrder, warnings);
        }
        return new Summary(blocks, analysed, failures, warnings);
    }

    private static void writeParquet(
            Settings s, Dataset<Row> ordered, int k, int[] upper, Broadcast<HashMap<Long, String[]>> fdrB) {
        List<String> blocksHeader = SynergyTables.blocksHeader(k, true);
        StructType blocksSchema = schema(blocksHeader);
        ordered.filter(functions.col("blocks").notEqual(""))
                .map(
                        (MapFunction<Row, Row>) r -> typed(
                                blocksHeader,
                                withFdr(
                                        fields(r.getString(2)).get(0),
                                        upper,
                                        fdrB.value().get(r.getLong(0)))),
                        Encoders.row(blocksSchema))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(s.out() + "/blocks.parquet");
        List<String> cellsHeader = SynergyTables.cellsHeader(k);
        List<String> curvesHeader = SynergyTables.curvesHeader();
        for (int t = 0; t < 2; t++) {
            List<String> hd = t == 0 ? cellsHeader : curvesHeader;
            int col = t == 0 ? 3 : 4;
            ordered.flatMap(
                            (FlatMapFunction<Row, Row>) r -> {
                                List<Row> out = new ArrayList<>();
                                for (List<String> f : fields(r.getString(col))) {
                                    out.add(typed(hd, f));
                                }
                                return out.iterator();
                            },
                            Encoders.row(schema(hd)))
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(s.out() + (t == 0 ? "/cells.parquet" : "/curves.parquet"));
        }
    }

    /** The same files as {@code batch}, written on the driver from the rendered rows in order. */
    private static void writeCsv(
            Settings s, Dataset<Row> ordered, int k, int[] upper, Map<Long, String[]> fdr, List<String> warnings)
            throws IOException {
        try (OutputDirectory dir = OutputDirectory.create(Path.of(s.out()));
                Writer bw = dir.writer("blocks.csv");
                Writer cw = dir.writer("cells.csv");
                Writer uw = dir.writer("curves.csv")) {
            CsvTable bt = CsvTable.csv(bw, SynergyTables.blocksHeader(k, true));
            CsvTable.csv(cw, SynergyTables.cellsHeader(k));
            CsvTable.csv(uw, SynergyTables.curvesHeader());
            StringBuilder failures = new StringBuilder();
            StringBuilder notes = new StringBuilder();
            Iterator<Row> it = ordered.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                if (!r.getString(2).isEmpty()) {
                    for (String f : withFdr(fields(r.getString(2)).get(0), upper, fdr.get(r.getLong(0)))) {
                        bt.text(f);
                    }
                    bt.end();
                }
                cw.write(r.getString(3));
                uw.write(r.getString(4));
                failures.append(r.getString(5));
                notes.append(r.getString(6));
            }
            bw.flush();
            cw.flush();
            uw.flush();
            try (Writer w = dir.writer("warnings.txt")) {
                w.write(s.description() + "\n");
                for (String x : warnings) {
                    w.write("warning: " + x + "\n");
                }
                w.write(failures.toString());
                w.write(notes.toString());
            }
            dir.commit();
        }
    }

    /** Column indexes of the {@code *_synergy_ci_upper} columns, after which the FDR goes. */
    private static int[] upperColumns(List<String> partHeader) {
        SynergyMethod[] methods = SynergyMethod.values();
        int[] upper = new int[methods.length];
        for (int mi = 0; mi < methods.length; mi++) {
            upper[mi] = partHeader.indexOf(methods[mi].column() + "_synergy_ci_upper");
        }
        return upper;
    }

    private static List<String> withFdr(List<String> row, int[] upper, String[] fdr) {
        List<String> out = new ArrayList<>(row.size() + fdr.length);
        int mi = 0;
        for (int c = 0; c < row.size(); c++) {
            out.add(row.get(c));
            if (mi < upper.length && c == upper[mi]) {
                out.add(fdr[mi]);
                mi++;
            }
        }
        return out;
    }

    /** The records of CSV text written by {@link CsvTable}. */
    static List<List<String>> fields(String csv) {
        List<List<String>> out = new ArrayList<>();
        if (csv.isEmpty()) {
            return out;
        }
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord rec : r) {
                out.add(rec.getFields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Row typed(List<String> header, List<String> fields) {
        Object[] v = new Object[header.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = SynergyTables.kind(header.get(i)).parse(fields.get(i));
        }
        return RowFactory.create(v);
    }

    /** The Spark schema of a result table: the types of {@code batch --format parquet}. */
    static StructType schema(List<String> header) {
        List<StructField> f = new ArrayList<>();
        for (String name : header) {
            ColumnKind kind = SynergyTables.kind(name);
            DataType t =
                    switch (kind) {
                        case TEXT -> DataTypes.StringType;
                        case REAL -> DataTypes.DoubleType;
                        case INTEGER -> DataTypes.LongType;
                        case BOOLEAN -> DataTypes.BooleanType;
                    };
            f.add(DataTypes.createStructField(name, t, true));
        }
        return new StructType(f.toArray(new StructField[0]));
    }

    private static void checkTypes(String file, StructType schema, SynergyFinderTableReader.Header h) {
        StructField[] f = schema.fields();
        for (int c : h.numberColumns()) {
            DataType t = f[c].dataType();
            if (!(t.equals(DataTypes.DoubleType)
                    || t.equals(DataTypes.FloatType)
                    || t.equals(DataTypes.IntegerType)
                    || t.equals(DataTypes.LongType))) {
                throw new DataFormatException(
                        file,
                        0,
                        f[c].name(),
                        "must be a number column (double, float, int or bigint), but has type " + t.simpleString());
            }
        }
        for (int c : h.textColumns()) {
            DataType t = f[c].dataType();
            if (!(t.equals(DataTypes.StringType) || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType))) {
                throw new DataFormatException(
                        file,
                        0,
                        f[c].name(),
                        "must be a string column (or integers), but has type " + t.simpleString());
            }
        }
    }

    static boolean isParquet(String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return true;
        }
        Path p;
        try {
            p = Path.of(input);
        } catch (RuntimeException e) {
            return false;
        }
        if (java.nio.file.Files.isDirectory(p)) {
            return true; // a Spark/Hive Parquet dataset
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'A' && b[2] == 'R' && b[3] == '1';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String fileName(String input) {
        String s = input.endsWith("/") ? input.substring(0, input.length() - 1) : input;
        int slash = s.lastIndexOf('/');
        return slash < 0 ? s : s.substring(slash + 1);
    }

    /**
     * Reads the rows of one partition (sorted by block, then input order) and yields one rendered
     * row per block, one block in memory at a time.
     */
    private static final class BlockRenderer implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final String file;
        private final List<String> header;
        private final int blockCol;
        private final int width;
        private final int k;
        private final int firstLine;
        private final ResponseScale scale;
        private final Settings settings;
        private final SynergyFinderEngine engine;
        private Row pending;

        BlockRenderer(
                Iterator<Row> rows,
                String file,
                List<String> header,
                int blockIdColumn,
                int k,
                int firstLine,
                ResponseScale scale,
                Settings settings) {
            this.rows = rows;
            this.file = file;
            this.header = header;
            this.blockCol = blockIdColumn;
            this.width = header.size();
            this.k = k;
            this.firstLine = firstLine;
            this.scale = scale;
            this.settings = settings;
            this.engine = settings.engine();
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Row next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            String id = pending.getString(blockCol);
            long order = pending.getLong(width);
            List<String[]> cells = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            while (pending != null && pending.getString(blockCol).equals(id)) {
                String[] c = new String[width];
                for (int i = 0; i < width; i++) {
                    c[i] = pending.getString(i);
                }
                cells.add(c);
                lines.add((int) Math.min(Integer.MAX_VALUE, pending.getLong(width) + firstLine));
                pending = rows.hasNext() ? rows.next() : null;
            }
            int[] ln = lines.stream().mapToInt(Integer::intValue).toArray();
            Object[] v = new Object[7 + METHODS + 3];
            v[0] = order;
            v[1] = id;
            SynergyFinderTableReader.StreamedBlock sb;
            try {
                sb = SynergyFinderTableReader.block(file, header, cells, ln, scale);
            } catch (DataFormatException e) {
                java.util.Arrays.fill(v, 2, 7, "");
                v[7 + METHODS] = e.line().orElse(0);
                v[8 + METHODS] = e.column().orElse(null);
                v[9 + METHODS] = e.detail();
                return RowFactory.create(v);
            }
            BatchSynergy.Rendered r = BatchSynergy.render(sb, k, scale, engine, settings.ciLevel(), settings.seed());
            Double[] p = new Double[METHODS];
            if (!r.blocks().isEmpty()) {
                List<String> f = fields(r.blocks()).get(0);
                List<String> partHeader = SynergyTables.blocksHeader(k, false);
                SynergyMethod[] methods = SynergyMethod.values();
                for (int mi = 0; mi < METHODS; mi++) {
                    String text = f.get(partHeader.indexOf(methods[mi].column() + "_synergy_p_value"));
                    p[mi] = (Double) ColumnKind.REAL.parse(text);
                }
            }
            v[2] = r.blocks();
            v[3] = r.cells();
            v[4] = r.curves();
            v[5] = r.failure();
            v[6] = r.notes();
            System.arraycopy(p, 0, v, 7, METHODS);
            return RowFactory.create(v);
        }
    }

    /**
     * Command line for {@code spark-submit} (and the {@code comboscope batch --engine spark}
     * launcher): {@code --input X --out DIR [--master URL] [--csv] [--partitions N] [--data-type
     * viability|inhibition] [--methods ...] [--baseline ...] [--fit ...] [--replicates ...]
     * [--iterations N] [--seed N] [--ci-level X]}. Exit codes as the CLI: 0 ok, 1 some blocks not
     * analysed, 2 input or usage error.
     */
    public static void main(String[] args) {
        System.exit(SparkMain.run(args, System.out, System.err));
    }
}
