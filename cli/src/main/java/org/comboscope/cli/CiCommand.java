package org.comboscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.comboscope.core.combination.Braid;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.core.combination.CiCell;
import org.comboscope.core.combination.CiLevel;
import org.comboscope.core.combination.CiRay;
import org.comboscope.core.combination.CombinationIndex;
import org.comboscope.core.combination.HillCurve;
import org.comboscope.core.combination.MedianEffect;
import org.comboscope.core.combination.MixtureBlock;
import org.comboscope.core.combination.MixtureCi;
import org.comboscope.core.combination.MuSyC;
import org.comboscope.core.combination.ParameterEstimate;
import org.comboscope.core.combination.ParametricFit;
import org.comboscope.core.combination.PointwiseScores;
import org.comboscope.core.combination.TwoDrugData;
import org.comboscope.core.combination.Zimmer;
import org.comboscope.core.error.ComboscopeException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.response.Interval;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.ci.CiReport;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportFiles;
import org.comboscope.report.synergy.PlotFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope ci}: Chou–Talalay combination index and the parametric models MuSyC, Zimmer, BRAID. */
@Command(
        name = "ci",
        mixinStandardHelpOptions = true,
        description = {
            "Chou-Talalay combination index (median-effect analysis, CI per cell and at effect levels, DRI,"
                    + " Fa-CI curve and isobologram data, bootstrap bands) and the parametric two-drug models MuSyC,"
                    + " Zimmer and BRAID, as the Python synergy 1.0 package computes them.",
            "Writes DIR/ci_cells.csv, DIR/ci_drugs.csv, DIR/ci_levels.csv, DIR/ci_fa_curve.csv, DIR/musyc.csv,"
                    + " DIR/zimmer.csv, DIR/braid.csv, DIR/pointwise.csv (those selected) and DIR/warnings.txt;"
                    + " with --plots (and ci selected) DIR/plots/<block>_fa_ci.svg|png and"
                    + " DIR/plots/<block>_isobologram.svg|png; with --report DIR/report.html and DIR/report.pdf.",
            "Blocks of 3 or more drugs (drug3, conc3 ... columns): the constant-ratio mixture CI (CompuSyn's"
                    + " n-drug analysis) of every ray of rows with all drugs dosed, at the levels and per row, with"
                    + " DRIs, in DIR/ci_mixtures.csv and DIR/ci_mixture_drugs.csv; the two-drug models are skipped"
                    + " (noted in warnings.txt), a checkerboard gets a note that the CI needs constant-ratio rows.",
            "Conventions: ci < 1 synergy; MuSyC beta > 0 synergistic efficacy, alpha > 1 synergistic potency,"
                    + " gamma > 1 synergistic cooperativity; Zimmer a < 0 synergy; BRAID kappa > 0 synergy."
                    + " Response levels (e0_fa ...) are fractions affected."
        })
final class CiCommand implements Callable<Integer> {

    /** The models {@code --models} can select. */
    enum Model {
        CI,
        MUSYC,
        ZIMMER,
        BRAID,
        BLISS,
        HSA,
        LOEWE,
        SCHINDLER,
        ZIP;

        boolean pointwise() {
            return this == BLISS || this == HSA || this == LOEWE || this == SCHINDLER || this == ZIP;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Set<Model> parseList(String text) {
            Set<Model> out = EnumSet.noneOf(Model.class);
            for (String s : text.split(",")) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                Model m = null;
                for (Model x : values()) {
                    if (x.label().equals(t)) {
                        m = x;
                    }
                }
                if (m == null) {
                    throw new InvalidInputException(
                            "models",
                            s,
                            "must be a comma-separated list of ci, musyc, zimmer, braid, bliss, hsa, loewe, schindler, zip");
                }
                out.add(m);
            }
            if (out.isEmpty()) {
                throw new InvalidInputException("models", text, "must name at least one model");
            }
            return out;
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "SynergyFinder table: CSV, TSV or XLSX.")
    Path input;

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @Option(
            names = "--data-type",
            defaultValue = "viability",
            description = "Meaning of the response column: viability (fa = 1 - v), inhibition (fa = v) or counts"
                    + " (raw signal such as cell counts: fa = 1 - y / mean of the block's untreated wells)."
                    + " Default: ${DEFAULT-VALUE} (as the synergy command).")
    String dataType;

    @Option(
            names = "--response-unit",
            defaultValue = "percent",
            description = "percent (0-100) or fraction (0-1). Default: ${DEFAULT-VALUE}.")
    String responseUnit;

