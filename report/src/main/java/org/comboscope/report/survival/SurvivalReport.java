package org.comboscope.report.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.ComboscopeException;
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
import org.comboscope.report.doc.Fmt;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportDoc.Figure;
import org.comboscope.report.doc.ReportDoc.Part;
import org.comboscope.report.doc.ReportDoc.Section;
import org.comboscope.report.doc.ReportDoc.Status;
import org.comboscope.report.doc.ReportDoc.Table;
import org.comboscope.report.doc.ReportDoc.Text;
import org.comboscope.report.plot.KmPlot;
import org.comboscope.report.synergy.Provenance;

/**
 * The report of a {@code survival} run: the Kaplan–Meier plot (CI bands, censor marks, numbers
 * at risk) with the numbers-at-risk table, medians with Brookmeyer–Crowley CIs, survival at the
 * requested times, median follow-up, the log-rank test and the Cox model (every tie method
 * requested). Values are those of the CSV outputs (R survival 3.5).
 */
public final class SurvivalReport {
    private SurvivalReport() {}

    /**
     * What to report.
     *
     * @param confType CI type of the plot and the tables
     * @param times fixed times for survival estimates (e.g. 12 for 12-week PFS); may be empty
     * @param ties Cox tie methods, in order
     * @param timeUnit unit of the time column, or blank
     * @param tests whether to run the log-rank test and Cox model (a group column with 2+ groups)
     */
    public record Options(ConfType confType, double[] times, List<Ties> ties, String timeUnit, boolean tests) {
        public Options {
            times = times.clone();
            ties = List.copyOf(ties);
        }

        @Override
        public double[] times() {
            return times.clone();
        }
    }

