package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Splits a CSV line without quoted commas in the columns the tests read. */
    private static List<String> header(String csv) {
        return Arrays.asList(csv.split("\n")[0].split(","));
    }

    @Test
    void evidence_defactinibLgsocOrr_printsCsvWithExactIntervals() {
        assertThat(run("evidence", "--drug", "defactinib", "--indication", "LGSOC", "--endpoint", "ORR"))
                .isZero();
        String csv = out.toString();
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(11); // header + 10 records
        List<String> h = header(csv);
        assertThat(h).startsWith("id", "seed", "ref", "study").contains("exact_lower", "exact_upper");
        String frame = Arrays.stream(lines)
                .filter(l -> l.startsWith("S4-01,"))
                .findFirst()
                .orElseThrow();
        assertThat(frame).contains("NCT03875820").contains(",42.3,%,11,26,");
        // the quote column holds commas, so read the derived columns from the end of the row
        String[] cells = frame.split(",");
        int k = cells.length;
        assertThat(cells[k - 1]).isEqualTo("true"); // percent_matches_count
        assertThat(Double.parseDouble(cells[k - 2])).isEqualTo(0.95);
        // binom.test(11, 26)$conf.int (R, ../shared/reference/survival/orr_exact.csv)
        assertThat(Double.parseDouble(cells[k - 6])).isCloseTo(0.23352198312744346098, within(1e-15));
        assertThat(Double.parseDouble(cells[k - 5])).isCloseTo(0.63081961907603346, within(1e-15));
        // a record without n/N gets NA for derived numbers
        String ramp = Arrays.stream(lines)
                .filter(l -> l.startsWith("S1-05,"))
                .findFirst()
                .orElseThrow();
        assertThat(ramp).endsWith(",NA,NA,NA,NA,NA,NA,NA");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void evidence_jsonToFile_writesOnlyTheFile() throws IOException {
        Path file = tmp.resolve("sub/ev.json");
        assertThat(run(
                        "evidence",
                        "--endpoint",
                        "ORR",
                        "--drug",
                        "gemcitabine",
                        "--format",
                        "json",
                        "--out",
                        file.toString()))
                .isZero();
        assertThat(out.toString()).isEmpty();
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).startsWith("[\n  {\"id\": \"S2-15\"");
        assertThat(json).contains("\"n\": 10, \"N\": 12").contains("\"percent_matches_count\": true");
        assertThat(json).contains("\"id\": \"S3-05\"").contains("\"nct\": null");
        assertThat(json.strip()).endsWith("}\n]".strip());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void evidence_contrasts_printsDifferences() {
        assertThat(run("evidence", "--contrasts", "--indication", "mesothelioma"))
                .isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("contrast,study,endpoint,unit,arm_a_id");
        assertThat(lines[1])
                .startsWith("S2-COMMAND-PFS,COMMAND,PFS_MEDIAN,months,S2-04,defactinib,monotherapy,4.1,S2-05");
        String[] cells = lines[1].split(",");
        assertThat(cells[12]).isEqualTo("0.1");
        assertThat(cells[14]).isEqualTo("NA"); // no n/N in the seed
    }

    @Test
    void evidence_noMatch_printsHeaderOnly() {
        assertThat(run("evidence", "--drug", "palbociclib")).isZero();
        assertThat(out.toString().split("\n")).hasSize(1);
    }

    @Test
    void evidence_badFormat_exit2() {
        assertThat(run("evidence", "--format", "xml")).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("--format").contains("xml");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void evidence_badModelSystem_exit2() {
        assertThat(run("evidence", "--model-system", "mouse")).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("model_system").contains("mouse");
    }
}
