package org.comboscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.survival.ConfType;
import org.comboscope.core.survival.CoxFit;
import org.comboscope.core.survival.CoxModel;
import org.comboscope.core.survival.CoxTerm;
import org.comboscope.core.survival.KaplanMeier;
import org.comboscope.core.survival.KmCurve;
import org.comboscope.core.survival.LogRank;
import org.comboscope.core.survival.LogRankResult;
import org.comboscope.core.survival.QuantileEstimate;
import org.comboscope.core.survival.SurvivalEstimate;
import org.comboscope.core.survival.SurvivalSample;
import org.comboscope.core.survival.Ties;
import org.comboscope.io.survival.EventCoding;
import org.comboscope.io.survival.SurvivalCsvReader;
import org.comboscope.io.survival.SurvivalTable;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportFiles;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.plot.KmPlot;
import org.comboscope.report.survival.SurvivalReport;
import org.comboscope.report.synergy.PlotFormat;
import org.jfree.chart.JFreeChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope survival}: Kaplan–Meier, medians, log-rank and Cox, as R survival 3.5. */
@Command(
        name = "survival",
        mixinStandardHelpOptions = true,
        description = {
            "Time-to-event analysis that reproduces R survival 3.5: Kaplan-Meier curves with Greenwood standard"
                    + " errors and pointwise 95%% CIs, medians with Brookmeyer-Crowley CIs (print.survfit), the"
                    + " log-rank test (survdiff) and a Cox model on the group (coxph, first group = reference).",
            "Writes DIR/km.csv, DIR/median.csv, DIR/followup.csv (median follow-up by reverse Kaplan-Meier) and,"
                    + " with two or more groups, DIR/logrank.csv and DIR/cox.csv; DIR/warnings.txt explains any NA;"
                    + " with --plots DIR/plots/km.svg|png; with --times DIR/survival_at.csv; with --report"
                    + " DIR/report.html and DIR/report.pdf.",
            "Groups are ordered by their sorted labels, as R orders factor levels."
        })
