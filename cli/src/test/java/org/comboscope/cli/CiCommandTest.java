package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiCommandTest {
    @TempDir
    Path tmp;

    Path input() throws Exception {
        Path p = tmp.resolve("blocks.csv");
        try (InputStream in = getClass().getResourceAsStream("/ci/synergy_python_blocks.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    /** The input restricted to some blocks (keeps the test fast). */
    Path subset(String... ids) throws Exception {
        List<String> lines = Files.readAllLines(input());
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (String l : lines.subList(1, lines.size())) {
            for (String id : ids) {
                if (l.startsWith(id + ",")) {
                    sb.append(l).append('\n');
                }
            }
        }
        Path p = tmp.resolve("subset.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    static String[] field(List<String> lines, int row) {
        return lines.get(row).split(",", -1);
    }

    static int col(List<String> lines, String name) {
        int i = List.of(lines.get(0).split(",")).indexOf(name);
        assertThat(i).as("column " + name).isGreaterThanOrEqualTo(0);
        return i;
    }

    @Test
    void ci_allModels_writesFilesWithPackageValuesAndReportsFailedBlock() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                subset("B03", "P05").toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--response-unit",
                "fraction",
                "--bootstrap",
                "5");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err()).contains("not analysed: block P05, ci:").contains("block P05, musyc:");
        assertThat(r.err()).doesNotContain("looks like fractions");

        List<String> drugs = Files.readAllLines(out.resolve("ci_drugs.csv"));
        assertThat(drugs.get(0)).startsWith("block_id,drug_index,dm,m,r,");
        assertThat(drugs).hasSize(3);
        // synergy 1.0 ci_median_effect.csv, B03 drug 1: Dm 4.9132776017865565, m 0.6763538752383114
        assertThat(Double.parseDouble(field(drugs, 1)[2])).isCloseTo(4.9132776017865565, Offset.offset(1e-12));
        assertThat(Double.parseDouble(field(drugs, 1)[3])).isCloseTo(0.6763538752383114, Offset.offset(1e-12));

        List<String> cells = Files.readAllLines(out.resolve("ci_cells.csv"));
        assertThat(cells.get(0)).startsWith("block_id,conc1,conc2,fa,ci,");
        assertThat(cells).hasSize(1 + 36);
        assertThat(String.join("\n", cells)).doesNotContain("NaN").contains("ci < 1 synergy");
        int ci = col(cells, "ci");
        assertThat(field(cells, 1)[ci]).isEqualTo("NA"); // (0, 0) control
        // synergy 1.0 pointwise.csv, B03 row 7 (0.0333333, 0.166667): ci_value 1.1169193871047831
        assertThat(field(cells, 8)[1]).isEqualTo("0.0333333");
        assertThat(field(cells, 8)[2]).isEqualTo("0.166667");
        assertThat(Double.parseDouble(field(cells, 8)[ci])).isCloseTo(1.1169193871047831, Offset.offset(1e-12));

        List<String> musyc = Files.readAllLines(out.resolve("musyc.csv"));
        assertThat(musyc).hasSize(2);
        assertThat(musyc.get(0)).contains("alpha12,alpha12_lower,alpha12_upper").contains(",beta,");
        // B03 is noise-free with alpha12 = alpha21 = 5 (truth.csv).
        assertThat(Double.parseDouble(field(musyc, 1)[col(musyc, "alpha12")])).isCloseTo(5.0, Offset.offset(1e-6));
        assertThat(musyc.get(1))
                .contains("MuSyC beta > 0 synergistic efficacy")
                .contains("alpha > 1 synergistic potency");
        assertThat(Files.readAllLines(out.resolve("zimmer.csv")).get(1)).contains("< 0 synergy");
        assertThat(Files.readAllLines(out.resolve("braid.csv")).get(1)).contains("kappa > 0 synergy");
        List<String> levels = Files.readAllLines(out.resolve("ci_levels.csv"));
        assertThat(levels.get(0))
                .startsWith("block_id,ratio_d2_d1,fraction_drug1,fa,ci,ci_lower,ci_upper,dx1,dx2,d1,d2");
        assertThat(levels.size()).isGreaterThan(1);
        assertThat(Files.readString(out.resolve("warnings.txt"))).contains("not analysed: block P05");
        assertThat(Files.exists(out.resolve("ci_fa_curve.csv"))).isTrue();
    }

    @Test
    void ci_onlyCi_writesNoParametricFilesAndExitsZero() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                subset("B01", "B02").toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--response-unit",
                "fraction",
                "--models",
                "ci");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.exists(out.resolve("ci_cells.csv"))).isTrue();
        assertThat(Files.exists(out.resolve("musyc.csv"))).isFalse();
    }

    @Test
    void ci_plotsSvgPng_writesFaCiAndIsobologramPerBlockWithoutChangingTables() throws Exception {
        Path plain = tmp.resolve("plain");
        Path out = tmp.resolve("out");
        String input = subset("B01", "B02").toString();
        for (Path dir : List.of(plain, out)) {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "ci",
                    "--input",
                    input,
                    "--out",
                    dir.toString(),
                    "--data-type",
                    "inhibition",
                    "--response-unit",
                    "fraction",
                    "--models",
                    "ci",
                    "--bootstrap",
                    "20"));
            if (dir == out) {
                args.addAll(List.of("--plots", "svg,png"));
            }
            SynergyCommandTest.Run r = SynergyCommandTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isZero();
        }
        assertThat(plain.resolve("plots")).doesNotExist();
        for (String f : List.of("ci_cells.csv", "ci_drugs.csv", "ci_levels.csv", "ci_fa_curve.csv")) {
            assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(plain.resolve(f)));
        }
        try (var files = Files.list(out.resolve("plots"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "B01_fa_ci.svg",
                            "B01_fa_ci.png",
                            "B01_isobologram.svg",
                            "B01_isobologram.png",
                            "B02_fa_ci.svg",
                            "B02_fa_ci.png",
                            "B02_isobologram.svg",
                            "B02_isobologram.png");
        }
        for (String b : List.of("B01", "B02")) {
            assertThat(Files.readString(out.resolve("plots/" + b + "_fa_ci.svg")))
                    .contains("additive (CI = 1)")
                    .contains("(block " + b + ")");
            for (String kind : List.of("_fa_ci.png", "_isobologram.png")) {
                java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(
                        out.resolve("plots/" + b + kind).toFile());
                long inked = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        inked += (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
                    }
                }
                assertThat(inked / (double) (img.getWidth() * img.getHeight()))
                        .as(b + kind)
                        .isGreaterThan(0.05);
            }
        }
    }

    @Test
    void ci_badPlotsFormat_exitsTwo() throws Exception {
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                subset("B01").toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--models",
                "ci",
                "--plots",
                "gif");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("plots").contains("gif");
    }

    @Test
    void ci_braidFit_packageRouteReproducesPackageAndOptimumIsNeverWorse() throws Exception {
        double[] kappa = new double[2];
        double[] ssr = new double[2];
        String[] routes = {"package", "optimum"};
        Path in = subset("B18");
        for (int k = 0; k < 2; k++) {
            Path out = tmp.resolve("out-" + routes[k]);
            SynergyCommandTest.Run r = SynergyCommandTest.run(
                    "ci",
                    "--input",
                    in.toString(),
                    "--out",
                    out.toString(),
                    "--data-type",
                    "inhibition",
                    "--response-unit",
                    "fraction",
                    "--models",
                    "braid",
                    "--bootstrap",
                    "0",
                    "--braid-fit",
                    routes[k]);
            assertThat(r.code()).as(r.err()).isZero();
            List<String> b = Files.readAllLines(out.resolve("braid.csv"));
            kappa[k] = Double.parseDouble(field(b, 1)[col(b, "kappa")]);
            ssr[k] = Double.parseDouble(field(b, 1)[col(b, "ssr")]);
        }
        // synergy 1.0 braid.csv, B18: kappa 3.8222221429445704, ssr 0.2760081843516223
        assertThat(kappa[0]).isCloseTo(3.8222221429445704, Offset.offset(3.8222221429445704 * 2e-4));
        assertThat(ssr[0]).isCloseTo(0.2760081843516223, Offset.offset(0.2760081843516223 * 1e-8));
        assertThat(ssr[1]).isLessThanOrEqualTo(ssr[0] * (1 + 1e-12));
    }

    @Test
    void ci_braidFit_unknownRoute_isInputError() throws Exception {
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                subset("B18").toString(),
                "--out",
                tmp.resolve("out").toString(),
                "--braid-fit",
                "fast");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("braid-fit").contains("optimum or package");
    }

    @Test
    void ci_pointwiseModels_writePackageScores() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                subset("B03").toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--response-unit",
                "fraction",
                "--models",
                "bliss,hsa,loewe,schindler,zip");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> pw = Files.readAllLines(out.resolve("pointwise.csv"));
        assertThat(pw.get(0)).startsWith("block_id,conc1,conc2,fa,bliss_ref_fa,bliss_syn,");
        assertThat(pw).hasSize(1 + 36);
        // synergy 1.0 pointwise.csv, B03 row 7: bliss_syn 0.0034756574249789063 (fa_obs - fa_ref)
        assertThat(Double.parseDouble(field(pw, 8)[col(pw, "bliss_syn")]))
                .isCloseTo(0.0034756574249789063, Offset.offset(1e-12));
        // ... and loewe_ci_loglinear_syn 1.1923345641377479 (Loewe mode "ci", log-linear single drugs)
        assertThat(Double.parseDouble(field(pw, 8)[col(pw, "loewe_ci_loglinear")]))
                .isCloseTo(1.1923345641377479, Offset.offset(1e-12));
        assertThat(pw.get(1)).contains("score > 0 synergy");
        assertThat(pw.get(0)).contains(",zip_ref_fa,zip_delta,");
    }

    @Test
    void ci_countsRayDesign_normalisesToUntreatedAndGivesCiAtLevels() throws Exception {
        Path in = tmp.resolve("mixlow.csv");
        try (InputStream is = getClass().getResourceAsStream("/ci/mixlow_A549_topotecan_vincristine_ray_long.csv")) {
            Files.copy(is, in);
        }
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                in.toString(),
                "--out",
                out.toString(),
                "--data-type",
                "counts",
                "--models",
                "ci",
                "--bootstrap",
                "50");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("raw readouts");
        List<String> levels = Files.readAllLines(out.resolve("ci_levels.csv"));
        // one 1:1 ray (d2/d1 = 1) at the four default effect levels
        assertThat(levels).hasSize(5);
        for (int i = 1; i <= 4; i++) {
            String[] f = field(levels, i);
            assertThat(Double.parseDouble(f[1])).isCloseTo(1.0, Offset.offset(1e-12));
            double ci = Double.parseDouble(f[4]);
            assertThat(Double.parseDouble(f[5])).isLessThan(ci);
            assertThat(Double.parseDouble(f[6])).isGreaterThan(ci);
        }
        assertThat(field(levels, 1)[3]).isEqualTo("0.5");
        // fa of the untreated wells averages to 0 after normalisation
        List<String> cells = Files.readAllLines(out.resolve("ci_cells.csv"));
        double sum = 0;
        int n = 0;
        for (String c : cells.subList(1, cells.size())) {
            String[] f = c.split(",");
            if (f[5].equals("control")) {
                sum += Double.parseDouble(f[3]);
                n++;
            }
        }
        assertThat(n).isGreaterThan(0);
        assertThat(sum / n).isCloseTo(0.0, Offset.offset(1e-12));
    }

    @Test
    void ci_countsWithoutUntreatedWells_reportsBlockAndExitsOne() throws Exception {
        Path in = tmp.resolve("nocontrol.csv");
        Files.writeString(
                in,
                "block_id,drug1,drug2,conc1,conc2,response\n"
                        + "a,x,y,0,1,900\na,x,y,0,2,800\na,x,y,0,4,500\na,x,y,1,0,950\na,x,y,2,0,700\n"
                        + "a,x,y,4,0,400\na,x,y,1,1,600\na,x,y,2,2,300\na,x,y,4,4,100\n");
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci", "--input", in.toString(), "--out", out.toString(), "--data-type", "counts", "--models", "ci");
        assertThat(r.code()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err()).contains("block a, ci:").contains("untreated wells");
        assertThat(Files.readAllLines(out.resolve("ci_cells.csv"))).hasSize(1);
    }

    @Test
    void ci_unknownModel_exitsTwoAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci", "--input", input().toString(), "--out", out.toString(), "--models", "ci,copula");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("copula");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void ci_badLevel_exitsTwo() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci", "--input", input().toString(), "--out", out.toString(), "--levels", "0.5,1.2");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("levels");
    }
}
