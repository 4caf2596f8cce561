package org.comboscope.core.doseresponse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The final Hessian of a drc fit is computed on first use of the covariance only where {@link
 * Drm#hessianIsFinite} proves it cannot fail the fit. These tests compare that against drc's order
 * (Hessian at once) on fits built to cover flat, steep, tiny- and huge-EC50, fixed-parameter and
 * L.4 cases, including fits that the Hessian does fail.
 */
class DrmLazyHessianTest {

    @Test
    void lazyAndEagerHessian_giveTheSameFitsBitForBit_andTheCertificateNeverVouchesForAFailure() {
        Random rnd = new Random(20261206L);
        int converged = 0;
        int failedEagerly = 0;
        int lazy = 0;
        for (int k = 0; k < 3000; k++) {
            int points = 5 + rnd.nextInt(6);
            double[] x = new double[points];
            double[] y = new double[points];
            double e = Math.pow(10, rnd.nextDouble() * 8 - 5);
            double b = (rnd.nextBoolean() ? -1 : 1) * (0.05 + rnd.nextDouble() * 6);
            double c = rnd.nextGaussian() * 5;
            double d = 40 + rnd.nextDouble() * 70;
            double noise = rnd.nextInt(4) == 0 ? 0.01 : 1 + rnd.nextDouble() * 8;
            double step = 2 + rnd.nextDouble() * 8;
            for (int i = 0; i < points; i++) {
                x[i] = i == 0 && rnd.nextBoolean() ? 0 : 0.001 * Math.pow(step, i);
                double f = x[i] == 0 ? c : c + (d - c) / (1 + Math.exp(b * Math.log(x[i] / e)));
                y[i] = f + rnd.nextGaussian() * noise;
            }
            CurveModel model = CurveModel.LL4;
            double[] xs = x;
            if (k % 5 == 4) {
                model = CurveModel.L4;
                xs = new double[points];
                for (int i = 0; i < points; i++) {
                    xs[i] = Math.log(x[i] == 0 ? 1e-10 : x[i]);
                }
            }
            double[] fixed = {Double.NaN, k % 3 == 1 ? c : Double.NaN, Double.NaN, Double.NaN};
            Drm.Result eager = Drm.fit(model, xs, y, fixed, false);
            Drm.Result lazyFit = Drm.fit(model, xs, y, fixed, true);
            String what = "curve " + k + " " + model + " x=" + Arrays.toString(xs) + " y=" + Arrays.toString(y);
            assertThat(lazyFit.converged()).as(what).isEqualTo(eager.converged());
            assertThat(lazyFit.failure()).as(what).isEqualTo(eager.failure());
            assertThat(lazyFit.parameters()).as(what).isEqualTo(eager.parameters());
            assertThat(lazyFit.functionCount()).as(what).isEqualTo(eager.functionCount());
            assertThat(lazyFit.gradientCount()).as(what).isEqualTo(eager.gradientCount());
            assertThat(Arrays.deepEquals(
                            lazyFit.covariance().get(), eager.covariance().get()))
                    .as(what)
                    .isTrue();
            if (eager.converged()) {
                converged++;
            } else if (eager.failure().contains("Convergence failed")) {
                failedEagerly++;
            }
        }
        // The sample must exercise both outcomes, or the comparison proves little.
        assertThat(converged).isGreaterThan(2000);
        assertThat(failedEagerly).isGreaterThan(0);
    }

    @Test
    void certificate_refusesParameterIntervalsThatReachANaN() {
        double[] x = {0, 0.1, 1, 10};
        double[] y = {1, 20, 60, 90};
        double[] fixed = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        int[] index = {0, 1, 2, 3};
        double[] ps = {1, 1, 1, 1};
        // A healthy point is vouched for.
        assertThat(Drm.hessianIsFinite(CurveModel.LL4, x, y, fixed, index, ps, new double[] {-1, 0, 100, 1}))
                .isTrue();
        // e within the Hessian's steps of 0: log of a negative quotient.
        assertThat(Drm.hessianIsFinite(CurveModel.LL4, x, y, fixed, index, ps, new double[] {-1, 0, 100, 0.0015}))
                .isFalse();
        // b within the steps of 0 with a zero dose: 0 · log 0.
        assertThat(Drm.hessianIsFinite(CurveModel.LL4, x, y, fixed, index, ps, new double[] {0.001, 0, 100, 1}))
                .isFalse();
        // The same b is harmless for L.4, whose doses are finite.
        double[] logDose = {Math.log(1e-10), Math.log(0.1), 0, Math.log(10)};
        assertThat(Drm.hessianIsFinite(CurveModel.L4, logDose, y, fixed, index, ps, new double[] {0.001, 0, 100, 1}))
                .isTrue();
        // Magnitudes whose squares could overflow are not vouched for.
        assertThat(Drm.hessianIsFinite(CurveModel.LL4, x, y, fixed, index, ps, new double[] {-1, 0, 1e120, 1}))
                .isFalse();
    }
}
