package org.comboscope.core.evidence;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/** Whether a claim is about a drug combination, a single agent or a placebo arm. */
public enum Setting {
    /** Two or more active agents given together. */
    COMBINATION,
    /** A single active agent. */
    MONOTHERAPY,
    /** A placebo (control) arm. */
    PLACEBO;

    /** The lower-case code used in the data file, e.g. {@code monotherapy}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a code such as {@code combination} (case-insensitive).
     *
     * @throws InvalidInputException for an unknown code
     */
    public static Setting parse(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        for (Setting s : values()) {
            if (s.name().equals(c)) {
                return s;
            }
        }
        throw new InvalidInputException("setting", code, "must be one of combination, monotherapy, placebo");
    }
}
