package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynergyCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path demoInput() throws Exception {
        Path p = tmp.resolve("mathews.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/mathews_screening_data.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void synergy_mathews_writesSynergyFinderColumnsAndValues() throws Exception {
        Path out = tmp.resolve("out");
        Run r = run("synergy", "--input", demoInput().toString(), "--out", out.toString(), "--data-type", "viability");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> blocks = Files.readAllLines(out.resolve("blocks.csv"));
        assertThat(blocks.get(0))
                .startsWith("block_id,drug1,drug2,ZIP_synergy,HSA_synergy,Bliss_synergy,Loewe_synergy,"
                        + "ZIP_synergy_p_value,HSA_synergy_p_value,Bliss_synergy_p_value,Loewe_synergy_p_value,"
                        + "ic50_1,ic50_2,ri_1,ri_2,css1_ic502,css2_ic501,css");
        String[] b1 = blocks.get(1).split(",");
        assertThat(b1[1]).isEqualTo("ispinesib");
        // SynergyFinder 3.15: HSA 20.19509892, Bliss 10.856470723005224 (closed form, exact).
        assertThat(Double.parseDouble(b1[4])).isCloseTo(20.19509892, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(b1[5])).isCloseTo(10.856470723005224, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Double.parseDouble(b1[3])).isCloseTo(19.570812344286505, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(blocks.get(1)).contains(",viability,synergistic,");
        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertThat(cells).hasSize(1 + 72);
        assertThat(cells.get(0))
                .isEqualTo("block_id,conc1,conc2,response,ZIP_fit,ZIP_ref,ZIP_synergy,HSA_ref,HSA_synergy,Bliss_ref,"
                        + "Bliss_synergy,Loewe_ref,Loewe_synergy,Loewe_ci,imputed");
        // viability 7.802637 -> inhibition 92.197363
        assertThat(cells.get(1)).startsWith("1,2500,50,92.197363,");
        assertThat(String.join("\n", cells)).doesNotContain("NaN");
        assertThat(Files.readAllLines(out.resolve("curves.csv")).get(0))
                .startsWith("block_id,drug_index,drug,model,b,c,d,e,rss,ic50");
    }

    @Test
    void synergy_blockWithTooFewDoses_reportsItAndWritesTheOthers() throws Exception {
        List<String> lines = Files.readAllLines(demoInput());
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (String l : lines.subList(1, lines.size())) {
            sb.append(l).append('\n');
        }
        // Block 3: drug 2 has only the concentrations 0 and 1.
        sb.append("3,a,b,0,0,100,nM,nM\n3,a,b,1,0,90,nM,nM\n3,a,b,2,0,80,nM,nM\n");
        sb.append("3,a,b,0,1,95,nM,nM\n3,a,b,1,1,70,nM,nM\n3,a,b,2,1,60,nM,nM\n");
        Path in = tmp.resolve("partial.csv");
        Files.writeString(in, sb.toString(), StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Run r = run("synergy", "--input", in.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err()).contains("block 3");
        assertThat(Files.readAllLines(out.resolve("blocks.csv"))).hasSize(3);
        assertThat(Files.readString(out.resolve("warnings.txt"))).contains("not analysed: block 3");
    }

    @Test
    void synergy_badInput_exits2AndWritesNothing() throws Exception {
        Path in = tmp.resolve("bad.csv");
        Files.writeString(in, "block_id,drug1,drug2,conc1,conc2,response\n1,a,b,x,0,5\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Run r = run("synergy", "--input", in.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).startsWith("error: ").contains("bad.csv:2");
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> !n.contains("staging"));
        }
    }

    @Test
    void synergy_unknownDataType_exits2() throws Exception {
        Run r = run(
                "synergy",
                "--input",
                demoInput().toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--data-type",
                "percent");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("data-type must be 'viability' or 'inhibition', was percent");
    }

    @Test
    void demo_runs_andSaysWhereTheOutputIs() {
        Path out = tmp.resolve("demo");
        Run r = run("demo", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(out.resolve("blocks.csv").toAbsolutePath().toString());
        assertThat(out.resolve("cells.csv")).exists();
    }
}
