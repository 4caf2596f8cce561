package org.comboscope.core.plate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.FDistribution;
import org.hipparchus.stat.inference.TTest;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Quality control of one plate against its map. Checks, in this order:
 *
 * <ul>
 *   <li>{@code z_prime}: Z′ = 1 − 3 (sd<sub>vehicle</sub> + sd<sub>positive</sub>) / |mean<sub>vehicle</sub>
 *       − mean<sub>positive</sub>| (Zhang, Chung and Oldenburg 1999); NA without two measured
 *       wells of each control.
 *   <li>{@code cv_vehicle}: coefficient of variation of the raw vehicle signals, percent.
 *   <li>{@code edge_effect}: Welch two-sample t-test of the replicate residuals of outer-ring wells
 *       against inner wells. A residual is a well's signal minus the median of its replicate group
 *       (same role and treatment on the plate; groups of at least 2 measured wells), in percent of
 *       the assay window (vehicle − blank mean). Value: outer − inner mean residual.
 *   <li>{@code drift}: least-squares plane of the same residuals on row and column number; F-test
 *       of both slopes against 0. Value: |row slope| × (rows − 1) + |column slope| × (columns − 1),
 *       the predicted change across the plate, percent of the window.
 *   <li>{@code outliers}: modified z = 0.6745 (x − median) / MAD within replicate groups of at least
 *       3 measured wells (Iglewicz and Hoaglin); |z| above the threshold flags the well. The robust
 *       scale MAD / 0.6745 is floored at 1 % of the assay window, so that near-background groups
 *       whose MAD is the reader's rounding do not flag trivial deviations.
 *   <li>{@code saturation}: mapped wells the reader reported as overflow (or at the reader
 *       maximum, see {@link PlateReadout#withSaturationAt}).
 * </ul>
 *
 * <p>The verdict is the worst flag of the computed checks. Deterministic; never throws for a
 * plate whose format matches its map.
 */
public final class PlateQc {
    /** Residual groups (positive controls excluded: dead-cell signal is background) and tests need at least this many wells per side. */
    static final int MIN_WELLS_PER_SIDE = 3;
    /** Smallest robust scale (fraction of the assay window) used for the modified z-score. */
    static final double MIN_SCALE_FRACTION = 0.01;

    private PlateQc() {}

    /**
     * Runs every check.
     *
     * @throws InvalidInputException when the plate and map formats differ
     */
    public static QcReport assess(PlateReadout plate, PlateMap map, QcThresholds t) {
        if (plate.format() != map.format()) {
            throw new InvalidInputException(
                    "plate format",
                    plate.format().wells(),
                    "must match the plate map " + map.source() + " ("
                            + map.format().wells() + " wells)",
                    "plate " + plate.plateId() + " (" + plate.source() + ")");
        }
        List<QcMetric> metrics = new ArrayList<>();
        double[] veh = values(plate, map, WellRole.VEHICLE);
        double[] pos = values(plate, map, WellRole.POSITIVE);
        double[] blank = values(plate, map, WellRole.BLANK);
        metrics.add(zPrime(veh, pos, t));
        metrics.add(cv(veh, t));
        double reference = blank.length > 0 ? mean(blank) : 0;
        double window = veh.length > 0 ? mean(veh) - reference : Double.NaN;
        Residuals res = residuals(plate, map, window);
        metrics.add(edge(plate.format(), res, window, t));
        metrics.add(drift(plate.format(), res, window, t));
        List<Integer> outliers = new ArrayList<>();
        metrics.add(outliers(plate, map, t, window, outliers));
        List<Integer> saturated = new ArrayList<>();
        metrics.add(saturation(plate, map, t, saturated));
        QcFlag verdict = QcFlag.PASS;
        for (QcMetric m : metrics) {
            verdict = QcFlag.worst(verdict, m.flag());
        }
        return new QcReport(plate.plateId(), metrics, outliers, saturated, verdict);
    }

    private static QcMetric zPrime(double[] veh, double[] pos, QcThresholds t) {
        String warn = "< " + t.zPrimeWarn();
        String fail = "< " + t.zPrimeFail();
        if (veh.length < 2 || pos.length < 2) {
            return na(
                    "z_prime",
                    veh.length + pos.length,
                    warn,
                    fail,
                    "needs at least 2 measured vehicle and 2 measured positive-control wells (has " + veh.length
                            + " and " + pos.length + ")");
        }
        double sep = Math.abs(mean(veh) - mean(pos));
        double z = sep == 0 ? Double.NEGATIVE_INFINITY : 1 - 3 * (sd(veh) + sd(pos)) / sep;
        QcFlag f = z < t.zPrimeFail() ? QcFlag.FAIL : z < t.zPrimeWarn() ? QcFlag.WARN : QcFlag.PASS;
        return new QcMetric(
                "z_prime",
                OptionalDouble.of(z),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                veh.length + pos.length,
                warn,
                fail,
                f,
                "vehicle vs positive control");
    }

    private static QcMetric cv(double[] veh, QcThresholds t) {
        String warn = "> " + t.cvWarnPercent();
        String fail = "> " + t.cvFailPercent();
        if (veh.length < 2) {
            return na("cv_vehicle", veh.length, warn, fail, "needs at least 2 measured vehicle wells");
        }
        double m = mean(veh);
        if (!(m > 0)) {
            return new QcMetric(
                    "cv_vehicle",
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    veh.length,
                    warn,
                    fail,
                    QcFlag.FAIL,
                    "vehicle mean signal is not positive");
        }
        double cv = 100 * sd(veh) / m;
        QcFlag f = cv > t.cvFailPercent() ? QcFlag.FAIL : cv > t.cvWarnPercent() ? QcFlag.WARN : QcFlag.PASS;
        return new QcMetric(
                "cv_vehicle",
                OptionalDouble.of(cv),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                veh.length,
                warn,
                fail,
                f,
                "percent of the vehicle mean (raw signal)");
    }

    /** Residuals of wells in replicate groups of >= 2, in percent of the assay window. */
    private record Residuals(int[] wells, double[] percent) {}

    private static Residuals residuals(PlateReadout plate, PlateMap map, double window) {
        Map<String, List<Integer>> groups = groups(plate, map);
        List<Integer> wells = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        if (window > 0) {
            for (List<Integer> g : groups.values()) {
                if (g.size() < 2 || map.well(g.get(0)).role() == WellRole.POSITIVE) {
                    continue;
                }
                double[] s = g.stream()
                        .mapToDouble(i -> plate.value(i).getAsDouble())
                        .toArray();
                double med = median(s);
                for (int k = 0; k < s.length; k++) {
                    wells.add(g.get(k));
                    values.add(100 * (s[k] - med) / window);
                }
            }
        }
        return new Residuals(
                wells.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Measured wells with cells, grouped by role and treatment, groups in first-well order. */
    private static Map<String, List<Integer>> groups(PlateReadout plate, PlateMap map) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < plate.format().wells(); i++) {
            WellAssignment a = map.well(i);
            if (a.role().hasCells() && plate.state(i) == WellState.MEASURED) {
                groups.computeIfAbsent(a.treatmentKey(), k -> new ArrayList<>()).add(i);
            }
        }
        return groups;
    }

    private static QcMetric edge(PlateFormat f, Residuals r, double window, QcThresholds t) {
        String warn = "p < " + t.warnP() + " and |outer - inner| >= " + t.edgeWarnPercent();
        String fail = "p < " + t.failP() + " and |outer - inner| >= " + t.edgeFailPercent();
        if (!(window > 0)) {
            return na("edge_effect", 0, warn, fail, "no assay window (vehicle mean does not exceed blank)");
        }
        List<Double> outer = new ArrayList<>();
        List<Double> inner = new ArrayList<>();
        for (int k = 0; k < r.wells().length; k++) {
            (f.isEdge(r.wells()[k]) ? outer : inner).add(r.percent()[k]);
        }
        if (outer.size() < MIN_WELLS_PER_SIDE || inner.size() < MIN_WELLS_PER_SIDE) {
            return na(
                    "edge_effect",
                    outer.size() + inner.size(),
                    warn,
                    fail,
                    "needs at least " + MIN_WELLS_PER_SIDE + " outer and " + MIN_WELLS_PER_SIDE
                            + " inner wells in replicate groups (has " + outer.size() + " and " + inner.size() + ")");
        }
        double[] o = outer.stream().mapToDouble(Double::doubleValue).toArray();
        double[] in = inner.stream().mapToDouble(Double::doubleValue).toArray();
        double diff = mean(o) - mean(in);
        String note = "outer n=" + o.length + ", inner n=" + in.length + "; residuals in percent of the assay window";
        if (sd(o) == 0 && sd(in) == 0) {
            return new QcMetric(
                    "edge_effect",
                    OptionalDouble.of(diff),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    o.length + in.length,
                    warn,
                    fail,
                    diff == 0 ? QcFlag.PASS : QcFlag.FAIL,
                    note + "; no spread");
        }
        TTest test = new TTest();
        double stat = test.t(o, in);
        double p = test.tTest(o, in);
        double a = Math.abs(diff);
        QcFlag flag = p < t.failP() && a >= t.edgeFailPercent()
                ? QcFlag.FAIL
                : p < t.warnP() && a >= t.edgeWarnPercent() ? QcFlag.WARN : QcFlag.PASS;
        return new QcMetric(
                "edge_effect",
                OptionalDouble.of(diff),
                OptionalDouble.of(stat),
                OptionalDouble.of(p),
                o.length + in.length,
                warn,
                fail,
                flag,
                note + "; Welch t-test");
    }

    private static QcMetric drift(PlateFormat f, Residuals r, double window, QcThresholds t) {
        String warn = "p < " + t.warnP() + " and change >= " + t.driftWarnPercent();
        String fail = "p < " + t.failP() + " and change >= " + t.driftFailPercent();
        int n = r.wells().length;
        if (!(window > 0)) {
            return na("drift", 0, warn, fail, "no assay window (vehicle mean does not exceed blank)");
        }
        if (n < 10) {
            return na("drift", n, warn, fail, "needs at least 10 wells in replicate groups (has " + n + ")");
        }
        double[][] x = new double[n][2];
        for (int k = 0; k < n; k++) {
            x[k][0] = f.row(r.wells()[k]);
            x[k][1] = f.column(r.wells()[k]);
        }
        if (constant(x, 0) || constant(x, 1)) {
            return na("drift", n, warn, fail, "replicate-group wells span a single row or column");
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(r.percent().clone(), x);
        double[] beta = ols.estimateRegressionParameters();
        double rss = ols.calculateResidualSumOfSquares();
        double tss = ols.calculateTotalSumOfSquares();
        double change = Math.abs(beta[1]) * (f.rows() - 1) + Math.abs(beta[2]) * (f.columns() - 1);
        String note = "row slope " + beta[1] + ", column slope " + beta[2] + " (percent of window per row/column)";
        if (rss <= 0) {
            QcFlag flag = change >= t.driftFailPercent()
                    ? QcFlag.FAIL
                    : change >= t.driftWarnPercent() ? QcFlag.WARN : QcFlag.PASS;
            return new QcMetric(
                    "drift",
                    OptionalDouble.of(change),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    n,
                    warn,
                    fail,
                    flag,
                    note + "; exact fit");
        }
        double fStat = ((tss - rss) / 2) / (rss / (n - 3));
        double p = 1 - new FDistribution(2, n - 3).cumulativeProbability(fStat);
        QcFlag flag = p < t.failP() && change >= t.driftFailPercent()
                ? QcFlag.FAIL
                : p < t.warnP() && change >= t.driftWarnPercent() ? QcFlag.WARN : QcFlag.PASS;
        return new QcMetric(
                "drift",
                OptionalDouble.of(change),
                OptionalDouble.of(fStat),
                OptionalDouble.of(p),
                n,
                warn,
                fail,
                flag,
                note + "; F-test of both slopes");
    }

    private static boolean constant(double[][] x, int col) {
        for (double[] row : x) {
            if (row[col] != x[0][col]) {
                return false;
            }
        }
        return true;
    }

    private static QcMetric outliers(
            PlateReadout plate, PlateMap map, QcThresholds t, double window, List<Integer> out) {
        // Floor on the robust scale: near background (positive controls) MAD shrinks to the reader's
        // rounding, and deviations of a few thousandths would count as outliers.
        double floor = window > 0 ? MIN_SCALE_FRACTION * window : 0;
        String warn = ">= 1 well with |modified z| > " + t.outlierZ();
        String fail = "> " + t.outlierFailFraction() + " of tested wells";
        int tested = 0;
        double maxZ = 0;
        for (List<Integer> g : groups(plate, map).values()) {
            if (g.size() < 3) {
                continue;
            }
            double[] s =
                    g.stream().mapToDouble(i -> plate.value(i).getAsDouble()).toArray();
            double med = median(s);
            double[] dev = new double[s.length];
            for (int k = 0; k < s.length; k++) {
                dev[k] = Math.abs(s[k] - med);
            }
            double scale = Math.max(median(dev) / 0.6745, floor);
            tested += s.length;
            if (scale == 0) {
                continue;
            }
            for (int k = 0; k < s.length; k++) {
                double z = (s[k] - med) / scale;
                maxZ = Math.max(maxZ, Math.abs(z));
                if (Math.abs(z) > t.outlierZ()) {
                    out.add(g.get(k));
                }
            }
        }
        out.sort(null);
        if (tested == 0) {
            return na("outliers", 0, warn, fail, "no replicate group with at least 3 measured wells");
        }
        QcFlag flag =
                out.size() > t.outlierFailFraction() * tested ? QcFlag.FAIL : out.isEmpty() ? QcFlag.PASS : QcFlag.WARN;
        StringBuilder names = new StringBuilder();
        for (int i : out) {
            names.append(names.length() == 0 ? "" : " ").append(plate.format().wellName(i));
        }
        return new QcMetric(
                "outliers",
                OptionalDouble.of(out.size()),
                OptionalDouble.of(maxZ),
                OptionalDouble.empty(),
                tested,
                warn,
                fail,
                flag,
                out.isEmpty()
                        ? "none; statistic is the largest |modified z|"
                        : "wells " + names + "; statistic is the largest |modified z|");
    }

    private static QcMetric saturation(PlateReadout plate, PlateMap map, QcThresholds t, List<Integer> out) {
        String warn = ">= 1 mapped well saturated";
        String fail = "> " + t.saturationFailFraction() + " of mapped wells, or any vehicle well";
        int mapped = 0;
        boolean vehicle = false;
        for (int i = 0; i < plate.format().wells(); i++) {
            WellRole role = map.well(i).role();
            if (role == WellRole.EMPTY) {
                continue;
            }
            mapped++;
            if (plate.state(i) == WellState.OVERFLOW) {
                out.add(i);
                vehicle |= role == WellRole.VEHICLE;
            }
        }
        QcFlag flag = vehicle || out.size() > t.saturationFailFraction() * mapped
                ? QcFlag.FAIL
                : out.isEmpty() ? QcFlag.PASS : QcFlag.WARN;
        StringBuilder names = new StringBuilder();
        for (int i : out) {
            names.append(names.length() == 0 ? "" : " ").append(plate.format().wellName(i));
        }
        return new QcMetric(
                "saturation",
                OptionalDouble.of(out.size()),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                mapped,
                warn,
                fail,
                flag,
                out.isEmpty() ? "none" : "wells " + names + (vehicle ? " (includes vehicle)" : ""));
    }

    private static QcMetric na(String check, int n, String warn, String fail, String note) {
        return new QcMetric(
                check,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                n,
                warn,
                fail,
                QcFlag.NA,
                note);
    }

    private static double[] values(PlateReadout plate, PlateMap map, WellRole role) {
        return map.wellsWith(role).stream()
                .filter(i -> plate.state(i) == WellState.MEASURED)
                .mapToDouble(i -> plate.value(i).getAsDouble())
                .toArray();
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample standard deviation (n − 1). */
    static double sd(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
