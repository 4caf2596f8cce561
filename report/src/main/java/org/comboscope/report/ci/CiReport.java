package org.comboscope.report.ci;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.core.combination.CiLevel;
import org.comboscope.core.combination.CiRay;
import org.comboscope.core.combination.HillCurve;
import org.comboscope.core.combination.MedianEffect;
import org.comboscope.core.combination.MixtureBlock;
import org.comboscope.core.combination.MixtureCi;
import org.comboscope.core.combination.ParameterEstimate;
import org.comboscope.core.combination.ParametricFit;
import org.comboscope.core.response.Interval;
import org.comboscope.report.doc.Fmt;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportDoc.Figure;
import org.comboscope.report.doc.ReportDoc.Heading;
import org.comboscope.report.doc.ReportDoc.Part;
import org.comboscope.report.doc.ReportDoc.Section;
import org.comboscope.report.doc.ReportDoc.Status;
import org.comboscope.report.doc.ReportDoc.Table;
import org.comboscope.report.doc.ReportDoc.Text;
import org.comboscope.report.plot.Charts;
import org.comboscope.report.plot.CiCharts;
import org.comboscope.report.synergy.Provenance;
import org.comboscope.report.synergy.SynergyReport;

/**
 * The report of a {@code ci} run: an overview table of every block, then per block the
 * median-effect fits (Dm, m, r per drug with bootstrap intervals), the combination index of each
 * constant-ratio ray at the requested effect levels with bootstrap bands, the Fa–CI plot and the
 * normalised isobologram, and the parameter tables of the parametric models (MuSyC, Zimmer,
 * BRAID) with their intervals and what each synergy parameter says.
 */
public final class CiReport {
    private CiReport() {}

    /** The conventions printed at the top of the report. */
    public static final List<String> CONVENTIONS = List.of(
            "Combination index: CI < 1 synergy, CI = 1 additive, CI > 1 antagonism (Chou-Talalay). The"
                    + " 'Chou scale' column uses Chou's graded descriptors (e.g. 0.3-0.7 synergism, 0.9-1.1 nearly"
                    + " additive).",
            "MuSyC: beta > 0 synergistic efficacy; alpha > 1 synergistic potency (alpha12: drug 1 potentiates"
                    + " drug 2); gamma > 1 synergistic cooperativity. Response levels e0_fa ... e3_fa are fractions"
                    + " affected.",
            "Zimmer: a12, a21 < 0 synergy (0 = Bliss independence). BRAID: kappa > 0 synergy (0 additive).",
            "Fa = fraction affected (0 = untreated, 1 = complete effect). Intervals are 95% bootstrap percentile"
                    + " intervals (NA without --bootstrap).",
            "Plots use colour-blind-safe palettes (Okabe-Ito lines; the synergy side is shaded light red).");

    /**
     * One block of the run.
     *
     * @param fits parametric model fits that succeeded, in output order
     * @param failures per model name, why it failed
     * @param drugs every drug of the block (more than 2 for a mixture block)
     * @param mixture the constant-ratio mixture CI of a block of 3 or more drugs
     * @param notes remarks on the block (skipped models, mixture notes)
     */
    public record Block(
            String blockId,
            String drug1,
            String drug2,
            String unit1,
            String unit2,
            Optional<CiAnalysis> ci,
            List<ParametricFit> fits,
            Map<String, String> failures,
            List<String> drugs,
            Optional<MixtureBlock> mixture,
            List<String> notes) {
        public Block {
            fits = List.copyOf(fits);
            failures = Map.copyOf(failures);
            drugs = List.copyOf(drugs);
            notes = List.copyOf(notes);
        }

        /** A two-drug block. */
        public Block(
                String blockId,
                String drug1,
                String drug2,
                String unit1,
                String unit2,
                Optional<CiAnalysis> ci,
                List<ParametricFit> fits,
                Map<String, String> failures) {
            this(
                    blockId,
                    drug1,
                    drug2,
                    unit1,
                    unit2,
                    ci,
                    fits,
                    failures,
                    List.of(drug1, drug2),
                    Optional.empty(),
                    List.of());
        }
    }

