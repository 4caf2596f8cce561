package org.comboscope.core.evidence;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/** The experimental system a claim was measured in. */
public enum ModelSystem {
    /** Established cell lines in 2D or 3D culture. */
    CELL_LINE,
    /** Patient-derived or engineered organoids. */
    ORGANOID,
    /** Cell-line-derived or patient-derived xenografts and other mouse models. */
    XENOGRAFT,
    /** Patients in a clinical study. */
    PATIENTS;

    /** The lower-case code used in the data file and on the command line, e.g. {@code cell_line}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a code such as {@code organoid} (case-insensitive; {@code -} accepted for {@code _}).
     *
     * @throws InvalidInputException for an unknown code
     */
    public static ModelSystem parse(String code) {
        String c = code.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (ModelSystem m : values()) {
            if (m.name().equals(c)) {
                return m;
            }
        }
        throw new InvalidInputException(
                "model_system", code, "must be one of cell_line, organoid, xenograft, patients");
    }
}
