package org.comboscope.report.plate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.comboscope.core.plate.NormalizedPlate;
import org.comboscope.core.plate.PlateMap;
import org.comboscope.core.plate.PlateReadout;
import org.comboscope.core.plate.QcFlag;
import org.comboscope.core.plate.QcMetric;
import org.comboscope.core.plate.QcReport;
import org.comboscope.core.plate.WellRole;
import org.comboscope.core.plate.WellState;
import org.comboscope.report.doc.Fmt;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportDoc.Figure;
import org.comboscope.report.doc.ReportDoc.Heading;
import org.comboscope.report.doc.ReportDoc.Part;
import org.comboscope.report.doc.ReportDoc.Section;
import org.comboscope.report.doc.ReportDoc.Status;
import org.comboscope.report.doc.ReportDoc.Table;
import org.comboscope.report.doc.ReportDoc.Text;
import org.comboscope.report.plot.PlateCharts;
import org.comboscope.report.synergy.Provenance;
import org.comboscope.report.synergy.SynergyReport;

/**
 * The QC report of a {@code plate} run: an overview of every plate's verdict, then per plate a
 * heat map of the raw signal in plate layout, the control summaries and the QC checks with their
 * thresholds and flags (failing plates are badged and shaded, and say whether they were left out),
 * and, after {@code --analyze}, the normalised response of every two-drug block.
 */
public final class PlateReport {
    private PlateReport() {}

    /** One plate as read, checked and (if possible) normalised. */
    public record Plate(
            PlateReadout readout, QcReport qc, Optional<NormalizedPlate> normalized, Optional<String> excluded) {}

    /**
     * Mean normalised response of a two-drug block, {@code mean[i][j]} at {@code conc1[i]},
     * {@code conc2[j]} in % inhibition ({@code NaN}: no well).
     */
    public record BlockGrid(
            String blockId, String drug1, String drug2, String unit, double[] conc1, double[] conc2, double[][] mean) {
        public BlockGrid {
            conc1 = conc1.clone();
            conc2 = conc2.clone();
            double[][] m = new double[mean.length][];
            for (int i = 0; i < mean.length; i++) {
                m[i] = mean[i].clone();
            }
            mean = m;
        }
    }

    public static ReportDoc build(
            Provenance provenance, PlateMap map, List<Plate> plates, List<BlockGrid> blocks, List<String> warnings) {
        List<Section> sections = new ArrayList<>();
        sections.add(overview(plates));
        for (Plate p : plates) {
            sections.add(plate(p, map));
        }
        if (!blocks.isEmpty()) {
            List<Part> parts = new ArrayList<>();
            parts.add(new Text(
                    "Mean % inhibition per dose pair over the plates used (failing plates excluded unless"
                            + " --keep-failed); the fits and synergy scores are in fit/ and synergy/ (run `comboscope"
                            + " report --from DIR/synergy` for the synergy report).",
                    true));
            for (BlockGrid b : blocks) {
                parts.add(new Figure(
                        "block-response",
                        "block_" + SynergyReport.fileSafe(b.blockId()) + "_response",
                        PlateCharts.blockResponse(
                                b.blockId(), b.drug1(), b.drug2(), b.unit(), b.conc1(), b.conc2(), b.mean()),
                        org.comboscope.report.plot.Charts.COLUMN_WIDTH_PT,
                        org.comboscope.report.plot.Charts.HEIGHT_PT + 20,
                        false));
            }
            sections.add(new Section("blocks", "Normalised responses", Status.NONE, true, parts));
        }
        long failed =
                plates.stream().filter(p -> p.qc().verdict() == QcFlag.FAIL).count();
        long used = plates.stream().filter(p -> p.excluded().isEmpty()).count();
        String summary = String.format(
                Locale.ROOT,
                "%s · %d plate%s, %d failed QC, %d used",
                provenance.inputFile(),
                plates.size(),
                plates.size() == 1 ? "" : "s",
                failed,
                used);
        List<String> conventions = List.of(
                "Each QC check is pass, warn or fail by the thresholds in its row; a plate's verdict is its worst"
                        + " check (NA checks are ignored). A failing plate is left out of responses.csv unless"
                        + " --keep-failed.",
                "Z' = 1 - 3 (SD vehicle + SD positive) / |mean vehicle - mean positive| (Zhang 1999): > 0.5 an"
                        + " excellent assay window.",
                "% viability = 100 x (signal - blank) / (vehicle - blank); % inhibition = 100 - viability.",
                "Heat maps use viridis (colour-blind safe, readable in grey scale).");
        return new ReportDoc("Plate QC report", summary, provenance, conventions, sections, warnings);
    }

    static Status status(QcFlag f) {
        return switch (f) {
            case PASS -> Status.PASS;
            case WARN -> Status.WARN;
            case FAIL -> Status.FAIL;
            case NA -> Status.NONE;
        };
    }

    /** HTML anchor of a plate's section. */
    public static String anchor(String plateId) {
        return "plate-" + SynergyReport.fileSafe(plateId).replace('.', '_');
    }

