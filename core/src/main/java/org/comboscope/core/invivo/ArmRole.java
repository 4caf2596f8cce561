package org.comboscope.core.invivo;

import java.util.Locale;
import java.util.Optional;

/** The role of a treatment arm in a two-drug combination study. */
public enum ArmRole {
    VEHICLE("vehicle"),
    DRUG_A("drugA"),
    DRUG_B("drugB"),
    COMBINATION("combination");

    private final String label;

    ArmRole(String label) {
        this.label = label;
    }

    /** The label used in arms files and outputs: {@code vehicle, drugA, drugB, combination}. */
    public String label() {
        return label;
    }

    /** Parses a label case-insensitively; empty when it is not one of the four labels. */
    public static Optional<ArmRole> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ArmRole r : values()) {
            if (r.label.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
