package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ci} on blocks of 3 drugs: the constant-ratio mixture CI. */
class ThreeDrugCiCommandTest {
    @TempDir
    Path tmp;

    Path resource(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/ci3/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    static SynergyCommandTest.Run ci(Path input, Path out) {
        return SynergyCommandTest.run(
                "ci",
                "--input",
                input.toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--bootstrap",
                "0");
    }

    @Test
    void ci_threeDrugRays_writesMixtureCiAtLevelsAndRowsAndExitsZero() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = ci(resource("three_drug_rays.csv"), out);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("ci_mixtures.csv"));
        assertThat(lines.get(0))
                .startsWith("block_id,ray,ratio,fraction_1,fraction_2,fraction_3,kind,total_dose,fa,ci,")
                .contains("dri_1,dri_2,dri_3")
                .endsWith(",convention");
        // 2 rays x (4 levels + 8 mixture rows)
        assertThat(lines).hasSize(1 + 2 * (4 + 8));
        int ci = CiCommandTest.col(lines, "ci");
        int kind = CiCommandTest.col(lines, "kind");
        int ratio = CiCommandTest.col(lines, "ratio");
        int fa = CiCommandTest.col(lines, "fa");
        int dri3 = CiCommandTest.col(lines, "dri_3");
        List<String> levelFa = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = CiCommandTest.field(lines, i);
            assertThat(Double.parseDouble(f[ci])).as(lines.get(i)).isCloseTo(0.5, Offset.offset(1e-9));
            assertThat(f[f.length - 1]).isEqualTo("ci < 1 synergy");
            if (f[kind].equals("level") && f[ratio].equals("1:4:10")) {
                levelFa.add(f[fa]);
                // p3 = 10/15; Dm_mix = 0.5 / (1/15 + 4/60 + 10/150) = 2.5: DRI_3 = Dm_3 / (p3 Dm_mix) = 6
                assertThat(Double.parseDouble(f[dri3])).isCloseTo(6, Offset.offset(1e-9));
            }
        }
        assertThat(levelFa).containsExactly("0.5", "0.75", "0.9", "0.95");
        List<String> drugs = Files.readAllLines(out.resolve("ci_mixture_drugs.csv"));
        assertThat(drugs).hasSize(4);
        assertThat(Double.parseDouble(CiCommandTest.field(drugs, 3)[3])).isCloseTo(10, Offset.offset(1e-9));
        assertThat(Files.readString(out.resolve("warnings.txt")))
                .contains("block B1: musyc, zimmer, braid skipped: two-drug models, the block has 3 drugs");
    }

    @Test
    void ci_threeDrugRowOffTheRays_failureNamesBlockAndLine() throws Exception {
        Path in = resource("three_drug_rays.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(in));
        // line 35: first row of the second ray, 0.25,1.0,2.5 -> drug 2 at 1.5
        assertThat(lines.get(34)).startsWith("B1,A,B,C,0.25,1.0,2.5,");
        lines.set(34, lines.get(34).replace("0.25,1.0,2.5,", "0.25,1.5,2.5,"));
        Files.write(in, lines);
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = ci(in, out);
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err())
                .contains("not analysed: block B1, ci: mixture doses")
                .contains("must follow a constant ratio")
                .contains("(block B1, line 35)");
    }

    @Test
    void ci_synergyFinderThreeDrugCheckerboard_runsAndSaysCiNeedsConstantRatioRows() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = ci(resource("NCATS_screening_data.csv"), out);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("ci_mixtures.csv"))).hasSize(1);
        String w = Files.readString(out.resolve("warnings.txt"));
        assertThat(w)
                .contains("block 1: ci: the mixture rows form a checkerboard")
                .contains("block 2: ci: the mixture rows form a checkerboard")
                .contains("needs constant-ratio mixture rows");
    }

    @Test
    void ci_threeDrugRaysBootstrap_levelRowsGetBandsObservedRowsNot() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                resource("three_drug_rays.csv").toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--models",
                "ci",
                "--bootstrap",
                "20");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("ci_mixtures.csv"));
        int kind = CiCommandTest.col(lines, "kind");
        int lo = CiCommandTest.col(lines, "ci_lower");
        int hi = CiCommandTest.col(lines, "ci_upper");
        int levels = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = CiCommandTest.field(lines, i);
            if (f[kind].equals("level")) {
                levels++;
                // noise-free data: every resample refits the same lines, the band collapses on CI = 0.5
                assertThat(Double.parseDouble(f[lo])).isCloseTo(0.5, Offset.offset(1e-9));
                assertThat(Double.parseDouble(f[hi])).isCloseTo(0.5, Offset.offset(1e-9));
            } else {
                assertThat(f[lo]).isEqualTo("NA");
            }
        }
        assertThat(levels).isEqualTo(8);
        assertThat(Files.readString(out.resolve("warnings.txt"))).doesNotContain("skipped: two-drug models");
    }

    @Test
    void ci_threeDrugTableWithTwoDrugBlock_twoDrugBlockGetsCellCi() throws Exception {
        Path in = resource("three_drug_rays.csv");
        StringBuilder sb = new StringBuilder(Files.readString(in));
        double[] c = {0, 1, 2, 4};
        for (double a : c) {
            for (double b : c) {
                double fa = 1 - 1 / (1 + a / 2) / (1 + b / 3);
                sb.append("B2,A,B,C,")
                        .append(a)
                        .append(',')
                        .append(b)
                        .append(",0,")
                        .append(100 * fa)
                        .append(",uM\n");
            }
        }
        Files.writeString(in, sb.toString());
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "ci",
                "--input",
                in.toString(),
                "--out",
                out.toString(),
                "--data-type",
                "inhibition",
                "--models",
                "ci",
                "--bootstrap",
                "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("warnings.txt")))
                .contains("block B2: drugs 3..3 are never dosed; analysed as a 2-drug block");
        List<String> cells = Files.readAllLines(out.resolve("ci_cells.csv"));
        assertThat(cells).hasSize(1 + 16).allMatch(l -> l.startsWith("B2,") || l.startsWith("block_id"));
        List<String> mix = Files.readAllLines(out.resolve("ci_mixtures.csv"));
        assertThat(mix).hasSize(1 + 2 * (4 + 8)).allMatch(l -> l.startsWith("B1,") || l.startsWith("block_id"));
    }
}
