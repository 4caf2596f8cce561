package org.comboscope.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.comboscope.core.error.InvalidInputException;

/**
 * Uploaded datasets, kept byte for byte with their SHA-256. Obtained from {@link Store#datasets()}.
 *
 * <p>Content is stored in chunks of {@value #CHUNK_BYTES} bytes, so neither storing nor reading a
 * large upload holds it whole in memory.
 */
public final class DatasetRepository {
    static final int CHUNK_BYTES = 1 << 20;
    private static final String COLUMNS = "id, experiment_id, file_name, format, sha256, size_bytes, created_at";
    private final Db db;

    DatasetRepository(Db db) {
        this.db = db;
    }

    /**
     * Stores an upload. The stream is read to its end (not closed) into a temporary file while its
     * SHA-256 and size are computed, then written to the database in one short transaction, so a slow
     * client never holds the database's write lock. On any failure nothing is stored.
     *
     * @param fileName the client's file name: non-blank, at most 255 characters, no path separators
     * @param format the declared format ("csv", "tsv", "xlsx", ...), non-blank, at most 32 characters
     * @throws InvalidInputException if the experiment does not exist (field experimentId) or a value
     *     breaks its rule
     * @throws UncheckedIOException if reading the stream fails
     */
    public Dataset create(long experimentId, String fileName, String format, InputStream content) {
        Checks.id("experimentId", experimentId);
        Checks.fileName("fileName", fileName);
        Checks.nonBlank("format", format, 32);
        Checks.notNull("content", content);
        requireExperiment(experimentId);
        Path spool = null;
        try {
            spool = Files.createTempFile("comboscope-upload-", ".part");
            MessageDigest sha = sha256();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(spool)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            long sizeBytes = size;
            Path file = spool;
            Instant now = db.now();
            long id = db.write("store dataset " + fileName, h -> {
                if (!Db.exists(h, "experiment", experimentId)) {
                    throw missingExperiment(experimentId);
                }
                long datasetId = h.createQuery(
                                "INSERT INTO dataset (experiment_id, file_name, format, sha256, size_bytes, created_at)"
                                        + " VALUES (:experiment, :fileName, :format, :sha, :size, :created) RETURNING id")
                        .bind("experiment", experimentId)
                        .bind("fileName", fileName)
                        .bind("format", format)
                        .bind("sha", hex)
                        .bind("size", sizeBytes)
                        .bind("created", now.toEpochMilli())
                        .mapTo(Long.class)
                        .one();
                try (InputStream in = Files.newInputStream(file)) {
                    int seq = 0;
                    byte[] chunk;
                    while ((chunk = in.readNBytes(CHUNK_BYTES)).length > 0) {
                        h.createUpdate("INSERT INTO dataset_chunk (dataset_id, seq, bytes) VALUES (:id, :seq, :bytes)")
                                .bind("id", datasetId)
                                .bind("seq", seq++)
                                .bind("bytes", chunk)
                                .execute();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the spooled upload " + file, e);
                }
                return datasetId;
            });
            return new Dataset(id, experimentId, fileName, format, hex, sizeBytes, now);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload " + fileName + " failed: " + e.getMessage(), e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // A temp file left behind is harmless; the upload's outcome is what matters.
                }
            }
        }
    }

    /** The dataset with this id, if any. */
    public Optional<Dataset> find(long id) {
        return db.read("find dataset", h -> h.createQuery("SELECT " + COLUMNS + " FROM dataset WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /** The experiment's datasets, oldest first; empty for an unknown experiment. */
    public List<Dataset> listByExperiment(long experimentId) {
        return db.read("list datasets", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM dataset WHERE experiment_id = :experiment ORDER BY id")
                .bind("experiment", experimentId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /**
     * The stored bytes as a stream that fetches one chunk at a time (no connection is held between
     * reads). Close it when done.
     *
     * @throws InvalidInputException if there is no such dataset (field datasetId)
     */
    public InputStream openContent(long id) {
        int chunks = db.read("open dataset content", h -> {
            if (!Db.exists(h, "dataset", id)) {
                throw new InvalidInputException("datasetId", id, "must name an existing dataset");
            }
            return h.createQuery("SELECT COUNT(*) FROM dataset_chunk WHERE dataset_id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one();
        });
        return new ChunkStream(id, chunks);
    }

    /**
     * The stored bytes, whole.
     *
     * @throws InvalidInputException if there is no such dataset (field datasetId)
     * @throws IllegalStateException if the content is larger than a Java array can hold
     */
    public byte[] content(long id) {
        try (InputStream in = openContent(id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("dataset " + id + " is too large to read whole; use openContent", e);
        }
    }

    /**
     * Deletes the dataset, its uploaded bytes and all its analyses (result rows and stored files
     * included), in one transaction: all or nothing.
     *
     * @return what was removed
     * @throws InvalidInputException if there is no such dataset (field datasetId)
     * @throws StoreConflictException if one of its analyses is QUEUED or RUNNING; nothing is deleted
     */
    public Deletion delete(long id) {
        return db.write("delete dataset " + id, h -> Cascade.DATASET.delete(h, db.kind, id));
    }

    private void requireExperiment(long experimentId) {
        if (!db.read("find experiment", h -> Db.exists(h, "experiment", experimentId))) {
            throw missingExperiment(experimentId);
        }
    }

    private static InvalidInputException missingExperiment(long experimentId) {
        return new InvalidInputException("experimentId", experimentId, "must name an existing experiment");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Dataset map(ResultSet rs) throws SQLException {
        return new Dataset(
                rs.getLong("id"),
                rs.getLong("experiment_id"),
                rs.getString("file_name"),
                rs.getString("format"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** Reads a dataset's chunks in order, one query per chunk. */
    private final class ChunkStream extends InputStream {
        private final long datasetId;
        private final int chunks;
        private int nextSeq;
        private byte[] current = new byte[0];
        private int pos;

        ChunkStream(long datasetId, int chunks) {
            this.datasetId = datasetId;
            this.chunks = chunks;
        }

        private boolean fill() {
            while (pos >= current.length) {
                if (nextSeq >= chunks) {
                    return false;
                }
                int seq = nextSeq++;
                current = db.read("read dataset content", h -> h.createQuery(
                                "SELECT bytes FROM dataset_chunk WHERE dataset_id = :id AND seq = :seq")
                        .bind("id", datasetId)
                        .bind("seq", seq)
                        .mapTo(byte[].class)
                        .one());
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
