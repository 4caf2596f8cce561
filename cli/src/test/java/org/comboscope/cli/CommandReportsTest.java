package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report} and {@code --plots} of ci, survival, plate and screen (the reports' content is tested in report). */
class CommandReportsTest {
    @TempDir
    Path tmp;

    private Path resource(String name) throws Exception {
        Path p = tmp.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static void selfContainedReport(Path dir, String... plotKinds) throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Input SHA-256").doesNotContain("src=\"http");
        for (String k : plotKinds) {
            assertThat(html).as(k).contains("data-plot=\"" + k + "\"");
        }
        assertThat(Files.readAllBytes(dir.resolve("report.pdf"))).startsWith("%PDF".getBytes());
    }

    @Test
    void ciReport_pythonBlocks_writesReportAndSamePlotNamesAsBefore() throws Exception {
        Path out = tmp.resolve("ci");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                resource("ci/synergy_python_blocks.csv").toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--response-unit",
                "fraction",
                "--bootstrap",
                "3",
                "--report",
                "--plots",
                "svg",
                "--threads",
                "1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL);
        selfContainedReport(out, "fa-ci", "isobologram");
        assertThat(out.resolve("plots/B01_fa_ci.svg")).exists();
        assertThat(out.resolve("plots/B01_isobologram.svg")).exists();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("data-table=\"musyc-parameters\"", "data-table=\"ci-levels\"", "bootstrap");
        // the block that could not be analysed says why
        assertThat(html).contains("Not analysed (ci): drug 'P05_drugA'");
    }

    @Test
    void survivalReport_lungWithTimes_writesReportAndSurvivalAtMatchingKm() throws Exception {
        Path out = tmp.resolve("surv");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "survival",
                "--input",
                resource("survival/lung_input.csv").toString(),
                "--time",
                "time",
                "--event",
                "event",
                "--group",
                "group",
                "--out",
                out.toString(),
                "--times",
                "180,365,1000",
                "--time-unit",
                "days",
                "--report");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
        selfContainedReport(out, "km");
        List<String> at = Files.readAllLines(out.resolve("survival_at.csv"));
        assertThat(at.get(0)).isEqualTo("conf_type,group,time,n_risk,surv,std_err,lower,upper");
        // R 4.2.2 survival 3.5-3, lung_km.csv: the last row at or before 365 days
        // (male: time 363, surv 0.336087834639379; female: time 364, surv 0.526463030185906)
        assertThat(at).anySatisfy(l -> assertThat(l).startsWith("log,male,365,35,0.33608783463937"));
        assertThat(at).anySatisfy(l -> assertThat(l).startsWith("log,female,365,30,0.52646303018590"));
        assertThat(at).contains("log,female,1000,NA,NA,NA,NA,NA");
    }

    @Test
    void plateReport_failingPlate_reportMarksItAndPlotsWritten() throws Exception {
        Path out = tmp.resolve("plate");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                resource("plate/mtt_defactinib_trametinib_3plates.csv") + "," + resource("plate/mtt_edge_effect.tsv"),
                "--map",
                resource("plate/checkerboard_map.csv").toString(),
                "--out",
                out.toString(),
                "--report",
                "--plots",
                "png");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL);
        selfContainedReport(out, "plate-map");
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("id=\"plate-mtt_edge_effect\" class=\"doc-section fail\"");
        assertThat(html).contains("Not used: failed QC (edge_effect, outliers)");
        assertThat(out.resolve("plots/plate_mtt_edge_effect_raw.png")).exists();
        assertThat(out.resolve("plots/plate_MTT_rep1_raw.png")).exists();
    }

    @Test
    void screenReports_drugzAndMageck_writeRankAndVolcanoPlots() throws Exception {
        Path counts = resource("screen/drugz_example.tsv");
        for (String method : List.of("drugz", "mageck")) {
            Path out = tmp.resolve(method);
            List<String> args = new java.util.ArrayList<>(List.of(
                    "screen",
                    method,
                    "--counts",
                    counts.toString(),
                    "--control",
                    "T15_A_control,T15_B_control,T15_C_control",
                    "--treatment",
                    "T15_A_olaparib,T15_B_olaparib,T15_C_olaparib",
                    "--out",
                    out.toString(),
                    "--report",
                    "--plots",
                    "svg,png"));
            if (method.equals("drugz")) {
                args.addAll(List.of("--half-window", "5"));
            }
            SynergyCommandTest.Run r = SynergyCommandTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(method + r.err()).isEqualTo(Main.EXIT_OK);
            selfContainedReport(out, "rank", "volcano");
            for (String f : List.of("_rank.svg", "_rank.png", "_volcano.svg", "_volcano.png")) {
                assertThat(out.resolve("plots/" + method + f)).exists();
            }
            assertThat(Files.readString(out.resolve("report.html"))).contains("A1BG", "A1CF");
        }
    }

    @Test
    void screenPlots_badFormat_inputErrorNothingWritten() {
        Path out = tmp.resolve("bad");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "screen",
                "drugz",
                "--counts",
                tmp.resolve("missing.tsv").toString(),
                "--control",
                "a",
                "--treatment",
                "b",
                "--out",
                out.toString(),
                "--plots",
                "gif");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("plots").contains("svg, png");
        assertThat(out).doesNotExist();
    }
}
