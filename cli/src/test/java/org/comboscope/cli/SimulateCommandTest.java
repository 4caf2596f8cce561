package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void simulate_sameSeed_sameBytes_otherSeed_otherBytes() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Path c = tmp.resolve("c.csv");
        assertThat(BatchCommandTest.run("simulate", "--blocks", "3", "--seed", "5", "--out", a.toString())
                        .code())
                .isZero();
        assertThat(BatchCommandTest.run("simulate", "--blocks", "3", "--seed", "5", "--out", b.toString())
                        .code())
                .isZero();
        assertThat(BatchCommandTest.run("simulate", "--blocks", "3", "--seed", "6", "--out", c.toString())
                        .code())
                .isZero();
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        assertThat(Files.readString(c)).isNotEqualTo(Files.readString(a));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(1 + 3 * 64);
        assertThat(lines.get(0)).isEqualTo("block_id,drug1,drug2,conc1,conc2,response,conc_unit");
        assertThat(lines.get(1)).startsWith("1,drugA1,drugB1,0,0,");
    }

    @Test
    void simulateParquet_thenBatchBoth_sameTablesAsCsvPath() throws Exception {
        Path csv = tmp.resolve("s.csv");
        Path parquet = tmp.resolve("s.parquet");
        for (Path p : List.of(csv, parquet)) {
            assertThat(BatchCommandTest.run(
                                    "simulate", "--blocks", "3", "--size", "4", "--seed", "5", "--out", p.toString())
                            .code())
                    .isZero();
        }
        assertThat(Files.readAllBytes(parquet)).startsWith((byte) 'P', (byte) 'A', (byte) 'R', (byte) '1');
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(BatchCommandTest.run(
                                "batch", "--quiet", "--input", csv.toString(), "--out", a.toString(), "--threads", "1")
                        .code())
                .isZero();
        BatchCommandTest.Run r = BatchCommandTest.run(
                "batch", "--quiet", "--input", parquet.toString(), "--out", b.toString(), "--format", "both");
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : List.of("blocks.csv", "cells.csv", "curves.csv")) {
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
        assertThat(b.resolve("blocks.parquet")).exists();
        assertThat(b.resolve("cells.parquet")).exists();
        assertThat(b.resolve("curves.parquet")).exists();
    }

    @Test
    void batch_unknownFormat_exits2() {
        BatchCommandTest.Run r = BatchCommandTest.run(
                "batch", "--input", "x.csv", "--out", tmp.resolve("o").toString(), "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("format").contains("csv, parquet or both");
    }
}
