package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real raw cell counts: the A549 trays of cran/mixlow (topotecan, vincristine), rebuilt as plate
 * grids by {@code plate/real/make_mixlow_trays.py}. Every normalised value is checked against the
 * original long table (an independent path: tray, row and column from its source column).
 */
class PlateRealDataTest {
    private static final Pattern SOURCE = Pattern.compile("tray=(\\w+?_tr\\d).*row=(\\d+) col=(\\d+)");

    @TempDir
    Path tmp;

    private Path res(String name) throws Exception {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/plate/real/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"topotecan, topo, 1, topo_tr3", "vincristine, vin, 0, ''"})
    void plate_mixlowTrays_viabilityIsCountOverTrayVehicleMean(String drug, String kind, int exit, String excludedTray)
            throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("mixlow_" + drug + "_trays.csv").toString(),
                "--map",
                res("mixlow_" + drug + "_map.csv").toString(),
                "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(exit);
        // Raw counts by tray and well from the original long table.
        Map<String, Map<String, Double>> raw = new HashMap<>();
        List<String> lines = Files.readAllLines(res("mixlow_A549_topotecan_vincristine_ray_long.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] c = PlateCommandTest.split(l);
            Matcher m = SOURCE.matcher(c[9]);
            assertThat(m.find()).isTrue();
            String well = (char) ('A' + Integer.parseInt(m.group(2)) - 1) + m.group(3);
            raw.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(well, Double.parseDouble(c[5]));
        }
        List<String> resp = Files.readAllLines(out.resolve("responses.csv"));
        int used = 3 - (excludedTray.isEmpty() ? 0 : 1);
        // 60 sample wells plus the 12 vehicle wells as the zero-dose points of each tray.
        assertThat(resp).hasSize(1 + used * 72);
        double worst = 0;
        for (String l : resp.subList(1, resp.size())) {
            String[] c = PlateCommandTest.split(l);
            String tray = c[7];
            Map<String, Double> t = raw.get(tray);
            double vehicle = 0;
            for (char row = 'A'; row <= 'F'; row++) {
                vehicle += (t.get(row + "1") + t.get(row + "2")) / 12;
            }
            double want = 100 * t.get(c[8]) / vehicle;
            worst = Math.max(worst, Math.abs(Double.parseDouble(c[5]) - want));
        }
        assertThat(worst).as("worst |response - 100 count / vehicle mean|").isLessThan(1e-9);
        if (!excludedTray.isEmpty()) {
            // topo_tr3: vehicle counts vary by 22.5 % and the outer ring reads low; computed by hand below.
            assertThat(r.err()).contains("excluded: plate " + excludedTray + ": failed QC (cv_vehicle, edge_effect)");
            Map<String, Double> t = raw.get(excludedTray);
            List<Double> v = new ArrayList<>();
            for (char row = 'A'; row <= 'F'; row++) {
                v.add(t.get(row + "1"));
                v.add(t.get(row + "2"));
            }
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double cv = 100 * Math.sqrt(ss / (v.size() - 1)) / mean;
            String qc = Files.readString(out.resolve("qc.csv"));
            String row = qc.lines()
                    .filter(x -> x.startsWith(excludedTray + ",cv_vehicle,"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Double.parseDouble(row.split(",")[2])).isCloseTo(cv, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(row).contains(",fail,");
        }
        assertThat(r.err())
                .contains("warning: plate " + kind + "_tr1: no measured blank wells; signals used without"
                        + " blank subtraction (blank = 0)");
    }

    @org.junit.jupiter.api.Test
    void plate_dropOutliers_realTrays_flaggedRowsLeftOut() throws Exception {
        Path kept = tmp.resolve("kept");
        Path dropped = tmp.resolve("dropped");
        String plates = res("mixlow_topotecan_trays.csv").toString();
        String map = res("mixlow_topotecan_map.csv").toString();
        SynergyCommandTest.run("plate", "--plates", plates, "--map", map, "--out", kept.toString());
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate", "--plates", plates, "--map", map, "--out", dropped.toString(), "--drop-outliers");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL);
        List<String> all = Files.readAllLines(kept.resolve("responses.csv"));
        // topo_tr1: D3, E8 (modified z > 3.5 within their dose groups); topo_tr2: A2 (vehicle).
        List<String> flagged = all.stream().filter(l -> l.endsWith(",outlier")).toList();
        assertThat(flagged)
                .extracting(l -> PlateCommandTest.split(l)[7] + ":" + PlateCommandTest.split(l)[8])
                .containsExactlyInAnyOrder("topo_tr1:D3", "topo_tr1:E8", "topo_tr2:A2");
        List<String> rest = Files.readAllLines(dropped.resolve("responses.csv"));
        assertThat(rest).hasSize(all.size() - 3).noneMatch(l -> l.endsWith(",outlier"));
    }

    @org.junit.jupiter.api.Test
    void plate_analyzeSingleAgentTrays_curveInSingleAgentFolder() throws Exception {
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run(
                "plate",
                "--plates",
                res("mixlow_topotecan_trays.csv").toString(),
                "--map",
                res("mixlow_topotecan_map.csv").toString(),
                "--out",
                out.toString(),
                "--analyze");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.EXIT_PARTIAL); // topo_tr3 fails QC
        assertThat(r.err()).doesNotContain("not fitted");
        assertThat(out.resolve("fit")).doesNotExist();
        List<String> curves = Files.readAllLines(out.resolve("single_agent/curves.csv"));
        assertThat(curves).hasSize(2);
        String[] c = PlateCommandTest.split(curves.get(1));
        assertThat(c[0]).isEqualTo("topotecan");
        assertThat(c[2]).isEqualTo("LL.4");
        // 2 trays x (60 + 12 vehicle) wells; IC50 inside the tested range 0.00153-50 ug/ml.
        assertThat(c[15]).isEqualTo("144");
        assertThat(Double.parseDouble(c[8])).isBetween(0.00153, 50.0);
        assertThat(Double.parseDouble(c[10])).isLessThan(Double.parseDouble(c[8]));
        assertThat(Double.parseDouble(c[11])).isGreaterThan(Double.parseDouble(c[8]));
        assertThat(c[16]).isEqualTo("ug/ml");
    }
}
