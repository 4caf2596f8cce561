package org.comboscope.store;

import java.time.Instant;
import java.util.regex.Pattern;
import org.comboscope.core.error.InvalidInputException;

/**
 * An upload, kept byte for byte; its content is read through {@link DatasetRepository#openContent}.
 *
 * @param id database id, &gt; 0
 * @param experimentId the owning experiment
 * @param fileName the client's file name: non-blank, at most 255 characters, no path separators
 * @param format the declared format, e.g. "csv", "tsv", "xlsx": non-blank, at most 32 characters
 * @param sha256 SHA-256 of the content, 64 lower-case hex digits
 * @param sizeBytes content length in bytes, &gt;= 0
 * @param createdAt when it was stored
 */
public record Dataset(
        long id, long experimentId, String fileName, String format, String sha256, long sizeBytes, Instant createdAt) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Dataset {
        Checks.id("id", id);
        Checks.id("experimentId", experimentId);
        Checks.fileName("fileName", fileName);
        Checks.nonBlank("format", format, 32);
        Checks.notNull("sha256", sha256);
        if (!SHA256.matcher(sha256).matches()) {
            throw new InvalidInputException("sha256", sha256, "must be 64 lower-case hex digits");
        }
        if (sizeBytes < 0) {
            throw new InvalidInputException("sizeBytes", sizeBytes, "must be >= 0");
        }
        Checks.notNull("createdAt", createdAt);
    }
}
