package org.comboscope.store;

/**
 * Life cycle of an analysis: {@code QUEUED → RUNNING → SUCCEEDED}, and {@code QUEUED|RUNNING → FAILED}.
 * SUCCEEDED and FAILED are final.
 */
public enum AnalysisStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    /** True for SUCCEEDED and FAILED, which no transition leaves. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
