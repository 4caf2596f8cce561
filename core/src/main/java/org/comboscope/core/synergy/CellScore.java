package org.comboscope.core.synergy;

import java.util.OptionalDouble;

/**
 * Scores of one dose combination (cell) of a block, SynergyFinder's {@code scores.csv} row.
 * Responses and references are percent inhibition; synergy = observed − reference (positive =
 * synergy). A method that was not requested, or a value that is undefined, is empty.
 */
public final class CellScore {
    private final double[] conc;
    boolean imputed;

    /** Whether the response was imputed (the dose combination was not measured). */
    public boolean imputed() {
        return imputed;
    }

    private final double response;
    final double[] values = new double[11];

    /** Index of each value in {@link #values}. */
    static final int ZIP_FIT = 0;

    static final int ZIP_REF = 1;
    static final int ZIP_SYN = 2;
    static final int HSA_REF = 3;
    static final int HSA_SYN = 4;
    static final int BLISS_REF = 5;
    static final int BLISS_SYN = 6;
    static final int LOEWE_REF = 7;
    static final int LOEWE_SYN = 8;
    static final int LOEWE_CI = 9;
    static final int MONO = 10;

    CellScore(double[] conc, double response) {
        this.conc = conc.clone();
        this.response = response;
        java.util.Arrays.fill(values, Double.NaN);
    }

    /** Concentration of each drug (block units). */
    public double[] conc() {
        return conc.clone();
    }

    /** Concentration of drug {@code d} (0-based). */
    public double conc(int d) {
        return conc[d];
    }

    /** Observed response, percent inhibition (replicate mean when replicated). */
    public double response() {
        return response;
    }

    /** Whether at most one drug is present (monotherapy or control). */
    public boolean monotherapy() {
        return values[MONO] == 1;
    }

    /** Whether every drug is present (the cells block summaries average over). */
    public boolean allPresent() {
        for (double c : conc) {
            if (!(c > 0)) {
                return false;
            }
        }
        return true;
    }

    private static OptionalDouble opt(double v) {
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** Reference response of a method. */
    public OptionalDouble reference(SynergyMethod m) {
        return opt(values[refIndex(m)]);
    }

    /** Synergy score of a method (observed − reference). */
    public OptionalDouble synergy(SynergyMethod m) {
        return opt(values[refIndex(m) + 1]);
    }

    /** ZIP's fitted combination response. */
    public OptionalDouble zipFit() {
        return opt(values[ZIP_FIT]);
    }

    /**
     * Loewe combination index at the observed response (< 1 = synergy); may be +Infinity (a dose
     * divided by a zero equivalent dose); empty for monotherapy cells and when undefined (0/0).
     */
    public OptionalDouble loeweCi() {
        double v = values[LOEWE_CI];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Raw value for fast paths; NaN = undefined. */
    double raw(int index) {
        return values[index];
    }

    static int refIndex(SynergyMethod m) {
        return switch (m) {
            case ZIP -> ZIP_REF;
            case HSA -> HSA_REF;
            case BLISS -> BLISS_REF;
            case LOEWE -> LOEWE_REF;
        };
    }
}