    /** Builds the report; {@code levels} are the effect levels the CI was computed at. */
    public static ReportDoc build(Provenance provenance, List<Block> blocks, double[] levels, List<String> warnings) {
        List<Section> sections = new ArrayList<>();
        sections.add(overview(blocks, levels));
        for (Block b : blocks) {
            sections.add(block(b, levels));
        }
        long ok = blocks.stream()
                .filter(b -> b.ci().isPresent()
                        || !b.fits().isEmpty()
                        || b.mixture().map(m -> !m.rays().isEmpty()).orElse(false))
                .count();
        String summary = provenance.inputFile() + " · " + blocks.size() + " blocks, " + ok + " analysed";
        return new ReportDoc("Combination index report", summary, provenance, CONVENTIONS, sections, warnings);
    }

    /** The ray summarised in the overview: the one with most points (then the lowest ratio). */
    static Optional<CiRay> mainRay(CiAnalysis a) {
        return a.rays().stream()
                .min(Comparator.comparingInt((CiRay r) -> -r.mixture().n()).thenComparingDouble(CiRay::ratio));
    }

    private static Section overview(List<Block> blocks, double[] levels) {
        List<String> h = new ArrayList<>(List.of("Block", "Drug 1", "Drug 2", "Ray d2:d1"));
        for (double fa : levels) {
            h.add("CI at Fa " + Fmt.g(fa));
        }
        h.addAll(List.of("MuSyC beta", "MuSyC alpha12", "MuSyC alpha21", "Zimmer a12", "BRAID kappa"));
        List<List<String>> rows = new ArrayList<>();
        for (Block b : blocks) {
            List<String> r = new ArrayList<>(List.of(b.blockId(), b.drug1(), b.drug2()));
            Optional<CiRay> ray = b.ci().flatMap(CiReport::mainRay);
            r.add(ray.map(x -> Charts.conc(x.ratio())).orElse("NA"));
            for (double fa : levels) {
                r.add(ray.flatMap(x -> level(x, fa)).map(l -> Fmt.g(l.ci())).orElse("NA"));
            }
            r.add(param(b, "MuSyC", "beta"));
            r.add(param(b, "MuSyC", "alpha12"));
            r.add(param(b, "MuSyC", "alpha21"));
            r.add(param(b, "Zimmer", "a12"));
            r.add(param(b, "BRAID", "kappa"));
            rows.add(r);
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Text(
                "One row per block; the CI columns show the constant-ratio ray with the most points (every ray is"
                        + " in the block's section and in ci_levels.csv). Click a column to sort.",
                true));
        parts.add(Table.of("overview", "", h, rows));
        return new Section("overview", "Blocks overview", Status.NONE, false, parts);
    }

    private static String param(Block b, String model, String name) {
        for (ParametricFit f : b.fits()) {
            if (f.model().equalsIgnoreCase(model)) {
                return f.parameters().stream()
                        .filter(p -> p.name().equals(name))
                        .findFirst()
                        .map(p -> Fmt.g(p.value()))
                        .orElse("NA");
            }
        }
        return b.failures().containsKey(model.toLowerCase(Locale.ROOT)) ? "failed" : "-";
    }

    private static Optional<CiLevel> level(CiRay ray, double fa) {
        return ray.levels().stream().filter(l -> Math.abs(l.fa() - fa) < 1e-9).findFirst();
    }

    /** HTML anchor of a block's section. */
    public static String anchor(String blockId) {
        return "block-" + SynergyReport.fileSafe(blockId).replace('.', '_');
    }

