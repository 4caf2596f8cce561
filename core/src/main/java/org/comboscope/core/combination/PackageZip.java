package org.comboscope.core.combination;

import java.util.HashMap;
import java.util.Map;
import org.comboscope.core.error.FitFailureException;

/**
 * ZIP in the Python {@code synergy} 1.0 package's form ({@code zero_interaction_potency.py}): per
 * row and column of the matrix a 3-parameter Hill fit with E0 fixed to the other drug's Hill value
 * there, started from the single-drug fit; the fits are cached per row/column (the package repeats
 * them per cell). Emax is bounded to [0, 1.5] and fitted, as the package does through scipy's
 * {@code curve_fit}, by the Trust Region Reflective method ({@link Trf}).
 */
final class PackageZip {
    /** One row/column fit. */
    record Slice(double emax, double h, double c) {}

    /** Per row: ZIP reference (E scale) and delta (E_ref − zip_fit, edges 0). */
    record Cell(double refE, double delta, Slice s21, Slice s12) {}

    private PackageZip() {}

    static Cell[] compute(TwoDrugData data, HillCurve h1, HillCurve h2) {
        double[] e = data.e();
        double e0 = (h1.e0() + h2.e0()) / 2;
        Map<Double, Slice> rows = new HashMap<>();
        Map<Double, Slice> cols = new HashMap<>();
        Cell[] out = new Cell[data.size()];
        Slice last21 = new Slice(h1.emax(), h1.h(), h1.c());
        Slice last12 = new Slice(h2.emax(), h2.h(), h2.c());
        for (int i = 0; i < data.size(); i++) {
            double d1 = data.d1(i);
            double d2 = data.d2(i);
            Slice s21 = rows.get(d2);
            if (s21 == null) {
                s21 = fitSlice(data.d1(), data.d2(), e, d2, h2.e(d2), h1, last21);
                rows.put(d2, s21);
            }
            Slice s12 = cols.get(d1);
            if (s12 == null) {
                s12 = fitSlice(data.d2(), data.d1(), e, d1, h1.e(d1), h2, last12);
                cols.put(d1, s12);
            }
            last21 = s21;
            last12 = s12;
            double e1a = new HillCurve(e0, h1.emax(), h1.h(), h1.c()).e(d1);
            double e2a = new HillCurve(e0, h2.emax(), h2.h(), h2.c()).e(d2);
            double fit = (new HillCurve(e2a, s21.emax(), s21.h(), s21.c()).e(d1)
                            + new HillCurve(e1a, s12.emax(), s12.h(), s12.c()).e(d2))
                    / 2;
            double ref = e1a * e2a;
            double delta = d1 == 0 || d2 == 0 ? 0 : ref - fit;
            out[i] = new Cell(ref, delta, s21, s12);
        }
        return out;
    }

    /** Fits E(x) along {other == at} with E0 fixed; keeps {@code previous} when the fit fails. */
    private static Slice fitSlice(
            double[] x, double[] other, double[] e, double at, double e0, HillCurve start, Slice previous) {
        int n = 0;
        for (double o : other) {
            if (o == at) {
                n++;
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i < other.length; i++) {
            if (other[i] == at) {
                xs[k] = x[i];
                ys[k++] = e[i];
            }
        }
        double s = HillFitter.doseScale(xs);
        double[] xd = new double[n];
        for (int i = 0; i < n; i++) {
            xd[i] = xs[i] / s;
        }
        double[] p0 = {clamp(start.emax()), Math.log(start.h()), Math.log(start.c() / s)};
        try {
            Trf.Result r = Trf.fit(
                    "ZIP slice",
                    p -> three(xd, e0, p[0], p[1], p[2]),
                    ys,
                    p0,
                    new double[] {0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
                    new double[] {1.5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
                    1e-8,
                    100 * p0.length);
            double[] p = r.params();
            return new Slice(p[0], Math.exp(p[1]), Math.exp(p[2]) * s);
        } catch (FitFailureException ex) {
            return previous;
        }
    }

    private static double clamp(double emax) {
        return Math.max(0, Math.min(1.5, emax));
    }

    private static LeastSquares.ValueJacobian three(double[] x, double e0, double emax, double lh, double lc) {
        LeastSquares.ValueJacobian f = HillFitter.hill4(x, new double[] {e0, emax, lh, lc});
        double[][] j = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            j[i][0] = f.jacobian()[i][1];
            j[i][1] = f.jacobian()[i][2];
            j[i][2] = f.jacobian()[i][3];
        }
        return new LeastSquares.ValueJacobian(f.value(), j);
    }
}
