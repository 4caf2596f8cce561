package org.comboscope.core.plate;

import java.util.Locale;

/** Outcome of one QC check. Order matters: later is worse ({@link #worst}). */
public enum QcFlag {
    /** The check could not be computed (e.g. no positive-control wells); ignored in the verdict. */
    NA,
    PASS,
    WARN,
    FAIL;

    /** Lower-case label for outputs. */
    public String label() {
        return this == NA ? "NA" : name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two flags ({@link #NA} never wins over a computed flag). */
    public static QcFlag worst(QcFlag a, QcFlag b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
