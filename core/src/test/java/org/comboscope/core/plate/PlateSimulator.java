package org.comboscope.core.plate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated MTT plates (absorbance at 570 nm) for tests: a defactinib × trametinib checkerboard
 * on a 96-well plate, responses from a MuSyC surface with E0 = 1, E1 = E2 = E3 = 0, γ = 1 and
 * potency synergy α: {@code viability = 1 / (1 + x1 + x2 + α x1 x2)}, {@code xi = (di / Ci)^hi}.
 *
 * <p>Layout: A1–A4 blank, A5–A8 vehicle, A9–A12 positive control; H1–H4 positive, H5–H8
 * vehicle, H9–H12 blank; columns 1, 11 and 12 of rows B–G vehicle; the 6 × 9 matrix in rows B–G
 * (defactinib 0, 30, 100, 300, 1000, 3000 nM) × columns 2–10 (trametinib 0, 1, 3, 10, 30, 100,
 * 300, 1000, 3000 nM).
 */
final class PlateSimulator {
    static final double[] DEFACTINIB_NM = {0, 30, 100, 300, 1000, 3000};
    static final double[] TRAMETINIB_NM = {0, 1, 3, 10, 30, 100, 300, 1000, 3000};
    static final double C1 = 1000;
    static final double H1 = 1.0;
    static final double C2 = 30;
    static final double H2 = 1.2;
    static final double ALPHA = 5;

    /** Plate conditions; every field is a plain number so tests can build bad plates. */
    record Conditions(
            double blank,
            double window,
            double cv,
            double additiveSd,
            double positiveViability,
            double edgeFactor,
            double driftPerColumn) {
        static Conditions good() {
            return new Conditions(0.08, 1.1, 0.04, 0.004, 0.02, 1.0, 0.0);
        }

        Conditions withEdge(double f) {
            return new Conditions(blank, window, cv, additiveSd, positiveViability, f, driftPerColumn);
        }

        Conditions withDrift(double perColumn) {
            return new Conditions(blank, window, cv, additiveSd, positiveViability, edgeFactor, perColumn);
        }

        Conditions withPositiveViability(double v) {
            return new Conditions(blank, window, cv, additiveSd, v, edgeFactor, driftPerColumn);
        }
    }

    private PlateSimulator() {}

    static double viability(double d1, double d2) {
        double x1 = Math.pow(d1 / C1, H1);
        double x2 = Math.pow(d2 / C2, H2);
        return 1 / (1 + x1 + x2 + ALPHA * x1 * x2);
    }

    static PlateMap checkerboardMap() {
        PlateFormat f = PlateFormat.WELLS_96;
        List<WellAssignment> wells = new ArrayList<>();
        for (int i = 0; i < f.wells(); i++) {
            wells.add(role(f.row(i), f.column(i)));
        }
        return new PlateMap("simulated-map", f, wells);
    }

    private static WellAssignment role(int r, int c) {
        if (r == 0) {
            return WellAssignment.control(c < 4 ? WellRole.BLANK : c < 8 ? WellRole.VEHICLE : WellRole.POSITIVE, 0);
        }
        if (r == 7) {
            return WellAssignment.control(c < 4 ? WellRole.POSITIVE : c < 8 ? WellRole.VEHICLE : WellRole.BLANK, 0);
        }
        if (c == 0 || c >= 10) {
            return WellAssignment.control(WellRole.VEHICLE, 0);
        }
        return new WellAssignment(
                WellRole.SAMPLE,
                List.of("defactinib", "trametinib"),
                List.of(DEFACTINIB_NM[r - 1], TRAMETINIB_NM[c - 1]),
                "nM",
                "",
                0);
    }

    /** One simulated plate; the same seed gives the same plate. */
    static PlateReadout simulate(String id, PlateMap map, Conditions k, long seed) {
        Random rnd = new Random(seed);
        PlateFormat f = map.format();
        double[] signal = new double[f.wells()];
        WellState[] state = new WellState[f.wells()];
        for (int i = 0; i < f.wells(); i++) {
            WellAssignment a = map.well(i);
            double v =
                    switch (a.role()) {
                        case BLANK, EMPTY -> 0;
                        case VEHICLE -> 1;
                        case POSITIVE -> k.positiveViability();
                        case SAMPLE ->
                            viability(
                                    a.concentrations().get(0),
                                    a.concentrations().get(1));
                    };
            double cells = k.window() * v * (1 + k.cv() * rnd.nextGaussian());
            double factor = (f.isEdge(i) ? k.edgeFactor() : 1) * (1 - k.driftPerColumn() * f.column(i));
            double s = k.blank() + cells * factor + k.additiveSd() * rnd.nextGaussian();
            signal[i] = Math.round(s * 1000) / 1000.0;
            state[i] = WellState.MEASURED;
        }
        return new PlateReadout(id, "simulated", f, signal, state);
    }
}
