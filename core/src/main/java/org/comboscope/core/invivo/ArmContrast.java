package org.comboscope.core.invivo;

/**
 * The pairwise arm comparisons of a 2x2 combination study: each treated arm against the vehicle,
 * and the combination against each monotherapy. Multiplicity adjustments are over these five.
 */
public enum ArmContrast {
    DRUG_A_VS_VEHICLE(ArmRole.DRUG_A, ArmRole.VEHICLE),
    DRUG_B_VS_VEHICLE(ArmRole.DRUG_B, ArmRole.VEHICLE),
    COMBINATION_VS_VEHICLE(ArmRole.COMBINATION, ArmRole.VEHICLE),
    COMBINATION_VS_DRUG_A(ArmRole.COMBINATION, ArmRole.DRUG_A),
    COMBINATION_VS_DRUG_B(ArmRole.COMBINATION, ArmRole.DRUG_B);

    private final ArmRole first;
    private final ArmRole second;

    ArmContrast(ArmRole first, ArmRole second) {
        this.first = first;
        this.second = second;
    }

    /** The arm whose difference from {@link #second()} is reported (first minus second). */
    public ArmRole first() {
        return first;
    }

    /** The reference arm. */
    public ArmRole second() {
        return second;
    }

    /** Label such as {@code combination vs drugA}. */
    public String label() {
        return first.label() + " vs " + second.label();
    }
}
