package org.comboscope.core.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateQcTest {
    private static final PlateMap MAP = PlateSimulator.checkerboardMap();
    private static final QcThresholds T = QcThresholds.defaults();

    private static QcMetric metric(QcReport r, String check) {
        return r.metric(check).orElseThrow();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void assess_goodSimulatedPlate_passes(long seed) {
        PlateReadout p = PlateSimulator.simulate("good", MAP, PlateSimulator.Conditions.good(), seed);
        QcReport r = PlateQc.assess(p, MAP, T);
        assertThat(metric(r, "z_prime").flag()).as("seed %d: %s", seed, r).isEqualTo(QcFlag.PASS);
        assertThat(metric(r, "cv_vehicle").flag()).as("seed %d", seed).isEqualTo(QcFlag.PASS);
        assertThat(metric(r, "edge_effect").flag())
                .as("seed %d: %s", seed, metric(r, "edge_effect"))
                .isEqualTo(QcFlag.PASS);
        assertThat(metric(r, "drift").flag())
                .as("seed %d: %s", seed, metric(r, "drift"))
                .isEqualTo(QcFlag.PASS);
        assertThat(metric(r, "saturation").flag()).isEqualTo(QcFlag.PASS);
        assertThat(r.verdict()).as("seed %d: %s", seed, r).isIn(QcFlag.PASS, QcFlag.WARN);
        assertThat(r.failed()).isFalse();
    }

    @Test
    void assess_edgeEffect_outerWellsLow_fails() {
        // Evaporation: outer-ring wells read 20 % low.
        PlateReadout p = PlateSimulator.simulate(
                "edge", MAP, PlateSimulator.Conditions.good().withEdge(0.8), 11);
        QcReport r = PlateQc.assess(p, MAP, T);
        QcMetric e = metric(r, "edge_effect");
        assertThat(e.flag()).as(e.toString()).isEqualTo(QcFlag.FAIL);
        assertThat(e.value().getAsDouble()).isLessThan(-10);
        assertThat(e.statistic().getAsDouble()).isLessThan(0);
        assertThat(e.pValue().getAsDouble()).isLessThan(0.001);
        assertThat(e.n()).isEqualTo(26); // vehicle wells only: samples are single wells per plate
        assertThat(r.verdict()).isEqualTo(QcFlag.FAIL);
    }

    @Test
    void assess_columnDrift_fails() {
        // Signal falls 3 % of the window per column (e.g. a slow dispenser): 33 % across the plate.
        PlateReadout p = PlateSimulator.simulate(
                "drift", MAP, PlateSimulator.Conditions.good().withDrift(0.03), 12);
        QcReport r = PlateQc.assess(p, MAP, T);
        QcMetric d = metric(r, "drift");
        assertThat(d.flag()).as(d.toString()).isEqualTo(QcFlag.FAIL);
        // 3 % of the undrifted window per column is 3 / 0.81 = 3.7 % of the observed window (the
        // vehicle mean itself drops by ~19 %), i.e. ~41 across 11 columns, plus noise in the row slope.
        assertThat(d.value().getAsDouble()).as(d.note()).isBetween(30.0, 55.0);
        assertThat(d.pValue().getAsDouble()).isLessThan(0.001);
        assertThat(r.failed()).isTrue();
    }

    @Test
    void assess_weakPositiveControl_lowZPrimeFails() {
        // The kill control leaves 85 % of the signal: bands overlap, Z' < 0.
        PlateReadout p = PlateSimulator.simulate(
                "weak", MAP, PlateSimulator.Conditions.good().withPositiveViability(0.85), 13);
        QcReport r = PlateQc.assess(p, MAP, T);
        QcMetric z = metric(r, "z_prime");
        assertThat(z.value().getAsDouble()).isLessThan(0);
        assertThat(z.flag()).isEqualTo(QcFlag.FAIL);
        assertThat(z.warnRule()).isEqualTo("< 0.5");
        assertThat(z.failRule()).isEqualTo("< 0.0");
    }

    @Test
    void assess_zPrimeAndCv_matchHandComputation() {
        // Vehicle 1.1, 1.3 (mean 1.2, sd 0.141421...); positive 0.2, 0.2 (sd 0):
        // Z' = 1 - 3 * 0.1414214 / 1.0 = 0.5757359; CV = 100 * 0.1414214 / 1.2 = 11.785113 %.
        PlateReadout p = PlateNormalizerTest.plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.65, 0.32);
        QcReport r = PlateQc.assess(p, PlateNormalizerTest.smallMap(), T);
        assertThat(metric(r, "z_prime").value().getAsDouble()).isCloseTo(1 - 3 * Math.sqrt(0.02) / 1.0, within(1e-12));
        assertThat(metric(r, "z_prime").flag()).isEqualTo(QcFlag.PASS);
        assertThat(metric(r, "cv_vehicle").value().getAsDouble()).isCloseTo(100 * Math.sqrt(0.02) / 1.2, within(1e-12));
        assertThat(metric(r, "cv_vehicle").flag()).isEqualTo(QcFlag.WARN);
        // Too few wells in replicate groups for edge and drift (only the 2 vehicle wells; positive
        // controls are background and not used): NA, with the reason.
        assertThat(metric(r, "edge_effect").flag()).isEqualTo(QcFlag.NA);
        assertThat(metric(r, "edge_effect").note())
                .isEqualTo("needs at least 3 outer and 3 inner wells in replicate groups (has 2 and 0)");
        assertThat(metric(r, "drift").flag()).isEqualTo(QcFlag.NA);
        assertThat(r.verdict()).isEqualTo(QcFlag.WARN);
    }

    @Test
    void assess_singleBadVehicleWell_flaggedAsOutlier() {
        PlateReadout good = PlateSimulator.simulate("o", MAP, PlateSimulator.Conditions.good(), 3);
        double[] s = good.signal();
        int c11 = PlateFormat.WELLS_96.wellIndex("D11").orElseThrow();
        s[c11] = s[c11] * 1.6;
        PlateReadout p = new PlateReadout("o", "x", PlateFormat.WELLS_96, s, good.state());
        QcReport r = PlateQc.assess(p, MAP, T);
        assertThat(r.outlierWells()).containsExactly(c11);
        QcMetric o = metric(r, "outliers");
        assertThat(o.flag()).isEqualTo(QcFlag.WARN);
        assertThat(o.note()).startsWith("wells D11;");
        assertThat(o.statistic().getAsDouble()).isGreaterThan(3.5);
    }

    @Test
    void assess_saturatedVehicleWell_fails() {
        PlateReadout good = PlateSimulator.simulate("s", MAP, PlateSimulator.Conditions.good(), 4);
        WellState[] st = good.state();
        st[PlateFormat.WELLS_96.wellIndex("A5").orElseThrow()] = WellState.OVERFLOW;
        PlateReadout p = new PlateReadout("s", "x", PlateFormat.WELLS_96, good.signal(), st);
        QcReport r = PlateQc.assess(p, MAP, T);
        QcMetric sat = metric(r, "saturation");
        assertThat(sat.flag()).isEqualTo(QcFlag.FAIL);
        assertThat(sat.value().getAsDouble()).isEqualTo(1);
        assertThat(sat.note()).isEqualTo("wells A5 (includes vehicle)");
        assertThat(r.saturatedWells()).containsExactly(4);
    }

    @Test
    void assess_saturatedSampleWell_warns() {
        PlateReadout good = PlateSimulator.simulate("s", MAP, PlateSimulator.Conditions.good(), 4);
        WellState[] st = good.state();
        st[PlateFormat.WELLS_96.wellIndex("B2").orElseThrow()] = WellState.OVERFLOW;
        PlateReadout p = new PlateReadout("s", "x", PlateFormat.WELLS_96, good.signal(), st);
        assertThat(metric(PlateQc.assess(p, MAP, T), "saturation").flag()).isEqualTo(QcFlag.WARN);
    }

    @Test
    void thresholds_withZPrime_changesFlag() {
        PlateReadout p = PlateNormalizerTest.plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.65, 0.32);
        QcReport strict = PlateQc.assess(p, PlateNormalizerTest.smallMap(), T.withZPrime(0.7, 0.6));
        assertThat(metric(strict, "z_prime").flag()).isEqualTo(QcFlag.FAIL);
    }
}
