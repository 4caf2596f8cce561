package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandTest {
    @TempDir
    Path dir;

    Path counts;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void copyInput() throws Exception {
        counts = dir.resolve("counts.tsv");
        try (var in = getClass().getResourceAsStream("/screen/drugz_example.tsv")) {
            Files.copy(in, counts);
        }
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void drugz_exampleWithNumpyTies_writesDrugZValues() throws Exception {
        Path o = dir.resolve("out");
        int code = run(
                "screen",
                "drugz",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control,T15_C_control",
                "--treatment",
                "T15_A_olaparib,T15_B_olaparib,T15_C_olaparib",
                "--half-window",
                "5",
                "--tie-order",
                "numpy",
                "--out",
                o.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        List<String> lines = Files.readAllLines(o.resolve("drugz.tsv"));
        assertThat(lines.get(0))
                .isEqualTo(
                        "GENE\tsumZ\tnumObs\tnormZ\tpval_synth\trank_synth\tfdr_synth\tpval_supp\trank_supp\tfdr_supp");
        assertThat(lines).hasSize(3);
        String[] a1cf = lines.get(1).split("\t");
        assertThat(a1cf[0]).isEqualTo("A1CF");
        assertThat(Double.parseDouble(a1cf[1]))
                .isCloseTo(1.6405575838086324, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(a1cf[2]).isEqualTo("9");
        assertThat(Double.parseDouble(a1cf[3])).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Double.parseDouble(a1cf[6]))
                .isCloseTo(0.31731050786291415, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void drugz_defaultWindowLargerThanTable_exitsTwoAndWritesNothing() {
        Path o = dir.resolve("out");
        int code = run(
                "screen",
                "drugz",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control",
                "--treatment",
                "T15_A_olaparib",
                "--out",
                o.toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString())
                .contains(
                        "half-window must be smaller than the number of guides (9); DrugZ would crash or wrap around, was 500");
        assertThat(o).doesNotExist();
    }

    @Test
    void drugz_unequalReplicatesPaired_pointsToUnpaired() {
        int code = run(
                "screen",
                "drugz",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control",
                "--treatment",
                "T15_A_olaparib",
                "--half-window",
                "3",
                "--out",
                dir.resolve("o").toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("use --unpaired");
    }

    @Test
    void drugz_unequalReplicatesUnpaired_runs() throws Exception {
        Path o = dir.resolve("o");
        int code = run(
                "screen",
                "drugz",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control",
                "--treatment",
                "T15_A_olaparib",
                "--half-window",
                "3",
                "--unpaired",
                "--out",
                o.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        assertThat(Files.readAllLines(o.resolve("drugz.tsv"))).hasSize(3);
    }

    @Test
    void drugz_unknownSample_exitsTwoNamingColumns() {
        int code = run(
                "screen",
                "drugz",
                "--counts",
                counts.toString(),
                "--control",
                "T15_X_control",
                "--treatment",
                "T15_A_olaparib",
                "--out",
                dir.resolve("o").toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString())
                .contains("--control must name a sample column")
                .contains("T15_X_control");
    }

    @Test
    void mageck_example_writesMageckColumnsWithReferenceValues() throws Exception {
        Path o = dir.resolve("m");
        int code = run(
                "screen",
                "mageck",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control,T15_C_control",
                "--treatment",
                "T15_A_olaparib,T15_B_olaparib,T15_C_olaparib",
                "--out",
                o.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        List<String> genes = Files.readAllLines(o.resolve("gene_summary.tsv"));
        assertThat(genes.get(0))
                .isEqualTo("id\tnum\tneg|score\tneg|p-value\tneg|fdr\tneg|rank\tneg|goodsgrna\tneg|lfc"
                        + "\tpos|score\tpos|p-value\tpos|fdr\tpos|rank\tpos|goodsgrna\tpos|lfc");
        // MAGeCK 0.5.9.2: A1BG 6 0.29033 0.29032 0.420248 1 0 0.012653 0.29033 0.32105 0.642104 1 1 0.012653
        String[] a1bg = genes.get(1).split("\t");
        assertThat(a1bg[0]).isEqualTo("A1BG");
        assertThat(a1bg[1]).isEqualTo("6");
        assertThat(Double.parseDouble(a1bg[3])).isCloseTo(0.29032, org.assertj.core.data.Offset.offset(5e-6));
        assertThat(Double.parseDouble(a1bg[4])).isCloseTo(0.420248, org.assertj.core.data.Offset.offset(5e-7));
        assertThat(Double.parseDouble(a1bg[10])).isCloseTo(0.642104, org.assertj.core.data.Offset.offset(5e-7));
        List<String> sg = Files.readAllLines(o.resolve("sgrna_summary.tsv"));
        assertThat(sg).hasSize(10);
        assertThat(sg.get(1)).startsWith("A1BG_GCTCGGGCTTGTCCACAGGA\tA1BG\t");
        assertThat(Files.readAllLines(o.resolve("hits.tsv")).get(0))
                .isEqualTo("gene\tdirection\trole\tmechanism\tscore\tp_value\tfdr\trank\tlfc");
    }

    @Test
    void mageck_orfLibraryAllHits_listsEnrichedSideFirstAsResistance() throws Exception {
        Path o = dir.resolve("orf");
        int code = run(
                "screen",
                "mageck",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control,T15_C_control",
                "--treatment",
                "T15_A_olaparib,T15_B_olaparib,T15_C_olaparib",
                "--library",
                "orf",
                "--hit-fdr",
                "1",
                "--out",
                o.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        List<String> hits = Files.readAllLines(o.resolve("hits.tsv"));
        assertThat(hits).hasSize(5);
        assertThat(hits.get(1))
                .startsWith("A1BG\tenriched\tresistance (overexpression drives resistance)\tgain of function");
        assertThat(hits.get(3)).contains("\tdepleted\t");
    }

    @Test
    void mageck_pairedUnequal_exitsTwo() {
        int code = run(
                "screen",
                "mageck",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control",
                "--treatment",
                "T15_A_olaparib",
                "--paired",
                "--out",
                dir.resolve("p").toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("with --paired");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void drugz_removeGenes_dropsThemFromOutput() throws Exception {
        Path o = dir.resolve("rm");
        int code = run(
                "screen",
                "drugz",
                "--counts",
                counts.toString(),
                "--control",
                "T15_A_control,T15_B_control",
                "--treatment",
                "T15_A_olaparib,T15_B_olaparib",
                "--half-window",
                "2",
                "--remove-genes",
                "A1CF",
                "--out",
                o.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        List<String> lines = Files.readAllLines(o.resolve("drugz.tsv"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("A1BG\t");
    }

    @Test
    void screen_withoutSubcommand_printsUsageNamingBoth() {
        int code = run("screen");
        assertThat(code).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).contains("drugz").contains("mageck");
    }

    @Test
    void drugz_geneWithoutReads_exitsOneReportingItAndWritesTheRest() throws Exception {
        Path f = dir.resolve("zero.tsv");
        Files.writeString(
                f, "sgRNA\tGene\tc\tt\na1\tA\t100\t10\na2\tA\t50\t60\nb1\tB\t80\t90\nb2\tB\t20\t25\nz1\tZ\t0\t0\n");
        Path o = dir.resolve("z");
        int code = run(
                "screen",
                "drugz",
                "--counts",
                f.toString(),
                "--control",
                "c",
                "--treatment",
                "t",
                "--half-window",
                "2",
                "--out",
                o.toString());
        assertThat(code).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(err.toString()).contains("gene Z not scored");
        assertThat(Files.readAllLines(o.resolve("drugz.tsv"))).hasSize(3);
    }
}
