package org.comboscope.core.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PlateNormalizerTest {
    private static final PlateFormat F = PlateFormat.WELLS_96;

    /** A1, A2 blank; A3, A4 vehicle; A5, A6 positive; B1 sample cisplatin 10 µM; B2 sample 30 µM. */
    static PlateMap smallMap() {
        List<WellAssignment> w = new ArrayList<>();
        for (int i = 0; i < F.wells(); i++) {
            w.add(WellAssignment.empty());
        }
        w.set(0, WellAssignment.control(WellRole.BLANK, 2));
        w.set(1, WellAssignment.control(WellRole.BLANK, 3));
        w.set(2, WellAssignment.control(WellRole.VEHICLE, 4));
        w.set(3, WellAssignment.control(WellRole.VEHICLE, 5));
        w.set(4, WellAssignment.control(WellRole.POSITIVE, 6));
        w.set(5, WellAssignment.control(WellRole.POSITIVE, 7));
        w.set(12, new WellAssignment(WellRole.SAMPLE, List.of("cisplatin"), List.of(10.0), "uM", "1", 8));
        w.set(13, new WellAssignment(WellRole.SAMPLE, List.of("cisplatin"), List.of(30.0), "uM", "1", 9));
        return new PlateMap("map.csv", F, w);
    }

    static PlateReadout plate(double... firstWells) {
        double[] s = new double[F.wells()];
        WellState[] st = new WellState[F.wells()];
        Arrays.fill(st, WellState.MISSING);
        int[] used = {0, 1, 2, 3, 4, 5, 12, 13};
        for (int k = 0; k < used.length; k++) {
            s[used[k]] = firstWells[k];
            st[used[k]] = WellState.MEASURED;
        }
        return new PlateReadout("p1", "plates.csv:1", F, s, st);
    }

    @Test
    void normalize_blankVehicle_matchesHandComputedViability() {
        // blank mean 0.10, vehicle mean 1.20, window 1.10: B1 = 100 * (0.65 - 0.10) / 1.10 = 50,
        // B2 = 100 * (0.32 - 0.10) / 1.10 = 20; vehicle wells 100 * (1.1 - 0.1) / 1.1 = 90.909...
        PlateReadout p = plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.65, 0.32);
        NormalizedPlate n = PlateNormalizer.normalize(p, smallMap(), Normalization.BLANK_VEHICLE);
        assertThat(n.blankMean().getAsDouble()).isCloseTo(0.10, within(1e-15));
        assertThat(n.vehicleMean()).isCloseTo(1.20, within(1e-15));
        assertThat(n.wells().get(12).viabilityPercent().getAsDouble()).isCloseTo(50.0, within(1e-12));
        assertThat(n.wells().get(12).inhibitionPercent().getAsDouble()).isCloseTo(50.0, within(1e-12));
        assertThat(n.wells().get(13).viabilityPercent().getAsDouble()).isCloseTo(20.0, within(1e-12));
        assertThat(n.wells().get(2).viabilityPercent().getAsDouble()).isCloseTo(100.0 / 1.1, within(1e-12));
        assertThat(n.wells().get(0).viabilityPercent()).isEmpty();
        assertThat(n.wells().get(50).viabilityPercent()).isEmpty();
        assertThat(n.notes()).isEmpty();
    }

    @Test
    void normalize_positiveScaling_positiveIsZeroPercent() {
        // positive mean 0.2, vehicle mean 1.2: B1 = 100 * (0.65 - 0.2) / 1.0 = 45.
        PlateReadout p = plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.65, 0.32);
        NormalizedPlate n = PlateNormalizer.normalize(p, smallMap(), Normalization.POSITIVE_VEHICLE);
        assertThat(n.wells().get(12).viabilityPercent().getAsDouble()).isCloseTo(45.0, within(1e-12));
        assertThat(n.wells().get(4).viabilityPercent().getAsDouble()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void normalize_noBlankWells_subtractsZeroAndSaysSo() {
        List<WellAssignment> w = new ArrayList<>(smallMap().wells());
        w.set(0, WellAssignment.empty());
        w.set(1, WellAssignment.empty());
        PlateMap m = new PlateMap("map.csv", F, w);
        NormalizedPlate n = PlateNormalizer.normalize(
                plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.6, 0.3), m, Normalization.BLANK_VEHICLE);
        assertThat(n.blankMean()).isEmpty();
        assertThat(n.wells().get(12).viabilityPercent().getAsDouble()).isCloseTo(50.0, within(1e-12));
        assertThat(n.notes())
                .containsExactly(
                        "plate p1: no measured blank wells; signals used without blank subtraction (blank = 0)");
    }

    @Test
    void normalize_saturatedSample_leftOutAndNamed() {
        PlateReadout p = plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.65, 0.32);
        WellState[] st = p.state();
        st[13] = WellState.OVERFLOW;
        PlateReadout sat = new PlateReadout("p1", "plates.csv:1", F, p.signal(), st);
        NormalizedPlate n = PlateNormalizer.normalize(sat, smallMap(), Normalization.BLANK_VEHICLE);
        assertThat(n.wells().get(13).viabilityPercent()).isEmpty();
        assertThat(n.notes())
                .containsExactly("plate p1: 1 mapped well without a usable signal, left out: B2 (saturated)");
    }

    @Test
    void withSaturationAt_readerMaximum_marksOverflow() {
        PlateReadout p = plate(0.09, 0.11, 1.1, 4.0, 0.2, 0.2, 0.65, 0.32).withSaturationAt(4.0);
        assertThat(p.state(3)).isEqualTo(WellState.OVERFLOW);
        assertThat(p.state(2)).isEqualTo(WellState.MEASURED);
        NormalizedPlate n = PlateNormalizer.normalize(p, smallMap(), Normalization.BLANK_VEHICLE);
        assertThat(n.vehicleMean()).isEqualTo(1.1);
    }

    @Test
    void normalize_noMeasuredVehicle_throwsLocated() {
        PlateReadout p = plate(0.09, 0.11, 1.1, 1.3, 0.2, 0.2, 0.65, 0.32);
        WellState[] st = p.state();
        st[2] = WellState.MISSING;
        st[3] = WellState.OVERFLOW;
        PlateReadout bad = new PlateReadout("p1", "plates.csv:1", F, p.signal(), st);
        assertThatThrownBy(() -> PlateNormalizer.normalize(bad, smallMap(), Normalization.BLANK_VEHICLE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("vehicle wells must have at least one measured signal (missing or saturated), was 0"
                        + " measured of 2 (plate p1 (plates.csv:1))");
    }

    @Test
    void normalize_vehicleBelowBlank_throwsNoWindow() {
        PlateReadout p = plate(0.5, 0.5, 0.4, 0.4, 0.2, 0.2, 0.65, 0.32);
        assertThatThrownBy(() -> PlateNormalizer.normalize(p, smallMap(), Normalization.BLANK_VEHICLE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("vehicle mean must exceed the blank mean 0.5 (no assay window), was 0.4"
                        + " (plate p1 (plates.csv:1))");
    }

    @Test
    void normalize_formatMismatch_throws() {
        PlateReadout p384 = new PlateReadout("big", "x.csv:1", PlateFormat.WELLS_384, new double[384], filled(384));
        assertThatThrownBy(() -> PlateNormalizer.normalize(p384, smallMap(), Normalization.BLANK_VEHICLE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("plate format must match the plate map map.csv (96 wells), was 384 (plate big (x.csv:1))");
    }

    @Test
    void simulatedPlate_viabilityRecoversModelWithinNoise() {
        PlateMap m = PlateSimulator.checkerboardMap();
        PlateReadout p = PlateSimulator.simulate("s", m, PlateSimulator.Conditions.good(), 42);
        NormalizedPlate n = PlateNormalizer.normalize(p, m, Normalization.BLANK_VEHICLE);
        double worst = 0;
        for (NormalizedWell w : n.wells()) {
            if (w.assignment().role() == WellRole.SAMPLE) {
                double want = 100
                        * PlateSimulator.viability(
                                w.assignment().concentrations().get(0),
                                w.assignment().concentrations().get(1));
                worst = Math.max(worst, Math.abs(w.viabilityPercent().getAsDouble() - want));
            }
        }
        // 4 % multiplicative noise on a 100 % well plus the error of the control means: well under 15 points.
        assertThat(worst)
                .as("worst |viability - model|, percent points")
                .isLessThan(15)
                .isGreaterThan(0.1);
    }

    private static WellState[] filled(int n) {
        WellState[] s = new WellState[n];
        Arrays.fill(s, WellState.MEASURED);
        return s;
    }
}
