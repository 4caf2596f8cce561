package org.comboscope.core.screen;

/**
 * What a screen's guides do to their gene, which decides how a depleted or enriched gene reads.
 *
 * <p>In a drug-vs-control comparison a gene whose guides are depleted under drug sensitises the
 * cells to the drug, one whose guides are enriched confers resistance. For a knockout library the
 * effect comes from losing the gene (depleted = synthetic lethal, enriched = suppressor); for ORF
 * or activation libraries from gaining it (enriched = resistance driver, e.g. CDK6 with
 * defactinib; depleted = overexpression sensitises). ORF/activation screens are read on the
 * enrichment side.
 */
public enum Library {
    KNOCKOUT("loss of function"),
    ORF("gain of function"),
    ACTIVATION("gain of function");

    private final String mechanism;

    Library(String mechanism) {
        this.mechanism = mechanism;
    }

    /** "loss of function" or "gain of function". */
    public String mechanism() {
        return mechanism;
    }

    /** The reading of a depleted (negative) gene. */
    public String depletedRole() {
        return this == KNOCKOUT ? "sensitiser (synthetic lethal)" : "sensitiser (overexpression sensitises)";
    }

    /** The reading of an enriched (positive) gene. */
    public String enrichedRole() {
        return this == KNOCKOUT ? "resistance (suppressor knockout)" : "resistance (overexpression drives resistance)";
    }

    /** Whether the enrichment side is the primary read-out (ORF and activation screens). */
    public boolean enrichmentPrimary() {
        return this != KNOCKOUT;
    }
}