    @Option(
            names = "--models",
            defaultValue = "ci,musyc,zimmer,braid",
            description = "Any of ci, musyc, zimmer, braid, bliss, hsa, loewe, schindler, zip (the last five write"
                    + " DIR/pointwise.csv in the Python synergy package's conventions). Default: ${DEFAULT-VALUE}.")
    String models;

    @Option(
            names = "--levels",
            defaultValue = "0.5,0.75,0.9,0.95",
            description = "Effect levels (fa) for the CI of constant-ratio rays. Default: ${DEFAULT-VALUE}.")
    String levels;

    @Option(
            names = "--bootstrap",
            defaultValue = "100",
            description = "Bootstrap resamples for confidence bands and parameter intervals (0: none)."
                    + " Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--plots",
            defaultValue = "",
            description = "Static plot formats written to DIR/plots/ for every block the CI analysis succeeded on:"
                    + " svg, png or svg,png (Fa-CI plot and normalised isobologram). Default: none.")
    String plots;

    @Option(
            names = "--report",
            description = "Also write DIR/report.html (self-contained) and DIR/report.pdf: per block the median-effect"
                    + " fits, CI at the --levels with bootstrap bands, Fa-CI plot, isobologram and the parametric"
                    + " models' parameter tables with intervals.")
    boolean report;

    @Option(
            names = "--braid-fit",
            defaultValue = "optimum",
            description = "BRAID estimate: optimum (least-squares optimum, two starts) or package (the Python synergy"
                    + " package's route: bounded trust-region fit from kappa = 0, which can stop short of the"
                    + " optimum). Default: ${DEFAULT-VALUE}.")
    String braidFit;

    private boolean braidAsPackage;

    /** Per block, reader-problem prefixes of the never-dosed drugs dropped from it. */
    private final Map<String, List<String>> dropped = new LinkedHashMap<>();

    /** The parsed {@code --levels}. */
    private double[] faLevels = new double[0];

    @Option(names = "--sheet", description = "XLSX sheet name (default: the first sheet).")
    String sheet;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "Worker threads; 0 = all cores. Results do not depend on it.")
    int threads;

