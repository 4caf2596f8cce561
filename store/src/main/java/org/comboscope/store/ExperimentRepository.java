package org.comboscope.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.comboscope.core.error.InvalidInputException;

/** Experiments of a project. Obtained from {@link Store#experiments()}. */
public final class ExperimentRepository {
    private static final String COLUMNS = "id, project_id, assay, cell_line, exp_date, notes, created_at";
    private final Db db;

    ExperimentRepository(Db db) {
        this.db = db;
    }

    /**
     * Creates an experiment in a project.
     *
     * @throws InvalidInputException if the project does not exist (field projectId) or a value breaks
     *     its rule (see {@link Experiment})
     */
    public Experiment create(long projectId, String assay, String cellLine, Optional<LocalDate> date, String notes) {
        Checks.id("projectId", projectId);
        Checks.nonBlank("assay", assay, Checks.NAME_MAX);
        Checks.nonBlank("cellLine", cellLine, Checks.NAME_MAX);
        Checks.notNull("date", date);
        Checks.text("notes", notes, Checks.TEXT_MAX);
        Instant now = db.now();
        long id = db.write("create experiment", h -> {
            if (!Db.exists(h, "project", projectId)) {
                throw new InvalidInputException("projectId", projectId, "must name an existing project");
            }
            return h.createQuery("INSERT INTO experiment (project_id, assay, cell_line, exp_date, notes, created_at)"
                            + " VALUES (:project, :assay, :cellLine, :date, :notes, :created) RETURNING id")
                    .bind("project", projectId)
                    .bind("assay", assay)
                    .bind("cellLine", cellLine)
                    .bind("date", date.map(LocalDate::toString).orElse(null))
                    .bind("notes", notes)
                    .bind("created", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
        });
        return new Experiment(id, projectId, assay, cellLine, date, notes, now);
    }

    /** The project's experiments, oldest first; empty for an unknown project. */
    public List<Experiment> listByProject(long projectId) {
        return db.read("list experiments", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM experiment WHERE project_id = :project ORDER BY id")
                .bind("project", projectId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    /** The experiment with this id, if any. */
    public Optional<Experiment> find(long id) {
        return db.read("find experiment", h -> h.createQuery("SELECT " + COLUMNS + " FROM experiment WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /**
     * Deletes the experiment with all its datasets (uploaded bytes included) and their analyses
     * (result rows and stored files included), in one transaction: all or nothing.
     *
     * @return what was removed
     * @throws InvalidInputException if there is no such experiment (field experimentId)
     * @throws StoreConflictException if one of its analyses is QUEUED or RUNNING; nothing is deleted
     */
    public Deletion delete(long id) {
        return db.write("delete experiment " + id, h -> Cascade.EXPERIMENT.delete(h, db.kind, id));
    }

    private static Experiment map(ResultSet rs) throws SQLException {
        String date = rs.getString("exp_date");
        return new Experiment(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getString("assay"),
                rs.getString("cell_line"),
                Optional.ofNullable(date).map(LocalDate::parse),
                rs.getString("notes"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
