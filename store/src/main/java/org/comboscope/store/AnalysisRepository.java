package org.comboscope.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.comboscope.core.error.InvalidInputException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Analyses and their life cycle. Obtained from {@link Store#analyses()}.
 *
 * <p>Transitions: {@link #create} → QUEUED; {@link #markRunning} QUEUED → RUNNING; {@link #progress}
 * while RUNNING; {@link #complete} RUNNING → SUCCEEDED together with all results; {@link #fail} and
 * {@link #failInterrupted} QUEUED or RUNNING → FAILED. Any other transition throws {@link
 * IllegalStateException} naming the analysis and both states; an unknown id throws {@link
 * InvalidInputException} (field analysisId).
 */
public final class AnalysisRepository {
    private static final String COLUMNS = "id, dataset_id, kind, parameters_json, software_version, status,"
            + " progress_done, progress_total, message, created_at, started_at, finished_at";
    private final Db db;

    AnalysisRepository(Db db) {
        this.db = db;
    }

    /**
     * Queues an analysis of a dataset.
     *
     * @param kind what is run, e.g. "synergy": non-blank, at most 64 characters
     * @param parametersJson the parameters as JSON text, kept verbatim, at most 100,000 characters
     * @param softwareVersion the comboscope version: non-blank, at most 100 characters
     * @throws InvalidInputException if the dataset does not exist (field datasetId) or a value breaks
     *     its rule
     */
    public Analysis create(long datasetId, String kind, String parametersJson, String softwareVersion) {
        Checks.id("datasetId", datasetId);
        Checks.nonBlank("kind", kind, 64);
        Checks.text("parametersJson", parametersJson, Checks.TEXT_MAX);
        Checks.nonBlank("softwareVersion", softwareVersion, 100);
        Instant now = db.now();
        long id = db.write("create analysis", h -> {
            if (!Db.exists(h, "dataset", datasetId)) {
                throw new InvalidInputException("datasetId", datasetId, "must name an existing dataset");
            }
            return h.createQuery("INSERT INTO analysis (dataset_id, kind, parameters_json, software_version, status,"
                            + " progress_done, progress_total, message, created_at)"
                            + " VALUES (:dataset, :kind, :params, :version, :status, 0, 0, '', :created) RETURNING id")
                    .bind("dataset", datasetId)
                    .bind("kind", kind)
                    .bind("params", parametersJson)
                    .bind("version", softwareVersion)
                    .bind("status", AnalysisStatus.QUEUED.name())
                    .bind("created", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
        });
        return new Analysis(
                id,
                datasetId,
                kind,
                parametersJson,
                softwareVersion,
                AnalysisStatus.QUEUED,
                0,
                0,
                "",
                now,
                Optional.empty(),
                Optional.empty());
    }

    /** The analysis with this id, if any. */
    public Optional<Analysis> find(long id) {
        return db.read("find analysis", h -> find(h, id));
    }

    /** The dataset's analyses, oldest first. */
    public List<Analysis> listByDataset(long datasetId) {
        return db.read("list analyses", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM analysis WHERE dataset_id = :dataset ORDER BY id")
                .bind("dataset", datasetId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** All analyses of the project's datasets, newest first. */
    public List<Analysis> listByProject(long projectId) {
        String columns = COLUMNS.replaceAll("(\\w+)", "a.$1");
        return db.read("list analyses", h -> h.createQuery("SELECT " + columns
                        + " FROM analysis a JOIN dataset d ON d.id = a.dataset_id"
                        + " JOIN experiment e ON e.id = d.experiment_id"
                        + " WHERE e.project_id = :project ORDER BY a.created_at DESC, a.id DESC")
                .bind("project", projectId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /**
     * QUEUED → RUNNING: records the start time and the amount of work.
     *
     * @param progressTotal units of work (e.g. blocks), &gt;= 0
     */
    public void markRunning(long id, int progressTotal) {
        Checks.nonNegative("progressTotal", progressTotal);
        Instant now = db.now();
        db.write("start analysis " + id, h -> {
            int n = h.createUpdate("UPDATE analysis SET status = :running, started_at = :now, progress_done = 0,"
                            + " progress_total = :total WHERE id = :id AND status = :queued")
                    .bind("running", AnalysisStatus.RUNNING.name())
                    .bind("queued", AnalysisStatus.QUEUED.name())
                    .bind("now", now.toEpochMilli())
                    .bind("total", progressTotal)
                    .bind("id", id)
                    .execute();
            if (n == 0) {
                throw transitionError(h, id, "start", EnumSet.of(AnalysisStatus.QUEUED));
            }
            return null;
        });
    }

    /**
     * Records progress of a RUNNING analysis.
     *
     * @param done units done, 0 ≤ done ≤ the total given to {@link #markRunning}
     */
    public void progress(long id, int done) {
        Checks.nonNegative("progressDone", done);
        db.write("record progress of analysis " + id, h -> {
            int n = h.createUpdate("UPDATE analysis SET progress_done = :done"
                            + " WHERE id = :id AND status = :running AND progress_total >= :done")
                    .bind("done", done)
                    .bind("id", id)
                    .bind("running", AnalysisStatus.RUNNING.name())
                    .execute();
            if (n == 0) {
                Analysis a = find(h, id).orElseThrow(() -> missing(id));
                if (a.status() == AnalysisStatus.RUNNING) {
                    throw new InvalidInputException(
                            "progressDone", done, "must be <= progressTotal " + a.progressTotal(), "analysis " + id);
                }
                throw transitionError(h, id, "record progress of", EnumSet.of(AnalysisStatus.RUNNING));
            }
            return null;
        });
    }

    /**
     * RUNNING → SUCCEEDED, storing all results. Everything happens in one transaction: if anything
     * fails (a duplicate block id, the connection, the process) nothing of the results is kept and
     * the analysis stays RUNNING, for the caller to {@link #fail}.
     *
     * @param message a completion note ("" if none), cut to 100,000 characters
     * @throws IllegalStateException if the analysis is not RUNNING
     * @throws StoreException if writing fails (nothing was written)
     */
    public void complete(long id, AnalysisResults results, String message) {
        Checks.notNull("results", results);
        String note = Checks.message(Checks.notNull("message", message));
        Instant now = db.now();
        db.write("complete analysis " + id, h -> {
            // The status update comes first so that, on PostgreSQL, the row lock keeps a concurrent
            // fail() from interleaving with the inserts.
            int n = h.createUpdate("UPDATE analysis SET status = :succeeded, finished_at = :now, message = :message,"
                            + " progress_done = progress_total WHERE id = :id AND status = :running")
                    .bind("succeeded", AnalysisStatus.SUCCEEDED.name())
                    .bind("running", AnalysisStatus.RUNNING.name())
                    .bind("now", now.toEpochMilli())
                    .bind("message", note)
                    .bind("id", id)
                    .execute();
            if (n == 0) {
                throw transitionError(h, id, "complete", EnumSet.of(AnalysisStatus.RUNNING));
            }
            insertResults(h, id, results);
            return null;
        });
    }

    /**
     * QUEUED or RUNNING → FAILED with the reason.
     *
     * @param message why it failed, cut to 100,000 characters
     */
    public void fail(long id, String message) {
        String reason = Checks.message(Checks.notNull("message", message));
        Instant now = db.now();
        db.write("fail analysis " + id, h -> {
            int n = h.createUpdate("UPDATE analysis SET status = :failed, finished_at = :now, message = :message"
                            + " WHERE id = :id AND status IN (:queued, :running)")
                    .bind("failed", AnalysisStatus.FAILED.name())
                    .bind("queued", AnalysisStatus.QUEUED.name())
                    .bind("running", AnalysisStatus.RUNNING.name())
                    .bind("now", now.toEpochMilli())
                    .bind("message", reason)
                    .bind("id", id)
                    .execute();
            if (n == 0) {
                throw transitionError(h, id, "fail", EnumSet.of(AnalysisStatus.QUEUED, AnalysisStatus.RUNNING));
            }
            return null;
        });
    }

    /**
     * Marks every QUEUED or RUNNING analysis FAILED with the message: for a server starting after a
     * crash, when no analysis can still be running.
     *
     * @return how many analyses were marked
     */
    public int failInterrupted(String message) {
        String reason = Checks.message(Checks.notNull("message", message));
        Instant now = db.now();
        return db.write("fail interrupted analyses", h -> h.createUpdate(
                        "UPDATE analysis SET status = :failed, finished_at = :now, message = :message"
                                + " WHERE status IN (:queued, :running)")
                .bind("failed", AnalysisStatus.FAILED.name())
                .bind("queued", AnalysisStatus.QUEUED.name())
                .bind("running", AnalysisStatus.RUNNING.name())
                .bind("now", now.toEpochMilli())
                .bind("message", reason)
                .execute());
    }

    /**
     * Deletes a finished (SUCCEEDED or FAILED) analysis with its result rows and stored files, in one
     * transaction. The dataset it analysed stays.
     *
     * @return what was removed
     * @throws InvalidInputException if there is no such analysis (field analysisId)
     * @throws StoreConflictException if the analysis is QUEUED or RUNNING; nothing is deleted
     */
    public Deletion delete(long id) {
        return db.write("delete analysis " + id, h -> Cascade.ANALYSIS.delete(h, db.kind, id));
    }

    private static void insertResults(Handle h, long id, AnalysisResults results) {
        PreparedBatch blocks = h.prepareBatch("INSERT INTO block_result (analysis_id, seq, block_id, drug1, drug2,"
                + " block_id_lc, drug1_lc, drug2_lc, zip, hsa, bliss, loewe, css, values_json) VALUES (:a, :seq,"
                + " :blockId, :drug1, :drug2, :blockIdLc, :drug1Lc, :drug2Lc, :zip, :hsa, :bliss, :loewe, :css,"
                + " :values)");
        int seq = 0;
        for (BlockResult b : results.blocks()) {
            blocks.bind("a", id)
                    .bind("seq", seq++)
                    .bind("blockId", b.blockId())
                    .bind("drug1", b.drug1())
                    .bind("drug2", b.drug2())
                    .bind("blockIdLc", b.blockId().toLowerCase(Locale.ROOT))
                    .bind("drug1Lc", b.drug1().toLowerCase(Locale.ROOT))
                    .bind("drug2Lc", b.drug2().toLowerCase(Locale.ROOT))
                    .bind("zip", boxed(b.zip()))
                    .bind("hsa", boxed(b.hsa()))
                    .bind("bliss", boxed(b.bliss()))
                    .bind("loewe", boxed(b.loewe()))
                    .bind("css", boxed(b.css()))
                    .bind("values", FlatJson.write(b.values()))
                    .add();
        }
        execute(blocks);
        PreparedBatch cells = h.prepareBatch("INSERT INTO cell_result (analysis_id, seq, block_id, conc1, conc2,"
                + " response, values_json) VALUES (:a, :seq, :blockId, :conc1, :conc2, :response, :values)");
        seq = 0;
        for (CellResult c : results.cells()) {
            cells.bind("a", id)
                    .bind("seq", seq++)
                    .bind("blockId", c.blockId())
                    .bind("conc1", c.conc1())
                    .bind("conc2", c.conc2())
                    .bind("response", c.response())
                    .bind("values", FlatJson.write(c.values()))
                    .add();
        }
        execute(cells);
        PreparedBatch curves = h.prepareBatch("INSERT INTO curve_result (analysis_id, block_id, drug_index, drug,"
                + " values_json) VALUES (:a, :blockId, :drugIndex, :drug, :values)");
        for (CurveResult c : results.curves()) {
            curves.bind("a", id)
                    .bind("blockId", c.blockId())
                    .bind("drugIndex", c.drugIndex())
                    .bind("drug", c.drug())
                    .bind("values", FlatJson.write(c.values()))
                    .add();
        }
        execute(curves);
        for (Artifact artifact : results.artifacts()) {
            h.createUpdate("INSERT INTO artifact (analysis_id, name, media_type, content)"
                            + " VALUES (:a, :name, :mediaType, :content)")
                    .bind("a", id)
                    .bind("name", artifact.name())
                    .bind("mediaType", artifact.mediaType())
                    .bind("content", artifact.content())
                    .execute();
        }
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Optional<Analysis> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM analysis WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static RuntimeException transitionError(Handle h, long id, String action, Set<AnalysisStatus> allowed) {
        Analysis a = find(h, id).orElseThrow(() -> missing(id));
        return new IllegalStateException("cannot " + action + " analysis " + id + ": it is " + a.status() + ", must be "
                + allowed.stream().map(Enum::name).collect(Collectors.joining(" or ")));
    }

    private static InvalidInputException missing(long id) {
        return new InvalidInputException("analysisId", id, "must name an existing analysis");
    }

    private static Analysis map(ResultSet rs) throws SQLException {
        return new Analysis(
                rs.getLong("id"),
                rs.getLong("dataset_id"),
                rs.getString("kind"),
                rs.getString("parameters_json"),
                rs.getString("software_version"),
                AnalysisStatus.valueOf(rs.getString("status")),
                rs.getInt("progress_done"),
                rs.getInt("progress_total"),
                rs.getString("message"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
