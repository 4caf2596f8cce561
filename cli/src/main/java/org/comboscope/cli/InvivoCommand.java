package org.comboscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.invivo.AnimalAuc;
import org.comboscope.core.invivo.ArmComparisons;
import org.comboscope.core.invivo.ArmRole;
import org.comboscope.core.invivo.Arms;
import org.comboscope.core.invivo.EndpointStatistics;
import org.comboscope.core.invivo.EndpointThreshold;
import org.comboscope.core.invivo.ExponentialFit;
import org.comboscope.core.invivo.GompertzFit;
import org.comboscope.core.invivo.GompertzGrowthModel;
import org.comboscope.core.invivo.GompertzSynergy;
import org.comboscope.core.invivo.GroupDaySummary;
import org.comboscope.core.invivo.GrowthDiagnostics;
import org.comboscope.core.invivo.GrowthInhibition;
import org.comboscope.core.invivo.InvivoSynBootstrap;
import org.comboscope.core.invivo.InvivoSynStatistics;
import org.comboscope.core.invivo.Measurement;
import org.comboscope.core.invivo.MrecistResponse;
import org.comboscope.core.invivo.PreparedData;
import org.comboscope.core.invivo.RelativeVolume;
import org.comboscope.core.invivo.SynergyEstimate;
import org.comboscope.core.invivo.SynergyReference;
import org.comboscope.core.invivo.ThreeDrugArms;
import org.comboscope.core.invivo.ThreeDrugSynergy;
import org.comboscope.core.invivo.TimeResolvedSynergy;
import org.comboscope.core.invivo.TimeToEndpoint;
import org.comboscope.core.invivo.TumourStudy;
import org.comboscope.core.survival.KmCurve;
import org.comboscope.io.invivo.ArmsReader;
import org.comboscope.io.invivo.TumourTable;
import org.comboscope.io.invivo.TumourTableReader;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.plot.Charts;
import org.comboscope.report.plot.InvivoCharts;
import org.comboscope.report.plot.KmPlot;
import org.comboscope.report.synergy.PlotFormat;
import org.hipparchus.distribution.continuous.TDistribution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code comboscope invivo}: xenograft endpoint statistics, growth model and time-resolved synergy. */
@Command(
        name = "invivo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "In vivo combination study: per arm/day summaries, TGI and T/C, SynergyLMM's exponential growth"
                    + " mixed model and its time-resolved Bliss / HSA / RA synergy.",
            "",
            "Outputs in DIR: group_day_summary.csv, tgi.csv, growth_rates.csv, synergy.csv (SynergyLMM"
                    + " columns: Model, Metric, Estimate, lwr, upr, pval, Time; SS > 0 and CI < 1 mean synergy),"
                    + " prepared_rtv.csv, animal_auc.csv, invivosyn.csv (invivoSyn's TGI/AUC/CombPDX statistics with"
                    + " bootstrap intervals; logCI > 0 = synergy), warnings.txt.",
            "tgi.csv: TGI_pct = 100 (1 - (mean_T(d) - mean_T(0)) / (mean_C(d) - mean_C(0))) (change from"
                    + " baseline); TGI_ratio_pct = 100 (1 - mean_T(d) / mean_C(d)) = 100 - T_over_C_pct.",
            "Time in synergy.csv and day_since_start are days since the study's first day.",
            "Also: endpoint_animals.csv, endpoint_km.csv, endpoint_logrank.csv (time to --endpoint-volume or"
                    + " --endpoint-rtv: first measurement day at/above it, else censored at the last measurement;"
                    + " Kaplan-Meier with log CIs, log-rank over all arms and per contrast with Holm/BH),"
                    + " mrecist.csv, mrecist_counts.csv (Gao et al. 2015 BestResponse / BestAvgResponse from"
                    + " day 10 and mCR/mPR/mSD/mPD), comparisons.csv (Welch t and Mann-Whitney on log volume, RTV"
                    + " and AUC at --endpoint-day for the five contrasts, Holm and BH adjusted),"
                    + " diagnostics.csv and residuals_qq.csv (both models: Pearson residuals given the animal's random"
                    + " effects, normal QQ positions, Cook's distance per animal from leave-one-animal-out refits;"
                    + " outlier = |r| > 3, influential = D > 4/animals);"
                    + " synergy_robust_cr2.csv (exp model: Bliss/HSA with clubSandwich CR2 cluster-robust SEs,"
                    + " SynergyLMM robust = TRUE);"
                    + " with --plots also DIR/plots/{spaghetti,mean_sem,waterfall,synergy_ss,endpoint_km}.svg|png."
        })
final class InvivoCommand implements Callable<Integer> {

    enum Model {
        exp,
        gompertz
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "Long table (study, animal_id, group, day, volume_mm3 | length_mm + width_mm | bli_rlu),"
                    + " or a wide sheet with --format wide; CSV, TSV or .xlsx (first sheet).")
    Path input;