    /**
     * Everything computed for one block; failures per model. Blocks of 3 or more drugs get the
     * constant-ratio mixture CI ({@code mixture}) and notes for the two-drug models skipped.
     */
    record BlockResult(
            DoseResponseBlock block,
            Optional<CiAnalysis> ci,
            Map<Model, ParametricFit> fits,
            Optional<List<PointwiseScores.Row>> pointwise,
            Map<Model, String> failures,
            Optional<MixtureBlock> mixture,
            List<String> notes) {
        BlockResult(
                DoseResponseBlock block,
                Optional<CiAnalysis> ci,
                Map<Model, ParametricFit> fits,
                Optional<List<PointwiseScores.Row>> pointwise,
                Map<Model, String> failures) {
            this(block, ci, fits, pointwise, failures, Optional.empty(), List.of());
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean counts = dataType.trim().equalsIgnoreCase("counts");
        ResponseScale scale = counts ? ResponseScale.VIABILITY : ResponseScale.parse(dataType);
        double unit =
                switch (responseUnit.trim().toLowerCase(Locale.ROOT)) {
                    case "percent" -> 100.0;
                    case "fraction" -> 1.0;
                    default ->
                        throw new InvalidInputException("response-unit", responseUnit, "must be percent or fraction");
                };
        Set<Model> ms = Model.parseList(models);
        Set<PlotFormat> plotFormats = PlotFormat.parseList(plots);
        double[] fa = parseLevels(levels);
        faLevels = fa.clone();
        if (bootstrap < 0) {
            throw new InvalidInputException("bootstrap", bootstrap, "must be >= 0");
        }
        braidAsPackage = switch (braidFit.trim().toLowerCase(Locale.ROOT)) {
            case "optimum" -> false;
            case "package" -> true;
            default -> throw new InvalidInputException("braid-fit", braidFit, "must be optimum or package");
        };
        CombinationIndex ci =
                new CombinationIndex().withLevels(fa).withBootstrap(bootstrap).withSeed(seed);
        // Read as inhibition (no conversion) and convert here, where the unit is known.
        TableReadResult table = sheet == null
                ? SynergyFinderTableReader.read(input, ResponseScale.INHIBITION)
                : SynergyFinderTableReader.read(input, ResponseScale.INHIBITION, sheet);
        if (table.drugCount() < 2) {
            throw new InvalidInputException(
                    "drugs", table.drugCount(), "the ci command needs at least 2 drugs per block", input.toString());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> warnings = new ArrayList<>();
        for (String w : table.warnings()) {
            // The reader's percent-scale hint does not apply when the user declared fractions or counts.
            if (!((unit == 1.0 || counts) && w.contains("responses must be percent inhibition"))) {
                warnings.add(w);
            }
        }
        List<DoseResponseBlock> blocks = new ArrayList<>();
        Map<String, String> unnormalisable = new LinkedHashMap<>();
        // per block, the reader's problem prefixes of never-dosed trailing drugs (ignored: drugs dropped)
        dropped.clear();
        for (DoseResponseBlock b : table.blocks()) {
            double[] y = b.inhibitionPercent();
            double control = unit;
            if (counts) {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < y.length; i++) {
                    if (untreated(b, i)) {
                        sum += y[i];
                        n++;
                    }
                }
                if (n == 0 || !(sum > 0)) {
                    unnormalisable.put(
                            b.blockId(),
                            "--data-type counts needs untreated wells (every conc = 0) with a positive mean;"
                                    + " block has " + n);
                    control = 1;
                } else {
                    control = sum / n;
                }
            }
            for (int i = 0; i < y.length; i++) {
                double f = scale == ResponseScale.VIABILITY ? 1 - y[i] / control : y[i] / control;
                y[i] = 100 * f;
            }
            int used = dosedDrugs(b);
            if (used < b.drugCount() && used >= 2) {
                // e.g. a 2-drug block in a table with drug3/conc3 columns: drugs past `used` are never dosed
                warnings.add("block " + b.blockId() + ": drugs " + (used + 1) + ".." + b.drugCount()
                        + " are never dosed; analysed as a " + used + "-drug block");
                for (int d = used; d < b.drugCount(); d++) {
                    dropped.computeIfAbsent(b.blockId(), x -> new ArrayList<>())
                            .add("drug '" + b.drugs().get(d) + "' (");
                }
                double[][] c = b.concentrations();
                for (int i = 0; i < c.length; i++) {
                    c[i] = java.util.Arrays.copyOf(c[i], used);
                }
                blocks.add(new DoseResponseBlock(
                        b.blockId(),
                        b.drugs().subList(0, used),
                        b.concUnits().subList(0, used),
                        c,
                        y,
                        b.sourceLines()));
            } else {
                blocks.add(new DoseResponseBlock(
                        b.blockId(), b.drugs(), b.concUnits(), b.concentrations(), y, b.sourceLines()));
            }
        }
        for (String w : warnings) {
            err.println("warning: " + w);
        }
        List<BlockResult> results = analyzeAll(blocks, table, unnormalisable, ms, ci);
        List<String> failures = new ArrayList<>();
        for (BlockResult r : results) {
            r.failures()
                    .forEach((m, why) -> failures.add("block " + r.block().blockId() + ", " + m.label() + ": " + why));
        }
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            if (ms.contains(Model.CI)) {
                CiTables.write(dir, results);
                if (table.drugCount() > 2) {
                    MixtureTables.write(dir, results);
                }
            }
            if (report || !plotFormats.isEmpty()) {
                ReportDoc doc = reportDoc(results, fa, warnings, failures);
                if (report) {
                    ReportFiles.write(doc, dir, true, plotFormats);
                } else {
                    ReportFiles.writePlots(doc, dir, plotFormats);
                }
            }
            for (Model m : List.of(Model.MUSYC, Model.ZIMMER, Model.BRAID)) {
                if (ms.contains(m)) {
                    writeFits(dir, m, results);
                }
            }
            if (ms.stream().anyMatch(Model::pointwise)) {
                writePointwise(dir, ms, results);
            }
            try (Writer w = dir.writer("warnings.txt")) {
                w.write("# comboscope ci: input " + input + ", data type " + (counts ? "counts" : scale.label())
                        + ", response unit "
                        + responseUnit + " (converted to fraction affected), models " + models + ", bootstrap "
                        + bootstrap + ", seed " + seed + "\n");
                for (String s : warnings) {
                    w.write("warning: " + s + "\n");
                }
                for (String f : failures) {
                    w.write("not analysed: " + f + "\n");
                }
                for (BlockResult r : results) {
                    for (String note : r.notes()) {
                        w.write("block " + r.block().blockId() + ": " + note + "\n");
                    }
                    if (r.ci().isPresent()) {
                        for (String note : r.ci().get().notes()) {
                            w.write("block " + r.block().blockId() + ", ci: " + note + "\n");
                        }
                    }
                }
            }
            dir.commit();
        }
        for (String f : failures) {
            err.println("not analysed: " + f);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                "comboscope ci: %d blocks, models %s, %d model fits failed; results in %s%n",
                blocks.size(), models, failures.size(), out.toAbsolutePath().normalize());
        o.flush();
        err.flush();
        return failures.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    private ReportDoc reportDoc(List<BlockResult> results, double[] fa, List<String> warnings, List<String> failures)
            throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data_type", dataType);
        p.put("response_unit", responseUnit);
        p.put("models", models);
        p.put("levels", levels);
        p.put("bootstrap", Integer.toString(bootstrap));
        p.put("braid_fit", braidAsPackage ? "package" : "optimum");
        p.put("seed", Long.toString(seed));
        if (sheet != null) {
            p.put("sheet", sheet);
        }
        List<CiReport.Block> blocks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        warnings.forEach(w -> notes.add("warning: " + w));
        failures.forEach(f -> notes.add("not analysed: " + f));
        for (BlockResult r : results) {
            DoseResponseBlock b = r.block();
            Map<String, String> why = new LinkedHashMap<>();
            r.failures().forEach((m, w) -> why.put(m.label(), w));
            blocks.add(new CiReport.Block(
                    b.blockId(),
                    b.drugs().get(0),
                    b.drugs().get(1),
                    b.concUnits().get(0),
                    b.concUnits().get(1),
                    r.ci(),
                    new ArrayList<>(r.fits().values()),
                    why,
                    b.drugs(),
                    r.mixture(),
                    r.notes()));
            r.ci().ifPresent(a -> a.notes().forEach(n -> notes.add("block " + b.blockId() + ", ci: " + n)));
        }
        return CiReport.build(SynergyOptions.provenance(input, p), blocks, fa, notes);
    }

