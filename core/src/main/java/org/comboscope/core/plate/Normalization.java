package org.comboscope.core.plate;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/** How raw signals become percent viability. */
public enum Normalization {
    /**
     * {@code viability % = 100 × (signal − blank) / (vehicle − blank)} with the plate's blank and
     * vehicle means; without blank wells, blank = 0 (reported).
     */
    BLANK_VEHICLE("blank-vehicle"),
    /**
     * Positive-control scaling: {@code viability % = 100 × (signal − positive) / (vehicle −
     * positive)}, so that the kill control is 0 % viability. Needs positive-control wells.
     */
    POSITIVE_VEHICLE("positive-vehicle");

    private final String label;

    Normalization(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses {@code blank-vehicle} or {@code positive-vehicle}. */
    public static Normalization parse(String text) {
        for (Normalization n : values()) {
            if (n.label.equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new InvalidInputException("normalization", text, "must be blank-vehicle or positive-vehicle");
    }
}