    private static Section block(Block b, double[] levels) {
        List<Part> parts = new ArrayList<>();
        String u1 = unit(b.unit1());
        String u2 = unit(b.unit2());
        if (b.ci().isPresent()) {
            CiAnalysis a = b.ci().get();
            parts.add(new Heading("Median-effect fits (single agents)"));
            List<List<String>> me = new ArrayList<>();
            me.add(drugRow(b.drug1(), u1, a.drug1(), a.dm1Band(), a.m1Band(), a.drug1Nonlinear()));
            me.add(drugRow(b.drug2(), u2, a.drug2(), a.dm2Band(), a.m2Band(), a.drug2Nonlinear()));
            parts.add(Table.of(
                    "median-effect",
                    "",
                    List.of(
                            "Drug",
                            "Dm",
                            "Dm 95% CI",
                            "m",
                            "m 95% CI",
                            "r",
                            "points",
                            "Dm (nonlinear)",
                            "m (nonlinear)",
                            "unit"),
                    me));
            parts.add(new Text(
                    "Median-effect equation fa/(1-fa) = (D/Dm)^m, fitted on log(D) vs log(fa/(1-fa)) as CompuSyn"
                            + " does; r is the linear correlation of that fit (r > 0.95 is Chou's rule of thumb"
                            + " for a usable fit).",
                    true));
            parts.add(new Heading("Combination index at effect levels"));
            List<List<String>> lv = new ArrayList<>();
            for (CiRay ray : a.rays()) {
                for (CiLevel l : ray.levels()) {
                    lv.add(List.of(
                            Charts.conc(ray.ratio()),
                            Integer.toString(ray.mixture().n()),
                            Fmt.g(l.fa()),
                            Fmt.g(l.ci()),
                            Fmt.range(l.ciLower(), l.ciUpper()),
                            chouScale(l.ci()),
                            Fmt.g(l.d1()),
                            Fmt.g(l.d2()),
                            Fmt.g(l.dri1()),
                            Fmt.g(l.dri2())));
                }
            }
            parts.add(Table.of(
                    "ci-levels",
                    "",
                    List.of(
                            "Ray d2:d1",
                            "points",
                            "Fa",
                            "CI",
                            "CI 95% band",
                            "Chou scale",
                            "d1" + u1,
                            "d2" + u2,
                            "DRI " + b.drug1(),
                            "DRI " + b.drug2()),
                    lv));
            if (a.rays().isEmpty()) {
                parts.add(new Text(
                        "No constant-ratio ray with at least 2 usable points: CI at effect levels is not"
                                + " defined (the per-cell CIs are in ci_cells.csv).",
                        true));
            }
            String stem = CiPlots.stem(b.blockId()).substring("plots/".length());
            parts.add(new Figure(
                    "fa-ci",
                    stem + "_fa_ci",
                    CiCharts.faCi(b.blockId(), b.drug1(), b.drug2(), a),
                    Charts.COLUMN_WIDTH_PT,
                    CiCharts.FA_CI_HEIGHT_PT,
                    false));
            parts.add(new Figure(
                    "isobologram",
                    stem + "_isobologram",
                    CiCharts.isobologram(b.blockId(), b.drug1(), b.drug2(), a),
                    Charts.COLUMN_WIDTH_PT,
                    Charts.HEIGHT_PT + 20,
                    false));
            for (String n : a.notes()) {
                parts.add(new Text("Note: " + n, true));
            }
        }
        b.mixture().ifPresent(m -> mixtureParts(b, m, parts));
        for (String n : b.notes()) {
            parts.add(new Text("Note: " + n, true));
        }
        for (ParametricFit f : b.fits()) {
            parts.add(new Heading(f.model() + " parameters"));
            List<List<String>> rows = new ArrayList<>();
            for (ParameterEstimate p : f.parameters()) {
                rows.add(List.of(
                        p.name(),
                        Fmt.g(p.value()),
                        Fmt.range(p.ci()),
                        reading(f.model(), p.name(), p.value(), p.ci())));
            }
            parts.add(Table.of(
                    f.model().toLowerCase(Locale.ROOT) + "-parameters",
                    "",
                    List.of("Parameter", "Estimate", "95% CI", "Reading"),
                    rows));
            parts.add(new Text(
                    String.format(
                            Locale.ROOT,
                            "SSR %s, R² %s, n %d, bootstrap refits %d. Convention: %s.",
                            Fmt.g(f.ssr()),
                            Fmt.f(f.rSquared(), 4),
                            f.n(),
                            f.bootstrapRefits(),
                            f.convention()),
                    true));
        }
        for (Map.Entry<String, String> e : b.failures().entrySet()) {
            parts.add(new Text("Not analysed (" + e.getKey() + "): " + e.getValue(), false));
        }
        Status st = b.failures().isEmpty() ? Status.NONE : Status.WARN;
        // a block without results is a few lines: no page of its own in the PDF
        boolean full = b.ci().isPresent()
                || !b.fits().isEmpty()
                || b.mixture().map(m -> !m.rays().isEmpty()).orElse(false);
        Map<String, String> index = new LinkedHashMap<>();
        index.put("Block", b.blockId());
        index.put("Drugs", String.join(" + ", b.drugs()));
        Optional<CiRay> ray = b.ci().flatMap(CiReport::mainRay);
        if (levels.length > 0) {
            double fa = levels[0];
            index.put(
                    "CI at Fa " + Fmt.g(fa),
                    ray.flatMap(x -> level(x, fa)).map(l -> Fmt.g(l.ci())).orElse("NA"));
        }
        index.put("MuSyC beta", param(b, "MuSyC", "beta"));
        index.put("Zimmer a12", param(b, "Zimmer", "a12"));
        index.put("BRAID kappa", param(b, "BRAID", "kappa"));
        return new Section(
                anchor(b.blockId()),
                "Block " + b.blockId() + ": " + String.join(" + ", b.drugs()),
                st,
                full,
                parts,
                index);
    }