    @Option(
            names = "--arms",
            required = true,
            paramLabel = "ARMS",
            description = "CSV group,role with role vehicle / drugA / drugB / combination"
                    + " (multi-arm: vehicle / single / combination X+Y; three drugs: vehicle / drugA / drugB /"
                    + " drugC / ABC, optionally AB / AC / BC for a full 2x2x2: then only growth_rates.csv,"
                    + " synergy.csv with Combination and Comparator columns, and warnings.txt are written).")
    Path arms;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(
            names = "--model",
            defaultValue = "exp",
            description = "Growth model: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}). exp: SynergyLMM's"
                    + " exponential LMM, refitted per time (REML); gompertz: SynergyLMM's Gompertz NLMM (ML),"
                    + " synergy by 10000 simulations from the full fit.")
    Model model;

    @Option(
            names = "--min-time",
            defaultValue = "0",
            paramLabel = "D",
            description = "First re-based time for synergy (SynergyLMM min_time; default ${DEFAULT-VALUE}).")
    double minTime;

    @Option(
            names = "--format",
            defaultValue = "long",
            description = "Input layout: long or wide (one column per day) (default ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--wide-measurement",
            defaultValue = "VOLUME_MM3",
            description = "What the values of a wide sheet are: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Measurement wideMeasurement;

    @Option(
            names = "--design",
            paramLabel = "GROUP",
            description = "For multi-arm arms files: the combination group whose 2x2 design to analyse.")
    String design;

    @Option(
            names = "--methods",
            split = ",",
            defaultValue = "bliss,hsa,ra",
            description = "Synergy references, any of bliss, hsa, ra (default ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(
            names = "--ra-simulations",
            defaultValue = "1000",
            description = "Draws for RA synergy of the exp model (SynergyLMM nsim; default ${DEFAULT-VALUE});"
                    + " the gompertz model uses 10000 for every reference, as SynergyLMM.")
    int raSimulations;

    @Option(
            names = "--seed",
            defaultValue = "123",
            description = "Seed of the simulations and bootstraps (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--bootstrap",
            defaultValue = "1000",
            description =
                    "Bootstrap replicates of the invivoSyn statistics in invivosyn.csv (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(
            names = "--endpoint-volume",
            paramLabel = "V",
            description =
                    "Time-to-endpoint threshold as an absolute burden (e.g. 1000 mm³). Default: --endpoint-rtv 4.")
    Double endpointVolume;

    @Option(
            names = "--endpoint-rtv",
            paramLabel = "K",
            description = "Time-to-endpoint threshold as a multiple of each animal's first measurement"
                    + " (default 4 when --endpoint-volume is not given).")
    Double endpointRtv;

    @Option(
            names = "--endpoint-interpolate",
            description = "Interpolate the crossing time linearly between the measurements around the threshold"
                    + " (default: the first measurement day at or above it).")
    boolean endpointInterpolate;

    @Option(
            names = "--mrecist-min-day",
            defaultValue = "10",
            paramLabel = "D",
            description = "Earliest day since an animal's first measurement counted for BestResponse and"
                    + " BestAvgResponse (Gao et al. 2015: 10; default ${DEFAULT-VALUE}).")
    double mrecistMinDay;

    @Option(
            names = "--endpoint-day",
            paramLabel = "DAY",
            description = "Study day (as in the input) of the between-arm comparisons. Default: the last day on"
                    + " which every arm has at least two animals measured.")
    Double endpointDay;

    @Option(
            names = "--plots",
            defaultValue = "",
            paramLabel = "FORMATS",
            description = "Static plot formats written to DIR/plots/: svg, png or svg,png. Default: none.")
    String plots;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        EnumSet<SynergyReference> refs = EnumSet.noneOf(SynergyReference.class);
        for (String m : methods) {
            refs.add(java.util.Arrays.stream(SynergyReference.values())
                    .filter(r -> r.label().equalsIgnoreCase(m.strip()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("--methods", m, "must be one of bliss, hsa, ra")));
        }
        Set<PlotFormat> plotFormats = PlotFormat.parseList(plots);
        if (endpointVolume != null && endpointRtv != null) {
            throw new InvalidInputException(
                    "--endpoint-volume/--endpoint-rtv",
                    endpointVolume + "/" + endpointRtv,
                    "give at most one of the two");
        }
        EndpointThreshold threshold = (endpointVolume != null
                        ? EndpointThreshold.absolute(endpointVolume)
                        : EndpointThreshold.rtv(endpointRtv != null ? endpointRtv : 4))
                .withInterpolation(endpointInterpolate);
        if (!format.equals("long") && !format.equals("wide")) {
            throw new InvalidInputException("--format", format, "must be long or wide");
        }
        TimeResolvedSynergy synergy = TimeResolvedSynergy.defaults()
                .withReferences(refs)
                .withMinTime(minTime)
                .withSimulations(raSimulations, seed);
        TumourTable table = format.equals("wide")
                ? TumourTableReader.readWide(input, wideMeasurement)
                : TumourTableReader.readLong(input);
        if (ArmsReader.isThreeDrug(arms)) {
            return callThreeDrug(table, refs, err);
        }
        Arms a = chooseDesign(ArmsReader.read(arms));
        Set<String> groups = new HashSet<>();
        table.study().observations().forEach(o -> groups.add(o.group()));
        for (String g : a.groups()) {
            if (!groups.contains(g)) {
                throw new InvalidInputException(
                        "group",
                        g,
                        "must occur in the input (groups there: " + new java.util.TreeSet<>(groups) + ")",
                        arms.toString());
            }
        }
        TumourStudy study = table.study().restrictedTo(a.groups());
        List<String> warnings = new ArrayList<>(table.notes());
        List<String> problems = new ArrayList<>();

        List<GroupDaySummary> summaries = EndpointStatistics.groupDaySummaries(study, a);
        List<GrowthInhibition> tgi = EndpointStatistics.growthInhibition(study, a);
        List<AnimalAuc> auc = EndpointStatistics.animalAuc(study, a);
        PreparedData prepared = PreparedData.of(study, a);
        warnings.addAll(prepared.dropped());
        TimeResolvedSynergy.Result result = null;
        GompertzFit gompertz = null;
        List<SynergyEstimate> gompertzSynergy = List.of();
        if (model == Model.exp) {
            try {
                result = synergy.compute(prepared);
                for (TimeResolvedSynergy.SkippedTime s : result.skipped()) {
                    problems.add("synergy at time " + s.time() + " not computed: " + s.reason());
                }
            } catch (FitFailureException e) {
                problems.add("growth model not fitted: " + e.getMessage());
            }
        } else {
            try {
                gompertz = GompertzGrowthModel.fit(prepared.fitted());
                gompertzSynergy = GompertzSynergy.defaults()
                        .withReferences(refs)
                        .withMinTime(minTime)
                        .withSimulations(10_000, seed)
                        .compute(prepared, gompertz);
            } catch (FitFailureException e) {
                problems.add("growth model not fitted: " + e.getMessage());
            }
        }
        for (GrowthInhibition g : tgi) {
            if (g.tgiPercent().isEmpty()) {
                warnings.add("tgi.csv: TGI_pct is NA for " + g.group() + " on day " + g.day()
                        + ": the vehicle mean has not changed since day 0 (or a day-0 mean is missing)");
            }
        }
        TimeToEndpoint.Result endpoint = TimeToEndpoint.analyse(study, a, threshold);
        warnings.addAll(endpoint.excluded());
        List<MrecistResponse.AnimalResponse> responses = MrecistResponse.animals(study, a, mrecistMinDay);
        java.util.OptionalDouble day =
                endpointDay != null ? java.util.OptionalDouble.of(endpointDay) : ArmComparisons.defaultDay(study, a);
        List<ArmComparisons.Comparison> comparisons =
                day.isPresent() ? ArmComparisons.compare(study, a, day.getAsDouble()) : List.of();
        if (day.isEmpty()) {
            warnings.add("comparisons.csv: no day on which every arm has at least two animals; give --endpoint-day");
        }
        GrowthDiagnostics.Result diagnostics = null;
        if (result != null) {
            diagnostics = GrowthDiagnostics.of(prepared.fitted(), result.fullFit());
        } else if (gompertz != null) {
            diagnostics = GrowthDiagnostics.of(prepared.fitted(), gompertz);
        }
        warnings.addAll(problems);

        try (OutputDirectory dir = OutputDirectory.create(out)) {
            writeEndpoint(dir, endpoint);
            writeMrecist(dir, a, responses);
            writeComparisons(dir, a, comparisons);
            writeDiagnostics(dir, diagnostics);
            if (!plotFormats.isEmpty()) {
                writePlots(
                        dir,
                        plotFormats,
                        study,
                        a,
                        summaries,
                        responses,
                        model == Model.exp ? (result == null ? List.of() : result.estimates()) : gompertzSynergy,
                        endpoint,
                        table.study().measurement());
            }
            writeSummaries(dir, summaries);
            writeTgi(dir, tgi);
            if (model == Model.exp) {
                writeGrowthRates(dir, a, result);
                writeSynergy(dir, result == null ? List.of() : result.estimates());
                writeSynergy(
                        dir,
                        "synergy_robust_cr2.csv",
                        result == null
                                ? List.of()
                                : org.comboscope.core.invivo.Cr2Variance.synergy(prepared, result, refs, 0.95));
            } else {
                writeGompertzRates(dir, a, gompertz);
                writeSynergy(dir, gompertzSynergy);
            }
            writePrepared(dir, prepared);
            writeAuc(dir, auc);
            writeInvivoSyn(dir, study, a, refs, bootstrap, seed, warnings);
            try (Writer w = dir.writer("warnings.txt")) {
                for (String s : warnings) {
                    w.write(s);
                    w.write('\n');
                }
            }
            dir.commit();
        }
        for (String p : problems) {
            err.println("warning: " + p);
        }
        err.flush();
        return problems.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    /**
     * Three-drug arms file (SynergyLMM's vehicle, A, B, C, ABC or a full 2x2x2): exponential model
     * with one rate per arm, time-resolved Bliss / HSA ({@link ThreeDrugSynergy}); writes
     * growth_rates.csv, synergy.csv (+ Combination, Comparator columns), warnings.txt.
     */
    private int callThreeDrug(TumourTable table, EnumSet<SynergyReference> refs, PrintWriter err) throws IOException {
        if (model != Model.exp) {
            throw new InvalidInputException(
                    "--model",
                    model.name(),
                    "three-drug designs are analysed with the exp model only",
                    arms.toString());
        }
        if (design != null) {
            throw new InvalidInputException(
                    "--design", design, "applies to multi-arm 2x2 arms files, not three-drug designs", arms.toString());
        }
        ThreeDrugArms a = ArmsReader.readThreeDrug(arms);
        Set<String> groups = new HashSet<>();
        table.study().observations().forEach(o -> groups.add(o.group()));
        for (String g : a.presentGroups()) {
            if (!groups.contains(g)) {
                throw new InvalidInputException(
                        "group",
                        g,
                        "must occur in the input (groups there: " + new java.util.TreeSet<>(groups) + ")",
                        arms.toString());
            }
        }
        List<String> warnings = new ArrayList<>(table.notes());
        List<String> problems = new ArrayList<>();
        if (refs.contains(SynergyReference.RA)) {
            warnings.add("three-drug design: RA synergy is not computed (Bliss and HSA only)");
        }
        ThreeDrugSynergy.Result r = null;
        try {
            r = ThreeDrugSynergy.compute(table.study(), a, minTime);
            warnings.addAll(r.dropped());
            for (String s : r.skipped()) {
                problems.add("synergy at " + s + " (not computed)");
            }
        } catch (FitFailureException e) {
            problems.add("growth model not fitted: " + e.getMessage());
        }
        warnings.addAll(problems);
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            try (Writer w = dir.writer("growth_rates.csv");
                    CsvTable t = CsvTable.csv(
                            w, List.of("group", "role", "rate", "se", "sd_ranef", "sd_resid", "n_obs", "n_animals"))) {
                if (r != null) {
                    ExponentialFit f = r.fullFit();
                    int[] present = a.present();
                    for (int i = 0; i < present.length; i++) {
                        t.text(a.groups().get(present[i])).text(ThreeDrugArms.ROLES.get(present[i]));
                        t.num(f.rates()[i]).num(f.standardErrors()[i]);
                        t.num(f.relativeRandomSlopeSd()).num(f.sigma());
                        t.integer(f.observations()).integer(f.animals());
                        t.end();
                    }
                }
            }
            try (Writer w = dir.writer("synergy.csv");
                    CsvTable t = CsvTable.csv(
                            w,
                            List.of(
                                    "Model",
                                    "Metric",
                                    "Estimate",
                                    "lwr",
                                    "upr",
                                    "pval",
                                    "Time",
                                    "Combination",
                                    "Comparator"))) {
                if (r != null) {
                    for (ThreeDrugSynergy.Estimate x : r.estimates()) {
                        SynergyEstimate e = x.estimate();
                        if (!refs.contains(e.reference())) {
                            continue;
                        }
                        t.text(e.reference().label())
                                .text(e.metric())
                                .num(e.estimate())
                                .num(e.lower())
                                .num(e.upper());
                        t.num(e.pValue()).num(e.time()).text(x.combination()).text(x.comparator());
                        t.end();
                    }
                }
            }
            try (Writer w = dir.writer("warnings.txt")) {
                for (String s : warnings) {
                    w.write(s);
                    w.write('\n');
                }
            }
            dir.commit();
        }
        for (String p : problems) {
            err.println("warning: " + p);
        }
        err.flush();
        return problems.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    private Arms chooseDesign(List<Arms> designs) {
        if (design == null) {
            if (designs.size() == 1) {
                return designs.get(0);
            }
            throw new InvalidInputException(
                    "--design",
                    "(none)",
                    "must name one combination group when the arms file has several designs: "
                            + designs.stream().map(Arms::combination).toList(),
                    arms.toString());
        }
        return designs.stream()
                .filter(d -> d.combination().equals(design))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "--design",
                        design,
                        "must be one of "
                                + designs.stream().map(Arms::combination).toList(),
                        arms.toString()));
    }