    /** One past the last drug dosed in any row of the block (drugs after it are all-zero columns). */
    private static int dosedDrugs(DoseResponseBlock b) {
        int used = 0;
        for (int i = 0; i < b.rowCount(); i++) {
            for (int d = used; d < b.drugCount(); d++) {
                if (b.conc(i, d) != 0) {
                    used = d + 1;
                }
            }
        }
        return used;
    }

    private static boolean untreated(DoseResponseBlock b, int row) {
        for (int d = 0; d < b.drugCount(); d++) {
            if (b.conc(row, d) != 0) {
                return false;
            }
        }
        return true;
    }

    static double[] parseLevels(String text) {
        String[] parts = text.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("levels", parts[i], "must be numbers in (0, 1)");
            }
            if (!(out[i] > 0 && out[i] < 1)) {
                throw new InvalidInputException("levels", parts[i], "must be numbers in (0, 1)");
            }
        }
        return out;
    }

    private List<BlockResult> analyzeAll(
            List<DoseResponseBlock> blocks,
            TableReadResult table,
            Map<String, String> unnormalisable,
            Set<Model> ms,
            CombinationIndex ci)
            throws InterruptedException {
        int n = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(n, blocks.size())));
        try {
            List<Future<BlockResult>> futures = new ArrayList<>();
            for (DoseResponseBlock b : blocks) {
                List<String> problems = new ArrayList<>();
                List<String> ignore = dropped.getOrDefault(b.blockId(), List.of());
                table.problemsFor(b.blockId()).stream()
                        .map(p -> p.rule())
                        .filter(rule -> ignore.stream().noneMatch(rule::startsWith))
                        .forEach(problems::add);
                if (unnormalisable.containsKey(b.blockId())) {
                    problems.add(unnormalisable.get(b.blockId()));
                }
                futures.add(pool.submit(() -> analyze(b, problems, ms, ci)));
            }
            List<BlockResult> out = new ArrayList<>();
            for (Future<BlockResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private BlockResult analyze(DoseResponseBlock b, List<String> problems, Set<Model> ms, CombinationIndex ci) {
        Map<Model, String> failures = new LinkedHashMap<>();
        Map<Model, ParametricFit> fits = new LinkedHashMap<>();
        if (!problems.isEmpty()) {
            for (Model m : ms) {
                failures.put(m, problems.get(0));
            }
            return new BlockResult(b, Optional.empty(), fits, Optional.empty(), failures);
        }
        if (b.drugCount() > 2) {
            return analyzeMixture(b, ms);
        }
        TwoDrugData data = TwoDrugData.of(b);
        Optional<CiAnalysis> analysis = Optional.empty();
        for (Model m : ms) {
            if (m.pointwise()) {
                continue;
            }
            try {
                switch (m) {
                    case CI -> analysis = Optional.of(ci.analyze(data, b.blockId()));
                    case MUSYC -> fits.put(m, MuSyC.fit(data, bootstrap, seed, b.blockId()));
                    case ZIMMER -> fits.put(m, Zimmer.fit(data, bootstrap, seed, b.blockId()));
                    case BRAID -> fits.put(m, Braid.fit(data, bootstrap, seed, b.blockId(), braidAsPackage));
                    default -> throw new IllegalStateException("pointwise model " + m);
                }
            } catch (ComboscopeException e) {
                failures.put(m, e.getMessage());
            }
        }
        Optional<List<PointwiseScores.Row>> pw = Optional.empty();
        if (ms.stream().anyMatch(Model::pointwise)) {
            try {
                pw = Optional.of(PointwiseScores.compute(data));
            } catch (ComboscopeException e) {
                for (Model m : ms) {
                    if (m.pointwise()) {
                        failures.put(m, e.getMessage());
                    }
                }
            }
        }
        return new BlockResult(b, analysis, fits, pw, failures);
    }

    /** A block of 3 or more drugs: the constant-ratio mixture CI; the two-drug models are skipped. */
    private BlockResult analyzeMixture(DoseResponseBlock b, Set<Model> ms) {
        Map<Model, String> failures = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> skipped =
                ms.stream().filter(m -> m != Model.CI).map(Model::label).toList();
        if (!skipped.isEmpty()) {
            notes.add(String.join(", ", skipped) + " skipped: two-drug models, the block has " + b.drugCount()
                    + " drugs (the constant-ratio CI covers any number of drugs)");
        }
        Optional<MixtureBlock> mixture = Optional.empty();
        if (ms.contains(Model.CI)) {
            int n = b.rowCount();
            double[][] conc = new double[n][];
            double[] fa = new double[n];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                conc[i] = new double[b.drugCount()];
                for (int d = 0; d < b.drugCount(); d++) {
                    conc[i][d] = b.conc(i, d);
                }
                fa[i] = b.response(i) / 100.0;
                names.add("block " + b.blockId() + ", line " + b.sourceLines()[i]);
            }
            try {
                mixture = Optional.of(MixtureBlock.analyze(conc, fa, names, bootstrap, seed, b.blockId(), faLevels));
                notes.addAll(mixture.get().notes().stream().map(x -> "ci: " + x).toList());
            } catch (ComboscopeException e) {
                failures.put(Model.CI, e.getMessage());
            }
        }
        return new BlockResult(b, Optional.empty(), new LinkedHashMap<>(), Optional.empty(), failures, mixture, notes);
    }

    /** {@code ci_mixtures.csv} and {@code ci_mixture_drugs.csv}: the n-drug constant-ratio CI. */
    static final class MixtureTables {
        private MixtureTables() {}

        static void write(OutputDirectory dir, List<BlockResult> results) throws IOException {
            int k = 0;
            for (BlockResult r : results) {
                k = Math.max(k, r.block().drugCount());
            }
            List<String> h = new ArrayList<>(List.of("block_id", "ray", "ratio"));
            for (int i = 1; i <= k; i++) {
                h.add("fraction_" + i);
            }
            h.addAll(List.of("kind", "total_dose", "fa", "ci", "ci_lower", "ci_upper"));
            for (String c : List.of("dx_", "d_", "dri_")) {
                for (int i = 1; i <= k; i++) {
                    h.add(c + i);
                }
            }
            h.addAll(List.of("dm_mix", "m_mix", "r_mix", "n_points", "convention"));
            try (Writer w = dir.writer("ci_mixtures.csv");
                    CsvTable t = CsvTable.csv(w, h)) {
                for (BlockResult r : results) {
                    if (r.mixture().isEmpty()) {
                        continue;
                    }
                    List<MixtureBlock.Ray> rays = r.mixture().get().rays();
                    for (int ray = 0; ray < rays.size(); ray++) {
                        MixtureCi m = rays.get(ray).ci();
                        double[] p = m.fractions();
                        for (MixtureCi.Level l : m.levels()) {
                            double total = 0;
                            for (double v : l.d()) {
                                total += v;
                            }
                            start(t, r, ray, rays.get(ray), p, k);
                            t.text("level").num(total).num(l.fa()).num(l.ci());
                            t.num(l.ciLower()).num(l.ciUpper());
                            doses(t, l.dx(), l.d(), k);
                            end(t, m);
                        }
                        for (MixtureCi.Row row : m.rows()) {
                            start(t, r, ray, rays.get(ray), p, k);
                            t.text("row").num(row.total()).num(row.fa()).num(row.ci());
                            t.num(Double.NaN).num(Double.NaN);
                            double[] dx = new double[p.length];
                            double[] d = new double[p.length];
                            for (int i = 0; i < p.length; i++) {
                                dx[i] = row.ci().isPresent()
                                        ? m.drugs().get(i).dose(row.fa()).orElse(Double.NaN)
                                        : Double.NaN;
                                d[i] = p[i] * row.total();
                            }
                            doses(t, dx, d, k);
                            end(t, m);
                        }
                    }
                }
            }
            try (Writer w = dir.writer("ci_mixture_drugs.csv");
                    CsvTable t = CsvTable.csv(
                            w, List.of("block_id", "drug_index", "drug", "dm", "m", "r", "n_points", "conc_unit"))) {
                for (BlockResult r : results) {
                    if (r.mixture().isEmpty() || r.mixture().get().rays().isEmpty()) {
                        continue;
                    }
                    List<MedianEffect> drugs =
                            r.mixture().get().rays().get(0).ci().drugs();
                    for (int i = 0; i < drugs.size(); i++) {
                        MedianEffect me = drugs.get(i);
                        t.text(r.block().blockId())
                                .integer(i + 1)
                                .text(r.block().drugs().get(i))
                                .num(me.dm())
                                .num(me.m())
                                .num(me.r())
                                .integer(me.n())
                                .text(r.block().concUnits().get(i));
                        t.end();
                    }
                }
            }
        }

        private static void start(CsvTable t, BlockResult r, int ray, MixtureBlock.Ray x, double[] p, int k) {
            t.text(r.block().blockId()).integer(ray + 1).text(x.ratioLabel());
            for (int i = 0; i < k; i++) {
                t.num(i < p.length ? p[i] : Double.NaN);
            }
        }

        private static void doses(CsvTable t, double[] dx, double[] d, int k) {
            for (int i = 0; i < k; i++) {
                t.num(i < dx.length ? dx[i] : Double.NaN);
            }
            for (int i = 0; i < k; i++) {
                t.num(i < d.length ? d[i] : Double.NaN);
            }
            for (int i = 0; i < k; i++) {
                t.num(i < d.length ? dx[i] / d[i] : Double.NaN);
            }
        }

        private static void end(CsvTable t, MixtureCi m) {
            t.num(m.mixture().dm())
                    .num(m.mixture().m())
                    .num(m.mixture().r())
                    .integer(m.mixture().n());
            t.text(MixtureCi.CONVENTION);
            t.end();
        }
    }

    private static void writeFits(OutputDirectory dir, Model m, List<BlockResult> results) throws IOException {
        List<String> names =
                switch (m) {
                    case MUSYC -> MuSyC.PARAMETER_NAMES;
                    case ZIMMER -> Zimmer.PARAMETER_NAMES;
                    case BRAID -> Braid.PARAMETER_NAMES;
                    default -> throw new IllegalArgumentException(m.label() + " has no parameter file");
                };
        List<String> h = new ArrayList<>(List.of("block_id", "drug1", "drug2"));
        for (String p : names) {
            h.add(p);
            h.add(p + "_lower");
            h.add(p + "_upper");
        }
        h.addAll(List.of("ssr", "r_squared", "n", "bootstrap_refits", "conc_unit1", "conc_unit2", "convention"));
        try (Writer w = dir.writer(m.label() + ".csv");
                CsvTable t = CsvTable.csv(w, h)) {
            for (BlockResult r : results) {
                ParametricFit f = r.fits().get(m);
                if (f == null) {
                    continue;
                }
                t.text(r.block().blockId())
                        .text(r.block().drugs().get(0))
                        .text(r.block().drugs().get(1));
                for (String p : names) {
                    ParameterEstimate e = f.parameter(p);
                    t.num(e.value());
                    t.num(e.ci().map(Interval::lower).orElse(Double.NaN));
                    t.num(e.ci().map(Interval::upper).orElse(Double.NaN));
                }
                t.num(f.ssr()).num(f.rSquared()).integer(f.n()).integer(f.bootstrapRefits());
                t.text(r.block().concUnits().get(0))
                        .text(r.block().concUnits().get(1))
                        .text(f.convention());
                t.end();
            }
        }
    }

    /** Per-row reference models in the package's conventions, as fractions affected. */
    private static void writePointwise(OutputDirectory dir, Set<Model> ms, List<BlockResult> results)
            throws IOException {
        record Col(
                Model model,
                String name,
                java.util.function.Function<PointwiseScores.Row, java.util.OptionalDouble> f) {}
        List<Col> cols = List.of(
                new Col(Model.BLISS, "bliss_ref_fa", PointwiseScores.Row::blissRefFa),
                new Col(Model.BLISS, "bliss_syn", PointwiseScores.Row::blissSyn),
                new Col(Model.BLISS, "bliss_hill_ref_fa", PointwiseScores.Row::blissHillRefFa),
                new Col(Model.BLISS, "bliss_hill_syn", PointwiseScores.Row::blissHillSyn),
                new Col(Model.HSA, "hsa_ref_fa", PointwiseScores.Row::hsaRefFa),
                new Col(Model.HSA, "hsa_syn", PointwiseScores.Row::hsaSyn),
                new Col(Model.HSA, "hsa_hill_ref_fa", PointwiseScores.Row::hsaHillRefFa),
                new Col(Model.HSA, "hsa_hill_syn", PointwiseScores.Row::hsaHillSyn),
                new Col(Model.LOEWE, "loewe_delta_weakest_ref_fa", PointwiseScores.Row::loeweWeakestRefFa),
                new Col(Model.LOEWE, "loewe_delta_weakest_syn", PointwiseScores.Row::loeweWeakestSyn),
                new Col(Model.LOEWE, "loewe_delta_hsa_ref_fa", PointwiseScores.Row::loeweHsaRefFa),
                new Col(Model.LOEWE, "loewe_delta_hsa_syn", PointwiseScores.Row::loeweHsaSyn),
                new Col(Model.LOEWE, "loewe_delta_nan_ref_fa", PointwiseScores.Row::loeweNanRefFa),
                new Col(Model.LOEWE, "loewe_delta_nan_syn", PointwiseScores.Row::loeweNanSyn),
                new Col(Model.LOEWE, "loewe_ci", PointwiseScores.Row::loeweCi),
                new Col(Model.LOEWE, "loewe_ci_loglinear", PointwiseScores.Row::loeweCiLogLinear),
                new Col(Model.SCHINDLER, "schindler_ref_fa", PointwiseScores.Row::schindlerRefFa),
                new Col(Model.SCHINDLER, "schindler_syn", PointwiseScores.Row::schindlerSyn),
                new Col(Model.ZIP, "zip_ref_fa", PointwiseScores.Row::zipRefFa),
                new Col(Model.ZIP, "zip_delta", PointwiseScores.Row::zipDelta));
        List<Col> chosen = cols.stream().filter(c -> ms.contains(c.model())).toList();
        List<String> h = new ArrayList<>(List.of("block_id", "conc1", "conc2", "fa"));
        chosen.forEach(c -> h.add(c.name()));
        h.add("convention");
        try (Writer w = dir.writer("pointwise.csv");
                CsvTable t = CsvTable.csv(w, h)) {
            for (BlockResult r : results) {
                if (r.pointwise().isEmpty()) {
                    continue;
                }
                DoseResponseBlock b = r.block();
                for (PointwiseScores.Row row : r.pointwise().get()) {
                    int i = row.row();
                    t.text(b.blockId()).num(b.conc(i, 0)).num(b.conc(i, 1)).num(b.response(i) / 100.0);
                    for (Col c : chosen) {
                        t.num(c.f().apply(row));
                    }
                    t.text(PointwiseScores.CONVENTION);
                    t.end();
                }
            }
        }
    }

    /** The four Chou–Talalay tables. */
    static final class CiTables {
        private CiTables() {}

        static void write(OutputDirectory dir, List<BlockResult> results) throws IOException {
            String conv = CiAnalysis.CONVENTION;
            try (Writer w = dir.writer("ci_cells.csv");
                    CsvTable t = CsvTable.csv(
                            w,
                            List.of(
                                    "block_id",
                                    "conc1",
                                    "conc2",
                                    "fa",
                                    "ci",
                                    "cell_type",
                                    "dx1",
                                    "dx2",
                                    "dri1",
                                    "dri2",
                                    "convention"))) {
                for (BlockResult r : results) {
                    if (r.ci().isEmpty()) {
                        continue;
                    }
                    for (CiCell c : r.ci().get().cells()) {
                        t.text(r.block().blockId())
                                .num(c.conc1())
                                .num(c.conc2())
                                .num(c.fa())
                                .num(c.ci());
                        t.text(cellType(c))
                                .num(c.dx1())
                                .num(c.dx2())
                                .num(c.dri1())
                                .num(c.dri2())
                                .text(conv);
                        t.end();
                    }
                }
            }
            try (Writer w = dir.writer("ci_drugs.csv");
                    CsvTable t = CsvTable.csv(
                            w,
                            List.of(
                                    "block_id",
                                    "drug_index",
                                    "dm",
                                    "m",
                                    "r",
                                    "drug",
                                    "n_points",
                                    "dm_lower",
                                    "dm_upper",
                                    "m_lower",
                                    "m_upper",
                                    "dm_nonlinear",
                                    "m_nonlinear",
                                    "conc_unit"))) {
                for (BlockResult r : results) {
                    if (r.ci().isEmpty()) {
                        continue;
                    }
                    CiAnalysis a = r.ci().get();
                    for (int d = 1; d <= 2; d++) {
                        MedianEffect me = d == 1 ? a.drug1() : a.drug2();
                        Optional<Interval> dm = d == 1 ? a.dm1Band() : a.dm2Band();
                        Optional<Interval> m = d == 1 ? a.m1Band() : a.m2Band();
                        Optional<HillCurve> nl = d == 1 ? a.drug1Nonlinear() : a.drug2Nonlinear();
                        t.text(r.block().blockId())
                                .integer(d)
                                .num(me.dm())
                                .num(me.m())
                                .num(me.r());
                        t.text(r.block().drugs().get(d - 1)).integer(me.n());
                        t.num(dm.map(Interval::lower).orElse(Double.NaN))
                                .num(dm.map(Interval::upper).orElse(Double.NaN));
                        t.num(m.map(Interval::lower).orElse(Double.NaN))
                                .num(m.map(Interval::upper).orElse(Double.NaN));
                        t.num(nl.map(HillCurve::c).orElse(Double.NaN))
                                .num(nl.map(HillCurve::h).orElse(Double.NaN));
                        t.text(r.block().concUnits().get(d - 1));
                        t.end();
                    }
                }
            }
            try (Writer w = dir.writer("ci_levels.csv");
                    CsvTable t = CsvTable.csv(w, levelHeader(true))) {
                for (BlockResult r : results) {
                    r.ci().ifPresent(a -> {
                        for (CiRay ray : a.rays()) {
                            for (CiLevel l : ray.levels()) {
                                levelRow(t, r.block().blockId(), ray, l, true);
                            }
                        }
                    });
                }
            }
            try (Writer w = dir.writer("ci_fa_curve.csv");
                    CsvTable t = CsvTable.csv(w, levelHeader(false))) {
                for (BlockResult r : results) {
                    r.ci().ifPresent(a -> {
                        for (CiRay ray : a.rays()) {
                            for (CiLevel l : ray.curve()) {
                                levelRow(t, r.block().blockId(), ray, l, false);
                            }
                        }
                    });
                }
            }
        }

        private static List<String> levelHeader(boolean full) {
            List<String> h = new ArrayList<>(
                    List.of("block_id", "ratio_d2_d1", "fraction_drug1", "fa", "ci", "ci_lower", "ci_upper"));
            if (full) {
                h.addAll(List.of(
                        "dx1",
                        "dx2",
                        "d1",
                        "d2",
                        "d1_over_dx1",
                        "d2_over_dx2",
                        "dri1",
                        "dri2",
                        "dm_mix",
                        "m_mix",
                        "r_mix",
                        "n_points"));
            }
            h.add("convention");
            return h;
        }

        private static void levelRow(CsvTable t, String id, CiRay ray, CiLevel l, boolean full) {
            t.text(id)
                    .num(ray.ratio())
                    .num(ray.fraction1())
                    .num(l.fa())
                    .num(l.ci())
                    .num(l.ciLower())
                    .num(l.ciUpper());
            if (full) {
                t.num(l.dx1())
                        .num(l.dx2())
                        .num(l.d1())
                        .num(l.d2())
                        .num(l.d1() / l.dx1())
                        .num(l.d2() / l.dx2());
                t.num(l.dri1())
                        .num(l.dri2())
                        .num(ray.mixture().dm())
                        .num(ray.mixture().m())
                        .num(ray.mixture().r());
                t.integer(ray.mixture().n());
            }
            t.text(CiAnalysis.CONVENTION);
            t.end();
        }

        private static String cellType(CiCell c) {
            if (c.conc1() > 0 && c.conc2() > 0) {
                return "combination";
            }
            if (c.conc1() > 0) {
                return "drug1_alone";
            }
            return c.conc2() > 0 ? "drug2_alone" : "control";
        }
    }
}
