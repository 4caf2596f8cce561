package org.comboscope.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.doseresponse.DoseResponseFitter;
import org.comboscope.core.doseresponse.Ic50Estimate;
import org.comboscope.core.doseresponse.Potency;
import org.comboscope.core.error.ComboscopeException;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.plate.Normalization;
import org.comboscope.core.plate.NormalizedPlate;
import org.comboscope.core.plate.NormalizedWell;
import org.comboscope.core.plate.PlateFormat;
import org.comboscope.core.plate.PlateMap;
import org.comboscope.core.plate.PlateNormalizer;
import org.comboscope.core.plate.PlateQc;
import org.comboscope.core.plate.PlateReadout;
import org.comboscope.core.plate.QcFlag;
import org.comboscope.core.plate.QcMetric;
import org.comboscope.core.plate.QcReport;
import org.comboscope.core.plate.QcThresholds;
import org.comboscope.core.plate.WellAssignment;
import org.comboscope.core.plate.WellRole;
import org.comboscope.io.plate.PlateMapReader;
import org.comboscope.io.plate.PlateReadResult;
import org.comboscope.io.plate.PlateReader;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportFiles;
import org.comboscope.report.plate.PlateReport;
import org.comboscope.report.synergy.PlotFormat;
import org.comboscope.report.synergy.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope plate}: plate-reader exports to normalised responses, with per-plate QC. */
@Command(
        name = "plate",
        mixinStandardHelpOptions = true,
        description = {
            "Reads plate-reader exports (8x12, 16x24, 32x48 grids or well,value tables; CSV, TSV, XLSX) and a"
                    + " plate map, normalises each plate to %% viability = 100 x (signal - blank) / (vehicle - blank)"
                    + " and checks it (Z', vehicle CV, edge effect, drift, outlier wells, saturation).",
            "Writes DIR/responses.csv (SynergyFinder table: block_id, drug1, drug2, conc1, conc2, response,"
                    + " conc_unit, plus plate and well columns), DIR/qc.csv, DIR/wells.csv and DIR/warnings.txt;"
                    + " with --report DIR/report.html and DIR/report.pdf (plate QC pages)."
                    + " Plates that fail QC are left out of responses.csv unless --keep-failed (exit code 1).",
            "With --analyze also runs `fit` into DIR/fit/ (curves, IC50s, fold sensitisation) on two-drug"
                    + " blocks, `synergy` on the two-drug matrices into DIR/synergy/, and fits single-agent series"
                    + " into DIR/single_agent/curves.csv (relative and absolute IC50 with 95%% intervals)."
        })
