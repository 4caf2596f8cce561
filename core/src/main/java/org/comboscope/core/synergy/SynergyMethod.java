package org.comboscope.core.synergy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;

/** The reference models SynergyFinder scores, named as its output columns name them. */
public enum SynergyMethod {
    ZIP("ZIP"),
    HSA("HSA"),
    BLISS("Bliss"),
    LOEWE("Loewe");

    private final String column;

    SynergyMethod(String column) {
        this.column = column;
    }

    /** Column prefix in SynergyFinder's outputs ({@code ZIP}, {@code HSA}, {@code Bliss}, {@code Loewe}). */
    public String column() {
        return column;
    }

    /** Parses a comma-separated list such as {@code zip,bliss} (case-insensitive). */
    public static Set<SynergyMethod> parseList(String s) {
        Set<SynergyMethod> out = EnumSet.noneOf(SynergyMethod.class);
        for (String part : s.split(",")) {
            String t = part.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(t));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("methods", part.trim(), "must be one of zip, hsa, bliss, loewe");
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("methods", s, "must name at least one of zip, hsa, bliss, loewe");
        }
        return out;
    }
}
