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
}