    /** Median-effect fits of every drug and the CI of each constant-ratio ray of a mixture block. */
    private static void mixtureParts(Block b, MixtureBlock m, List<Part> parts) {
        if (m.rays().isEmpty()) {
            return;
        }
        List<MedianEffect> drugs = m.rays().get(0).ci().drugs();
        parts.add(new Heading("Median-effect fits (single agents)"));
        List<List<String>> me = new ArrayList<>();
        for (int i = 0; i < drugs.size(); i++) {
            MedianEffect e = drugs.get(i);
            me.add(List.of(b.drugs().get(i), Fmt.g(e.dm()), Fmt.g(e.m()), Fmt.f(e.r(), 4), Integer.toString(e.n())));
        }
        parts.add(Table.of("median-effect", "", List.of("Drug", "Dm", "m", "r", "points"), me));
        parts.add(new Heading("Combination index of the constant-ratio mixtures"));
        List<String> h = new ArrayList<>(List.of("Ray", "points", "Fa", "CI", "CI 95% band", "Chou scale"));
        for (String d : b.drugs()) {
            h.add("DRI " + d);
        }
        List<List<String>> rows = new ArrayList<>();
        for (MixtureBlock.Ray ray : m.rays()) {
            for (MixtureCi.Level l : ray.ci().levels()) {
                List<String> r = new ArrayList<>(List.of(
                        ray.ratioLabel(),
                        Integer.toString(ray.ci().mixture().n()),
                        Fmt.g(l.fa()),
                        Fmt.g(l.ci()),
                        Fmt.range(l.ciLower(), l.ciUpper()),
                        chouScale(l.ci())));
                for (int i = 0; i < drugs.size(); i++) {
                    r.add(Fmt.g(l.dri(i)));
                }
                rows.add(r);
            }
        }
        parts.add(Table.of("ci-mixtures", "", h, rows));
        parts.add(new Text(
                "CompuSyn's n-drug constant-ratio analysis: CI = sum of d_i / Dx_i, with d_i drug i's share of the"
                        + " mixture dose giving Fa (from the mixture's median-effect fit on its total dose) and Dx_i"
                        + " the dose of drug i alone giving Fa. Per-row CIs are in ci_mixtures.csv.",
                true));
    }

