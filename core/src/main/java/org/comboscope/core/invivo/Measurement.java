package org.comboscope.core.invivo;

/** What a tumour-burden value measures; all analyses treat it as a size on a ratio scale. */
public enum Measurement {
    /** Tumour volume in mm³ as given. */
    VOLUME_MM3("volume_mm3"),
    /** Volume in mm³ computed from calipers as length × width² / 2. */
    CALIPER_VOLUME_MM3("volume_mm3 (length_mm x width_mm^2 / 2)"),
    /** Bioluminescence in relative light units. */
    BLI_RLU("bli_rlu");

    private final String label;

    Measurement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
