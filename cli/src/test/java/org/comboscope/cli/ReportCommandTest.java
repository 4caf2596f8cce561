package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path tmp;

    Path demoInput() throws Exception {
        Path p = tmp.resolve("mathews.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/mathews_screening_data.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void synergyWithReport_thenReportFrom_sameHtmlAndAllFiles() throws Exception {
        Path out = tmp.resolve("out");
        var r = SynergyCommandTest.run(
                "synergy",
                "--input",
                demoInput().toString(),
                "--out",
                out.toString(),
                "--report",
                "--plots",
                "svg,png");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(list(out))
                .contains(
                        "blocks.csv",
                        "cells.csv",
                        "curves.csv",
                        "warnings.txt",
                        "provenance.csv",
                        "report.html",
                        "report.pdf",
                        "plots");
        // two blocks, each: 2 curves, response, 4 synergy maps, barometer; plus the screen scatter; two formats
        assertThat(list(out.resolve("plots")))
                .hasSize(2 * (2 * 8 + 1))
                .contains("block_1_synergy_ZIP.svg", "block_1_barometer.png");
        assertThat(Files.readString(out.resolve("curves.csv"))
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .endsWith(",log_base,df_residual,cov_b_b,cov_b_c,cov_b_d,cov_b_e,cov_c_c,cov_c_d,cov_c_e,cov_d_d,"
                        + "cov_d_e,cov_e_e");
        String prov = Files.readString(out.resolve("provenance.csv"));
        assertThat(prov).contains("input_sha256,").containsPattern("input_sha256,[0-9a-f]{64}");
        try (PDDocument doc = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(5); // title, index, overview, two blocks
        }

        Path again = tmp.resolve("again");
        var r2 = SynergyCommandTest.run("report", "--from", out.toString(), "--out", again.toString());
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(r2.out()).contains("report.html", "report.pdf", "2 blocks");
        assertThat(Files.readString(again.resolve("report.html")))
                .isEqualTo(Files.readString(out.resolve("report.html")));
        assertThat(list(again)).containsExactly("report.html", "report.pdf");
    }

    @Test
    void report_missingDirectory_exit2() {
        var r = SynergyCommandTest.run("report", "--from", tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("--from");
    }

    @Test
    void report_directoryWithoutCells_exit2NamesTheFile() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("partial"));
        Files.writeString(d.resolve("blocks.csv"), "block_id,drug1,drug2\n1,a,b\n");
        var r = SynergyCommandTest.run("report", "--from", d.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("cells.csv");
        assertThat(list(d)).containsExactly("blocks.csv");
    }

    @Test
    void synergy_badPlotFormat_exit2NothingWritten() throws Exception {
        Path out = tmp.resolve("out");
        var r = SynergyCommandTest.run(
                "synergy", "--input", demoInput().toString(), "--out", out.toString(), "--plots", "gif");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("gif");
        assertThat(Files.exists(out)).isFalse();
    }
}
