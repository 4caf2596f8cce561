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

    @Test
    void sparkProvenance_recordsInputHashParametersEngineAndMaster() throws Exception {
        Path input = tmp.resolve("in.csv");
        Files.writeString(input, "block_id,drug1,drug2,conc1,conc2,response\n");
        Path out = tmp.resolve("o");
        BatchCommand.writeSparkProvenance(
                out, input, new java.util.LinkedHashMap<>(java.util.Map.of("fit", "synergyfinder")), "local[2]");
        List<String> lines = Files.readAllLines(out.resolve("provenance.csv"));
        assertThat(lines.get(0)).isEqualTo("key,value");
        assertThat(lines)
                .contains(
                        "input_file," + input,
                        "input_sha256," + SynergyCommand.sha256(input),
                        "fit,synergyfinder",
                        "engine,spark",
                        "spark_master,local[2]");
        assertThat(SynergyCommand.sha256(input)).hasSize(64).isNotEqualTo("not recorded");
        assertThat(out.resolve("provenance.csv.tmp")).doesNotExist();
    }
}
