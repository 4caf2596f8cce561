package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlateCommandTest {
    @TempDir
    Path tmp;

    private Path res(String name) throws Exception {
        Path p = tmp.resolve(name);
        if (!Files.exists(p)) {
            try (InputStream in = getClass().getResourceAsStream("/plate/" + name)) {
                Files.copy(in, p);
            }
        }
        return p;
    }

    /** Splits one CSV line with RFC 4180 quoting (no line breaks inside fields in these files). */
    static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        cells.add(cur.toString());
        return cells.toArray(String[]::new);
    }

    private static List<Map<String, String>> csv(Path p) throws Exception {
        List<String> lines = Files.readAllLines(p);
        String[] h = split(lines.get(0));
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = split(l);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < h.length && i < c.length; i++) {
                m.put(h[i], c[i]);
            }
            out.add(m);
        }
        return out;
    }

    @Test
    void plate_replicatePlatesAndEdgePlate_failedPlateExcludedAnalysisRunsExit1() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("mtt_defactinib_trametinib_3plates.csv") + "," + res("mtt_edge_effect.tsv"),
                "--map",
                res("checkerboard_map.csv").toString(),
                "--out",
                out.toString(),
                "--analyze");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err())
                .contains("excluded: plate mtt_edge_effect: failed QC (edge_effect, outliers); see qc.csv, or use"
                        + " --keep-failed");
        assertThat(r.out()).contains("comboscope plate: 3 of 4 plates used, 162 rows in 1 blocks (% viability)");

        List<String> responses = Files.readAllLines(out.resolve("responses.csv"));
        assertThat(responses.get(0))
                .isEqualTo("block_id,drug1,drug2,conc1,conc2,response,conc_unit,plate,well,role,replicate,signal,"
                        + "viability_percent,inhibition_percent,plate_qc,well_flag");
        assertThat(responses).hasSize(1 + 3 * 54).noneMatch(l -> l.contains("mtt_edge_effect"));

        List<Map<String, String>> qc = csv(out.resolve("qc.csv"));
        assertThat(qc).hasSize(4 * 6);
        Map<String, String> edge = qc.stream()
                .filter(m -> m.get("plate").equals("mtt_edge_effect")
                        && m.get("check").equals("edge_effect"))
                .findFirst()
                .orElseThrow();
        assertThat(edge.get("flag")).isEqualTo("fail");
        assertThat(edge.get("used")).isEqualTo("no");
        assertThat(Double.parseDouble(edge.get("value"))).isLessThan(-10);
        assertThat(qc.stream().filter(m -> m.get("plate").startsWith("MTT_rep")))
                .allSatisfy(m -> assertThat(m.get("plate_verdict")).isIn("pass", "warn"));

        // Fits recover the simulated single-agent curves (trametinib C = 30 nM; defactinib C = 1000 nM,
        // whose curve does not reach its floor within 3000 nM, so its IC50 is less well determined).
        List<Map<String, String>> curves = csv(out.resolve("fit/curves.csv"));
        assertThat(Double.parseDouble(curves.get(0).get("ic50"))).isBetween(800.0, 1400.0);
        assertThat(Double.parseDouble(curves.get(1).get("ic50"))).isBetween(25.0, 36.0);
        // Potency synergy (alpha = 5): trametinib sensitises defactinib more at higher doses.
        List<Map<String, String>> sens = csv(out.resolve("fit/sensitisation.csv"));
        Map<String, String> at30 = sens.stream()
                .filter(m -> m.get("drug").equals("defactinib")
                        && m.get("partner_conc").equals("30"))
                .findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(at30.get("fold_sensitisation"))).isGreaterThan(2);
        assertThat(Files.readAllLines(out.resolve("fit/input.csv")))
                .hasSize(1 + 3 * 54)
                .first()
                .isEqualTo("block_id,drug1,drug2,conc1,conc2,response,conc_unit");
        assertThat(r.err()).doesNotContain("ignored column");
        List<Map<String, String>> blocks = csv(out.resolve("synergy/blocks.csv"));
        assertThat(blocks).hasSize(1);
        assertThat(Double.parseDouble(blocks.get(0).get("Bliss_synergy"))).isPositive();
    }

    @Test
    void plate_keepFailed_failedPlateUsedAndReported() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("mtt_edge_effect.tsv").toString(),
                "--map",
                res("checkerboard_map.csv").toString(),
                "--out",
                out.toString(),
                "--keep-failed");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.err())
                .contains("warning: plate mtt_edge_effect failed QC (edge_effect, outliers) and is kept"
                        + " (--keep-failed)");
        List<Map<String, String>> rows = csv(out.resolve("responses.csv"));
        assertThat(rows).hasSize(54).allSatisfy(m -> assertThat(m.get("plate_qc"))
                .isEqualTo("fail"));
    }

    @Test
    void plate_longLuminescenceTable_normalisedAsComputedByHand() throws Exception {
        Path plates = res("ctg3d_cisplatin_vs4718_long.csv");
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                plates.toString(),
                "--map",
                res("ctg3d_map.csv").toString(),
                "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // By hand from the raw file: plate 1 blank = mean of A01-A04, H01-H04; vehicle = mean of
        // A05-A08, H05-H08 and columns 1 and 12 of rows B-G.
        Map<String, Double> raw = new HashMap<>();
        for (String l : Files.readAllLines(plates).subList(1, 97)) {
            String[] c = l.split(",");
            raw.put(c[1], Double.parseDouble(c[2]));
        }
        double blank = 0;
        double vehicle = 0;
        int nv = 0;
        for (String row : List.of("A", "H")) {
            for (int c = 1; c <= 4; c++) {
                blank += raw.get(row + "0" + c) / 8;
            }
            for (int c = 5; c <= 8; c++) {
                vehicle += raw.get(row + "0" + c);
                nv++;
            }
        }
        for (String row : List.of("B", "C", "D", "E", "F", "G")) {
            vehicle += raw.get(row + "01") + raw.get(row + "12");
            nv += 2;
        }
        vehicle /= nv;
        double want = 100 * (raw.get("D07") - blank) / (vehicle - blank);
        Map<String, String> d7 = csv(out.resolve("responses.csv")).stream()
                .filter(m ->
                        m.get("plate").equals("CTG3D_OVCAR3_1") && m.get("well").equals("D7"))
                .findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(d7.get("response"))).isCloseTo(want, within(1e-9));
        assertThat(d7.get("conc1")).isEqualTo("8");
        assertThat(d7.get("conc2")).isEqualTo("0.5");
        assertThat(d7.get("conc_unit")).isEqualTo("uM");
    }

    @Test
    void plate_workbookPlatesAndMap_sameResponsesAsCsv() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(SynergyCommandTest.run(
                                "plate",
                                "--plates",
                                res("mtt_defactinib_trametinib_3plates.csv").toString(),
                                "--map",
                                res("checkerboard_map.csv").toString(),
                                "--out",
                                a.toString())
                        .code())
                .isZero();
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("mtt_defactinib_trametinib.xlsx").toString(),
                "--map",
                res("checkerboard_map.xlsx").toString(),
                "--out",
                b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(b.resolve("responses.csv")))
                .isEqualTo(Files.readAllLines(a.resolve("responses.csv")));
    }

    @Test
    void plate_textInWell_exit2NothingWritten() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(res("mtt_edge_effect.tsv")));
        lines.set(
                2, lines.get(2).replaceFirst("^[^\t]*\t[^\t]*\t", "0.1\tOVER\t").replaceFirst("\t[^\t]*$", "\tfoo"));
        Path bad = tmp.resolve("bad.tsv");
        Files.write(bad, lines);
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                bad.toString(),
                "--map",
                res("checkerboard_map.csv").toString(),
                "--out",
                out.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err().strip())
                .isEqualTo("error: bad.tsv:3: well C12: signal 'foo' is not a number (empty = no signal; OVER,"
                        + " Overflow, #### = saturated)");
        assertThat(out).doesNotExist();
    }

    @Test
    void plate_allVehicleWellsEmpty_plateExcludedWithReason() throws Exception {
        // Blank out every vehicle well of the edge plate (columns 1, 11, 12 of rows B-G; A5-A8; H5-H8).
        List<String> lines = Files.readAllLines(res("mtt_edge_effect.tsv"));
        List<String> edited = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            String[] c = lines.get(r).split("\t", -1);
            for (int k = 0; k < 12; k++) {
                boolean veh = (r == 0 || r == 7) ? k >= 4 && k < 8 : k == 0 || k >= 10;
                if (veh) {
                    c[k] = "";
                }
            }
            edited.add(String.join("\t", c));
        }
        Path p = tmp.resolve("noveh.tsv");
        Files.write(p, edited);
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                p.toString(),
                "--map",
                res("checkerboard_map.csv").toString(),
                "--out",
                out.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err())
                .contains("excluded: plate noveh: cannot be normalised: vehicle wells must have at least one measured"
                        + " signal (missing or saturated), was 0 measured of 26 (plate noveh (noveh.tsv:1))");
        assertThat(Files.readAllLines(out.resolve("responses.csv"))).hasSize(1);
        String qc = Files.readString(out.resolve("qc.csv"));
        assertThat(qc).contains("noveh,z_prime,NA");
        assertThat(qc.lines().filter(l -> l.startsWith("noveh,normalization,")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(",not computable,fail,").endsWith(",fail,no"));
    }

    @Test
    void plate_help_describesOutputsWithoutFormatWarnings() {
        SynergyCommandTest.Run r = SynergyCommandTest.run("plate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("% viability = 100 x")
                .contains("--keep-failed")
                .contains("qc.csv");
        assertThat(r.out() + r.err()).doesNotContain("picocli WARN");
    }

    @Test
    void plate_positiveScalingAsInhibition_matchesHandComputation() throws Exception {
        Path plates = res("ctg3d_cisplatin_vs4718_long.csv");
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                plates.toString(),
                "--map",
                res("ctg3d_map.csv").toString(),
                "--out",
                out.toString(),
                "--normalization",
                "positive-vehicle",
                "--response",
                "inhibition");
        assertThat(r.code()).as(r.err()).isZero();
        // Plate 2 by hand: positive = mean of A09-A12, H09-H12; vehicle as in the test above.
        Map<String, Double> raw = new HashMap<>();
        List<String> lines = Files.readAllLines(plates);
        for (String l : lines.subList(97, 193)) {
            String[] c = l.split(",");
            assertThat(c[0]).isEqualTo("CTG3D_OVCAR3_2");
            raw.put(c[1], Double.parseDouble(c[2]));
        }
        double pos = 0;
        double vehicle = 0;
        for (String row : List.of("A", "H")) {
            for (String col : List.of("09", "10", "11", "12")) {
                pos += raw.get(row + col) / 8;
            }
            for (int c = 5; c <= 8; c++) {
                vehicle += raw.get(row + "0" + c) / 20;
            }
        }
        for (String row : List.of("B", "C", "D", "E", "F", "G")) {
            vehicle += (raw.get(row + "01") + raw.get(row + "12")) / 20;
        }
        double want = 100 - 100 * (raw.get("G11") - pos) / (vehicle - pos);
        Map<String, String> g11 = csv(out.resolve("responses.csv")).stream()
                .filter(m ->
                        m.get("plate").equals("CTG3D_OVCAR3_2") && m.get("well").equals("G11"))
                .findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(g11.get("response"))).isCloseTo(want, within(1e-9));
        assertThat(g11.get("inhibition_percent")).isEqualTo(g11.get("response"));
        assertThat(g11.get("conc1")).isEqualTo("128");
        assertThat(g11.get("conc2")).isEqualTo("1");
        assertThat(Files.readString(out.resolve("warnings.txt"))).contains("normalization positive-vehicle");
    }

    @Test
    void plate_blockByPlate_oneBlockPerPlate() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("ctg3d_cisplatin_vs4718_long.csv").toString(),
                "--map",
                res("ctg3d_map.csv").toString(),
                "--out",
                out.toString(),
                "--block-by",
                "plate");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(csv(out.resolve("responses.csv")).stream()
                        .map(m -> m.get("block_id"))
                        .distinct())
                .containsExactly("CTG3D_OVCAR3_1:cisplatin+VS-4718", "CTG3D_OVCAR3_2:cisplatin+VS-4718");
        SynergyCommandTest.Run bad = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("ctg3d_cisplatin_vs4718_long.csv").toString(),
                "--map",
                res("ctg3d_map.csv").toString(),
                "--out",
                tmp.resolve("bad").toString(),
                "--block-by",
                "well");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err().strip()).isEqualTo("error: block-by must be drugs or plate, was well");
    }
}
