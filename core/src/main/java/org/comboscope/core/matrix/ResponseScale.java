package org.comboscope.core.matrix;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/**
 * What the response column of an input means. Everything inside comboscope works in percent
 * inhibition; conversion happens once, at the input boundary ({@link #toInhibitionPercent}).
 */
public enum ResponseScale {
    /** Percent viability: 100 = untreated, 0 = all cells dead. Converted as 100 − value. */
    VIABILITY,
    /** Percent inhibition: 0 = no effect, 100 = full kill. Used as is. */
    INHIBITION;

    /** Converts a response on this scale to percent inhibition. */
    public double toInhibitionPercent(double response) {
        return this == VIABILITY ? 100.0 - response : response;
    }

    /** The lower-case label used on the command line and in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code viability} or {@code inhibition} (case-insensitive).
     *
     * @throws InvalidInputException for any other text
     */
    public static ResponseScale parse(String text) {
        for (ResponseScale s : values()) {
            if (s.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new InvalidInputException("data-type", text, "must be 'viability' or 'inhibition'");
    }
}
