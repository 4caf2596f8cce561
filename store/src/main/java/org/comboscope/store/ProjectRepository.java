package org.comboscope.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.comboscope.core.error.InvalidInputException;

/** Projects (studies). Obtained from {@link Store#projects()}. */
public final class ProjectRepository {
    private final Db db;

    ProjectRepository(Db db) {
        this.db = db;
    }

    /**
     * Creates a project.
     *
     * @param name non-blank, at most 200 characters
     * @param description free text, may be empty, at most 100,000 characters
     * @throws InvalidInputException if a value breaks its rule
     */
    public Project create(String name, String description) {
        Checks.nonBlank("name", name, Checks.NAME_MAX);
        Checks.text("description", description, Checks.TEXT_MAX);
        Instant now = db.now();
        long id = db.write("create project", h -> h.createQuery(
                        "INSERT INTO project (name, description, created_at) VALUES (:name, :description, :created)"
                                + " RETURNING id")
                .bind("name", name)
                .bind("description", description)
                .bind("created", now.toEpochMilli())
                .mapTo(Long.class)
                .one());
        return new Project(id, name, description, now);
    }

    /** All projects, oldest first. */
    public List<Project> list() {
        return db.read(
                "list projects", h -> h.createQuery("SELECT id, name, description, created_at FROM project ORDER BY id")
                        .map((rs, ctx) -> map(rs))
                        .list());
    }

    /** The project with this id, if any. */
    public Optional<Project> find(long id) {
        return db.read("find project", h -> h.createQuery(
                        "SELECT id, name, description, created_at FROM project WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    /**
     * Deletes the project with all its experiments, their datasets (uploaded bytes included) and
     * their analyses (result rows and stored files included), in one transaction: all or nothing.
     *
     * @return what was removed
     * @throws InvalidInputException if there is no such project (field projectId)
     * @throws StoreConflictException if one of its analyses is QUEUED or RUNNING; nothing is deleted
     */
    public Deletion delete(long id) {
        return db.write("delete project " + id, h -> Cascade.PROJECT.delete(h, db.kind, id));
    }

    private static Project map(ResultSet rs) throws SQLException {
        return new Project(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
