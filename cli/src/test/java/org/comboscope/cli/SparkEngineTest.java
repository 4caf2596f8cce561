package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkEngineTest {
    @TempDir
    Path tmp;

    @Test
    void command_sparkModuleNotBuilt_saysHowToBuildIt() {
        assertThatThrownBy(() -> SparkEngine.command(tmp, List.of("--input", "x.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("spark-classpath.txt not found")
                .hasMessageContaining("mvn -pl spark -am package -DskipTests");
    }

    @Test
    void command_builtModule_runsTheJobOnItsClasspathWithSparkFlags() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("spark/target"));
        Files.writeString(target.resolve("spark-classpath.txt"), "/m2/a.jar:/m2/b.jar\n");
        Files.writeString(target.resolve("comboscope-spark.jar"), "");
        List<String> cmd = SparkEngine.command(tmp, List.of("--input", "x.csv", "--csv"));
        int cp = cmd.indexOf("-cp");
        assertThat(cmd.get(cp + 1)).isEqualTo(target.resolve("comboscope-spark.jar") + ":/m2/a.jar:/m2/b.jar");
        assertThat(cmd.subList(cp + 2, cmd.size())).containsExactly(SparkEngine.JOB, "--input", "x.csv", "--csv");
        assertThat(cmd).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void batch_unknownEngine_exits2() {
        BatchCommandTest.Run r = BatchCommandTest.run(
                "batch", "--input", "x.csv", "--out", tmp.resolve("o").toString(), "--engine", "flink");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("engine").contains("native or spark");
    }
}
