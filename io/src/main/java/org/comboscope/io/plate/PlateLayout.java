package org.comboscope.io.plate;

/** How a plate-reader export lays out its values. */
public enum PlateLayout {
    /** Plate-shaped grids (8×12, 16×24, 32×48), optionally with row letters and column numbers. */
    GRID("grid"),
    /** One row per well: a well column (A1 or A01) and a value column, optionally a plate column. */
    LONG("long");

    private final String label;

    PlateLayout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
