package org.comboscope.core.plate;

/** What the reader found in one well of an export. */
public enum WellState {
    /** A finite signal. */
    MEASURED,
    /** No value (an empty cell or a well absent from a long table). */
    MISSING,
    /** The reader's overflow marker (OVER, Overflow, ####, ...): saturated, value unknown. */
    OVERFLOW
}
