package org.comboscope.core.plate;

import java.util.List;
import java.util.Objects;
import org.comboscope.core.error.InvalidInputException;

/**
 * What a plate map says about one well.
 *
 * @param role the well's role
 * @param drugs drug names, in the order of the output columns drug1, drug2, ...; empty for
 *     controls. A sample has at least one drug.
 * @param concentrations one concentration per drug, finite and ≥ 0, in {@code unit}
 * @param unit concentration unit (may be empty)
 * @param replicate the user's replicate label (may be empty)
 * @param line 1-based line (or spreadsheet row) of the map where the well was described; 0 for
 *     wells the map does not list (empty)
 */
public record WellAssignment(
        WellRole role, List<String> drugs, List<Double> concentrations, String unit, String replicate, int line) {

    public WellAssignment {
        Objects.requireNonNull(role, "role");
        drugs = List.copyOf(drugs);
        concentrations = List.copyOf(concentrations);
        unit = unit == null ? "" : unit;
        replicate = replicate == null ? "" : replicate;
        if (drugs.size() != concentrations.size()) {
            throw new InvalidInputException(
                    "concentrations", concentrations, "must have one value per drug " + drugs, "line " + line);
        }
        for (Double c : concentrations) {
            if (!Double.isFinite(c) || c < 0) {
                throw new InvalidInputException("concentration", c, "must be finite and >= 0", "line " + line);
            }
        }
        if (role == WellRole.SAMPLE && drugs.isEmpty()) {
            throw new InvalidInputException("drugs", drugs, "must name at least one drug for a sample", "line " + line);
        }
    }

    /** An unused well. */
    public static WellAssignment empty() {
        return new WellAssignment(WellRole.EMPTY, List.of(), List.of(), "", "", 0);
    }

    /** A control well (blank, vehicle, positive or empty) without drugs. */
    public static WellAssignment control(WellRole role, int line) {
        return new WellAssignment(role, List.of(), List.of(), "", "", line);
    }

    /** The treatment key: drugs and concentrations, e.g. {@code defactinib=30|trametinib=0}. */
    public String treatmentKey() {
        StringBuilder sb = new StringBuilder(role.label());
        for (int i = 0; i < drugs.size(); i++) {
            sb.append('|').append(drugs.get(i)).append('=').append(concentrations.get(i));
        }
        return sb.toString();
    }
}
