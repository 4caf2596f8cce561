package org.comboscope.core.matrix;

import java.util.Arrays;
import java.util.List;
import org.comboscope.core.error.InvalidInputException;

/**
 * One block of a combination experiment: a fixed set of drugs and, per measured well, the
 * concentration of each drug and the response in percent inhibition.
 *
 * <p>Rows keep their input order (SynergyFinder's results depend on it in one documented place);
 * duplicated concentration tuples are replicates. Concentrations are in the block's units (one per
 * drug), finite and non-negative; responses are finite percent inhibition, not clipped.
 *
 * @param blockId the user's block identifier
 * @param drugs drug names, one per concentration column (at least one)
 * @param concUnits concentration unit per drug (may be empty strings when the input has none)
 * @param concentrations {@code [row][drug]} concentrations
 * @param inhibitionPercent per-row response in percent inhibition
 * @param sourceLines per-row 1-based line (or spreadsheet row) in the input, for messages
 */
public record DoseResponseBlock(
        String blockId,
        List<String> drugs,
        List<String> concUnits,
        double[][] concentrations,
        double[] inhibitionPercent,
        int[] sourceLines) {

    public DoseResponseBlock {
        if (blockId == null || blockId.isBlank()) {
            throw new InvalidInputException("block_id", blockId, "must not be empty");
        }
        String where = "block " + blockId;
        drugs = List.copyOf(drugs);
        concUnits = List.copyOf(concUnits);
        if (drugs.isEmpty()) {
            throw new InvalidInputException("drugs", drugs, "must name at least one drug", where);
        }
        if (concUnits.size() != drugs.size()) {
            throw new InvalidInputException(
                    "concUnits", concUnits, "must have one unit per drug (" + drugs.size() + ")", where);
        }
        int n = inhibitionPercent.length;
        if (concentrations.length != n || sourceLines.length != n) {
            throw new InvalidInputException(
                    "rows",
                    concentrations.length + "/" + n + "/" + sourceLines.length,
                    "must have equal numbers of concentration rows, responses and source lines",
                    where);
        }
        if (n == 0) {
            throw new InvalidInputException("rows", 0, "must contain at least one measurement", where);
        }
        double[][] copy = new double[n][];
        for (int r = 0; r < n; r++) {
            double[] row = concentrations[r];
            if (row.length != drugs.size()) {
                throw new InvalidInputException(
                        "concentrations",
                        row.length,
                        "must have one value per drug (" + drugs.size() + ")",
                        where + ", line " + sourceLines[r]);
            }
            for (int d = 0; d < row.length; d++) {
                if (!Double.isFinite(row[d]) || row[d] < 0) {
                    throw new InvalidInputException(
                            "conc" + (d + 1), row[d], "must be finite and >= 0", where + ", line " + sourceLines[r]);
                }
            }
            if (!Double.isFinite(inhibitionPercent[r])) {
                throw new InvalidInputException(
                        "response", inhibitionPercent[r], "must be finite", where + ", line " + sourceLines[r]);
            }
            copy[r] = row.clone();
        }
        concentrations = copy;
        inhibitionPercent = inhibitionPercent.clone();
        sourceLines = sourceLines.clone();
    }

    /** Number of measured rows (wells), replicates included. */
    public int rowCount() {
        return inhibitionPercent.length;
    }

    /** Number of drugs in the block. */
    public int drugCount() {
        return drugs.size();
    }

    /** Concentration of drug {@code drug} (0-based) in row {@code row}. */
    public double conc(int row, int drug) {
        return concentrations[row][drug];
    }

    /** Response of row {@code row} in percent inhibition. */
    public double response(int row) {
        return inhibitionPercent[row];
    }

    @Override
    public double[][] concentrations() {
        double[][] out = new double[concentrations.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = concentrations[i].clone();
        }
        return out;
    }

    @Override
    public double[] inhibitionPercent() {
        return inhibitionPercent.clone();
    }

    @Override
    public int[] sourceLines() {
        return sourceLines.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DoseResponseBlock b
                && blockId.equals(b.blockId)
                && drugs.equals(b.drugs)
                && concUnits.equals(b.concUnits)
                && Arrays.deepEquals(concentrations, b.concentrations)
                && Arrays.equals(inhibitionPercent, b.inhibitionPercent)
                && Arrays.equals(sourceLines, b.sourceLines);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * blockId.hashCode() + drugs.hashCode()) + Arrays.hashCode(inhibitionPercent);
    }

    @Override
    public String toString() {
        return "DoseResponseBlock[" + blockId + ", drugs=" + drugs + ", rows=" + rowCount() + "]";
    }
}
