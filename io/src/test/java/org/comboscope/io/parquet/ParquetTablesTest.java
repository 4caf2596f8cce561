package org.comboscope.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.ParquetReader;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.ScreenSimulator;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.batch.BatchSynergy;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader.StreamedBlock;
import org.comboscope.io.synergyfinder.SynergyTables;
import org.comboscope.io.table.ColumnKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTablesTest {
    @TempDir
    Path tmp;

    /** A simulated screen as CSV; numbers with many digits so that any rounding would show. */
    private Path screenCsv(int blocks) throws IOException {
        ScreenSimulator sim = new ScreenSimulator(4, 5, 7);
        StringBuilder sb = new StringBuilder("block_id,drug1,drug2,conc1,conc2,response,conc_unit\n");
        for (int b = 0; b < blocks; b++) {
            ScreenSimulator.Block blk = sim.next();
            for (int r = 0; r < blk.conc1Um().length; r++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "%s,\"%s, salt\",%s,%s,%s,%s,uM%n",
                        blk.blockId(),
                        blk.drug1(),
                        blk.drug2(),
                        blk.conc1Um()[r],
                        blk.conc2Um()[r],
                        blk.viabilityPercent()[r]));
            }
        }
        Path p = tmp.resolve("screen.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    private static ColumnKind inputKind(String column) {
        return column.startsWith("conc") && !column.startsWith("conc_unit") || column.equals("response")
                ? ColumnKind.REAL
                : ColumnKind.TEXT;
    }

    private static List<StreamedBlock> readAll(Path file) throws IOException {
        List<StreamedBlock> out = new ArrayList<>();
        try (SynergyFinderTableReader.BlockStream s = SynergyFinderTableReader.stream(file, ResponseScale.VIABILITY)) {
            Optional<StreamedBlock> b;
            while ((b = s.next()).isPresent()) {
                out.add(b.get());
            }
        }
        return out;
    }

    /** Rows of a Parquet file as column name → typed value (absent for null). */
    private static List<Map<String, Object>> readParquet(Path file) throws IOException {
        Hydrator<Map<String, Object>, Map<String, Object>, String[]> h = new Hydrator<>() {
            @Override
            public Map<String, Object> start() {
                return new LinkedHashMap<>();
            }

            @Override
            public Map<String, Object> add(Map<String, Object> row, String[] heading, Object value) {
                if (value != null) {
                    row.put(heading[0], value);
                }
                return row;
            }

            @Override
            public Map<String, Object> finish(Map<String, Object> row) {
                return row;
            }
        };
        try (Stream<Map<String, Object>> s = ParquetReader.streamContent(file.toFile(), h)) {
            return s.toList();
        }
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            for (CsvRecord rec : r) {
                rows.add(rec.getFields());
            }
        }
        return rows;
    }

    private static BatchSynergy.Options options(Set<BatchSynergy.Format> formats) {
        SynergyFinderEngine engine = new SynergyFinderEngine(
                new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE, true, 10, 123);
        return new BatchSynergy.Options(engine, 0.95, 123, 2, "# test", 50, Map.of(), formats);
    }

    @Test
    void stream_parquetCopyOfCsv_givesIdenticalBlocks() throws IOException {
        Path csv = screenCsv(5);
        Path parquet = tmp.resolve("screen.parquet");
        long rows = ParquetTableWriter.fromCsv(csv, parquet, ParquetTablesTest::inputKind);
        assertThat(rows).isEqualTo(5 * 16);

        List<StreamedBlock> a = readAll(csv);
        List<StreamedBlock> b = readAll(parquet);
        assertThat(b).hasSize(5);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).block().blockId()).isEqualTo(a.get(i).block().blockId());
            assertThat(b.get(i).block().drugs()).isEqualTo(a.get(i).block().drugs());
            assertThat(b.get(i).block().drugs().get(0)).endsWith(", salt");
            assertThat(b.get(i).block().concUnits()).isEqualTo(a.get(i).block().concUnits());
            assertThat(b.get(i).block().inhibitionPercent())
                    .isEqualTo(a.get(i).block().inhibitionPercent());
            assertThat(b.get(i).block().concentrations())
                    .isDeepEqualTo(a.get(i).block().concentrations());
            // CSV lines count the header; Parquet lines are record numbers
            int[] lines = a.get(i).block().sourceLines();
            for (int r = 0; r < lines.length; r++) {
                lines[r]--;
            }
            assertThat(b.get(i).block().sourceLines()).isEqualTo(lines);
        }
    }

    @Test
    void batch_parquetInputAndOutput_sameNumbersAsCsv() throws Exception {
        Path csv = screenCsv(6);
        Path parquet = tmp.resolve("screen.parquet");
        ParquetTableWriter.fromCsv(csv, parquet, ParquetTablesTest::inputKind);

        Path fromCsv = tmp.resolve("csv-out");
        BatchSynergy.run(csv, ResponseScale.VIABILITY, fromCsv, options(Set.of(BatchSynergy.Format.CSV)), null);
        Path fromParquet = tmp.resolve("parquet-out");
        BatchSynergy.run(
                parquet, ResponseScale.VIABILITY, fromParquet, options(EnumSet.allOf(BatchSynergy.Format.class)), null);

        for (String t : new String[] {"blocks", "cells", "curves"}) {
            // Parquet input, CSV output: byte for byte what the CSV input gives
            assertThat(Files.readString(fromParquet.resolve(t + ".csv")))
                    .as(t)
                    .isEqualTo(Files.readString(fromCsv.resolve(t + ".csv")));
            // Parquet output: the CSV's values, typed, NA as null
            List<List<String>> expected = readCsv(fromCsv.resolve(t + ".csv"));
            List<Map<String, Object>> got = readParquet(fromParquet.resolve(t + ".parquet"));
            List<String> header = expected.get(0);
            assertThat(got).as(t).hasSize(expected.size() - 1);
            int nulls = 0;
            for (int r = 1; r < expected.size(); r++) {
                for (int c = 0; c < header.size(); c++) {
                    String name = header.get(c);
                    Object want = SynergyTables.kind(name).parse(expected.get(r).get(c));
                    nulls += want == null ? 1 : 0;
                    assertThat(got.get(r - 1).get(name))
                            .as("%s row %d column %s", t, r, name)
                            .isEqualTo(want);
                }
            }
            if (t.equals("blocks")) {
                assertThat(got.get(0).get("ZIP_synergy")).isInstanceOf(Double.class);
                assertThat(got.get(0).get("n_combination_cells")).isEqualTo(9L);
            }
            if (t.equals("cells")) {
                assertThat(got.get(0).get("imputed")).isInstanceOf(Boolean.class);
                assertThat(nulls).as("NA cells of single-drug rows").isPositive();
            }
        }
        assertThat(fromParquet.resolve("warnings.txt")).exists();
    }

    @Test
    void batch_parquetOnly_writesNoCsvTables() throws Exception {
        Path out = tmp.resolve("out");
        BatchSynergy.run(
                screenCsv(2), ResponseScale.VIABILITY, out, options(Set.of(BatchSynergy.Format.PARQUET)), null);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("blocks.parquet", "cells.parquet", "curves.parquet", "warnings.txt");
        }
    }

    private Path parquet(String name, List<String> names, List<ColumnKind> kinds, List<Object[]> rows)
            throws IOException {
        Path p = tmp.resolve(name);
        try (ParquetTableWriter w = ParquetTableWriter.create(p, names, kinds)) {
            for (Object[] r : rows) {
                w.row(r);
            }
        }
        return p;
    }

    @Test
    void stream_parquetWithoutResponseColumn_namesFileAndColumn() throws IOException {
        Path p = parquet(
                "missing.parquet",
                List.of("block_id", "drug1", "drug2", "conc1", "conc2"),
                List.of(ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.REAL, ColumnKind.REAL),
                List.<Object[]>of(new Object[] {"1", "a", "b", 0.0, 0.0}));
        assertThatThrownBy(() -> readAll(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("missing.parquet: missing required column response;");
    }

    @Test
    void stream_parquetWithTextConcentrations_namesFileColumnAndType() throws IOException {
        Path p = parquet(
                "typed.parquet",
                List.of("block_id", "drug1", "drug2", "conc1", "conc2", "response"),
                List.of(
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.REAL,
                        ColumnKind.REAL),
                List.<Object[]>of(new Object[] {"1", "a", "b", "0", 0.0, 5.0}));
        assertThatThrownBy(() -> readAll(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("typed.parquet: column 'conc1': must be a number column (DOUBLE, FLOAT, INT32 or INT64),"
                        + " but has type BINARY (STRING)");
    }

    @Test
    void stream_parquetWithBooleanBlockId_namesColumnAndType() throws IOException {
        Path p = parquet(
                "bool.parquet",
                List.of("block_id", "drug1", "drug2", "conc1", "conc2", "response"),
                List.of(
                        ColumnKind.BOOLEAN,
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.REAL,
                        ColumnKind.REAL,
                        ColumnKind.REAL),
                List.<Object[]>of(new Object[] {true, "a", "b", 0.0, 0.0, 5.0}));
        assertThatThrownBy(() -> readAll(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("bool.parquet: column 'block_id': must be a string column (or integers), but has type"
                        + " BOOLEAN");
    }

    @Test
    void stream_parquetNullConcentration_namesRecordAndColumn() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {7L, "a", "b", 0.0, 0.0, 5.0});
        rows.add(new Object[] {7L, "a", "b", null, 0.0, 5.0});
        Path p = parquet(
                "null.parquet",
                List.of("block_id", "drug1", "drug2", "conc1", "conc2", "response"),
                List.of(
                        ColumnKind.INTEGER,
                        ColumnKind.TEXT,
                        ColumnKind.TEXT,
                        ColumnKind.REAL,
                        ColumnKind.REAL,
                        ColumnKind.REAL),
                rows);
        assertThatThrownBy(() -> readAll(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("null.parquet:2: column 'conc1': concentration must be a finite number >= 0, was empty"
                        + " (block 7)");
    }

    @Test
    void stream_textNamedParquet_isRejected() throws IOException {
        Path p = tmp.resolve("fake.parquet");
        Files.writeString(p, "block_id,drug1\n");
        assertThatThrownBy(() -> readAll(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("fake.parquet: is named .parquet but is not a Parquet file (it does not start with PAR1)");
    }
}
