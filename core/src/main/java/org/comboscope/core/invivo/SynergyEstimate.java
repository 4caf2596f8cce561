package org.comboscope.core.invivo;

/**
 * One row of SynergyLMM's time-resolved synergy table.
 *
 * @param reference Bliss, HSA or RA
 * @param metric {@code "SS"} (synergy score; > 0 = synergy) or {@code "CI"} (combination index;
 *     < 1 = synergy)
 * @param estimate point estimate
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 * @param pValue two-sided p-value of no interaction
 * @param time re-based time (days since the first day) up to which the data were used
 */
public record SynergyEstimate(
        SynergyReference reference,
        String metric,
        double estimate,
        double lower,
        double upper,
        double pValue,
        double time) {
    /** Metric label of the synergy score. */
    public static final String SS = "SS";
    /** Metric label of the combination index. */
    public static final String CI = "CI";
}
