package org.comboscope.core.plate;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One QC check of one plate, with the rules that decided its flag.
 *
 * @param check name of the check ({@code z_prime}, {@code cv_vehicle}, {@code edge_effect},
 *     {@code drift}, {@code outliers}, {@code saturation})
 * @param value the check's value (Z′; CV in percent; outer − inner mean residual in percent of
 *     the assay window; predicted change across the plate in percent of the window; number of
 *     outlier wells; number of saturated wells)
 * @param statistic the test statistic where there is one (Welch t, F, largest |modified z|)
 * @param pValue the test's p-value where there is one
 * @param n number of wells the check used
 * @param warnRule when the check warns, e.g. {@code < 0.5}
 * @param failRule when the check fails
 * @param flag the outcome
 * @param note why the check is NA, or what it found; may be empty
 */
public record QcMetric(
        String check,
        OptionalDouble value,
        OptionalDouble statistic,
        OptionalDouble pValue,
        int n,
        String warnRule,
        String failRule,
        QcFlag flag,
        String note) {

    public QcMetric {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(pValue, "pValue");
        Objects.requireNonNull(flag, "flag");
        note = note == null ? "" : note;
    }
}
