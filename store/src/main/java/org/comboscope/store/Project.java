package org.comboscope.store;

import java.time.Instant;

/**
 * A study: the top of the hierarchy project → experiment → dataset → analysis.
 *
 * @param id database id, &gt; 0
 * @param name non-blank, at most 200 characters
 * @param description free text (may be empty), at most 100,000 characters
 * @param createdAt when it was created (millisecond precision)
 */
public record Project(long id, String name, String description, Instant createdAt) {
    public Project {
        Checks.id("id", id);
        Checks.nonBlank("name", name, Checks.NAME_MAX);
        Checks.text("description", description, Checks.TEXT_MAX);
        Checks.notNull("createdAt", createdAt);
    }
}
