package org.comboscope.core.combination;

import java.util.Arrays;
import org.comboscope.core.error.FitFailureException;

/**
 * Single-drug Hill fits as the Python {@code synergy} 1.0 package does them ({@code
 * single/hill.py}): doses divided by the scale {@code s = exp(median(ln d, d > 0))}, parameters
 * (E0, Emax, ln h, ln C/s) or (ln h, ln C/s), Levenberg–Marquardt with the analytic jacobian and
 * scipy's default tolerances, started where the package starts.
 */
public final class HillFitter {
    private HillFitter() {}

    /**
     * The 4-parameter fit ({@code Hill}): start E0 = median E at the smallest dose, Emax = median E
     * at the largest dose, h = 1, C = median of all doses (zeros included).
     *
     * @param doses doses (≥ 0), replicates as separate points
     * @param e responses on the E = 1 − fa scale
     * @throws FitFailureException with fewer than 4 points or when the fit does not converge
     */
    public static HillCurve fit4(double[] doses, double[] e) {
        int n = doses.length;
        if (n < 4) {
            throw new FitFailureException("Hill", "needs at least 4 points, has " + n, null);
        }
        double s = doseScale(doses);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = doses[i] / s;
        }
        double dmin = Arrays.stream(doses).min().orElseThrow();
        double dmax = Arrays.stream(doses).max().orElseThrow();
        double e0 = median(select(e, doses, dmin));
        double emax = median(select(e, doses, dmax));
        double c0 = median(doses);
        double[] start = {e0, emax, 0.0, Math.log(c0 / s)};
        LeastSquares.Result r =
                LeastSquares.fit("Hill", p -> hill4(x, p), e, start, LeastSquares.SCIPY_TOL, 100 * (start.length + 1));
        double[] p = r.params();
        return new HillCurve(p[0], p[1], Math.exp(p[2]), Math.exp(p[3]) * s);
    }

    /**
     * The 2-parameter fit with E0 = 1 and Emax = 0 ({@code Hill_2P}, the nonlinear median-effect
     * fit, used by Zimmer), including the package's start value quirk: C starts at {@code
     * median(d/s)/s}.
     *
     * @throws FitFailureException with fewer than 2 points or when the fit does not converge
     */
    public static HillCurve fit2(double[] doses, double[] e) {
        int n = doses.length;
        if (n < 2) {
            throw new FitFailureException("Hill_2P", "needs at least 2 points, has " + n, null);
        }
        double s = doseScale(doses);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = doses[i] / s;
        }
        double[] start = {0.0, Math.log(median(x) / s)};
        LeastSquares.Result r = LeastSquares.fit(
                "Hill_2P",
                p -> {
                    LeastSquares.ValueJacobian full = hill4(x, new double[] {1.0, 0.0, p[0], p[1]});
                    double[][] j = new double[n][2];
                    for (int i = 0; i < n; i++) {
                        j[i][0] = full.jacobian()[i][2];
                        j[i][1] = full.jacobian()[i][3];
                    }
                    return new LeastSquares.ValueJacobian(full.value(), j);
                },
                e,
                start,
                LeastSquares.SCIPY_TOL,
                100 * (start.length + 1));
        double[] p = r.params();
        return new HillCurve(1.0, 0.0, Math.exp(p[0]), Math.exp(p[1]) * s);
    }

    /** exp(median(ln d)) over the positive doses; 1 when there are none. */
    static double doseScale(double[] doses) {
        double[] logs = Arrays.stream(doses).filter(d -> d > 0).map(Math::log).toArray();
        return logs.length == 0 ? 1.0 : Math.exp(median(logs));
    }

    /** Values and analytic jacobian of E over θ = (E0, Emax, ln h, ln C). */
    static LeastSquares.ValueJacobian hill4(double[] x, double[] p) {
        double e0 = p[0];
        double emax = p[1];
        double h = Math.exp(p[2]);
        double c = Math.exp(p[3]);
        double ch = Math.pow(c, h);
        double[] v = new double[x.length];
        double[][] j = new double[x.length][4];
        for (int i = 0; i < x.length; i++) {
            double d = x[i];
            double dh = Math.pow(d, h);
            double u = dh / (ch + dh);
            v[i] = e0 + (emax - e0) * u;
            j[i][0] = 1 - u;
            j[i][1] = u;
            if (d > 0) {
                double uu = u * (1 - u) * (emax - e0);
                j[i][2] = uu * h * Math.log(d / c);
                j[i][3] = -uu * h;
            }
        }
        return new LeastSquares.ValueJacobian(v, j);
    }

    private static double[] select(double[] e, double[] doses, double at) {
        return java.util.stream.IntStream.range(0, e.length)
                .filter(i -> doses[i] == at)
                .mapToDouble(i -> e[i])
                .toArray();
    }

    /** numpy's median: mean of the two middle values for an even count. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
