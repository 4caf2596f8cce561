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
import org.comboscope.core.invivo.ArmRole;
import org.comboscope.core.invivo.Arms;
import org.comboscope.core.invivo.EndpointStatistics;
import org.comboscope.core.invivo.ExponentialFit;
import org.comboscope.core.invivo.GompertzFit;
import org.comboscope.core.invivo.GompertzGrowthModel;
import org.comboscope.core.invivo.GompertzSynergy;
import org.comboscope.core.invivo.GroupDaySummary;
import org.comboscope.core.invivo.GrowthInhibition;
import org.comboscope.core.invivo.InvivoSynBootstrap;
import org.comboscope.core.invivo.InvivoSynStatistics;
import org.comboscope.core.invivo.Measurement;
import org.comboscope.core.invivo.PreparedData;
import org.comboscope.core.invivo.RelativeVolume;
import org.comboscope.core.invivo.SynergyEstimate;
import org.comboscope.core.invivo.SynergyReference;
import org.comboscope.core.invivo.TimeResolvedSynergy;
import org.comboscope.core.invivo.TumourStudy;
import org.comboscope.io.invivo.ArmsReader;
import org.comboscope.io.invivo.TumourTable;
import org.comboscope.io.invivo.TumourTableReader;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
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
            "Time in synergy.csv and day_since_start are days since the study's first day."
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
                    + " (multi-arm: vehicle / single / combination X+Y).")
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
        warnings.addAll(problems);

        try (OutputDirectory dir = OutputDirectory.create(out)) {
            writeSummaries(dir, summaries);
            writeTgi(dir, tgi);
            if (model == Model.exp) {
                writeGrowthRates(dir, a, result);
                writeSynergy(dir, result == null ? List.of() : result.estimates());
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
        try (Writer w = dir.writer("synergy.csv");
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
}
