package org.comboscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.batch.BatchSynergy;
import org.comboscope.io.synergyfinder.SynergyTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} against the single-machine batch engine on 192 real 8×8 blocks
 * (DECREASE breast screen): the same bytes in the CSVs, the same values in the Parquet files. One
 * SparkSession for the class (startup costs seconds).
 */
class SynergyJobTest {
    private static final String[] TABLES = {"blocks.csv", "cells.csv", "curves.csv"};

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path input;
    static Path nativeOut;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("comboscope-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        input = tmp.resolve("input_sf.csv");
        try (InputStream in = SynergyJobTest.class.getResourceAsStream("/decrease_192_breast/input_sf.csv")) {
            Files.copy(in, input);
        }
        nativeOut = tmp.resolve("native");
        SynergyFinderEngine engine = new SynergyFinderEngine(
                new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE, true, 10, 123);
        BatchSynergy.run(
                input,
                ResponseScale.VIABILITY,
                nativeOut,
                new BatchSynergy.Options(engine, 0.95, 123, 2, "# native", 200, Map.of()),
                null);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord rec : r) {
                rows.add(rec.getFields());
            }
        }
        return rows;
    }

    @Test
    void run_realScreenCsv_sameBytesAndValuesAsBatchEngine() throws Exception {
        Path out = tmp.resolve("spark-csv");
        SynergyJob.Summary s = SynergyJob.run(
                spark,
                SynergyJob.Settings.defaults(input.toString(), out.toString())
                        .withCsv(true)
                        .withPartitions(3));
        assertThat(s.blocks()).isEqualTo(192);
        assertThat(s.analysed()).isEqualTo(192);
        assertThat(s.failures()).isEmpty();
        for (String t : TABLES) {
            assertThat(Files.readString(out.resolve(t))).as(t).isEqualTo(Files.readString(nativeOut.resolve(t)));
        }
        assertThat(Files.readAllLines(nativeOut.resolve("blocks.csv"))).hasSize(193);

        // Parquet: every value of the native CSV, typed; rows in the same order
        for (String t : TABLES) {
            String name = t.replace(".csv", "");
            List<List<String>> expected = csv(nativeOut.resolve(t));
            List<String> header = expected.get(0);
            List<Row> got = spark.read()
                    .parquet(out.resolve(name + ".parquet").toString())
                    .collectAsList();
            assertThat(List.of(spark.read()
                            .parquet(out.resolve(name + ".parquet").toString())
                            .columns()))
                    .as(name)
                    .isEqualTo(header);
            assertThat(got).as(name).hasSize(expected.size() - 1);
            for (int r = 1; r < expected.size(); r++) {
                Row row = got.get(r - 1);
                for (int c = 0; c < header.size(); c++) {
                    Object want = SynergyTables.kind(header.get(c))
                            .parse(expected.get(r).get(c));
                    assertThat(row.isNullAt(c) ? null : row.get(c))
                            .as("%s row %d column %s", name, r, header.get(c))
                            .isEqualTo(want);
                }
            }
        }
    }

    @Test
    void run_parquetCopyOfRealScreen_sameBytesAsBatchEngine() throws Exception {
        Path parquet = tmp.resolve("input.parquet");
        spark.read()
                .option("header", "true")
                .csv(input.toString())
                .withColumn("conc1", functions.col("conc1").cast("double"))
                .withColumn("conc2", functions.col("conc2").cast("double"))
                .withColumn("response", functions.col("response").cast("double"))
                .withColumn("block_id", functions.col("block_id").cast("long"))
                .coalesce(1)
                .write()
                .parquet(parquet.toString());
        Path out = tmp.resolve("spark-parquet");
        SynergyJob.Summary s = SynergyJob.run(
                spark,
                SynergyJob.Settings.defaults(parquet.toString(), out.toString()).withCsv(true));
        assertThat(s.analysed()).isEqualTo(192);
        for (String t : TABLES) {
            assertThat(Files.readString(out.resolve(t))).as(t).isEqualTo(Files.readString(nativeOut.resolve(t)));
        }
    }

    @Test
    void run_parquetWrittenByIoModule_readBySparkGivesTheCsvResults() throws Exception {
        Path dir = tmp.resolve("sim");
        Files.createDirectories(dir);
        for (String f : new String[] {"sim20.csv", "sim20.parquet"}) {
            try (InputStream in = SynergyJobTest.class.getResourceAsStream("/simulated/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        Path nat = tmp.resolve("sim-native");
        SynergyFinderEngine engine = new SynergyFinderEngine(
                new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE, true, 10, 123);
        BatchSynergy.run(
                dir.resolve("sim20.csv"),
                ResponseScale.VIABILITY,
                nat,
                new BatchSynergy.Options(engine, 0.95, 123, 1, "# native", 200, Map.of()),
                null);
        Path out = tmp.resolve("sim-spark");
        SynergyJob.Summary s = SynergyJob.run(
                spark,
                SynergyJob.Settings.defaults(dir.resolve("sim20.parquet").toString(), out.toString())
                        .withCsv(true)
                        .withParquet(false));
        assertThat(s.analysed()).isEqualTo(20);
        for (String t : TABLES) {
            assertThat(Files.readString(out.resolve(t))).as(t).isEqualTo(Files.readString(nat.resolve(t)));
        }
        assertThat(out.resolve("blocks.parquet")).doesNotExist();
    }

    @Test
    void run_missingResponseColumn_failsNamingFileAndColumn() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "block_id,drug1,drug2,conc1,conc2,viability\n1,a,b,0,0,100\n");
        assertThatThrownBy(() -> SynergyJob.run(
                        spark,
                        SynergyJob.Settings.defaults(
                                bad.toString(), tmp.resolve("bad-out").toString())))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("bad.csv:1: missing required column response;");
    }

    @Test
    void run_badConcentrationInOneBlock_failsNamingLineAndColumn() throws Exception {
        Path bad = tmp.resolve("badconc.csv");
        Files.writeString(bad, "block_id,drug1,drug2,conc1,conc2,response\n1,a,b,0,0,100\n1,a,b,x,0,90\n");
        assertThatThrownBy(() -> SynergyJob.run(
                        spark,
                        SynergyJob.Settings.defaults(
                                bad.toString(), tmp.resolve("badconc-out").toString())))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("badconc.csv:3: column 'conc1': concentration must be a finite number >= 0, was 'x'"
                        + " (block 1)");
    }

    @Test
    void classpath_hasNoParquetFloorStubs() {
        assertThatThrownBy(() -> Class.forName("blue.strategic.parquet.ParquetWriter"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
