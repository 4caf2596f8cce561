package org.comboscope.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One experiment of a project: an assay on a cell line, on a date.
 *
 * @param id database id, &gt; 0
 * @param projectId the owning project
 * @param assay non-blank, at most 200 characters (e.g. "CellTiter-Glo 72 h")
 * @param cellLine non-blank, at most 200 characters
 * @param date the day it was run, if known
 * @param notes free text (may be empty), at most 100,000 characters
 * @param createdAt when the record was created
 */
public record Experiment(
        long id,
        long projectId,
        String assay,
        String cellLine,
        Optional<LocalDate> date,
        String notes,
        Instant createdAt) {
    public Experiment {
        Checks.id("id", id);
        Checks.id("projectId", projectId);
        Checks.nonBlank("assay", assay, Checks.NAME_MAX);
        Checks.nonBlank("cellLine", cellLine, Checks.NAME_MAX);
        Checks.notNull("date", date);
        Checks.text("notes", notes, Checks.TEXT_MAX);
        Checks.notNull("createdAt", createdAt);
    }
}
