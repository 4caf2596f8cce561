package org.comboscope.core.evidence;

import java.util.Locale;
import java.util.Optional;

/**
 * A filter over the evidence base; every criterion that is set must match. Immutable: the
 * {@code with…} methods return copies.
 *
 * <pre>{@code
 * EvidenceQuery q = EvidenceQuery.all().withDrug("defactinib").withIndication("LGSOC").withEndpoint("ORR");
 * }</pre>
 *
 * @param drug a drug the record must name (canonical name or alias such as VS-6063,
 *     case-insensitive)
 * @param indication text the record's indication must contain (case-insensitive), e.g. {@code
 *     LGSOC}
 * @param endpoint endpoint code the record must have (case-insensitive), e.g. {@code ORR}
 * @param modelSystem model system the record must have
 */
public record EvidenceQuery(
        Optional<String> drug,
        Optional<String> indication,
        Optional<String> endpoint,
        Optional<ModelSystem> modelSystem) {

    /** Requires all components non-null (use {@link Optional#empty()} for "any"). */
    public EvidenceQuery {
        if (drug == null || indication == null || endpoint == null || modelSystem == null) {
            throw new org.comboscope.core.error.InvalidInputException(
                    "query", "null", "criteria must be Optional values, empty for any");
        }
    }

    /** The query that matches every record. */
    public static EvidenceQuery all() {
        return new EvidenceQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A copy that requires {@code drug}. */
    public EvidenceQuery withDrug(String drug) {
        return new EvidenceQuery(Optional.of(drug), indication, endpoint, modelSystem);
    }

    /** A copy that requires the indication to contain {@code text}. */
    public EvidenceQuery withIndication(String text) {
        return new EvidenceQuery(drug, Optional.of(text), endpoint, modelSystem);
    }

    /** A copy that requires endpoint code {@code code}. */
    public EvidenceQuery withEndpoint(String code) {
        return new EvidenceQuery(drug, indication, Optional.of(code), modelSystem);
    }

    /** A copy that requires model system {@code system}. */
    public EvidenceQuery withModelSystem(ModelSystem system) {
        return new EvidenceQuery(drug, indication, endpoint, Optional.of(system));
    }

    /** Whether {@code r} meets every criterion that is set. */
    public boolean matches(EvidenceRecord r) {
        return drug.map(r::involves).orElse(true)
                && indication
                        .map(t -> r.indication()
                                .toLowerCase(Locale.ROOT)
                                .contains(t.strip().toLowerCase(Locale.ROOT)))
                        .orElse(true)
                && endpoint.map(e -> r.endpoint().equalsIgnoreCase(e.strip())).orElse(true)
                && modelSystem.map(m -> r.modelSystem() == m).orElse(true);
    }
}
