package org.comboscope.core.plate;

import org.comboscope.core.error.InvalidInputException;

/**
 * Thresholds of the plate QC checks. The defaults follow common HTS practice (Zhang et al. 1999
 * for Z′; Iglewicz and Hoaglin 1993 for the modified z-score). Every threshold is written next to
 * its check in {@code qc.csv}. Immutable; {@code with…} methods return modified copies.
 *
 * @param zPrimeWarn Z′ below this warns (default 0.5: an excellent assay is ≥ 0.5)
 * @param zPrimeFail Z′ below this fails (default 0: control bands overlap)
 * @param cvWarnPercent vehicle CV above this warns (default 10 %)
 * @param cvFailPercent vehicle CV above this fails (default 20 %)
 * @param edgeWarnPercent |outer − inner| mean residual (percent of the assay window) at or above
 *     which a significant edge effect warns (default 5)
 * @param edgeFailPercent ... fails (default 10)
 * @param driftWarnPercent predicted change across the plate (percent of the assay window) at or
 *     above which a significant row/column trend warns (default 10)
 * @param driftFailPercent ... fails (default 20)
 * @param warnP p-value below which an edge effect or drift counts as significant for a warning
 *     (default 0.01)
 * @param failP p-value below which it counts for a failure (default 0.001)
 * @param outlierZ modified z-score beyond which a well is an outlier (default 3.5)
 * @param outlierFailFraction fraction of tested wells flagged as outliers above which the plate
 *     fails (default 0.10); any outlier warns
 * @param saturationFailFraction fraction of mapped wells saturated above which the plate fails
 *     (default 0.05); any saturated well warns and a saturated vehicle well fails
 */
public record QcThresholds(
        double zPrimeWarn,
        double zPrimeFail,
        double cvWarnPercent,
        double cvFailPercent,
        double edgeWarnPercent,
        double edgeFailPercent,
        double driftWarnPercent,
        double driftFailPercent,
        double warnP,
        double failP,
        double outlierZ,
        double outlierFailFraction,
        double saturationFailFraction) {

    public QcThresholds {
        check("zPrimeFail", zPrimeFail <= zPrimeWarn, zPrimeFail, "must be <= zPrimeWarn");
        check(
                "cvWarnPercent",
                cvWarnPercent > 0 && cvWarnPercent <= cvFailPercent,
                cvWarnPercent,
                "must be > 0 and <= cvFailPercent");
        check(
                "edgeWarnPercent",
                edgeWarnPercent >= 0 && edgeWarnPercent <= edgeFailPercent,
                edgeWarnPercent,
                "must be >= 0 and <= edgeFailPercent");
        check(
                "driftWarnPercent",
                driftWarnPercent >= 0 && driftWarnPercent <= driftFailPercent,
                driftWarnPercent,
                "must be >= 0 and <= driftFailPercent");
        check("failP", failP > 0 && failP <= warnP && warnP < 1, failP, "must satisfy 0 < failP <= warnP < 1");
        check("outlierZ", outlierZ > 0, outlierZ, "must be > 0");
        check(
                "outlierFailFraction",
                outlierFailFraction >= 0 && outlierFailFraction <= 1,
                outlierFailFraction,
                "must be in [0, 1]");
        check(
                "saturationFailFraction",
                saturationFailFraction >= 0 && saturationFailFraction <= 1,
                saturationFailFraction,
                "must be in [0, 1]");
    }

    private static void check(String field, boolean ok, double value, String rule) {
        if (!ok || Double.isNaN(value)) {
            throw new InvalidInputException(field, value, rule);
        }
    }

    /** The defaults listed above. */
    public static QcThresholds defaults() {
        return new QcThresholds(0.5, 0.0, 10, 20, 5, 10, 10, 20, 0.01, 0.001, 3.5, 0.10, 0.05);
    }

    /** A copy with other Z′ thresholds. */
    public QcThresholds withZPrime(double warn, double fail) {
        return new QcThresholds(
                warn,
                fail,
                cvWarnPercent,
                cvFailPercent,
                edgeWarnPercent,
                edgeFailPercent,
                driftWarnPercent,
                driftFailPercent,
                warnP,
                failP,
                outlierZ,
                outlierFailFraction,
                saturationFailFraction);
    }

    /** A copy with other vehicle-CV thresholds (percent). */
    public QcThresholds withCv(double warnPercent, double failPercent) {
        return new QcThresholds(
                zPrimeWarn,
                zPrimeFail,
                warnPercent,
                failPercent,
                edgeWarnPercent,
                edgeFailPercent,
                driftWarnPercent,
                driftFailPercent,
                warnP,
                failP,
                outlierZ,
                outlierFailFraction,
                saturationFailFraction);
    }
}
