package org.comboscope.core.survival;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/** How a Cox partial likelihood treats tied event times. */
public enum Ties {
    /** Efron's approximation: R's default. */
    EFRON,
    /** Breslow's approximation: the default of SAS PHREG and Stata. */
    BRESLOW;

    /** Lower-case name as R writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code efron} or {@code breslow} (case-insensitive).
     *
     * @throws InvalidInputException for any other text
     */
    public static Ties parse(String text) {
        for (Ties t : values()) {
            if (t.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return t;
            }
        }
        throw new InvalidInputException("ties", text, "must be 'efron' or 'breslow'");
    }
}
