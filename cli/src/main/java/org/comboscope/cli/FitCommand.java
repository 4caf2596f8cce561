package org.comboscope.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.doseresponse.DoseResponseFitter;
import org.comboscope.core.doseresponse.Ic50Estimate;
import org.comboscope.core.doseresponse.Potency;
import org.comboscope.core.error.ComboscopeException;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.io.synergyfinder.BlockProblem;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope fit}: four-parameter dose-response fits, IC50s and fold sensitisation. */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        description = {
            "Fits each drug's single-agent curve (LL.4, L.4 fallback; drc conventions) in every block and"
                    + " reports parameters, RSS, relative and absolute IC50 with 95%% delta-method intervals,"
                    + " and the fold sensitisation of each drug by each concentration of its partner"
                    + " (IC50 alone / IC50 with partner).",
            "Writes DIR/curves.csv, DIR/fitted.csv, DIR/sensitisation.csv and DIR/warnings.txt."
        })
final class FitCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "SynergyFinder table: CSV, TSV or XLSX.")
    Path input;

    @Option(names = "--out", required = true, description = "Output directory (written atomically).")
    Path out;

    @Option(
            names = "--data-type",
            defaultValue = "viability",
            description = "viability or inhibition. Default: ${DEFAULT-VALUE}.")
    String dataType;

    @Option(
            names = "--fit",
            defaultValue = "synergyfinder",
            description = "synergyfinder or optimal. Default: ${DEFAULT-VALUE}.")
    String fit;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level. Default: ${DEFAULT-VALUE}.")
    double level;

    @Override
    public Integer call() throws Exception {
        if (!(level > 0 && level < 1)) {
            throw new org.comboscope.core.error.InvalidInputException("level", level, "must be in (0, 1)");
        }
        ResponseScale scale = ResponseScale.parse(dataType);
        DoseResponseFitter fitter = SynergyCommand.fitter(fit);
        riEngine = new org.comboscope.core.synergy.SynergyFinderEngine(
                fitter,
                java.util.EnumSet.noneOf(org.comboscope.core.synergy.SynergyMethod.class),
                org.comboscope.core.synergy.Baseline.NONE);
        zQuantile = new org.hipparchus.distribution.continuous.NormalDistribution()
                .inverseCumulativeProbability(1 - (1 - level) / 2);
        TableReadResult table = SynergyFinderTableReader.read(input, scale);
        List<String> failures = new ArrayList<>();
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            try (Writer cw = dir.writer("curves.csv");
                    CsvTable curves = CsvTable.csv(
                            cw,
                            List.of(
                                    "block_id",
                                    "drug_index",
                                    "drug",
                                    "model",
                                    "b",
                                    "c",
                                    "d",
                                    "e",
                                    "rss",
                                    "ic50",
                                    "ic50_relative",
                                    "ic50_relative_se",
                                    "ic50_relative_lower",
                                    "ic50_relative_upper",
                                    "ic50_absolute",
                                    "ic50_absolute_lower",
                                    "ic50_absolute_upper",
                                    "ri",
                                    "n",
                                    "conc_unit",
                                    "input_type",
                                    "optim_fn_count",
                                    "optim_gr_count",
                                    "note"));
                    Writer fw = dir.writer("fitted.csv");
                    CsvTable fitted =
                            CsvTable.csv(fw, List.of("block_id", "drug_index", "dose", "response", "fitted"));
                    Writer sw = dir.writer("sensitisation.csv");
                    CsvTable sens = CsvTable.csv(
                            sw,
                            List.of(
                                    "block_id",
                                    "drug",
                                    "partner",
                                    "partner_conc",
                                    "ic50_alone",
                                    "ic50_with_partner",
                                    "fold_sensitisation",
                                    "fold_lower",
                                    "fold_upper",
                                    "note"))) {
                for (DoseResponseBlock b : table.blocks()) {
                    List<BlockProblem> problems = table.problemsFor(b.blockId());
                    if (!problems.isEmpty()) {
                        failures.add(
                                "block " + b.blockId() + ": " + problems.get(0).rule());
                        continue;
                    }
                    CurveFit[] alone = new CurveFit[b.drugCount()];
                    for (int d = 0; d < b.drugCount(); d++) {
                        double[][] pts = line(b, d, -1, 0);
                        try {
                            CurveFit f = fitter.fit(pts[0], pts[1]);
                            alone[d] = f;
                            writeCurve(curves, b, d, f, scale);
                            for (int i = 0; i < f.n(); i++) {
                                fitted.text(b.blockId())
                                        .integer(d + 1)
                                        .num(pts[0][i])
                                        .num(f.responses()[i]);
                                fitted.num(f.fitted(i)).end();
                            }
                        } catch (ComboscopeException e) {
                            failures.add("block " + b.blockId() + ", drug "
                                    + b.drugs().get(d) + ": " + e.getMessage());
                        }
                    }
                    if (b.drugCount() == 2) {
                        for (int d = 0; d < 2; d++) {
                            if (alone[d] != null) {
                                writeSensitisation(sens, b, d, 1 - d, alone[d], fitter);
                            }
                        }
                    }
                }
            }
            try (Writer w = dir.writer("warnings.txt")) {
                w.write("# comboscope fit: input " + input + ", data type " + scale.label() + ", fit " + fit + "\n");
                for (String s : table.warnings()) {
                    w.write("warning: " + s + "\n");
                }
                for (String f : failures) {
                    w.write("not fitted: " + f + "\n");
                }
            }
            dir.commit();
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String f : failures) {
            err.println("not fitted: " + f);
        }
        err.flush();
        spec.commandLine()
                .getOut()
                .printf("comboscope fit: results in %s%n", out.toAbsolutePath().normalize());
        spec.commandLine().getOut().flush();
        return failures.isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }

    /** Doses and responses of drug {@code d} with partner {@code p} at {@code pConc} (p < 0: all others 0). */
    private static double[][] line(DoseResponseBlock b, int d, int p, double pConc) {
        List<double[]> pts = new ArrayList<>();
        for (int r = 0; r < b.rowCount(); r++) {
            boolean on = true;
            for (int o = 0; o < b.drugCount(); o++) {
                if (o == d) {
                    continue;
                }
                double want = o == p ? pConc : 0;
                if (b.conc(r, o) != want) {
                    on = false;
                }
            }
            if (on) {
                pts.add(new double[] {b.conc(r, d), b.response(r)});
            }
        }
        return new double[][] {
            pts.stream().mapToDouble(x -> x[0]).toArray(),
            pts.stream().mapToDouble(x -> x[1]).toArray()
        };
    }

    private void writeCurve(CsvTable t, DoseResponseBlock b, int d, CurveFit f, ResponseScale scale) {
        double max = 0;
        for (double x : f.doses()) {
            max = Math.max(max, x);
        }
        Ic50Estimate rel = Potency.relative(f, level);
        Ic50Estimate abs = Potency.absolute(f, 50, level);
        t.text(b.blockId())
                .integer(d + 1)
                .text(b.drugs().get(d))
                .text(f.curve().model().label());
        t.num(f.curve().b())
                .num(f.curve().c())
                .num(f.curve().d())
                .num(f.curve().e())
                .num(f.rss());
        t.num(Math.min(f.curve().ec50(), max));
        t.num(rel.value()).num(rel.se()).num(rel.lower()).num(rel.upper());
        t.num(abs.value()).num(abs.lower()).num(abs.upper());
        t.num(riOf(f));
        t.integer(f.n()).text(b.concUnits().get(d)).text(scale.label());
        t.integer(f.trace().functionCount()).integer(f.trace().gradientCount());
        List<String> notes = new ArrayList<>();
        f.trace().ll4Failure().ifPresent(s -> notes.add("LL.4 failed (" + s + "), L.4 fallback"));
        rel.reason().ifPresent(s -> notes.add("relative IC50: " + s));
        abs.reason().ifPresent(s -> notes.add("absolute IC50: " + s));
        t.text(String.join("; ", notes));
        t.end();
    }

    /** Computes RI with the run's fitter; set in {@link #call()}. */
    private org.comboscope.core.synergy.SynergyFinderEngine riEngine;

    /** Two-sided normal quantile for the fold-sensitisation intervals; set in {@link #call()}. */
    private double zQuantile;

    private double riOf(CurveFit f) {
        try {
            return riEngine.relativeInhibition(f.doses(), f.responses());
        } catch (ComboscopeException e) {
            return Double.NaN;
        }
    }

    private static final String EXTRAPOLATED = "an IC50 lies outside the tested dose range (extrapolated)";

    private static boolean extrapolated(CurveFit f, Ic50Estimate e) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double x : f.doses()) {
            if (x > 0) {
                min = Math.min(min, x);
            }
            max = Math.max(max, x);
        }
        double v = e.value().orElse(Double.NaN);
        return !(v >= min && v <= max);
    }

    private void writeSensitisation(
            CsvTable t, DoseResponseBlock b, int d, int p, CurveFit alone, DoseResponseFitter fitter) {
        double[] partnerConcs = new double[b.rowCount()];
        for (int r = 0; r < b.rowCount(); r++) {
            partnerConcs[r] = b.conc(r, p);
        }
        double[] levels =
                java.util.Arrays.stream(partnerConcs).distinct().sorted().toArray();
        Ic50Estimate a = Potency.relative(alone, level);
        for (double pc : levels) {
            if (pc == 0) {
                continue;
            }
            double[][] pts = line(b, d, p, pc);
            t.text(b.blockId()).text(b.drugs().get(d)).text(b.drugs().get(p)).num(pc);
            t.num(a.value());
            try {
                CurveFit with = fitter.fit(pts[0], pts[1]);
                Ic50Estimate w = Potency.relative(with, level);
                double fold = a.value().getAsDouble() / w.value().getAsDouble();
                t.num(w.value()).num(fold);
                if (a.se().isPresent() && w.se().isPresent()) {
                    double ra = a.se().getAsDouble() / a.value().getAsDouble();
                    double rw = w.se().getAsDouble() / w.value().getAsDouble();
                    double sdLog = Math.sqrt(ra * ra + rw * rw);
                    double z = zQuantile;
                    t.num(fold * Math.exp(-z * sdLog))
                            .num(fold * Math.exp(z * sdLog))
                            .text("");
                } else {
                    t.num(Double.NaN).num(Double.NaN);
                    t.text("no interval: IC50 standard error not estimable"
                            + (extrapolated(alone, a) || extrapolated(with, w) ? "; " + EXTRAPOLATED : ""));
                }
            } catch (ComboscopeException e) {
                t.num(Double.NaN)
                        .num(Double.NaN)
                        .num(Double.NaN)
                        .num(Double.NaN)
                        .text("fit failed: " + e.getMessage());
            }
            t.end();
        }
    }
}
