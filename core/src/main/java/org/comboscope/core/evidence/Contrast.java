package org.comboscope.core.evidence;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.response.ArmComparison;

/**
 * Two arms of the same study reported together in one seed (e.g. combination versus monotherapy,
 * drug versus placebo), with derived contrasts.
 *
 * @param key the records' shared {@code contrast} key
 * @param armA the first arm: the combination if there is one, else the active monotherapy
 * @param armB the comparator arm
 * @param difference {@code armA.value − armB.value} in the records' unit (percentage points for
 *     {@code %}), computed in decimal from the values as written and rounded once to a double
 * @param ratio {@code armA.value / armB.value}, empty when {@code armB.value} is 0
 * @param comparison difference in proportions with Newcombe's interval and Fisher's exact p, when
 *     both arms state {@code n/N}; empty otherwise
 */
public record Contrast(
        String key,
        EvidenceRecord armA,
        EvidenceRecord armB,
        double difference,
        OptionalDouble ratio,
        Optional<ArmComparison> comparison) {

    /**
     * Builds the contrast of two records; the arm order is chosen by setting (combination, then
     * monotherapy, then placebo).
     *
     * @throws InvalidInputException if the records do not share the contrast key, seed, endpoint and
     *     unit, or have the same setting
     */
    public static Contrast of(EvidenceRecord x, EvidenceRecord y, double level) {
        if (x.contrast().isEmpty() || !x.contrast().equals(y.contrast())) {
            throw new InvalidInputException(
                    "contrast", x.contrast() + " / " + y.contrast(), "both records must share a non-empty key");
        }
        String where = "records " + x.id() + ", " + y.id();
        if (!x.seed().equals(y.seed())
                || !x.endpoint().equals(y.endpoint())
                || !x.unit().equals(y.unit())) {
            throw new InvalidInputException("contrast", x.contrast(), "arms must share seed, endpoint and unit", where);
        }
        if (x.setting() == y.setting()) {
            throw new InvalidInputException(
                    "contrast",
                    x.contrast(),
                    "arms must differ in setting, both are " + x.setting().code(),
                    where);
        }
        EvidenceRecord a = x.setting().ordinal() < y.setting().ordinal() ? x : y;
        EvidenceRecord b = a == x ? y : x;
        Optional<ArmComparison> cmp = a.count().isPresent() && b.count().isPresent()
                ? Optional.of(ArmComparison.of(
                        a.count().get().events(),
                        a.count().get().total(),
                        b.count().get().events(),
                        b.count().get().total(),
                        level))
                : Optional.empty();
        OptionalDouble ratio = b.value() == 0 ? OptionalDouble.empty() : OptionalDouble.of(a.value() / b.value());
        // subtract the decimals as written so that 4.1 - 4.0 is 0.1, not 0.0999...96
        double diff = new BigDecimal(a.valueText())
                .subtract(new BigDecimal(b.valueText()))
                .doubleValue();
        return new Contrast(a.contrast(), a, b, diff, ratio, cmp);
    }
}