    public static ReportDoc build(
            Provenance provenance, Map<String, SurvivalSample> groups, Options o, List<String> warnings) {
        Map<String, KmCurve> curves = new LinkedHashMap<>();
        int n = 0;
        int events = 0;
        for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
            KmCurve km = KaplanMeier.fit(g.getValue(), o.confType());
            curves.put(g.getKey(), km);
            n += km.n();
            events += km.events();
        }
        String unit = o.timeUnit() == null || o.timeUnit().isBlank()
                ? ""
                : " (" + o.timeUnit().strip() + ")";
        List<Section> sections = new ArrayList<>();
        sections.add(kmSection(curves, o, unit));
        sections.add(medianSection(groups, curves, o, unit));
        if (o.times().length > 0) {
            sections.add(timesSection(curves, o, unit));
        }
        List<String> notes = new ArrayList<>(warnings);
        if (o.tests() && groups.size() >= 2) {
            sections.add(logRankSection(groups));
            sections.add(coxSection(groups, o, notes));
        }
        String summary = String.format(
                Locale.ROOT,
                "%s · %d subjects, %d events, %d group%s",
                provenance.inputFile(),
                n,
                events,
                groups.size(),
                groups.size() == 1 ? "" : "s");
        List<String> conventions = List.of(
                "Kaplan-Meier estimates with Greenwood standard errors and pointwise "
                        + Math.round(100 * KaplanMeier.DEFAULT_CONF_LEVEL) + "% confidence intervals of type '"
                        + o.confType().label() + "', as R survival 3.5 computes them.",
                "Median and quartiles with Brookmeyer-Crowley intervals (R's print.survfit rule); NA where the"
                        + " curve or its interval never reaches the level.",
                "Hazard ratios compare each group with the first (reference) group, ordered by sorted label as R"
                        + " orders factor levels; HR < 1 = lower hazard than the reference.",
                "Curves use colour-blind-safe colours (Okabe-Ito); tick marks are censored subjects.");
        return new ReportDoc("Survival report", summary, provenance, conventions, sections, notes);
    }

    private static Section kmSection(Map<String, KmCurve> curves, Options o, String unit) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Figure(
                "km",
                "km",
                KmPlot.chart(curves, o.timeUnit()),
                KmPlot.WIDTH_PT,
                KmPlot.heightPt(curves.size()),
                false));
        double max = 0;
        for (KmCurve km : curves.values()) {
            max = Math.max(max, km.time(km.size() - 1));
        }
        double[] times = KmPlot.riskTimes(max);
        List<String> h = new ArrayList<>();
        h.add("Group \\ time" + unit);
        for (double t : times) {
            h.add(Fmt.g(t));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, int[]> e : KmPlot.riskTable(curves).entrySet()) {
            List<String> r = new ArrayList<>();
            r.add(e.getKey());
            for (int v : e.getValue()) {
                r.add(Integer.toString(v));
            }
            rows.add(r);
        }
        parts.add(Table.of("at-risk", "Numbers at risk", h, rows));
        return new Section("km", "Kaplan-Meier estimate", Status.NONE, false, parts);
    }

    private static Section medianSection(
            Map<String, SurvivalSample> groups, Map<String, KmCurve> curves, Options o, String unit) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, KmCurve> e : curves.entrySet()) {
            KmCurve km = e.getValue();
            QuantileEstimate m = km.median();
            QuantileEstimate fu = KaplanMeier.medianFollowUp(groups.get(e.getKey()), ConfType.LOG);
            rows.add(List.of(
                    e.getKey(),
                    Integer.toString(km.n()),
                    Integer.toString(km.events()),
                    Fmt.g(m.estimate()),
                    Fmt.range(m.lower(), m.upper()),
                    Fmt.g(km.quantile(0.75).estimate()),
                    Fmt.g(km.quantile(0.25).estimate()),
                    Fmt.g(fu.estimate())));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(Table.of(
                "medians",
                "",
                List.of(
                        "Group",
                        "n",
                        "events",
                        "median" + unit,
                        "95% CI (" + o.confType().label() + ")",
                        "25th percentile",
                        "75th percentile",
                        "median follow-up"),
                rows));
        parts.add(new Text(
                "Percentiles are times at which survival falls to 75% and 25%. Median follow-up by reverse"
                        + " Kaplan-Meier (censorings counted as events).",
                true));
        return new Section("medians", "Medians", Status.NONE, false, parts);
    }

    private static Section timesSection(Map<String, KmCurve> curves, Options o, String unit) {
        List<List<String>> rows = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        for (double t : o.times()) {
            for (Map.Entry<String, KmCurve> e : curves.entrySet()) {
                KmCurve km = e.getValue();
                double last = km.time(km.size() - 1);
                if (t > last) {
                    rows.add(List.of(
                            Fmt.g(t),
                            e.getKey(),
                            "NA",
                            "NA",
                            "NA",
                            "NA",
                            "beyond the last follow-up time " + Fmt.g(last)));
                    continue;
                }
                SurvivalEstimate s = km.at(t);
                rows.add(List.of(
                        Fmt.g(t),
                        e.getKey(),
                        Integer.toString(s.nRisk()),
                        Fmt.f(s.surv(), 4),
                        Fmt.g(s.stdErr()),
                        Fmt.range(s.lower(), s.upper()),
                        ""));
            }
        }
        parts.add(Table.of(
                "survival-at",
                "",
                List.of("Time" + unit, "Group", "at risk", "survival", "std. error", "95% CI", "note"),
                rows));
        parts.add(new Text("As R's summary(fit, times = t): the estimate of the last event time <= t.", true));
        return new Section("survival-at", "Survival at fixed times", Status.NONE, false, parts);
    }

    private static Section logRankSection(Map<String, SurvivalSample> groups) {
        LogRankResult r = LogRank.test(groups);
        List<List<String>> rows = new ArrayList<>();
        double[] obs = r.observed();
        double[] exp = r.expected();
        for (int i = 0; i < r.groups().size(); i++) {
            rows.add(List.of(
                    r.groups().get(i),
                    Integer.toString(groups.get(r.groups().get(i)).size()),
                    Fmt.g(obs[i]),
                    Fmt.g(exp[i]),
                    Fmt.g(obs[i] / exp[i])));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(Table.of(
                "logrank-test",
                "",
                List.of("chi-square", "df", "p"),
                List.of(List.of(Fmt.g(r.chisq()), Integer.toString(r.df()), Fmt.p(r.p())))));
        parts.add(Table.of(
                "logrank-groups",
                "Observed and expected events",
                List.of("Group", "n", "observed", "expected", "O/E"),
                rows));
        return new Section("logrank", "Log-rank test", Status.NONE, false, parts);
    }

    private static Section coxSection(Map<String, SurvivalSample> groups, Options o, List<String> notes) {
        List<List<String>> terms = new ArrayList<>();
        List<List<String>> tests = new ArrayList<>();
        for (Ties ties : o.ties()) {
            CoxFit fit;
            try {
                fit = CoxModel.fitGroups("group", groups, ties);
            } catch (ComboscopeException e) {
                notes.add("Cox model (" + ties.label() + ") not fitted: " + e.getMessage());
                continue;
            }
            if (!fit.converged()) {
                notes.add("Cox model (" + ties.label() + ") did not converge in " + fit.iterations()
                        + " iterations; estimates unreliable");
            }
            for (CoxTerm t : fit.terms()) {
                terms.add(List.of(
                        ties.label(),
                        t.name(),
                        Fmt.g(t.coef()),
                        Fmt.g(t.se()),
                        Fmt.g(t.hr()),
                        Fmt.range(t.hrLower(), t.hrUpper()),
                        Fmt.g(t.z()),
                        Fmt.p(t.waldP())));
            }
            tests.add(List.of(
                    ties.label(),
                    Fmt.g(fit.lrTest()) + " (p " + Fmt.p(fit.lrP()) + ")",
                    Fmt.g(fit.waldTest()) + " (p " + Fmt.p(fit.waldP()) + ")",
                    Fmt.g(fit.scoreTest()) + " (p " + Fmt.p(fit.scoreP()) + ")",
                    Integer.toString(fit.df()),
                    Integer.toString(fit.n()),
                    Integer.toString(fit.events())));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(Table.of(
                "cox-terms",
                "Coefficients",
                List.of("ties", "term", "coef", "se(coef)", "HR", "HR 95% CI", "z", "Wald p"),
                terms));
        parts.add(Table.of(
                "cox-tests",
                "Global tests",
                List.of("ties", "likelihood ratio", "Wald", "score (log-rank)", "df", "n", "events"),
                tests));
        return new Section("cox", "Cox proportional hazards", Status.NONE, false, parts);
    }
}