    private static Section overview(List<Plate> plates) {
        List<List<String>> rows = new ArrayList<>();
        List<Status> st = new ArrayList<>();
        for (Plate p : plates) {
            QcReport qc = p.qc();
            List<String> failing = qc.metrics().stream()
                    .filter(m -> m.flag() == QcFlag.FAIL || m.flag() == QcFlag.WARN)
                    .map(m -> m.check() + " " + m.flag().label())
                    .toList();
            rows.add(List.of(
                    p.readout().plateId(),
                    p.readout().source(),
                    qc.verdict().label(),
                    p.excluded().isPresent() ? "no" : "yes",
                    value(qc, "z_prime"),
                    value(qc, "cv_vehicle"),
                    failing.isEmpty() ? "" : String.join(", ", failing)));
            st.add(status(qc.verdict()));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(new Table(
                "plates",
                "",
                List.of("Plate", "Source", "Verdict", "Used", "Z'", "Vehicle CV %", "Checks that warn or fail"),
                rows,
                st));
        return new Section("overview", "Plates overview", Status.NONE, false, parts);
    }

    private static String value(QcReport qc, String check) {
        return qc.metric(check).map(m -> Fmt.g(m.value())).orElse("NA");
    }

    private static Section plate(Plate p, PlateMap map) {
        PlateReadout r = p.readout();
        QcReport qc = p.qc();
        List<Part> parts = new ArrayList<>();
        if (p.excluded().isPresent()) {
            parts.add(new Text("Not used: " + p.excluded().get(), false));
        } else if (qc.verdict() == QcFlag.FAIL) {
            parts.add(new Text("Failed QC but kept in responses.csv (--keep-failed).", false));
        }
        parts.add(new Text(
                "Read from " + r.source() + ": " + r.measuredCount() + " wells measured, " + r.count(WellState.MISSING)
                        + " without a value, " + r.count(WellState.OVERFLOW) + " overflow.",
                true));
        Set<Integer> sat = new HashSet<>(qc.saturatedWells());
        parts.add(new Figure(
                "plate-map",
                "plate_" + SynergyReport.fileSafe(r.plateId()) + "_raw",
                PlateCharts.rawSignal(r, map, new HashSet<>(qc.outlierWells()), sat),
                PlateCharts.PLATE_WIDTH_PT,
                PlateCharts.plateHeightPt(r.format()),
                false));
        parts.add(new Heading("Controls"));
        List<List<String>> ctl = new ArrayList<>();
        for (WellRole role : List.of(WellRole.VEHICLE, WellRole.BLANK, WellRole.POSITIVE)) {
            List<Integer> wells = map.wellsWith(role);
            if (wells.isEmpty()) {
                continue;
            }
            double[] v = wells.stream()
                    .filter(i -> r.state(i) == WellState.MEASURED)
                    .mapToDouble(i -> r.signal()[i])
                    .toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN;
            ctl.add(List.of(
                    role.label(),
                    Integer.toString(wells.size()),
                    Integer.toString(v.length),
                    Fmt.g(mean),
                    Fmt.g(sd),
                    Fmt.f(100 * sd / mean, 1),
                    Fmt.g(java.util.Arrays.stream(v).min().orElse(Double.NaN)),
                    Fmt.g(java.util.Arrays.stream(v).max().orElse(Double.NaN))));
        }
        parts.add(Table.of(
                "controls", "", List.of("Role", "wells", "measured", "mean signal", "SD", "CV %", "min", "max"), ctl));
        parts.add(new Heading("QC checks"));
        List<List<String>> rows = new ArrayList<>();
        List<Status> st = new ArrayList<>();
        for (QcMetric m : qc.metrics()) {
            rows.add(List.of(
                    m.check(),
                    Fmt.g(m.value()),
                    Fmt.g(m.statistic()),
                    m.pValue().isPresent() ? Fmt.p(m.pValue().getAsDouble()) : "NA",
                    Integer.toString(m.n()),
                    m.warnRule(),
                    m.failRule(),
                    m.flag().label(),
                    m.note()));
            st.add(status(m.flag()));
        }
        parts.add(new Table(
                "qc",
                "",
                List.of("Check", "value", "statistic", "p", "n", "warn if", "fail if", "flag", "note"),
                rows,
                st));
        p.normalized().ifPresent(np -> {
            parts.add(new Text(
                    "Normalisation (" + np.method().label() + "): blank mean " + Fmt.g(np.blankMean())
                            + ", vehicle mean " + Fmt.g(np.vehicleMean()) + ", positive-control mean "
                            + Fmt.g(np.positiveMean()) + ".",
                    true));
            for (String n : np.notes()) {
                parts.add(new Text("Note: " + n, true));
            }
        });
        Map<String, String> index = new LinkedHashMap<>();
        index.put("Plate", r.plateId());
        index.put("Z'", value(qc, "z_prime"));
        index.put("CV vehicle", value(qc, "cv_vehicle"));
        index.put("Used", p.excluded().isPresent() ? "no" : "yes");
        return new Section(anchor(r.plateId()), "Plate " + r.plateId(), status(qc.verdict()), true, parts, index);
    }
}
