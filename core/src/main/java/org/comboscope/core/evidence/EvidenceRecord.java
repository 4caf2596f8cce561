package org.comboscope.core.evidence;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.response.ResponseRate;

/**
 * One quantitative claim from a seed document, curated by hand. Free-text fields that the source
 * does not state are empty strings (never null); see the data file's README for each column.
 *
 * @param id stable identifier {@code S<seed digit>-<two digits>}, e.g. {@code S4-01}
 * @param seed the seed document's file name, e.g. {@code 004_f945d99e59b93f30.txt}
 * @param refs the reference numbers in that seed's reference list that the claim cites ({@code >=
 *     1}, at least one)
 * @param study trial or study name as the seed gives it
 * @param nct ClinicalTrials.gov identifier {@code NCT########}, or empty when the seed gives none
 * @param phase trial phase as stated ({@code 1}, {@code 2}, {@code 1b/2a}, {@code preclinical}) or
 *     empty
 * @param indication disease, with its abbreviation in parentheses where one is used
 * @param population patient population or line of therapy, or empty
 * @param drugs canonical lower-case drug names (aliases such as VS-6063 resolved), at least one
 * @param doses doses as stated, or empty
 * @param schedule schedule as stated, or empty
 * @param setting combination, monotherapy or placebo
 * @param modelSystem cell line, organoid, xenograft or patients
 * @param model the specific model (cell line name, organoid genotype), or empty for patients
 * @param endpoint endpoint code in upper case ({@code ORR}, {@code DCR}, {@code PFS_MEDIAN},
 *     {@code PFS_RATE}, {@code OS_MEDIAN}, {@code IC50}, {@code CI}, {@code ZIP}, ...)
 * @param endpointDetail the endpoint in words (e.g. "12-week progression-free survival")
 * @param valueText the value exactly as the seed writes it, e.g. {@code 42.3}
 * @param value {@code valueText} as a number, finite; in {@code [0, 100]} when the unit is {@code %}
 * @param unit unit of {@code value} ({@code %}, {@code months}, {@code days}, {@code μM}, ...), empty
 *     for dimensionless scores
 * @param count {@code n/N} when the seed states it
 * @param comparator what the value is compared with in the seed, or empty
 * @param contrast key shared by exactly two records that form an arm-versus-arm contrast, or empty
 * @param note curator's note (discrepancies, where a number was taken from), or empty
 * @param quote the passage of the seed that states the value (whitespace and markdown bold
 *     normalised), never empty
 */
