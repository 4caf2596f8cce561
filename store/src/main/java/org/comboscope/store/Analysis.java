package org.comboscope.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.comboscope.core.error.InvalidInputException;

/**
 * One run of an analysis over a dataset.
 *
 * @param id database id, &gt; 0
 * @param datasetId the analysed dataset
 * @param kind what was run, e.g. "synergy": non-blank, at most 64 characters
 * @param parametersJson the parameters as JSON text (stored verbatim), at most 100,000 characters
 * @param softwareVersion the comboscope version that ran it: non-blank, at most 100 characters
 * @param status where it is in its life cycle
 * @param progressDone units of work done, 0 ≤ done ≤ total
 * @param progressTotal units of work in all (e.g. blocks); 0 until the analysis starts
 * @param message the failure reason or a completion note; "" if none
 * @param createdAt when it was queued
 * @param startedAt when it started running, once it has
 * @param finishedAt when it succeeded or failed, once it has
 */
public record Analysis(
        long id,
        long datasetId,
        String kind,
        String parametersJson,
        String softwareVersion,
        AnalysisStatus status,
        int progressDone,
        int progressTotal,
        String message,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {
    public Analysis {
        Checks.id("id", id);
        Checks.id("datasetId", datasetId);
        Checks.nonBlank("kind", kind, 64);
        Checks.text("parametersJson", parametersJson, Checks.TEXT_MAX);
        Checks.nonBlank("softwareVersion", softwareVersion, 100);
        Checks.notNull("status", status);
        Checks.nonNegative("progressTotal", progressTotal);
        Checks.nonNegative("progressDone", progressDone);
        if (progressDone > progressTotal) {
            throw new InvalidInputException("progressDone", progressDone, "must be <= progressTotal " + progressTotal);
        }
        Checks.text("message", message, Checks.TEXT_MAX);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("startedAt", startedAt);
        Checks.notNull("finishedAt", finishedAt);
    }

    /**
     * Run time in milliseconds, from start to finish; empty while the analysis has not both started
     * and finished (a QUEUED analysis that failed never started).
     */
    public OptionalLong elapsedMillis() {
        if (startedAt.isEmpty() || finishedAt.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(finishedAt.get().toEpochMilli() - startedAt.get().toEpochMilli());
    }
}
