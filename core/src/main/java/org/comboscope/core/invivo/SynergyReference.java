package org.comboscope.core.invivo;

/** Null (reference) model for in vivo synergy, as SynergyLMM names them. */
public enum SynergyReference {
    /** Bliss independence on the growth-rate scale: {@code b4 = b2 + b3 - b1}. */
    BLISS("Bliss"),
    /** Highest single agent: the combination against the slower-growing monotherapy arm. */
    HSA("HSA"),
    /** Response additivity on the RTV scale, by simulation from the fixed-effect distribution. */
    RA("RA");

    private final String label;

    SynergyReference(String label) {
        this.label = label;
    }

    /** {@code Bliss}, {@code HSA} or {@code RA}, as in SynergyLMM's {@code Model} column. */
    public String label() {
        return label;
    }
}