final class SurvivalCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "CSV/TSV file with a header row.")
    Path input;

    @Option(names = "--time", required = true, description = "Column with follow-up times (>= 0, any unit).")
    String timeColumn;

    @Option(names = "--event", required = true, description = "Column with the event indicator (see --event-coding).")
    String eventColumn;

    @Option(
            names = "--group",
            description = "Column with the group (arm). Without it all rows form one group 'all' and no test is run.")
    String groupColumn;

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @Option(
            names = "--conf-type",
            split = ",",
            description = "CI types for km.csv and median.csv: log (R's default), log-log, plain; comma-separated."
                    + " Default: all three, as the R references hold.")
    List<String> confTypes = List.of("log", "log-log", "plain");

    @Option(
            names = "--ties",
            split = ",",
            description = "Cox tie handling: efron (R's default), breslow (SAS); comma-separated. Default: both.")
    List<String> ties = List.of("efron", "breslow");

    @Option(
            names = "--event-coding",
            defaultValue = "auto",
            description = "01 (0 = censored, 1 = event; TRUE/FALSE too), 12 (1 = censored, 2 = event, as R's lung"
                    + " status), or auto (R's Surv rule: 1/2 if any value is 2). Default: ${DEFAULT-VALUE}.")
    String eventCoding;

    @Option(
            names = "--plots",
            defaultValue = "",
            description = "Static Kaplan-Meier plot formats written to DIR/plots/km.svg|png: svg, png or svg,png"
                    + " (curves with the CI band of the first --conf-type, censor marks, numbers at risk)."
                    + " Default: none.")
    String plots;

    @Option(
            names = "--time-unit",
            defaultValue = "",
            description = "Unit of --time shown on the plot's time axis, e.g. days. Default: none.")
    String timeUnit;

    @Option(
            names = "--times",
            split = ",",
            description = "Fixed times for survival estimates with CIs (e.g. 12 for 12-week PFS), comma-separated:"
                    + " written to DIR/survival_at.csv and shown in the report.")
    List<Double> times = List.of();

    @Option(
            names = "--report",
            description = "Also write DIR/report.html (self-contained) and DIR/report.pdf: KM plot with numbers at"
                    + " risk, medians with CIs, survival at --times, log-rank and Cox tables.")
    boolean report;

    @Option(
            names = "--covariates",
            split = ",",
            description = "Numeric columns added to the Cox model (e.g. age,ph.ecog): coxph(Surv ~ group + age +"
                    + " ph.ecog). Rows with a missing covariate (NA or empty) are left out of the Cox model"
                    + " only, as R's na.omit does (counted in warnings.txt).")
    List<String> covariates = new ArrayList<>();

    @Option(
            names = "--strata",
            description = "Column of strata: adds DIR/logrank_stratified.csv, the stratified log-rank test of the"
                    + " groups (R: survdiff(Surv ~ group + strata(COL))).")
    String strataColumn;

    @Override
    public Integer call() throws IOException {
        Set<PlotFormat> plotFormats = PlotFormat.parseList(plots);
        double[] at = new double[times.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = times.get(i);
            if (!Double.isFinite(at[i]) || at[i] < 0) {
                throw new org.comboscope.core.error.InvalidInputException(
                        "times", times.get(i), "must be finite and >= 0");
            }
        }
        List<ConfType> types = new ArrayList<>();
        for (String t : confTypes) {
            types.add(ConfType.parse(t));
        }
        List<Ties> tieMethods = new ArrayList<>();
        for (String t : ties) {
            tieMethods.add(Ties.parse(t));
        }
        EventCoding coding = EventCoding.parse(eventCoding);
        SurvivalTable table = new SurvivalCsvReader(timeColumn, eventColumn, groupColumn, coding).read(input);
        Map<String, SurvivalSample> groups = table.groups();
        SurvivalCsvReader.CoxRows coxRows = covariates.isEmpty()
                ? null
                : new SurvivalCsvReader(timeColumn, eventColumn, groupColumn, coding).readCoxRows(input, covariates);

        List<String> warnings = new ArrayList<>();
        int exit = Main.EXIT_OK;
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            writeKm(dir, types, groups, warnings);
            writeMedians(dir, types, groups);
            writeFollowUp(dir, groups, warnings);
            if (groupColumn != null) {
                if (groups.size() < 2) {
                    report("log-rank and Cox need two or more groups; column '" + groupColumn + "' has only "
                            + groups.keySet() + " (logrank.csv and cox.csv not written)");
                    warnings.add("logrank.csv, cox.csv: not written, fewer than two groups");
                    exit = Main.EXIT_PARTIAL;
                } else {
                    writeLogRank(dir, groups);
                    if (strataColumn != null) {
                        writeStratifiedLogRank(dir, new ArrayList<>(groups.keySet()));
                    }
                    exit = Math.max(exit, writeCox(dir, tieMethods, groups, coxRows, warnings));
                }
            } else if (coxRows != null) {
                exit = Math.max(exit, writeCox(dir, tieMethods, groups, coxRows, warnings));
            }
            if (!warnings.isEmpty()) {
                try (Writer w = dir.writer("warnings.txt")) {
                    for (String s : new LinkedHashSet<>(warnings)) {
                        w.write(s);
                        w.write('\n');
                    }
                }
            }
            if (at.length > 0) {
                writeSurvivalAt(dir, types, groups, at);
            }
            if (report) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put("time", timeColumn);
                p.put("event", eventColumn);
                p.put("group", groupColumn == null ? "(none)" : groupColumn);
                p.put("event_coding", table.coding().label());
                p.put("conf_type", types.get(0).label());
                p.put("ties", String.join(",", ties));
                if (at.length > 0) {
                    p.put("times", times.toString().replaceAll("[\\[\\] ]", ""));
                }
                if (!timeUnit.isBlank()) {
                    p.put("time_unit", timeUnit);
                }
                ReportDoc doc = SurvivalReport.build(
                        SynergyOptions.provenance(input, p),
                        groups,
                        new SurvivalReport.Options(types.get(0), at, tieMethods, timeUnit, groupColumn != null),
                        new ArrayList<>(new LinkedHashSet<>(warnings)));
                ReportFiles.write(doc, dir, true, plotFormats);
            } else if (!plotFormats.isEmpty()) {
                writePlots(dir, plotFormats, types.get(0), groups);
            }
            dir.commit();
        }
        spec.commandLine()
                .getOut()
                .println("survival: " + table.rows() + " subjects in " + groups.size() + " group(s), event coding "
                        + table.coding().label() + "; wrote " + out);
        return exit;
    }

    private void report(String message) {
        spec.commandLine().getErr().println("warning: " + message);
    }

    private static void writeKm(
            OutputDirectory dir, List<ConfType> types, Map<String, SurvivalSample> groups, List<String> warnings)
            throws IOException {
        try (Writer w = dir.writer("km.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "conf_type",
                                "group",
                                "time",
                                "n_risk",
                                "n_event",
                                "n_censor",
                                "surv",
                                "std_err",
                                "lower",
                                "upper"))) {
            for (ConfType type : types) {
                for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
                    KmCurve km = KaplanMeier.fit(g.getValue(), type);
                    for (int i = 0; i < km.size(); i++) {
                        t.text(type.label())
                                .text(g.getKey())
                                .num(km.time(i))
                                .integer(km.nRisk(i))
                                .integer(km.nEvent(i))
                                .integer(km.nCensor(i))
                                .num(km.surv(i))
                                .num(km.stdErr(i))
                                .num(km.lower(i))
                                .num(km.upper(i));
                        t.end();
                        if (km.stdErr(i).isEmpty()) {
                            warnings.add("km.csv: std_err is NA once the curve reaches 0 (Greenwood variance is"
                                    + " infinite when every subject at risk has the event)");
                        }
                        if (km.lower(i).isEmpty()) {
                            warnings.add("km.csv: " + type.label() + " CI is NA where it is undefined ("
                                    + (type == ConfType.LOG_LOG ? "survival 0 or 1" : "survival 0") + ")");
                        }
                    }
                }
            }
        }
    }

    private void writePlots(
            OutputDirectory dir, Set<PlotFormat> formats, ConfType type, Map<String, SurvivalSample> groups)
            throws IOException {
        Map<String, KmCurve> curves = new LinkedHashMap<>();
        for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
            curves.put(g.getKey(), KaplanMeier.fit(g.getValue(), type));
        }
        JFreeChart chart = KmPlot.chart(curves, timeUnit);
        int height = KmPlot.heightPt(curves.size());
        for (PlotFormat f : formats) {
            Path file = dir.path("plots/km." + f.extension());
            if (f == PlotFormat.SVG) {
                ChartFiles.writeSvg(chart, KmPlot.WIDTH_PT, height, file);
            } else {
                ChartFiles.writePng(chart, KmPlot.WIDTH_PT, height, file);
            }
        }
    }

    private static void writeSurvivalAt(
            OutputDirectory dir, List<ConfType> types, Map<String, SurvivalSample> groups, double[] at)
            throws IOException {
        try (Writer w = dir.writer("survival_at.csv");
                CsvTable t = CsvTable.csv(
                        w, List.of("conf_type", "group", "time", "n_risk", "surv", "std_err", "lower", "upper"))) {
            for (ConfType type : types) {
                for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
                    KmCurve km = KaplanMeier.fit(g.getValue(), type);
                    double last = km.time(km.size() - 1);
                    for (double time : at) {
                        t.text(type.label()).text(g.getKey()).num(time);
                        if (time > last) {
                            // beyond the last follow-up the curve is not defined (R gives no row)
                            t.num(Double.NaN)
                                    .num(Double.NaN)
                                    .num(Double.NaN)
                                    .num(Double.NaN)
                                    .num(Double.NaN);
                        } else {
                            SurvivalEstimate e = km.at(time);
                            t.integer(e.nRisk())
                                    .num(e.surv())
                                    .num(e.stdErr())
                                    .num(e.lower())
                                    .num(e.upper());
                        }
                        t.end();
                    }
                }
            }
        }
    }

    private static void writeMedians(OutputDirectory dir, List<ConfType> types, Map<String, SurvivalSample> groups)
            throws IOException {
        try (Writer w = dir.writer("median.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "conf_type",
                                "group",
                                "n",
                                "events",
                                "median",
                                "lower",
                                "upper",
                                "q25_time",
                                "q75_time"))) {
            for (ConfType type : types) {
                for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
                    KmCurve km = KaplanMeier.fit(g.getValue(), type);
                    QuantileEstimate m = km.median();
                    t.text(type.label())
                            .text(g.getKey())
                            .integer(km.n())
                            .integer(km.events())
                            .num(m.estimate())
                            .num(m.lower())
                            .num(m.upper())
                            .num(km.quantile(0.75).estimate())
                            .num(km.quantile(0.25).estimate());
                    t.end();
                }
            }
        }
    }

    private static void writeFollowUp(OutputDirectory dir, Map<String, SurvivalSample> groups, List<String> warnings)
            throws IOException {
        try (Writer w = dir.writer("followup.csv");
                CsvTable t = CsvTable.csv(w, List.of("group", "n", "median_followup", "lower", "upper"))) {
            for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
                QuantileEstimate m = KaplanMeier.medianFollowUp(g.getValue(), ConfType.LOG);
                if (m.estimate().isEmpty() || m.lower().isEmpty() || m.upper().isEmpty()) {
                    warnings.add("followup.csv: NA where the reverse Kaplan-Meier curve (censorings as events) or"
                            + " its CI never falls to 0.5, i.e. too few subjects were censored");
                }
                t.text(g.getKey())
                        .integer(g.getValue().size())
                        .num(m.estimate())
                        .num(m.lower())
                        .num(m.upper());
                t.end();
            }
        }
    }

    private static void writeLogRank(OutputDirectory dir, Map<String, SurvivalSample> groups) throws IOException {
        LogRankResult r = LogRank.test(groups);
        try (Writer w = dir.writer("logrank.csv");
                CsvTable t = CsvTable.csv(w, List.of("chisq", "df", "p"))) {
            t.num(r.chisq()).integer(r.df()).num(r.p());
            t.end();
        }
    }

    private int writeCox(
            OutputDirectory dir,
            List<Ties> tieMethods,
            Map<String, SurvivalSample> groups,
            SurvivalCsvReader.CoxRows coxRows,
            List<String> warnings)
            throws IOException {
        if (coxRows != null && coxRows.droppedRows() > 0) {
            warnings.add("cox.csv: " + coxRows.droppedRows() + " row(s) left out of the Cox model for a missing"
                    + " covariate (" + String.join(", ", coxRows.covariateNames()) + ")");
        }
        int exit = Main.EXIT_OK;
        try (Writer w = dir.writer("cox.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "ties",
                                "term",
                                "coef",
                                "se",
                                "hr",
                                "hr_lower",
                                "hr_upper",
                                "wald_p",
                                "score_test",
                                "lr_test",
                                "score_p",
                                "lr_p",
                                "iterations"))) {
            for (Ties ties : tieMethods) {
                CoxFit fit;
                try {
                    fit = coxRows == null
                            ? CoxModel.fitGroups("group", groups, ties)
                            : fitWithCovariates(new ArrayList<>(groups.keySet()), coxRows, ties);
                } catch (FitFailureException e) {
                    report("Cox model (" + ties.label() + ") not fitted: " + e.getMessage());
                    warnings.add("cox.csv: no rows for ties = " + ties.label() + ": " + e.getMessage());
                    exit = Main.EXIT_PARTIAL;
                    continue;
                }
                if (!fit.converged()) {
                    report("Cox model (" + ties.label() + ") did not converge in " + fit.iterations()
                            + " iterations; a coefficient may be infinite (e.g. a group without events)");
                    warnings.add("cox.csv: ties = " + ties.label() + " did not converge; estimates unreliable");
                    exit = Main.EXIT_PARTIAL;
                }
                for (CoxTerm term : fit.terms()) {
                    t.text(ties.label())
                            .text(term.name())
                            .num(term.coef())
                            .num(term.se())
                            .num(term.hr())
                            .num(term.hrLower())
                            .num(term.hrUpper())
                            .num(term.waldP())
                            .num(fit.scoreTest())
                            .num(fit.lrTest())
                            .num(fit.scoreP())
                            .num(fit.lrP())
                            .integer(fit.iterations());
                    t.end();
                }
            }
        }
        return exit;
    }

    /**
     * {@code coxph(Surv(time, event) ~ group + covariates)}: treatment contrasts for the group (first
     * level the reference, terms named {@code group<level>} as {@link CoxModel#fitGroups} names them),
     * then the covariates under their column names.
     */
    private static CoxFit fitWithCovariates(List<String> levels, SurvivalCsvReader.CoxRows rows, Ties ties) {
        int n = rows.time().length;
        int g = levels.size() > 1 ? levels.size() - 1 : 0;
        int p = g + rows.covariateNames().size();
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            int level = levels.indexOf(rows.groups().get(i));
            if (level > 0) {
                x[i][level - 1] = 1;
            }
            System.arraycopy(
                    rows.covariates()[i], 0, x[i], g, rows.covariateNames().size());
        }
        List<String> names = new ArrayList<>();
        for (int k = 1; k < levels.size(); k++) {
            names.add("group" + levels.get(k));
        }
        names.addAll(rows.covariateNames());
        return CoxModel.fit(rows.time(), rows.event(), x, names, ties);
    }

    /** {@code logrank_stratified.csv}: groups compared within each stratum, scores and variances summed. */
    private void writeStratifiedLogRank(OutputDirectory dir, List<String> levels) throws IOException {
        SurvivalCsvReader.CoxRows rows = new SurvivalCsvReader(
                        timeColumn, eventColumn, groupColumn, EventCoding.parse(eventCoding))
                .readCoxRows(input, List.of(), strataColumn);
        Map<String, Map<String, List<Integer>>> byStratum = new java.util.TreeMap<>();
        for (int i = 0; i < rows.time().length; i++) {
            byStratum
                    .computeIfAbsent(rows.strata().get(i), k -> new LinkedHashMap<>())
                    .computeIfAbsent(rows.groups().get(i), k -> new ArrayList<>())
                    .add(i);
        }
        List<Map<String, SurvivalSample>> strata = new ArrayList<>();
        for (Map<String, List<Integer>> groupsInStratum : byStratum.values()) {
            Map<String, SurvivalSample> m = new LinkedHashMap<>();
            for (String level : levels) {
                List<Integer> idx = groupsInStratum.get(level);
                if (idx == null) {
                    continue;
                }
                double[] t = new double[idx.size()];
                boolean[] d = new boolean[idx.size()];
                for (int k = 0; k < t.length; k++) {
                    t[k] = rows.time()[idx.get(k)];
                    d[k] = rows.event()[idx.get(k)];
                }
                m.put(level, new SurvivalSample(t, d));
            }
            strata.add(m);
        }
        LogRankResult r = LogRank.stratified(strata);
        try (Writer w = dir.writer("logrank_stratified.csv");
                CsvTable t = CsvTable.csv(w, List.of("strata_column", "n_strata", "chisq", "df", "p"))) {
            t.text(strataColumn)
                    .integer(byStratum.size())
                    .num(r.chisq())
                    .integer(r.df())
                    .num(r.p());
            t.end();
        }
    }
}
