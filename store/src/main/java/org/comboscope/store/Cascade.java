package org.comboscope.store;

import java.util.List;
import java.util.stream.Collectors;
import org.comboscope.core.error.InvalidInputException;
import org.jdbi.v3.core.Handle;

/**
 * Deleting a record with everything below it (project → experiments → datasets with their uploaded
 * bytes → analyses with their result rows and stored files), inside the caller's transaction.
 *
 * <p>The schema has no {@code ON DELETE CASCADE}: the rows are deleted here, children first, so the
 * foreign keys keep refusing orphans and no migration has to rebuild SQLite's tables. Before
 * anything is deleted, an analysis that is QUEUED or RUNNING (its worker would still write to it)
 * makes the whole delete refuse with a {@link StoreConflictException}.
 *
 * <p>Concurrent writers: on SQLite every write is serialised, so the check and the deletes see one
 * state. On PostgreSQL the record and the experiments and datasets below it are first locked {@code
 * FOR UPDATE}: a concurrent insert of a child (which takes a key-share lock on its parent) waits and
 * then fails its foreign key, or, if it committed first, its new QUEUED analysis is seen by the
 * check. SUCCEEDED and FAILED analyses never change again, so they need no lock.
 */
enum Cascade {
    PROJECT(
            "project",
            "projectId",
            "SELECT id FROM project WHERE id = :id",
            "SELECT id FROM experiment WHERE project_id = :id",
            "SELECT d.id FROM dataset d JOIN experiment e ON e.id = d.experiment_id WHERE e.project_id = :id",
            "SELECT a.id FROM analysis a JOIN dataset d ON d.id = a.dataset_id"
                    + " JOIN experiment e ON e.id = d.experiment_id WHERE e.project_id = :id"),
    EXPERIMENT(
            "experiment",
            "experimentId",
            null,
            "SELECT id FROM experiment WHERE id = :id",
            "SELECT id FROM dataset WHERE experiment_id = :id",
            "SELECT a.id FROM analysis a JOIN dataset d ON d.id = a.dataset_id WHERE d.experiment_id = :id"),
    DATASET(
            "dataset",
            "datasetId",
            null,
            null,
            "SELECT id FROM dataset WHERE id = :id",
            "SELECT id FROM analysis WHERE dataset_id = :id"),
    ANALYSIS("analysis", "analysisId", null, null, null, "SELECT id FROM analysis WHERE id = :id");

    /** Tables holding an analysis's results and files, keyed by analysis_id. */
    private static final List<String> RESULT_TABLES =
            List.of("block_result", "cell_result", "curve_result", "artifact");

    private final String table;
    private final String idField;
    // Each selects the ids of one table's rows that go, given the root id as :id (null: none).
    private final String projects;
    private final String experiments;
    private final String datasets;
    private final String analyses;

    Cascade(String table, String idField, String projects, String experiments, String datasets, String analyses) {
        this.table = table;
        this.idField = idField;
        this.projects = projects;
        this.experiments = experiments;
        this.datasets = datasets;
        this.analyses = analyses;
    }

    /**
     * Deletes the record {@code id} and everything below it; to be called inside a write transaction.
     *
     * @throws InvalidInputException if there is no such record (field projectId, experimentId,
     *     datasetId or analysisId); nothing is deleted
     * @throws StoreConflictException if an analysis in scope is QUEUED or RUNNING; nothing is deleted
     */
    Deletion delete(Handle h, String databaseKind, long id) {
        boolean postgres = "postgresql".equals(databaseKind);
        String lock = postgres ? " FOR UPDATE" : "";
        boolean exists = h.createQuery("SELECT id FROM " + table + " WHERE id = :id" + lock)
                .bind("id", id)
                .mapTo(Long.class)
                .findOne()
                .isPresent();
        if (!exists) {
            throw new InvalidInputException(idField, id, "must name an existing " + table);
        }
        if (postgres) {
            lock(h, "experiment", experiments, id);
            lock(h, "dataset", datasets, id);
        }
        refuseActive(h, id);
        for (String results : RESULT_TABLES) {
            h.createUpdate("DELETE FROM " + results + " WHERE analysis_id IN (" + analyses + ")")
                    .bind("id", id)
                    .execute();
        }
        int analysisRows = deleteIn(h, "analysis", analyses, id);
        if (datasets != null) {
            h.createUpdate("DELETE FROM dataset_chunk WHERE dataset_id IN (" + datasets + ")")
                    .bind("id", id)
                    .execute();
        }
        int datasetRows = deleteIn(h, "dataset", datasets, id);
        int experimentRows = deleteIn(h, "experiment", experiments, id);
        int projectRows = deleteIn(h, "project", projects, id);
        return new Deletion(projectRows, experimentRows, datasetRows, analysisRows);
    }

    private static void lock(Handle h, String table, String ids, long id) {
        if (ids != null) {
            h.createQuery("SELECT id FROM " + table + " WHERE id IN (" + ids + ") FOR UPDATE")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .list();
        }
    }

    private void refuseActive(Handle h, long id) {
        List<Active> active = h.createQuery("SELECT id, status FROM analysis WHERE id IN (" + analyses + ")"
                        + " AND status IN (:queued, :running) ORDER BY id")
                .bind("id", id)
                .bind("queued", AnalysisStatus.QUEUED.name())
                .bind("running", AnalysisStatus.RUNNING.name())
                .map((rs, ctx) -> new Active(rs.getLong("id"), rs.getString("status")))
                .list();
        if (active.isEmpty()) {
            return;
        }
        List<Long> ids = active.stream().map(Active::id).toList();
        if (this == ANALYSIS) {
            throw new StoreConflictException(
                    "delete",
                    table,
                    id,
                    "must be SUCCEEDED or FAILED",
                    "is " + active.get(0).status(),
                    ids);
        }
        throw new StoreConflictException(
                "delete",
                table,
                id,
                "must have no QUEUED or RUNNING analysis",
                "has "
                        + active.stream()
                                .map(a -> "analysis " + a.id() + " (" + a.status() + ")")
                                .collect(Collectors.joining(", ")),
                ids);
    }

    private record Active(long id, String status) {}

    private static int deleteIn(Handle h, String table, String ids, long id) {
        if (ids == null) {
            return 0;
        }
        return h.createUpdate("DELETE FROM " + table + " WHERE id IN (" + ids + ")")
                .bind("id", id)
                .execute();
    }
}