    private static void writeSummaries(OutputDirectory dir, List<GroupDaySummary> rows) throws IOException {
        try (Writer w = dir.writer("group_day_summary.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "group",
                                "role",
                                "day",
                                "day_since_start",
                                "n",
                                "mean",
                                "sd",
                                "sem",
                                "median",
                                "min",
                                "max"))) {
            for (GroupDaySummary s : rows) {
                t.text(s.group())
                        .text(s.role().label())
                        .num(s.day())
                        .num(s.daySinceStart())
                        .integer(s.n());
                t.num(s.mean())
                        .num(s.sd())
                        .num(s.sem())
                        .num(s.median())
                        .num(s.min())
                        .num(s.max());
                t.end();
            }
        }
    }

    private static void writeTgi(OutputDirectory dir, List<GrowthInhibition> rows) throws IOException {
        try (Writer w = dir.writer("tgi.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "day",
                                "day_since_start",
                                "group",
                                "role",
                                "n_T",
                                "n_C",
                                "mean_T",
                                "mean_C",
                                "TGI_pct",
                                "T_over_C_pct",
                                "TGI_ratio_pct",
                                "n_T_day0",
                                "n_C_day0",
                                "mean_T_day0",
                                "mean_C_day0",
                                "is_last_common_day"))) {
            for (GrowthInhibition g : rows) {
                t.num(g.day())
                        .num(g.daySinceStart())
                        .text(g.group())
                        .text(g.role().label());
                t.integer(g.nTreated())
                        .integer(g.nControl())
                        .num(g.meanTreated())
                        .num(g.meanControl());
                t.num(g.tgiPercent()).num(g.tOverCPercent()).num(g.tgiRatioPercent());
                t.integer(g.nTreatedDay0())
                        .integer(g.nControlDay0())
                        .num(g.meanTreatedDay0())
                        .num(g.meanControlDay0());
                t.text(g.lastCommonDay() ? "TRUE" : "FALSE");
                t.end();
            }
        }
    }

    private static void writeGrowthRates(OutputDirectory dir, Arms a, TimeResolvedSynergy.Result result)
            throws IOException {
        try (Writer w = dir.writer("growth_rates.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "group",
                                "role",
                                "rate",
                                "se",
                                "sd_ranef",
                                "sd_resid",
                                "sd_ranef_absolute",
                                "df",
                                "t_value",
                                "p_value",
                                "lower_95",
                                "upper_95",
                                "logLik_REML",
                                "n_obs",
                                "n_animals"))) {
            if (result == null) {
                return;
            }
            ExponentialFit f = result.fullFit();
            int df = f.degreesOfFreedom();
            TDistribution td = df > 0 ? new TDistribution(df) : null;
            for (ArmRole role : ArmRole.values()) {
                double b = f.rate(role);
                double se = f.standardError(role);
                t.text(a.group(role)).text(role.label()).num(b).num(se);
                t.num(f.relativeRandomSlopeSd())
                        .num(f.sigma())
                        .num(f.randomSlopeSd())
                        .integer(df);
                t.num(b / se);
                if (td != null) {
                    double q = td.inverseCumulativeProbability(0.975);
                    t.num(2 * td.cumulativeProbability(-Math.abs(b / se)))
                            .num(b - q * se)
                            .num(b + q * se);
                } else {
                    t.num(Double.NaN).num(Double.NaN).num(Double.NaN);
                }
                t.num(f.logLik()).integer(f.observations()).integer(f.animals());
                t.end();
            }
        }
    }

    private static void writeGompertzRates(OutputDirectory dir, Arms a, GompertzFit f) throws IOException {
        try (Writer w = dir.writer("growth_rates.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "group",
                                "role",
                                "rate",
                                "se",
                                "sd_ranef",
                                "sd_resid",
                                "rho",
                                "se_rho",
                                "sd_rho_ranef",
                                "logLik_ML",
                                "n_obs",
                                "n_animals"))) {
            if (f == null) {
                return;
            }
            for (ArmRole role : ArmRole.values()) {
                int g = role.ordinal();
                t.text(a.group(role)).text(role.label()).num(f.r0()[g]).num(f.r0StandardError(g));
                t.num(f.relativeR0Sd()).num(f.sigma()).num(f.rho()[g]).num(f.rhoStandardError(g));
                t.num(f.relativeRhoSd())
                        .num(f.logLik())
                        .integer(f.observations())
                        .integer(f.animals());
                t.end();
            }
        }
    }

    private static void writeSynergy(OutputDirectory dir, List<SynergyEstimate> estimates) throws IOException {
        writeSynergy(dir, "synergy.csv", estimates);
    }

    private static void writeSynergy(OutputDirectory dir, String name, List<SynergyEstimate> estimates)
            throws IOException {
        try (Writer w = dir.writer(name);
                CsvTable t = CsvTable.csv(w, List.of("Model", "Metric", "Estimate", "lwr", "upr", "pval", "Time"))) {
            for (SynergyEstimate e : estimates) {
                t.text(e.reference().label())
                        .text(e.metric())
                        .num(e.estimate())
                        .num(e.lower())
                        .num(e.upper());
                t.num(e.pValue()).num(e.time());
                t.end();
            }
        }
    }

    private static void writePrepared(OutputDirectory dir, PreparedData p) throws IOException {
        try (Writer w = dir.writer("prepared_rtv.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "SampleID",
                                "Time",
                                "Treatment",
                                "TV",
                                "RTV",
                                "logRTV",
                                "TV0",
                                "Day_original",
                                "used_in_fit"))) {
            for (RelativeVolume r : p.all()) {
                t.text(r.animalId())
                        .num(r.time())
                        .text(r.group())
                        .num(r.value())
                        .num(r.rtv())
                        .num(r.logRtv());
                t.num(r.baseline()).num(r.originalDay()).text(r.time() > 0 ? "TRUE" : "FALSE");
                t.end();
            }
        }
    }

    /**
     * invivoSyn's statistics: TGI synergy and AUC synergy at the last day all arms were measured,
     * CombPDX day-wise and global scores; bootstrap intervals. Positive scores = synergy; CI < 1 =
     * synergy.
     */
    private static void writeInvivoSyn(
            OutputDirectory dir,
            TumourStudy study,
            Arms a,
            Set<SynergyReference> refs,
            int replicates,
            long seed,
            List<String> warnings)
            throws IOException {
        InvivoSynBootstrap boot = InvivoSynBootstrap.of(seed).withReplicates(replicates);
        java.util.OptionalDouble last = InvivoSynStatistics.lastCommonDay(study, a);
        List<InvivoSynStatistics.MouseGrowthRate> rates = InvivoSynStatistics.mouseGrowthRates(study, a);
        try (Writer w = dir.writer("invivosyn.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "statistic",
                                "Model",
                                "Metric",
                                "day_since_start",
                                "Estimate",
                                "std_err",
                                "lwr",
                                "upr",
                                "pval"))) {
            for (SynergyReference ref : refs) {
                if (last.isPresent()) {
                    double d = last.getAsDouble();
                    for (InvivoSynStatistics.TgiVariable v : InvivoSynStatistics.TgiVariable.values()) {
                        InvivoSynBootstrap.TgiSynergyInterval x = boot.tgiSynergy(study, a, d, v, ref);
                        t.text("TGI_synergy_" + (v == InvivoSynStatistics.TgiVariable.RTV ? "RTV" : "DeltaTV"));
                        t.text(ref.label()).text("SS").num(d).num(x.synergy().synergyScore());
                        t.num(x.score().standardError())
                                .num(x.score().lower())
                                .num(x.score().upper());
                        t.num(x.pSynergy());
                        t.end();
                    }
                    if (d > 0) {
                        InvivoSynBootstrap.AucSynergyInterval x = boot.aucSynergy(rates, ref, d);
                        t.text("AUC_synergy")
                                .text(ref.label())
                                .text("CI")
                                .num(d)
                                .num(x.synergy().ci());
                        t.num(x.ci().standardError()).num(x.ci().lower()).num(x.ci().upper());
                        t.num(x.ci().fraction(c -> c >= 1));
                        t.end();
                        t.text("AUC_synergy")
                                .text(ref.label())
                                .text("SS")
                                .num(d)
                                .num(x.synergy().synergyScore());
                        t.num(x.score().standardError())
                                .num(x.score().lower())
                                .num(x.score().upper());
                        t.num(x.score().fraction(c -> c <= 0));
                        t.end();
                    }
                }
                for (InvivoSynStatistics.DayCi c : InvivoSynStatistics.combPdxByDay(study, a, ref, 0.95)) {
                    t.text("CombPDX_day")
                            .text(ref.label())
                            .text("logCI")
                            .num(c.day())
                            .num(c.ci())
                            .num(c.se());
                    t.num(c.lower()).num(c.upper()).num(c.pValue());
                    t.end();
                }
                InvivoSynBootstrap.Summary g = boot.globalCi(study, a, ref);
                t.text("CombPDX_global")
                        .text(ref.label())
                        .text("logCI")
                        .num(Double.NaN)
                        .num(g.estimate());
                t.num(g.standardError()).num(g.lower()).num(g.upper()).num(g.fraction(x -> x <= 0));
                t.end();
            }
        }
        if (last.isEmpty()) {
            warnings.add("invivosyn.csv: no day on which all four arms were measured; TGI and AUC synergy omitted");
        }
    }

    private static void writeAuc(OutputDirectory dir, List<AnimalAuc> rows) throws IOException {
        try (Writer w = dir.writer("animal_auc.csv");
                CsvTable t = CsvTable.csv(
                        w, List.of("animal_id", "group", "role", "first_day", "last_day", "n_measurements", "auc"))) {
            for (AnimalAuc r : rows) {
                t.text(r.animalId())
                        .text(r.group())
                        .text(r.role().label())
                        .num(r.firstDay())
                        .num(r.lastDay());
                t.integer(r.measurements()).num(r.auc());
                t.end();
            }
        }
    }

    private static void writeEndpoint(OutputDirectory dir, TimeToEndpoint.Result r) throws IOException {
        String label = r.threshold().label();
        try (Writer w = dir.writer("endpoint_animals.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "endpoint",
                                "animal_id",
                                "group",
                                "role",
                                "baseline",
                                "threshold",
                                "time_days_since_start",
                                "event",
                                "n_measurements"))) {
            for (TimeToEndpoint.AnimalTime x : r.animals()) {
                t.text(label).text(x.animalId()).text(x.group()).text(x.role().label());
                t.num(x.baseline()).num(x.threshold()).num(x.time());
                t.text(x.event() ? "1" : "0").integer(x.measurements());
                t.end();
            }
        }
        try (Writer w = dir.writer("endpoint_km.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "endpoint",
                                "group",
                                "time_days_since_start",
                                "n_risk",
                                "n_event",
                                "n_censor",
                                "surv",
                                "std_err",
                                "lower_95_log",
                                "upper_95_log",
                                "median",
                                "median_lower_95",
                                "median_upper_95"))) {
            for (java.util.Map.Entry<String, KmCurve> e : r.curves().entrySet()) {
                KmCurve km = e.getValue();
                var med = km.median();
                for (int i = 0; i < km.size(); i++) {
                    t.text(label).text(e.getKey()).num(km.time(i));
                    t.integer(km.nRisk(i)).integer(km.nEvent(i)).integer(km.nCensor(i));
                    t.num(km.surv(i)).num(km.stdErr(i)).num(km.lower(i)).num(km.upper(i));
                    t.num(med.estimate()).num(med.lower()).num(med.upper());
                    t.end();
                }
            }
        }
        try (Writer w = dir.writer("endpoint_logrank.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "endpoint",
                                "comparison",
                                "groups",
                                "observed",
                                "expected",
                                "chisq",
                                "df",
                                "p",
                                "p_holm",
                                "p_bh",
                                "note"))) {
            for (TimeToEndpoint.Comparison c : r.comparisons()) {
                t.text(label).text(c.label());
                if (c.test().isPresent()) {
                    var lr = c.test().get();
                    t.text(String.join(";", lr.groups()));
                    t.text(join(lr.observed())).text(join(lr.expected()));
                    t.num(lr.chisq()).integer(lr.df()).num(lr.p());
                } else {
                    t.text("NA")
                            .text("NA")
                            .text("NA")
                            .num(Double.NaN)
                            .text("NA")
                            .num(Double.NaN);
                }
                t.num(c.pHolm()).num(c.pBh());
                t.text(c.test().isPresent() ? "" : "not computable: no event (or no information) in these arms");
                t.end();
            }
        }
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ";").append(org.comboscope.io.table.Numbers.format(v[i]));
        }
        return b.toString();
    }

    private static void writeMrecist(OutputDirectory dir, Arms a, List<MrecistResponse.AnimalResponse> rows)
            throws IOException {
        List<MrecistResponse.AnimalResponse> order = MrecistResponse.waterfall(rows);
        try (Writer w = dir.writer("mrecist.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "animal_id",
                                "group",
                                "role",
                                "baseline",
                                "n_measurements",
                                "best_response_pct",
                                "best_response_day",
                                "best_avg_response_pct",
                                "mrecist",
                                "waterfall_rank"))) {
            for (MrecistResponse.AnimalResponse r : rows) {
                t.text(r.animalId()).text(r.group()).text(r.role().label());
                t.num(r.baseline()).integer(r.measurements());
                t.num(r.bestResponsePercent()).num(r.bestResponseDay()).num(r.bestAvgResponsePercent());
                t.text(r.category().map(MrecistResponse.Category::label).orElse("NA"));
                int k = order.indexOf(r);
                if (k < 0) {
                    t.text("NA");
                } else {
                    t.integer(k + 1);
                }
                t.end();
            }
        }
        try (Writer w = dir.writer("mrecist_counts.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "group",
                                "role",
                                "n",
                                "mCR",
                                "mPR",
                                "mSD",
                                "mPD",
                                "not_evaluable",
                                "objective_response_rate"))) {
            for (MrecistResponse.ArmCounts c : MrecistResponse.counts(rows, a)) {
                t.text(c.group()).text(c.role().label()).integer(c.animals());
                for (MrecistResponse.Category k : MrecistResponse.Category.values()) {
                    t.integer(c.counts().get(k));
                }
                t.integer(c.notEvaluable()).num(c.objectiveResponseRate());
                t.end();
            }
        }
    }

    private static void writeComparisons(OutputDirectory dir, Arms a, List<ArmComparisons.Comparison> rows)
            throws IOException {
        try (Writer w = dir.writer("comparisons.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "variable",
                                "test",
                                "contrast",
                                "group1",
                                "group2",
                                "day",
                                "n1",
                                "n2",
                                "center1",
                                "center2",
                                "center",
                                "estimate",
                                "estimate_meaning",
                                "lower_95",
                                "upper_95",
                                "statistic",
                                "df",
                                "p",
                                "p_holm",
                                "p_bh",
                                "method"))) {
            for (ArmComparisons.Comparison c : rows) {
                boolean welch = c.test() == ArmComparisons.Test.WELCH;
                t.text(c.variable().label())
                        .text(welch ? "welch" : "mann_whitney")
                        .text(c.contrast().label());
                t.text(a.group(c.contrast().first()))
                        .text(a.group(c.contrast().second()))
                        .num(c.day());
                t.integer(c.n1()).integer(c.n2()).num(c.center1()).num(c.center2());
                t.text(welch ? "mean" : "median").num(c.estimate());
                t.text(welch ? "mean1 - mean2" : "P(value1 > value2) = W / (n1 n2)");
                t.num(c.lower()).num(c.upper()).num(c.statistic()).num(c.df());
                t.num(c.p()).num(c.pHolm()).num(c.pBh()).text(c.method());
                t.end();
            }
        }
    }

    private static void writeDiagnostics(OutputDirectory dir, GrowthDiagnostics.Result d) throws IOException {
        try (Writer w = dir.writer("diagnostics.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
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
                                "reason",
                                "model",
                                "random_r0",
                                "random_rho",
                                "random_effect_std"))) {
            if (d != null) {
                boolean exp = d.model() == GrowthDiagnostics.Model.EXPONENTIAL;
                for (GrowthDiagnostics.AnimalDiagnostic x : d.animals()) {
                    double[] b = x.randomEffects();
                    t.text(x.animalId()).text(x.group()).text(x.role().label()).integer(x.rows());
                    if (exp) {
                        t.num(b[0]).num(x.standardisedRandomEffect());
                    } else {
                        t.num(java.util.OptionalDouble.empty()).num(java.util.OptionalDouble.empty());
                    }
                    t.num(x.maxAbsStandardisedResidual());
                    t.num(x.cooksDistance()).num(d.cooksLimit());
                    t.text(x.outlier() ? "TRUE" : "FALSE").text(x.influential() ? "TRUE" : "FALSE");
                    t.text(x.reason());
                    t.text(exp ? "exp" : "gompertz");
                    if (exp) {
                        t.num(java.util.OptionalDouble.empty()).num(java.util.OptionalDouble.empty());
                    } else {
                        t.num(b[0]).num(b[1]);
                    }
                    t.num(x.standardisedRandomEffect());
                    t.end();
                }
            }
        }
        try (Writer w = dir.writer("residuals_qq.csv");
                CsvTable t = CsvTable.csv(
                        w,
                        List.of(
                                "animal_id",
                                "group",
                                "Time",
                                "logRTV",
                                "fitted",
                                "residual",
                                "pearson_residual",
                                "theoretical_quantile"))) {
            if (d != null) {
                for (GrowthDiagnostics.Residual r : d.residuals()) {
                    t.text(r.row().animalId()).text(r.row().group()).num(r.row().time());
                    t.num(r.row().logRtv()).num(r.fitted()).num(r.residual());
                    t.num(r.standardised()).num(r.theoreticalQuantile());
                    t.end();
                }
            }
        }
    }

    private static void writePlots(
            OutputDirectory dir,
            Set<PlotFormat> formats,
            TumourStudy study,
            Arms a,
            List<GroupDaySummary> summaries,
            List<MrecistResponse.AnimalResponse> responses,
            List<SynergyEstimate> synergy,
            TimeToEndpoint.Result endpoint,
            Measurement measurement)
            throws IOException {
        String unit = measurement == Measurement.BLI_RLU ? "Bioluminescence (RLU)" : "Tumour volume (mm³)";
        java.util.Map<String, org.jfree.chart.JFreeChart> charts = new java.util.LinkedHashMap<>();
        java.util.Map<String, int[]> sizes = new java.util.HashMap<>();
        charts.put("spaghetti", InvivoCharts.spaghetti(study, a, unit));
        sizes.put("spaghetti", new int[] {InvivoCharts.WIDE_PT, 220});
        charts.put("mean_sem", InvivoCharts.meanSem(summaries, a, unit));
        sizes.put("mean_sem", new int[] {Charts.COLUMN_WIDTH_PT * 2, 240});
        charts.put("waterfall", InvivoCharts.waterfall(MrecistResponse.waterfall(responses), a));
        sizes.put("waterfall", new int[] {InvivoCharts.WIDE_PT, 220});
        if (!synergy.isEmpty()) {
            charts.put("synergy_ss", InvivoCharts.synergyOverTime(synergy));
            sizes.put("synergy_ss", new int[] {Charts.COLUMN_WIDTH_PT * 2, 220});
        }
        if (!endpoint.curves().isEmpty()) {
            charts.put("endpoint_km", KmPlot.chart(endpoint.curves(), "days since start"));
            sizes.put("endpoint_km", new int[] {
                KmPlot.WIDTH_PT, KmPlot.heightPt(endpoint.curves().size())
            });
        }
        for (java.util.Map.Entry<String, org.jfree.chart.JFreeChart> e : charts.entrySet()) {
            int[] s = sizes.get(e.getKey());
            for (PlotFormat f : formats) {
                Path file = dir.path("plots/" + e.getKey() + "." + f.extension());
                if (f == PlotFormat.SVG) {
                    ChartFiles.writeSvg(e.getValue(), s[0], s[1], file);
                } else {
                    ChartFiles.writePng(e.getValue(), s[0], s[1], file);
                }
            }
        }
    }
}
