package org.comboscope.core.synergy;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/** SynergyFinder's baseline correction ({@code correct_baseline}). */
public enum Baseline {
    /** No correction. */
    NONE,
    /** Correct only responses below 0. */
    PART,
    /** Correct every response. */
    ALL;

    /** Parses none / part / all (also SynergyFinder's "non"). */
    public static Baseline parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "none", "non" -> NONE;
            case "part" -> PART;
            case "all" -> ALL;
            default -> throw new InvalidInputException("baseline", s, "must be none, part or all");
        };
    }

    /** Lower-case label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
