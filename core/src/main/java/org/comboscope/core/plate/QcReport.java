package org.comboscope.core.plate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The QC of one plate.
 *
 * @param plateId the plate
 * @param metrics one entry per check, in a fixed order
 * @param outlierWells indices of wells flagged as outliers
 * @param saturatedWells indices of mapped wells that are saturated
 * @param verdict the worst flag over all computed checks ({@link QcFlag#PASS} if none fails or warns)
 */
public record QcReport(
        String plateId,
        List<QcMetric> metrics,
        List<Integer> outlierWells,
        List<Integer> saturatedWells,
        QcFlag verdict) {

    public QcReport {
        Objects.requireNonNull(plateId, "plateId");
        metrics = List.copyOf(metrics);
        outlierWells = List.copyOf(outlierWells);
        saturatedWells = List.copyOf(saturatedWells);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The metric with this check name. */
    public Optional<QcMetric> metric(String check) {
        return metrics.stream().filter(m -> m.check().equals(check)).findFirst();
    }

    /** Whether the plate failed QC. */
    public boolean failed() {
        return verdict == QcFlag.FAIL;
    }
}
