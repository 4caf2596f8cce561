package org.comboscope.report.synergy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.comboscope.core.doseresponse.DoseResponseCurve;
import org.comboscope.core.synergy.SynergyMethod;

/**
 * Collects the cells of one block (in any order) and lays them out as a {@link BlockView} grid.
 * Both the in-memory results and the CSV read-back go through here, so both give the same report.
 */
final class GridBuilder {
    /** One row of cells.csv. Values NaN = NA. */
    record Cell(double c1, double c2, double response, Map<SynergyMethod, double[]> refSyn, double ci) {}

    /** One row of curves.csv, without the data points (those come from the monotherapy cells). */
    record Curve(
            String drug,
            String unit,
            DoseResponseCurve curve,
            java.util.Optional<double[][]> covariance,
            int residualDf,
            OptionalDouble ic50) {}

    private final String blockId;
    private final List<Cell> cells = new ArrayList<>();

    GridBuilder(String blockId) {
        this.blockId = blockId;
    }

    void add(Cell c) {
        cells.add(c);
    }

    BlockView build(
            String drug1,
            String drug2,
            String unit1,
            String unit2,
            Map<SynergyMethod, BlockView.Summary> summaries,
            List<Curve> curves,
            OptionalDouble css) {
        double[] conc1 = distinct(0);
        double[] conc2 = distinct(1);
        int n1 = conc1.length;
        int n2 = conc2.length;
        double[][] response = nanGrid(n1, n2);
        double[][] ci = nanGrid(n1, n2);
        Map<SynergyMethod, double[][]> syn = new EnumMap<>(SynergyMethod.class);
        Map<SynergyMethod, double[][]> ref = new EnumMap<>(SynergyMethod.class);
        for (SynergyMethod m : summaries.keySet()) {
            syn.put(m, nanGrid(n1, n2));
            ref.put(m, nanGrid(n1, n2));
        }
        for (Cell c : cells) {
            int i = Arrays.binarySearch(conc1, c.c1());
            int j = Arrays.binarySearch(conc2, c.c2());
            response[i][j] = c.response();
            ci[i][j] = c.ci();
            for (SynergyMethod m : syn.keySet()) {
                double[] rs = c.refSyn().get(m);
                if (rs != null) {
                    ref.get(m)[i][j] = rs[0];
                    syn.get(m)[i][j] = rs[1];
                }
            }
        }
        List<CurveView> views = new ArrayList<>();
        for (int d = 0; d < curves.size() && d < 2; d++) {
            Curve cv = curves.get(d);
            double[] conc = d == 0 ? conc1 : conc2;
            double[] other = d == 0 ? conc2 : conc1;
            List<double[]> pts = new ArrayList<>();
            OptionalDouble control = OptionalDouble.empty();
            if (other.length > 0 && other[0] == 0) {
                for (int k = 0; k < conc.length; k++) {
                    double y = d == 0 ? response[k][0] : response[0][k];
                    if (Double.isNaN(y)) {
                        continue;
                    }
                    if (conc[k] > 0) {
                        pts.add(new double[] {conc[k], y});
                    } else {
                        control = OptionalDouble.of(y);
                    }
                }
            }
            views.add(new CurveView(
                    cv.drug(),
                    cv.unit(),
                    cv.curve(),
                    cv.covariance(),
                    cv.residualDf(),
                    pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray(),
                    control,
                    cv.ic50()));
        }
        return new BlockView(
                blockId, drug1, drug2, unit1, unit2, conc1, conc2, response, syn, ref, ci, summaries, views, css);
    }

    private double[] distinct(int d) {
        TreeSet<Double> s = new TreeSet<>();
        for (Cell c : cells) {
            s.add(d == 0 ? c.c1() : c.c2());
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] nanGrid(int n1, int n2) {
        double[][] g = new double[n1][n2];
        for (double[] row : g) {
            Arrays.fill(row, Double.NaN);
        }
        return g;
    }
}
