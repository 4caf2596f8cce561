package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvivoCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String res(String name) {
        try {
            return Path.of(InvivoCommandTest.class
                            .getResource("/invivo/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static List<String[]> csv(Path p) throws Exception {
        return Files.readAllLines(p).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void invivo_cr1197_writesTheFourContractFilesMatchingSynergyLmm() throws Exception {
        Path dir = tmp.resolve("out");
        int code = run(
                "invivo", "--input", res("cr1197_long.csv"), "--arms", res("cr1197_arms.csv"), "--out", dir.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);

        List<String[]> summary = csv(dir.resolve("group_day_summary.csv"));
        assertThat(String.join(",", summary.get(0)))
                .isEqualTo("group,role,day,day_since_start,n,mean,sd,sem,median,min,max");
        assertThat(summary).hasSize(46);
        assertThat(summary.get(1)).startsWith("Vehicle", "vehicle", "33", "0", "10");

        List<String[]> tgi = csv(dir.resolve("tgi.csv"));
        assertThat(String.join(",", tgi.get(0)))
                .startsWith("day,day_since_start,group,role,n_T,n_C,mean_T,mean_C,TGI_pct,T_over_C_pct");
        assertThat(tgi).hasSize(25);
        assertThat(tgi.get(1)[8]).isEqualTo("NA");

        List<String[]> rates = csv(dir.resolve("growth_rates.csv"));
        assertThat(String.join(",", rates.get(0))).startsWith("group,role,rate,se,sd_ranef,sd_resid");
        List<String[]> ref = csv(Path.of(res("cr1197_exp_estimates.csv")));
        for (int g = 0; g < 4; g++) {
            assertThat(Double.parseDouble(rates.get(g + 1)[2]))
                    .isCloseTo(Double.parseDouble(ref.get(1)[2 * g]), within(1e-9));
        }

        List<String[]> syn = csv(dir.resolve("synergy.csv"));
        assertThat(String.join(",", syn.get(0))).isEqualTo("Model,Metric,Estimate,lwr,upr,pval,Time");
        List<String[]> bliss = csv(Path.of(res("cr1197_exp_synergy_Bliss.csv")));
        List<String[]> ourBliss = syn.stream().filter(r -> r[0].equals("Bliss")).toList();
        assertThat(ourBliss).hasSize(bliss.size() - 1);
        for (int i = 0; i < ourBliss.size(); i++) {
            String[] r = bliss.get(i + 1);
            assertThat(ourBliss.get(i)[1]).isEqualTo(r[1].replace("\"", ""));
            assertThat(Double.parseDouble(ourBliss.get(i)[6])).isEqualTo(Double.parseDouble(r[6]));
            for (int c = 2; c <= 5; c++) {
                double e = Double.parseDouble(r[c]);
                assertThat(Double.parseDouble(ourBliss.get(i)[c]))
                        .isCloseTo(e, within(1e-5 * Math.max(1, Math.abs(e))));
            }
        }
        assertThat(syn.stream().filter(r -> r[0].equals("HSA"))).hasSize(28);
        assertThat(syn.stream().filter(r -> r[0].equals("RA"))).hasSize(28);
        assertThat(Files.readString(dir.resolve("warnings.txt"))).contains("CR1197_m29 day 71.0 dropped: volume 0");

        // invivoSyn's CombPDX global Bliss CI for CR1197 (reference/invivo/CR1197/invivosyn/global_CI_synergy.csv).
        String[] global = csv(dir.resolve("invivosyn.csv")).stream()
                .filter(r -> r[0].equals("CombPDX_global") && r[1].equals("Bliss"))
                .findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(global[4])).isCloseTo(0.24270558521488728, within(1e-12));
    }

    @Test
    void invivo_multiArmWithoutDesign_exitsTwoAndWritesNothing() {
        Path dir = tmp.resolve("none");
        int code = run(
                "invivo",
                "--input",
                res("mas98_multiarm_long.csv"),
                "--arms",
                res("mas98_multiarm_arms.csv"),
                "--out",
                dir.toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString())
                .contains("--design must name one combination group when the arms file has several designs: "
                        + "[EGF_Fulv, Fulv_Trast, Her_Fulv, Her_Trast]");
        assertThat(dir).doesNotExist();
    }

    @Test
    void invivo_multiArmDesignWithUnmeasuredEarlyTime_reportsSkippedTimesAndExitsOne() throws Exception {
        Path dir = tmp.resolve("mas");
        int code = run(
                "invivo",
                "--input",
                res("mas98_multiarm_long.csv"),
                "--arms",
                res("mas98_multiarm_arms.csv"),
                "--out",
                dir.toString(),
                "--design",
                "Her_Trast",
                "--methods",
                "bliss,hsa");
        // SynergyLMM's refit at re-based time 2 fails (only two arms measured); we skip it and report.
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(err.toString()).contains("synergy at time 2.0 not computed");
        assertThat(csv(dir.resolve("synergy.csv")).stream().filter(r -> r[6].equals("2")))
                .isEmpty();
        assertThat(csv(dir.resolve("synergy.csv")).stream().filter(r -> r[6].equals("28")))
                .hasSize(4);
    }

    @Test
    void invivo_gompertzModel_writesR0AsRateAndSimulatedSynergy() throws Exception {
        Path dir = tmp.resolve("g");
        int code = run(
                "invivo",
                "--input",
                res("cr1197_long.csv"),
                "--arms",
                res("cr1197_arms.csv"),
                "--out",
                dir.toString(),
                "--model",
                "gompertz",
                "--methods",
                "bliss");
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        List<String[]> rates = csv(dir.resolve("growth_rates.csv"));
        assertThat(String.join(",", rates.get(0))).startsWith("group,role,rate,se,sd_ranef,sd_resid,rho,se_rho");
        // nlme's r0 of the vehicle arm (gompertz_estimates.csv), within the 5e-4 golden tolerance.
        assertThat(Double.parseDouble(rates.get(1)[2]))
                .isCloseTo(0.18927255353789008, within(0.18927255353789008 * 5e-4));
        List<String[]> syn = csv(dir.resolve("synergy.csv"));
        assertThat(syn).hasSize(1 + 28);
        assertThat(syn.stream().skip(1).allMatch(r -> r[0].equals("Bliss"))).isTrue();

        List<String[]> diag = csv(dir.resolve("diagnostics.csv"));
        List<String> head = List.of(diag.get(0));
        assertThat(head.subList(0, 12))
                .containsExactly(
                        "animal_id",
                        "group",
                        "role",
                        "n_rows",
                        "random_slope",
                        "random_slope_std",
                        "max_abs_pearson_residual",
                        "cooks_distance",
                        "cooks_limit",
                        "outlier",
                        "influential",
                        "reason");
        assertThat(diag.size() - 1).isBetween(30, 60);
        int model = head.indexOf("model");
        int r0 = head.indexOf("random_r0");
        int cook = head.indexOf("cooks_distance");
        for (String[] r : diag.subList(1, diag.size())) {
            assertThat(r[model]).isEqualTo("gompertz");
            assertThat(r[4]).isEqualTo("NA");
            Double.parseDouble(r[r0]);
            if (!r[cook].equals("NA")) {
                assertThat(Double.parseDouble(r[cook])).isNotNegative();
            }
        }
        assertThat(diag.stream().skip(1).filter(r -> !r[cook].equals("NA"))).hasSizeGreaterThan(25);
        List<String[]> qq = csv(dir.resolve("residuals_qq.csv"));
        assertThat(qq).hasSize(341); // the 340 rows the Gompertz model is fitted to
        double sum = 0;
        for (String[] r : qq.subList(1, qq.size())) {
            double y = Double.parseDouble(r[3]);
            double f = Double.parseDouble(r[4]);
            assertThat(Double.parseDouble(r[5])).isCloseTo(y - f, within(1e-12));
            sum += Double.parseDouble(r[5]);
        }
        assertThat(Math.abs(sum / 340)).isLessThan(0.1);
    }

    @Test
    void invivo_threeDrugArmsFile_writesRatesAndTripleSynergy() throws Exception {
        Path dir = tmp.resolve("triple");
        int code = run(
                "invivo",
                "--input",
                res("u87mg_triple_long.csv"),
                "--arms",
                res("u87mg_triple_arms.csv"),
                "--out",
                dir.toString());
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        List<String[]> rates = csv(dir.resolve("growth_rates.csv"));
        assertThat(rates).hasSize(6);
        assertThat(rates.stream().skip(1).map(r -> r[1])).containsExactly("vehicle", "drugA", "drugB", "drugC", "ABC");
        assertThat(rates.get(5)[0]).isEqualTo("Triple");
        List<String[]> syn = csv(dir.resolve("synergy.csv"));
        assertThat(List.of(syn.get(0)))
                .containsExactly(
                        "Model", "Metric", "Estimate", "lwr", "upr", "pval", "Time", "Combination", "Comparator");
        assertThat(syn.stream().skip(1).map(r -> r[0]).distinct()).containsExactly("Bliss", "HSA");
        assertThat(syn.stream().skip(1).allMatch(r -> r[7].equals("ABC"))).isTrue();
        // Bliss CI at the last time = exp((b_ABC - b_A - b_B - b_C + 2 b_V) d), from growth_rates.csv
        double[] b = rates.stream()
                .skip(1)
                .mapToDouble(r -> Double.parseDouble(r[2]))
                .toArray();
        String[] last = syn.stream()
                .filter(r -> r[0].equals("Bliss") && r[1].equals("CI"))
                .reduce((x, y) -> y)
                .orElseThrow();
        double d = Double.parseDouble(last[6]);
        assertThat(Double.parseDouble(last[2]))
                .isCloseTo(Math.exp((b[4] - b[1] - b[2] - b[3] + 2 * b[0]) * d), within(1e-12));
        assertThat(java.nio.file.Files.readString(dir.resolve("warnings.txt"))).contains("RA synergy is not computed");
    }

    @Test
    void invivo_threeDrugWithGompertz_exitsTwo() {
        int code = run(
                "invivo",
                "--input",
                res("u87mg_triple_long.csv"),
                "--arms",
                res("u87mg_triple_arms.csv"),
                "--out",
                tmp.resolve("tg").toString(),
                "--model",
                "gompertz");
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("exp model only");
    }

    @Test
    void invivo_unknownModel_exitsTwo() {
        int code = run(
                "invivo",
                "--input",
                res("cr1197_long.csv"),
                "--arms",
                res("cr1197_arms.csv"),
                "--out",
                tmp.resolve("u").toString(),
                "--model",
                "logistic");
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("--model");
    }

    @Test
    void invivo_badRowInInput_exitsTwoNamingLine() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "study,animal_id,group,day,volume_mm3\nS,m1,Vehicle,0,x\n");
        int code = run(
                "invivo",
                "--input",
                bad.toString(),
                "--arms",
                res("cr1197_arms.csv"),
                "--out",
                tmp.resolve("b").toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("bad.csv:2: column 'volume_mm3'");
        assertThat(tmp.resolve("b")).doesNotExist();
    }

    @Test
    void invivo_cr1197EndpointOutputsAndPlots_consistentTables() throws Exception {
        Path dir = tmp.resolve("endpoint");
        int code = run(
                "invivo",
                "--input",
                res("cr1197_long.csv"),
                "--arms",
                res("cr1197_arms.csv"),
                "--out",
                dir.toString(),
                "--methods",
                "bliss,hsa",
                "--bootstrap",
                "50",
                "--endpoint-volume",
                "1000",
                "--plots",
                "svg,png");
        assertThat(code).as(err.toString()).isEqualTo(Main.EXIT_OK);
        long animals = Files.readAllLines(Path.of(res("cr1197_long.csv"))).stream()
                .skip(1)
                .map(l -> l.split(",")[1])
                .distinct()
                .count();

        List<String[]> ea = csv(dir.resolve("endpoint_animals.csv"));
        assertThat(String.join(",", ea.get(0)))
                .isEqualTo(
                        "endpoint,animal_id,group,role,baseline,threshold,time_days_since_start,event,n_measurements");
        assertThat(ea).hasSize((int) animals + 1);
        assertThat(ea.get(1)[0]).isEqualTo("volume >= 1000");
        long events = ea.stream().skip(1).filter(r -> r[7].equals("1")).count();
        assertThat(events).isPositive();

        List<String[]> km = csv(dir.resolve("endpoint_km.csv"));
        long kmEvents = km.stream().skip(1).mapToLong(r -> Long.parseLong(r[4])).sum();
        assertThat(kmEvents).isEqualTo(events);
        List<String[]> lr = csv(dir.resolve("endpoint_logrank.csv"));
        assertThat(lr).hasSize(7);
        assertThat(lr.get(1)[1]).isEqualTo("all arms");
        assertThat(lr.get(1)[6]).isEqualTo("3");
        assertThat(lr.get(2)[1]).isEqualTo("drugA vs vehicle");
        assertThat(Double.parseDouble(lr.get(2)[8])).isGreaterThanOrEqualTo(Double.parseDouble(lr.get(2)[7]));

        List<String[]> mr = csv(dir.resolve("mrecist.csv"));
        assertThat(mr).hasSize((int) animals + 1);
        List<String[]> counts = csv(dir.resolve("mrecist_counts.csv"));
        assertThat(String.join(",", counts.get(0))).startsWith("group,role,n,mCR,mPR,mSD,mPD,not_evaluable");
        int total = 0;
        for (String[] r : counts.subList(1, counts.size())) {
            int n = Integer.parseInt(r[2]);
            int sum = 0;
            for (int k = 3; k <= 7; k++) {
                sum += Integer.parseInt(r[k]);
            }
            assertThat(sum).as(r[0]).isEqualTo(n);
            total += n;
        }
        assertThat(total).isEqualTo((int) animals);

        List<String[]> cmp = csv(dir.resolve("comparisons.csv"));
        assertThat(cmp).hasSize(1 + 3 * 2 * 5);
        assertThat(cmp.get(1)).startsWith("log_volume", "welch", "drugA vs vehicle", "Cetuximab", "Vehicle");
        assertThat(cmp.stream().skip(1).map(r -> r[0]).distinct()).containsExactly("log_volume", "RTV", "AUC");

        List<String[]> diag = csv(dir.resolve("diagnostics.csv"));
        assertThat(String.join(",", diag.get(0))).contains("cooks_distance", "outlier", "influential");
        assertThat(diag.size() - 1).isBetween(30, (int) animals);
        List<String[]> qq = csv(dir.resolve("residuals_qq.csv"));
        assertThat(qq).hasSize(341); // 340 fitted rows of the SynergyLMM reference

        List<String[]> robust = csv(dir.resolve("synergy_robust_cr2.csv"));
        List<String[]> plain = csv(dir.resolve("synergy.csv"));
        assertThat(robust).hasSize(plain.size());
        // CI point estimates are the model's; only intervals and p change (SynergyLMM robust = TRUE)
        assertThat(robust.get(1)[2]).isEqualTo(plain.get(1)[2]);
        assertThat(robust.get(1)[5]).isNotEqualTo(plain.get(1)[5]);

        for (String name : List.of("spaghetti", "mean_sem", "waterfall", "synergy_ss", "endpoint_km")) {
            assertThat(dir.resolve("plots/" + name + ".svg")).isNotEmptyFile();
            assertThat(dir.resolve("plots/" + name + ".png")).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve("plots/waterfall.svg")))
                .contains("Palbociclib+Cetuximab (combination)");
        assertThat(Files.readString(dir.resolve("plots/synergy_ss.svg"))).contains("Bliss SS ± 95% CI");
    }

    @Test
    void invivo_bothEndpointThresholds_exitsTwo() {
        int code = run(
                "invivo",
                "--input",
                res("cr1197_long.csv"),
                "--arms",
                res("cr1197_arms.csv"),
                "--out",
                tmp.resolve("x").toString(),
                "--endpoint-volume",
                "1000",
                "--endpoint-rtv",
                "4");
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("--endpoint-volume/--endpoint-rtv");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