    private static List<String> drugRow(
            String drug,
            String unit,
            MedianEffect me,
            Optional<Interval> dm,
            Optional<Interval> m,
            Optional<HillCurve> nl) {
        return List.of(
                drug,
                Fmt.g(me.dm()),
                Fmt.range(dm),
                Fmt.g(me.m()),
                Fmt.range(m),
                Fmt.f(me.r(), 4),
                Integer.toString(me.n()),
                nl.map(h -> Fmt.g(h.c())).orElse("NA"),
                nl.map(h -> Fmt.g(h.h())).orElse("NA"),
                unit.isEmpty() ? "" : unit.substring(2, unit.length() - 1));
    }

    private static String unit(String u) {
        return u == null || u.isBlank() ? "" : " (" + u + ")";
    }

    /** Chou's graded descriptors of a combination index (Chou 2006, Pharmacol Rev 58:621, Table 4). */
    public static String chouScale(double ci) {
        if (!Double.isFinite(ci)) {
            return "NA";
        }
        if (ci < 0.1) {
            return "very strong synergism";
        } else if (ci < 0.3) {
            return "strong synergism";
        } else if (ci < 0.7) {
            return "synergism";
        } else if (ci < 0.85) {
            return "moderate synergism";
        } else if (ci < 0.9) {
            return "slight synergism";
        } else if (ci <= 1.1) {
            return "nearly additive";
        } else if (ci <= 1.2) {
            return "slight antagonism";
        } else if (ci <= 1.45) {
            return "moderate antagonism";
        } else if (ci <= 3.3) {
            return "antagonism";
        } else if (ci <= 10) {
            return "strong antagonism";
        }
        return "very strong antagonism";
    }

    /**
     * What a synergy parameter's estimate says, and whether its interval excludes the null value;
     * empty for parameters without a synergy reading (potencies, Hill slopes, response levels).
     */
    static String reading(String model, String name, double value, Optional<Interval> ci) {
        String m = model.toLowerCase(Locale.ROOT);
        double nullValue;
        String above;
        String below;
        if (m.equals("musyc") && name.equals("beta")) {
            nullValue = 0;
            above = "synergistic efficacy";
            below = "antagonistic efficacy";
        } else if (m.equals("musyc") && name.startsWith("alpha")) {
            nullValue = 1;
            above = "synergistic potency";
            below = "antagonistic potency";
        } else if (m.equals("musyc") && name.startsWith("gamma")) {
            nullValue = 1;
            above = "synergistic cooperativity";
            below = "antagonistic cooperativity";
        } else if (m.equals("zimmer") && (name.equals("a12") || name.equals("a21"))) {
            nullValue = 0;
            above = "antagonism";
            below = "synergy";
        } else if (m.equals("braid") && name.equals("kappa")) {
            nullValue = 0;
            above = "synergy";
            below = "antagonism";
        } else {
            return "";
        }
        if (!Double.isFinite(value)) {
            return "NA";
        }
        String rule = name + (value > nullValue ? " > " : value < nullValue ? " < " : " = ") + Fmt.g(nullValue);
        String what = value > nullValue ? above : value < nullValue ? below : "no interaction";
        String sig = "";
        if (ci.isPresent()) {
            Interval i = ci.get();
            boolean excludes = i.lower() > nullValue || i.upper() < nullValue;
            sig = excludes
                    ? " (95% CI excludes " + Fmt.g(nullValue) + ")"
                    : " (95% CI includes " + Fmt.g(nullValue) + ")";
        }
        return rule + ": " + what + sig;
    }
}