public record EvidenceRecord(
        String id,
        String seed,
        List<Integer> refs,
        String study,
        String nct,
        String phase,
        String indication,
        String population,
        List<String> drugs,
        String doses,
        String schedule,
        Setting setting,
        ModelSystem modelSystem,
        String model,
        String endpoint,
        String endpointDetail,
        String valueText,
        double value,
        String unit,
        Optional<Count> count,
        String comparator,
        String contrast,
        String note,
        String quote) {

    private static final Pattern ID = Pattern.compile("S[0-9]-[0-9]{2}");
    private static final Pattern SEED = Pattern.compile("[0-9]{3}_[0-9a-f]{16}\\.txt");
    private static final Pattern NCT = Pattern.compile("NCT[0-9]{8}");
    private static final Pattern ENDPOINT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern DRUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * @throws InvalidInputException naming the field, value and rule for any field that breaks the
     *     rules documented on the components
     */
    public EvidenceRecord {
        require("id", id, ID);
        require("seed", seed, SEED);
        if (!id.substring(1, 2).equals(seed.substring(2, 3))) {
            throw new InvalidInputException("id", id, "must start with S" + seed.charAt(2) + " for seed " + seed);
        }
        if (refs == null || refs.isEmpty()) {
            throw new InvalidInputException("ref", refs, "must list at least one reference number");
        }
        for (Integer r : refs) {
            if (r == null || r < 1) {
                throw new InvalidInputException("ref", r, "must be >= 1");
            }
        }
        refs = List.copyOf(refs);
        nonBlank("study", study);
        text("nct", nct);
        if (!nct.isEmpty()) {
            require("nct", nct, NCT);
        }
        text("phase", phase);
        nonBlank("indication", indication);
        text("population", population);
        if (drugs == null || drugs.isEmpty()) {
            throw new InvalidInputException("drugs", drugs, "must list at least one drug");
        }
        for (String d : drugs) {
            require("drugs", d, DRUG);
        }
        drugs = List.copyOf(drugs);
        if (drugs.stream().distinct().count() != drugs.size()) {
            throw new InvalidInputException("drugs", drugs, "must not repeat a drug");
        }
        text("doses", doses);
        text("schedule", schedule);
        if (setting == null) {
            throw new InvalidInputException("setting", "null", "is required");
        }
        if (modelSystem == null) {
            throw new InvalidInputException("model_system", "null", "is required");
        }
        text("model", model);
        require("endpoint", endpoint, ENDPOINT);
        nonBlank("endpoint_detail", endpointDetail);
        require("value", valueText, NUMBER);
        if (!Double.isFinite(value) || value != Double.parseDouble(valueText)) {
            throw new InvalidInputException("value", value, "must be finite and equal to value_text " + valueText);
        }
        text("unit", unit);
        if (unit.equals("%") && (value < 0 || value > 100)) {
            throw new InvalidInputException("value", valueText, "must be in [0, 100] for unit %");
        }
        if (count == null) {
            throw new InvalidInputException("count", "null", "must be Optional.empty() when not stated");
        }
        text("comparator", comparator);
        text("contrast", contrast);
        text("note", note);
        nonBlank("quote", quote);
    }

    private static void text(String field, String v) {
        if (v == null) {
            throw new InvalidInputException(field, "null", "must be a string (empty when not stated)");
        }
        if (v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            throw new InvalidInputException(field, v, "must not contain tabs or line breaks");
        }
        if (!v.equals(v.strip())) {
            throw new InvalidInputException(field, v, "must not have leading or trailing spaces");
        }
    }

    private static void nonBlank(String field, String v) {
        text(field, v);
        if (v.isEmpty()) {
            throw new InvalidInputException(field, v, "is required");
        }
    }

    private static void require(String field, String v, Pattern p) {
        nonBlank(field, v);
        if (!p.matcher(v).matches()) {
            throw new InvalidInputException(field, v, "must match " + p.pattern());
        }
    }

    /** Whether the record names {@code drug} (canonical name or alias, case-insensitive). */
    public boolean involves(String drug) {
        return drugs.contains(Drugs.canonical(drug));
    }

    /**
     * The rate {@code n/N} with exact Clopper–Pearson and Wilson intervals at {@code level}, when the
     * seed states a count; empty otherwise.
     */
    public Optional<ResponseRate> rate(double level) {
        return count.map(c -> ResponseRate.of(c.events(), c.total(), level));
    }

    /**
     * Whether the stated percentage agrees with {@code 100 n/N} rounded to the number of decimals
     * the seed writes (e.g. {@code 42.3} for 11/26, {@code 83} for 10/12): true when
     * {@code |100 n/N − value| <= 0.5 × 10^-decimals}. Empty unless the unit is {@code %} and a
     * count is stated.
     */
    public Optional<Boolean> percentMatchesCount() {
        if (!unit.equals("%") || count.isEmpty()) {
            return Optional.empty();
        }
        int dot = valueText.indexOf('.');
        int decimals = dot < 0 ? 0 : valueText.length() - dot - 1;
        double halfUnit = 0.5 * Math.pow(10, -decimals);
        double pct = 100.0 * count.get().fraction();
        return Optional.of(Math.abs(pct - value) <= halfUnit * (1 + 1e-12));
    }

    /** The drugs joined with {@code " + "}, e.g. {@code avutometinib + defactinib}. */
    public String regimen() {
        return String.join(" + ", drugs);
    }
}