final class PlateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--plates",
            required = true,
            split = ",",
            arity = "1..*",
            description = "Plate-reader export files (comma-separated or repeated).")
    List<Path> plates;

    @Option(names = "--map", required = true, description = "Plate map (CSV, TSV or XLSX), applied to every plate.")
    Path map;

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @Option(names = "--format", description = "Plate format 96, 384 or 1536 (default: from the map's wells).")
    String format;

    @Option(
            names = "--normalization",
            defaultValue = "blank-vehicle",
            description = "blank-vehicle (100 x (s - blank)/(vehicle - blank)) or positive-vehicle (positive"
                    + " control = 0 %%). Default: ${DEFAULT-VALUE}.")
    String normalization;

    @Option(
            names = "--response",
            defaultValue = "viability",
            description = "What the response column holds: viability or inhibition (= 100 - viability)."
                    + " Default: ${DEFAULT-VALUE}.")
    String response;

    @Option(
            names = "--reader-max",
            description = "The reader's maximum signal: wells at or above it are saturated (like OVER).")
    Double readerMax;

    @Option(
            names = "--drop-outliers",
            description = "Leave wells flagged as outliers (robust z within replicate groups) out of responses.csv;"
                    + " by default they are kept and marked in the well_flag column.")
    boolean dropOutliers;

    @Option(names = "--keep-failed", description = "Keep plates that fail QC in responses.csv (still reported).")
    boolean keepFailed;

    @Option(
            names = "--block-by",
            defaultValue = "drugs",
            description = "drugs (replicate plates pooled into one block per drug combination) or plate"
                    + " (one block per plate and combination). Default: ${DEFAULT-VALUE}.")
    String blockBy;

    @Option(
            names = "--zprime-warn",
            defaultValue = "0.5",
            description = "Z' below this warns. Default: ${DEFAULT-VALUE}.")
    double zPrimeWarn;

    @Option(
            names = "--zprime-fail",
            defaultValue = "0",
            description = "Z' below this fails. Default: ${DEFAULT-VALUE}.")
    double zPrimeFail;

    @Option(
            names = "--cv-warn",
            defaultValue = "10",
            description = "Vehicle CV %% above this warns. Default: ${DEFAULT-VALUE}.")
    double cvWarn;

    @Option(
            names = "--cv-fail",
            defaultValue = "20",
            description = "Vehicle CV %% above this fails. Default: ${DEFAULT-VALUE}.")
    double cvFail;

    @Option(names = "--analyze", description = "Also run fit (and synergy for two-drug matrices) into DIR.")
    boolean analyze;

    @Option(
            names = "--fit",
            defaultValue = "synergyfinder",
            description = "Curve fitting for --analyze: synergyfinder or optimal. Default: ${DEFAULT-VALUE}.")
    String fit;

    @Option(
            names = "--report",
            description = "Also write DIR/report.html (self-contained) and DIR/report.pdf: per plate a raw-signal heat"
                    + " map in plate layout, control summaries and the QC checks with thresholds and flags (failing"
                    + " plates marked); with --analyze the normalised response of every two-drug block.")
    boolean report;

    @Option(
            names = "--plots",
            defaultValue = "",
            description = "Static plot formats written to DIR/plots/: svg, png or svg,png (plate heat maps and, with"
                    + " --analyze, block response heat maps). Default: none.")
    String plots;

    /** One output row of responses.csv. */
    private record Row(
            String blockId,
            List<String> drugs,
            List<Double> concs,
            String unit,
            String plate,
            NormalizedWell well,
            QcFlag verdict,
            String flags,
            boolean singleAgent) {
        /** Response in percent inhibition, for fitting. */
        double inhibition() {
            return well.inhibitionPercent().getAsDouble();
        }
    }

    /** Drug name written in unused drug columns (the SynergyFinder table needs drug1 and drug2). */
    static final String NO_DRUG = "none";

    @Override
    public Integer call() throws Exception {
        java.util.Set<PlotFormat> plotFormats = PlotFormat.parseList(plots);
        ResponseScale scale = ResponseScale.parse(response);
        Normalization method = Normalization.parse(normalization);
        boolean byPlate =
                switch (blockBy.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "drugs" -> false;
                    case "plate" -> true;
                    default -> throw new InvalidInputException("block-by", blockBy, "must be drugs or plate");
                };
        if (readerMax != null && !Double.isFinite(readerMax)) {
            throw new InvalidInputException("reader-max", readerMax, "must be finite");
        }
        QcThresholds thresholds =
                QcThresholds.defaults().withZPrime(zPrimeWarn, zPrimeFail).withCv(cvWarn, cvFail);
        Optional<PlateFormat> fmt = format == null ? Optional.empty() : Optional.of(PlateFormat.parse(format));
        PlateMapReader.Result mapRead = PlateMapReader.read(map, fmt);
        PlateMap plateMap = mapRead.map();
        List<String> log = new ArrayList<>();
        List<String> warnings = new ArrayList<>(mapRead.warnings());
        log.add("map " + plateMap.source() + ": " + plateMap.format().describe() + ", "
                + count(plateMap, WellRole.SAMPLE) + " sample, " + count(plateMap, WellRole.VEHICLE) + " vehicle, "
                + count(plateMap, WellRole.BLANK) + " blank, " + count(plateMap, WellRole.POSITIVE)
                + " positive-control wells");
        List<PlateReadout> all = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path p : plates) {
            PlateReadResult r = PlateReader.read(p, Optional.of(plateMap.format()));
            log.add(r.source() + ": " + r.layout().label() + " layout, "
                    + r.plates().size() + " plate" + (r.plates().size() == 1 ? "" : "s"));
            for (String d : r.details()) {
                log.add("  " + d);
            }
            warnings.addAll(r.warnings());
            for (PlateReadout pr : r.plates()) {
                String before = seen.putIfAbsent(pr.plateId(), pr.source());
                if (before != null) {
                    throw new DataFormatException(
                            r.source(),
                            0,
                            null,
                            "plate name '" + pr.plateId() + "' is also used at " + before
                                    + "; plate names must be unique across files");
                }
                all.add(readerMax == null ? pr : pr.withSaturationAt(readerMax));
            }
        }

        // Normalise and check every plate; a failing plate is reported and (by default) left out.
        List<QcReport> reports = new ArrayList<>();
        Map<String, NormalizedPlate> normalized = new LinkedHashMap<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        for (PlateReadout p : all) {
            QcReport qc = PlateQc.assess(p, plateMap, thresholds);
            reports.add(qc);
            NormalizedPlate np;
            try {
                np = PlateNormalizer.normalize(p, plateMap, method);
            } catch (InvalidInputException e) {
                excluded.put(p.plateId(), "cannot be normalised: " + e.getMessage());
                // The plate's verdict must say so too: add the failed normalisation as a check.
                List<QcMetric> ms = new ArrayList<>(qc.metrics());
                ms.add(new QcMetric(
                        "normalization",
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        0,
                        "",
                        "not computable",
                        QcFlag.FAIL,
                        e.getMessage()));
                reports.set(
                        reports.size() - 1,
                        new QcReport(qc.plateId(), ms, qc.outlierWells(), qc.saturatedWells(), QcFlag.FAIL));
                continue;
            }
            warnings.addAll(np.notes());
            normalized.put(p.plateId(), np);
            if (qc.failed()) {
                String failedChecks = String.join(
                        ", ",
                        qc.metrics().stream()
                                .filter(m -> m.flag() == QcFlag.FAIL)
                                .map(QcMetric::check)
                                .toList());
                if (keepFailed) {
                    warnings.add(
                            "plate " + p.plateId() + " failed QC (" + failedChecks + ") and is kept (--keep-failed)");
                } else {
                    excluded.put(p.plateId(), "failed QC (" + failedChecks + "); see qc.csv, or use --keep-failed");
                }
            }
        }

        // Blocks: one per drug combination (and plate, with --block-by plate), in map order.
        int k = Math.max(2, plateMap.drugCount());
        Set<String> blocksWithZeroSample = new TreeSet<>();
        Map<String, List<String>> comboDrugs = new LinkedHashMap<>();
        Map<String, String> comboUnit = new HashMap<>();
        for (WellAssignment a : plateMap.wells()) {
            if (a.role() == WellRole.SAMPLE) {
                String key = String.join("+", a.drugs());
                comboDrugs.putIfAbsent(key, a.drugs());
                comboUnit.putIfAbsent(key, a.unit());
                if (a.concentrations().stream().allMatch(c -> c == 0)) {
                    blocksWithZeroSample.add(key);
                }
            }
        }
        Map<String, QcFlag> verdicts = new HashMap<>();
        for (QcReport r : reports) {
            verdicts.put(r.plateId(), r.verdict());
        }
        List<Row> rows = new ArrayList<>();
        for (String combo : comboDrugs.keySet()) {
            for (NormalizedPlate np : normalized.values()) {
                if (excluded.containsKey(np.plateId())) {
                    continue;
                }
                QcReport qc = reports.stream()
                        .filter(r -> r.plateId().equals(np.plateId()))
                        .findFirst()
                        .orElseThrow();
                String blockId = byPlate ? np.plateId() + ":" + combo : combo;
                for (NormalizedWell w : np.wells()) {
                    if (w.viabilityPercent().isEmpty()) {
                        continue;
                    }
                    WellAssignment a = w.assignment();
                    boolean sample = a.role() == WellRole.SAMPLE
                            && String.join("+", a.drugs()).equals(combo);
                    boolean vehicle = a.role() == WellRole.VEHICLE && !blocksWithZeroSample.contains(combo);
                    if (!sample && !vehicle) {
                        continue;
                    }
                    List<String> drugs = new ArrayList<>(comboDrugs.get(combo));
                    List<Double> concs = new ArrayList<>(sample ? a.concentrations() : zeros(drugs.size()));
                    while (drugs.size() < k) {
                        drugs.add(NO_DRUG);
                        concs.add(0.0);
                    }
                    boolean outlier = qc.outlierWells().contains(w.index());
                    if (outlier && dropOutliers) {
                        continue;
                    }
                    String flags = outlier ? "outlier" : "";
                    rows.add(new Row(
                            blockId,
                            drugs,
                            concs,
                            comboUnit.get(combo),
                            np.plateId(),
                            w,
                            verdicts.get(np.plateId()),
                            flags,
                            comboDrugs.get(combo).size() == 1));
                }
            }
        }

        try (OutputDirectory dir = OutputDirectory.create(out)) {
            writeResponses(dir, "responses.csv", rows, k, scale, true);
            writeQc(dir, reports, excluded);
            writeWells(dir, all, normalized, reports, plateMap);
            if (report || !plotFormats.isEmpty()) {
                List<PlateReport.Plate> ps = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    String id = all.get(i).plateId();
                    ps.add(new PlateReport.Plate(
                            all.get(i),
                            reports.get(i),
                            Optional.ofNullable(normalized.get(id)),
                            Optional.ofNullable(excluded.get(id))));
                }
                List<String> notes = new ArrayList<>();
                warnings.forEach(x -> notes.add("warning: " + x));
                excluded.forEach((id, why) -> notes.add("excluded: plate " + id + ": " + why));
                ReportDoc doc = PlateReport.build(
                        provenance(method, scale, thresholds),
                        plateMap,
                        ps,
                        analyze && k == 2 ? blockGrids(rows) : List.of(),
                        notes);
                ReportFiles.write(doc, dir, report, plotFormats);
            }
            try (Writer w = dir.writer("warnings.txt")) {
                w.write("# comboscope plate: map " + map + ", plates " + plates + ", normalization " + method.label()
                        + ", response " + scale.label() + "\n");
                for (String s : log) {
                    w.write("read: " + s + "\n");
                }
                for (String s : warnings) {
                    w.write("warning: " + s + "\n");
                }
                for (Map.Entry<String, String> e : excluded.entrySet()) {
                    w.write("excluded: plate " + e.getKey() + ": " + e.getValue() + "\n");
                }
            }
            dir.commit();
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String s : log) {
            o.println(s);
        }
        for (String s : warnings) {
            err.println("warning: " + s);
        }
        for (Map.Entry<String, String> e : excluded.entrySet()) {
            err.println("excluded: plate " + e.getKey() + ": " + e.getValue());
        }
        o.printf(
                "comboscope plate: %d of %d plates used, %d rows in %d blocks (%% %s); results in %s%n",
                all.size() - excluded.size(),
                all.size(),
                rows.size(),
                rows.stream().map(Row::blockId).distinct().count(),
                scale.label(),
                out.toAbsolutePath().normalize());
        o.flush();
        err.flush();
        int code = excluded.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
        if (analyze) {
            if (rows.isEmpty()) {
                err.println("not analysed: no plate passed QC");
                err.flush();
                return Main.EXIT_PARTIAL;
            }
            code = Math.max(code, analyze(rows, k, scale));
        }
        return code;
    }

    private int analyze(List<Row> rows, int k, ResponseScale scale) throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Synergy only for two-drug matrices: at least 2 non-zero doses of each drug in combination.
        List<Row> matrix = new ArrayList<>();
        Map<String, List<Row>> byBlock = new LinkedHashMap<>();
        for (Row r : rows) {
            byBlock.computeIfAbsent(r.blockId(), x -> new ArrayList<>()).add(r);
        }
        for (List<Row> b : byBlock.values()) {
            Set<Double> c1 = new TreeSet<>();
            Set<Double> c2 = new TreeSet<>();
            for (Row r : b) {
                if (r.concs().get(0) > 0 && r.concs().get(1) > 0) {
                    c1.add(r.concs().get(0));
                    c2.add(r.concs().get(1));
                }
            }
            if (k == 2 && c1.size() >= 2 && c2.size() >= 2) {
                matrix.addAll(b);
            }
        }
        // Single-agent blocks cannot go through fit (a SynergyFinder table needs two drugs per block):
        // they are fitted here with the same fitter and written to DIR/single_agent/curves.csv.
        List<Row> combos = rows.stream().filter(r -> !r.singleAgent()).toList();
        Map<String, List<Row>> singles = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.singleAgent()) {
                singles.computeIfAbsent(r.blockId(), x -> new ArrayList<>()).add(r);
            }
        }
        List<String> failures = new ArrayList<>();
        // The analysis inputs hold only the SynergyFinder columns, so that fit and synergy read them
        // without remarks about extra columns; DIR/responses.csv keeps the plate and well columns.
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            if (!combos.isEmpty()) {
                writeResponses(dir, "fit/input.csv", combos, k, scale, false);
            }
            if (!matrix.isEmpty()) {
                writeResponses(dir, "synergy/input.csv", matrix, k, scale, false);
            }
            if (!singles.isEmpty()) {
                writeSingleAgentCurves(dir, singles, failures);
            }
            dir.commit();
        }
        for (String f : failures) {
            err.println("not fitted: " + f);
        }
        err.flush();
        int code = failures.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
        if (!combos.isEmpty()) {
            int fitCode = Main.run(
                    o,
                    err,
                    "fit",
                    "--input",
                    out.resolve("fit").resolve("input.csv").toString(),
                    "--out",
                    out.resolve("fit").toString(),
                    "--data-type",
                    scale.label(),
                    "--fit",
                    fit);
            code = Math.max(code, fitCode);
        }
        if (!matrix.isEmpty()) {
            int synCode = Main.run(
                    o,
                    err,
                    "synergy",
                    "--input",
                    out.resolve("synergy").resolve("input.csv").toString(),
                    "--out",
                    out.resolve("synergy").toString(),
                    "--data-type",
                    scale.label(),
                    "--fit",
                    fit);
            code = Math.max(code, synCode);
        }
        return code;
    }

    private void writeSingleAgentCurves(OutputDirectory dir, Map<String, List<Row>> blocks, List<String> failures)
            throws java.io.IOException {
        DoseResponseFitter fitter = SynergyCommand.fitter(fit);
        List<String> h = List.of(
                "block_id",
                "drug",
                "model",
                "b",
                "c",
                "d",
                "e",
                "rss",
                "ic50_relative",
                "ic50_relative_se",
                "ic50_relative_lower",
                "ic50_relative_upper",
                "ic50_absolute",
                "ic50_absolute_lower",
                "ic50_absolute_upper",
                "n",
                "conc_unit",
                "note");
        try (Writer w = dir.writer("single_agent/curves.csv");
                CsvTable t = CsvTable.csv(w, h)) {
            for (Map.Entry<String, List<Row>> e : blocks.entrySet()) {
                List<Row> b = e.getValue();
                double[] doses = b.stream().mapToDouble(r -> r.concs().get(0)).toArray();
                double[] resp = b.stream().mapToDouble(Row::inhibition).toArray();
                long distinct = java.util.Arrays.stream(doses).distinct().count();
                if (distinct < 3) {
                    failures.add("block " + e.getKey() + ": " + distinct
                            + " distinct concentrations (0 included); a dose-response curve needs at least 3");
                    continue;
                }
                CurveFit f;
                try {
                    f = fitter.fit(doses, resp);
                } catch (ComboscopeException ex) {
                    failures.add("block " + e.getKey() + ": " + ex.getMessage());
                    continue;
                }
                Ic50Estimate rel = Potency.relative(f, 0.95);
                Ic50Estimate abs = Potency.absolute(f, 50, 0.95);
                t.text(e.getKey())
                        .text(b.get(0).drugs().get(0))
                        .text(f.curve().model().label());
                t.num(f.curve().b())
                        .num(f.curve().c())
                        .num(f.curve().d())
                        .num(f.curve().e())
                        .num(f.rss());
                t.num(rel.value()).num(rel.se()).num(rel.lower()).num(rel.upper());
                t.num(abs.value()).num(abs.lower()).num(abs.upper());
                t.integer(f.n()).text(b.get(0).unit());
                List<String> notes = new ArrayList<>();
                f.trace().ll4Failure().ifPresent(x -> notes.add("LL.4 failed (" + x + "), L.4 fallback"));
                rel.reason().ifPresent(x -> notes.add("relative IC50: " + x));
                abs.reason().ifPresent(x -> notes.add("absolute IC50: " + x));
                t.text(String.join("; ", notes));
                t.end();
            }
        }
    }

    private Provenance provenance(Normalization method, ResponseScale scale, QcThresholds thresholds)
            throws java.io.IOException {
        List<String> hashes = new ArrayList<>();
        for (Path p : plates) {
            hashes.add(SynergyCommand.sha256(p));
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("map", map.toString());
        p.put("map_sha256", SynergyCommand.sha256(map));
        p.put("normalization", method.label());
        p.put("response", scale.label());
        p.put("zprime_warn_fail", zPrimeWarn + " / " + zPrimeFail);
        p.put("cv_warn_fail", cvWarn + " / " + cvFail);
        p.put("block_by", blockBy);
        p.put("keep_failed", Boolean.toString(keepFailed));
        p.put("drop_outliers", Boolean.toString(dropOutliers));
        if (readerMax != null) {
            p.put("reader_max", readerMax.toString());
        }
        p.put("analyze", Boolean.toString(analyze));
        return new Provenance(
                String.join(", ", plates.stream().map(Path::toString).toList()),
                String.join(", ", hashes),
                SynergyCommand.version(),
                p,
                java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());
    }

    /** Mean % inhibition per dose pair of every block with at least 2 doses of each drug. */
    private static List<PlateReport.BlockGrid> blockGrids(List<Row> rows) {
        Map<String, List<Row>> byBlock = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.singleAgent()) {
                byBlock.computeIfAbsent(r.blockId(), x -> new ArrayList<>()).add(r);
            }
        }
        List<PlateReport.BlockGrid> out = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byBlock.entrySet()) {
            List<Row> b = e.getValue();
            double[] c1 = b.stream()
                    .mapToDouble(r -> r.concs().get(0))
                    .distinct()
                    .sorted()
                    .toArray();
            double[] c2 = b.stream()
                    .mapToDouble(r -> r.concs().get(1))
                    .distinct()
                    .sorted()
                    .toArray();
            if (c1.length < 3 || c2.length < 3) {
                continue;
            }
            double[][] sum = new double[c1.length][c2.length];
            int[][] n = new int[c1.length][c2.length];
            for (Row r : b) {
                int i = java.util.Arrays.binarySearch(c1, r.concs().get(0));
                int j = java.util.Arrays.binarySearch(c2, r.concs().get(1));
                sum[i][j] += r.inhibition();
                n[i][j]++;
            }
            double[][] mean = new double[c1.length][c2.length];
            for (int i = 0; i < c1.length; i++) {
                for (int j = 0; j < c2.length; j++) {
                    mean[i][j] = n[i][j] == 0 ? Double.NaN : sum[i][j] / n[i][j];
                }
            }
            Row first = b.get(0);
            out.add(new PlateReport.BlockGrid(
                    e.getKey(), first.drugs().get(0), first.drugs().get(1), first.unit(), c1, c2, mean));
        }
        return out;
    }

    private static List<Double> zeros(int n) {
        List<Double> z = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            z.add(0.0);
        }
        return z;
    }

    private static int count(PlateMap m, WellRole r) {
        return m.wellsWith(r).size();
    }

    /** The normalised table; {@code full = false} writes only the SynergyFinder columns (analysis input). */
    private static void writeResponses(
            OutputDirectory dir, String name, List<Row> rows, int k, ResponseScale scale, boolean full)
            throws java.io.IOException {
        List<String> h = new ArrayList<>();
        h.add("block_id");
        for (int d = 1; d <= k; d++) {
            h.add("drug" + d);
        }
        for (int d = 1; d <= k; d++) {
            h.add("conc" + d);
        }
        h.add("response");
        h.add("conc_unit");
        if (full) {
            h.addAll(List.of(
                    "plate",
                    "well",
                    "role",
                    "replicate",
                    "signal",
                    "viability_percent",
                    "inhibition_percent",
                    "plate_qc",
                    "well_flag"));
        }
        try (Writer w = dir.writer(name);
                CsvTable t = CsvTable.csv(w, h)) {
            for (Row r : rows) {
                t.text(r.blockId());
                for (String d : r.drugs()) {
                    t.text(d);
                }
                for (double c : r.concs()) {
                    t.num(c);
                }
                NormalizedWell w2 = r.well();
                t.num(scale == ResponseScale.VIABILITY ? w2.viabilityPercent() : w2.inhibitionPercent());
                t.text(r.unit());
                if (!full) {
                    t.end();
                    continue;
                }
                t.text(r.plate())
                        .text(w2.name())
                        .text(w2.assignment().role().label())
                        .text(w2.assignment().replicate());
                t.num(w2.signal()).num(w2.viabilityPercent()).num(w2.inhibitionPercent());
                t.text(r.verdict().label()).text(r.flags());
                t.end();
            }
        }
    }

    private void writeQc(OutputDirectory dir, List<QcReport> reports, Map<String, String> excluded)
            throws java.io.IOException {
        List<String> h = List.of(
                "plate",
                "check",
                "value",
                "statistic",
                "p_value",
                "n",
                "warn_if",
                "fail_if",
                "flag",
                "note",
                "plate_verdict",
                "used");
        try (Writer w = dir.writer("qc.csv");
                CsvTable t = CsvTable.csv(w, h)) {
            for (QcReport r : reports) {
                for (QcMetric m : r.metrics()) {
                    t.text(r.plateId())
                            .text(m.check())
                            .num(m.value())
                            .num(m.statistic())
                            .num(m.pValue());
                    t.integer(m.n())
                            .text(m.warnRule())
                            .text(m.failRule())
                            .text(m.flag().label())
                            .text(m.note());
                    t.text(r.verdict().label()).text(excluded.containsKey(r.plateId()) ? "no" : "yes");
                    t.end();
                }
            }
        }
    }

    private static void writeWells(
            OutputDirectory dir,
            List<PlateReadout> all,
            Map<String, NormalizedPlate> normalized,
            List<QcReport> reports,
            PlateMap plateMap)
            throws java.io.IOException {
        List<String> h = List.of(
                "plate",
                "well",
                "row",
                "column",
                "role",
                "drugs",
                "concentrations",
                "unit",
                "replicate",
                "state",
                "signal",
                "viability_percent",
                "well_flag");
        try (Writer w = dir.writer("wells.csv");
                CsvTable t = CsvTable.csv(w, h)) {
            for (int p = 0; p < all.size(); p++) {
                PlateReadout pr = all.get(p);
                QcReport qc = reports.get(p);
                NormalizedPlate np = normalized.get(pr.plateId());
                PlateFormat f = pr.format();
                for (int i = 0; i < f.wells(); i++) {
                    WellAssignment a = plateMap.well(i);
                    t.text(pr.plateId())
                            .text(f.wellName(i))
                            .text(PlateFormat.rowLabel(f.row(i)))
                            .integer(f.column(i) + 1);
                    t.text(a.role().label()).text(String.join(";", a.drugs()));
                    t.text(String.join(
                            ";",
                            a.concentrations().stream()
                                    .map(org.comboscope.io.table.Numbers::format)
                                    .toList()));
                    t.text(a.unit()).text(a.replicate());
                    t.text(pr.state(i).name().toLowerCase(java.util.Locale.ROOT))
                            .num(pr.value(i));
                    t.num(
                            np == null
                                    ? OptionalDouble.empty()
                                    : np.wells().get(i).viabilityPercent());
                    List<String> flags = new ArrayList<>();
                    if (qc.outlierWells().contains(i)) {
                        flags.add("outlier");
                    }
                    if (qc.saturatedWells().contains(i)) {
                        flags.add("saturated");
                    }
                    t.text(String.join(";", flags));
                    t.end();
                }
            }
        }
    }
}
