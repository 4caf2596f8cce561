package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurvivalCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** {@code survival --input INPUT --time time --event event --group group} plus {@code more}. */
    private int survival(String input, String... more) {
        List<String> args = new ArrayList<>(
                List.of("survival", "--input", input, "--time", "time", "--event", "event", "--group", "group"));
        args.addAll(List.of(more));
        return run(args.toArray(new String[0]));
    }

    private Path resource(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/survival/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lung", "veteran"})
    void survival_realTrialData_outputsDiffCleanAgainstR(String dataset) throws IOException {
        Path input = resource(dataset + "_input.csv");
        Path dir = tmp.resolve("out");
        int code = survival(input.toString(), "--out", dir.toString());
        assertThat(code).as("stderr: %s", err).isEqualTo(Main.EXIT_OK);
        for (String part : List.of("km", "median", "logrank", "cox")) {
            List<List<String>> expected = csv(Files.readString(resource(dataset + "_" + part + ".csv")));
            List<List<String>> actual = csv(Files.readString(dir.resolve(part + ".csv")));
            double worst = compare(expected, actual, part);
            System.out.println("cli " + dataset + " " + part + ".csv: worst relative difference " + worst);
        }
        // Only veteran's curves reach 0, so only it has NA cells to explain.
        if (dataset.equals("veteran")) {
            assertThat(Files.readString(dir.resolve("warnings.txt"))).contains("std_err is NA");
        } else {
            assertThat(dir.resolve("warnings.txt")).content().doesNotContain("std_err is NA");
        }
        assertThat(Files.exists(dir.resolve("followup.csv"))).isTrue();
    }

    /**
     * {@code coxph(Surv(time, status) ~ age + sex, data = lung)} as R survival prints it (the survival
     * package's documented example; here sex is the group column with female as the reference, so the
     * sign of the sex term is R's flipped): age 0.017045 (se 0.009223), sex 0.513219 (se 0.167458),
     * likelihood-ratio test 14.12 on 2 df, p = 0.0008574. Printed values are rounded; the tolerances
     * are half a unit of the last printed digit.
     */
    @Test
    void survival_lungWithAgeCovariate_matchesRsPublishedCoxFit() throws IOException {
        Path input = resource("lung_input.csv");
        Path dir = tmp.resolve("cov");
        int code = survival(input.toString(), "--covariates", "age", "--ties", "efron", "--out", dir.toString());
        assertThat(code).as("stderr: %s", err).isEqualTo(Main.EXIT_OK);
        List<List<String>> cox = csv(Files.readString(dir.resolve("cox.csv")));
        List<String> h = cox.get(0);
        assertThat(cox).hasSize(3);
        assertThat(cox.get(1).get(h.indexOf("term"))).isEqualTo("groupmale");
        assertThat(cox.get(2).get(h.indexOf("term"))).isEqualTo("age");
        assertThat(Double.parseDouble(cox.get(1).get(h.indexOf("coef")))).isCloseTo(0.513219, within(5e-7));
        assertThat(Double.parseDouble(cox.get(1).get(h.indexOf("se")))).isCloseTo(0.167458, within(5e-7));
        assertThat(Double.parseDouble(cox.get(2).get(h.indexOf("coef")))).isCloseTo(0.017045, within(5e-7));
        assertThat(Double.parseDouble(cox.get(2).get(h.indexOf("se")))).isCloseTo(0.009223, within(5e-7));
        assertThat(Double.parseDouble(cox.get(2).get(h.indexOf("lr_test")))).isCloseTo(14.12, within(0.005));
        assertThat(Double.parseDouble(cox.get(2).get(h.indexOf("lr_p")))).isCloseTo(0.0008574, within(5e-8));
    }

    /**
     * Stratified log-rank, {@code survdiff(Surv(time, event) ~ group + strata(ecog.ps))} on the ovarian
     * trial. Expected values from an independent implementation of survdiff's formulas (observed minus
     * expected and hypergeometric variance summed over the distinct event times of each stratum, in
     * plain Python over the same file): stratified 0.7679114189305919, unstratified 1.0627398612914138.
     */
    @Test
    void survival_strata_stratifiedLogRankMatchesIndependentComputation() throws IOException {
        Path input = resource("ovarian_input.csv");
        Path dir = tmp.resolve("strata");
        int code = survival(input.toString(), "--strata", "ecog.ps", "--out", dir.toString());
        assertThat(code).as("stderr: %s", err).isEqualTo(Main.EXIT_OK);
        List<List<String>> s = csv(Files.readString(dir.resolve("logrank_stratified.csv")));
        assertThat(s.get(0)).containsExactly("strata_column", "n_strata", "chisq", "df", "p");
        assertThat(s.get(1).get(1)).isEqualTo("2");
        assertThat(Double.parseDouble(s.get(1).get(2))).isCloseTo(0.7679114189305919, within(1e-12));
        assertThat(s.get(1).get(3)).isEqualTo("1");
        List<List<String>> plain = csv(Files.readString(dir.resolve("logrank.csv")));
        assertThat(Double.parseDouble(plain.get(1).get(0))).isCloseTo(1.0627398612914138, within(1e-12));
    }

    @Test
    void survival_covariateWithMissingAndBadValues_dropsNaRowsAndNamesTheBadCell() throws IOException {
        Path input = tmp.resolve("cov.csv");
        Files.writeString(
                input,
                "time,event,group,age\n5,1,a,60\n8,0,a,NA\n3,1,b,55\n9,1,b,70\n4,1,a,61\n7,0,b,\n6,1,a,58\n2,1,b,66\n");
        Path dir = tmp.resolve("na");
        int code = survival(input.toString(), "--covariates", "age", "--out", dir.toString());
        assertThat(code).as("stderr: %s", err).isIn(Main.EXIT_OK, Main.EXIT_PARTIAL);
        assertThat(Files.readString(dir.resolve("warnings.txt"))).contains("2 row(s) left out of the Cox model");
        Files.writeString(input, "time,event,group,age\n5,1,a,60\n8,0,a,old\n3,1,b,55\n");
        int bad = survival(
                input.toString(),
                "--covariates",
                "age",
                "--out",
                tmp.resolve("bad").toString());
        assertThat(bad).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("cov.csv:3", "age", "'old'");
        assertThat(Files.exists(tmp.resolve("bad"))).isFalse();
    }

    /** Compares the reference columns cell by cell: text exactly, numbers within 1e-9 relative. */
    private static double compare(List<List<String>> expected, List<List<String>> actual, String part) {
        List<String> eh = expected.get(0);
        List<String> ah = actual.get(0);
        assertThat(ah).as(part + " header").containsSubsequence(eh);
        assertThat(actual).as(part + " rows").hasSameSizeAs(expected);
        double worst = 0;
        for (int r = 1; r < expected.size(); r++) {
            for (int c = 0; c < eh.size(); c++) {
                String e = expected.get(r).get(c);
                String a = actual.get(r).get(ah.indexOf(eh.get(c)));
                String where = part + " row " + r + " column " + eh.get(c);
                boolean eNa = e.equals("NA") || e.equals("NaN");
                if (eNa || a.equals("NA")) {
                    assertThat(a).as(where).isEqualTo("NA");
                    assertThat(eNa).as(where).isTrue();
                    continue;
                }
                Double ev = number(e);
                if (ev == null) {
                    assertThat(a).as(where).isEqualTo(e);
                    continue;
                }
                double av = Double.parseDouble(a);
                double d = ev == 0 ? Math.abs(av) : Math.abs(av - ev) / Math.abs(ev);
                assertThat(d).as(where + ": expected " + e + ", was " + a).isLessThanOrEqualTo(1e-9);
                worst = Math.max(worst, d);
            }
        }
        return worst;
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.split(",", -1))
                        .map(s -> s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s)
                        .toList());
            }
        }
        return rows;
    }

    @Test
    void survival_medianConfTypeOnly_writesOnlyThatType() throws IOException {
        Path input = resource("lung_input.csv");
        Path dir = tmp.resolve("out");
        assertThat(survival(input.toString(), "--out", dir.toString(), "--conf-type", "log-log", "--ties", "breslow"))
                .isZero();
        List<List<String>> median = csv(Files.readString(dir.resolve("median.csv")));
        assertThat(median).hasSize(3);
        assertThat(median.get(1).subList(0, 7)).containsExactly("log-log", "female", "90", "53", "426", "345", "524");
        List<List<String>> cox = csv(Files.readString(dir.resolve("cox.csv")));
        assertThat(cox).hasSize(2);
        assertThat(cox.get(1).get(0)).isEqualTo("breslow");
    }

    @Test
    void survival_badEventCode_exit2NothingWritten() throws IOException {
        Path input = tmp.resolve("bad.csv");
        Files.writeString(input, "time,event,group\n5,1,a\n7,3,b\n", StandardCharsets.UTF_8);
        Path dir = tmp.resolve("out");
        int code = survival(input.toString(), "--out", dir.toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString())
                .contains("bad.csv:3: column 'event': event must be 0 (censored) or 1 (event), was '3'");
        assertThat(Files.exists(dir)).isFalse();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
        }
    }

    @Test
    void survival_singleGroup_exit1KmWrittenTestsSkipped() throws IOException {
        Path input = tmp.resolve("one.csv");
        Files.writeString(input, "time,status,arm\n5,2,a\n7,1,a\n9,2,a\n", StandardCharsets.UTF_8);
        Path dir = tmp.resolve("out");
        int code = run(
                "survival",
                "--input",
                input.toString(),
                "--time",
                "time",
                "--event",
                "status",
                "--group",
                "arm",
                "--out",
                dir.toString());
        assertThat(code).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(err.toString()).contains("two or more groups");
        assertThat(Files.exists(dir.resolve("km.csv"))).isTrue();
        assertThat(Files.exists(dir.resolve("logrank.csv"))).isFalse();
        // 1/2 coding detected: events at 5 and 9, censored at 7.
        List<List<String>> km = csv(Files.readString(dir.resolve("km.csv")));
        assertThat(km.get(1).subList(2, 7)).containsExactly("5", "3", "1", "0", "0.6666666666666666");
        assertThat(km.get(3).subList(2, 7)).containsExactly("9", "1", "1", "0", "0");
    }

    @Test
    void survival_unknownConfType_exit2() throws IOException {
        Path input = resource("aml_input.csv");
        int code = survival(input.toString(), "--out", tmp.resolve("o").toString(), "--conf-type", "logit");
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("conf-type").contains("logit");
    }

    private int runLung(Path dir, String... extra) throws IOException {
        Path input = tmp.resolve("lung_input.csv");
        if (!Files.exists(input)) {
            resource("lung_input.csv");
        }
        List<String> args = new ArrayList<>(List.of(
                "survival",
                "--input",
                input.toString(),
                "--time",
                "time",
                "--event",
                "event",
                "--group",
                "group",
                "--out",
                dir.toString()));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void survival_plotsSvgPng_writesKmPlotsAndLeavesTablesUnchanged() throws IOException {
        Path plain = tmp.resolve("plain");
        Path withPlots = tmp.resolve("plots");
        assertThat(runLung(plain)).as("stderr: %s", err).isEqualTo(Main.EXIT_OK);
        assertThat(runLung(withPlots, "--plots", "svg,png", "--time-unit", "days"))
                .as("stderr: %s", err)
                .isEqualTo(Main.EXIT_OK);
        for (String part : List.of("km", "median", "followup", "logrank", "cox")) {
            assertThat(Files.readString(withPlots.resolve(part + ".csv")))
                    .as(part)
                    .isEqualTo(Files.readString(plain.resolve(part + ".csv")));
        }
        assertThat(Files.exists(plain.resolve("plots"))).isFalse();
        String svg = Files.readString(withPlots.resolve("plots/km.svg"));
        assertThat(svg).startsWith("<?xml").contains("Number at risk", "Time (days)", "female", "male");
        java.awt.image.BufferedImage png =
                javax.imageio.ImageIO.read(withPlots.resolve("plots/km.png").toFile());
        long inked = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                inked += (png.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(inked).isGreaterThan((long) png.getWidth() * png.getHeight() / 50);
    }

    @Test
    void survival_badPlotFormat_exit2NothingWritten() throws IOException {
        Path dir = tmp.resolve("out");
        assertThat(runLung(dir, "--plots", "svg,gif")).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("plots").contains("gif");
        assertThat(Files.exists(dir)).isFalse();
    }
}
