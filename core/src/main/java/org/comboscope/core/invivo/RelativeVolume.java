package org.comboscope.core.invivo;

/**
 * One prepared measurement: relative tumour volume against the animal's baseline, as SynergyLMM 1.1.2
 * prepares it ({@code lmmModel} + {@code getRTV}).
 *
 * @param animalId animal
 * @param group its group
 * @param role its role
 * @param originalDay study day as in the input
 * @param time re-based time, {@code originalDay - timeStart} (days)
 * @param value tumour burden
 * @param baseline the animal's burden at {@code timeStart} (TV0)
 */
public record RelativeVolume(
        String animalId, String group, ArmRole role, double originalDay, double time, double value, double baseline) {

    /** Relative tumour volume {@code value / baseline}. */
    public double rtv() {
        return value / baseline;
    }

    /** Natural log of the RTV. */
    public double logRtv() {
        return Math.log(rtv());
    }
}
