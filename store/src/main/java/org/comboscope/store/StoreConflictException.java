package org.comboscope.store;

import java.util.List;

/**
 * A change refused because of the state of the data, not because the database failed: for example
 * deleting an analysis that is still QUEUED or RUNNING, or a project, experiment or dataset that
 * contains one. Nothing was changed; the same request may succeed later.
 *
 * <p>Message form: {@code cannot delete experiment 4: it must have no QUEUED or RUNNING analysis, has
 * analysis 17 (RUNNING); wait for it to finish or fail}.
 */
public final class StoreConflictException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final long id;
    private final String rule;
    private final List<Long> blockingAnalyses;

    /**
     * @param action what was refused, e.g. "delete"
     * @param entity the kind of record acted on: "project", "experiment", "dataset" or "analysis"
     * @param id its id
     * @param rule the rule it broke, phrased as "must ..."
     * @param found what breaks the rule, e.g. "has analysis 17 (RUNNING)"
     * @param blockingAnalyses the ids of the analyses that block the change, in id order
     */
    StoreConflictException(
            String action, String entity, long id, String rule, String found, List<Long> blockingAnalyses) {
        super("cannot " + action + " " + entity + " " + id + ": it " + rule + ", " + found + "; wait for "
                + (blockingAnalyses.size() == 1 ? "it" : "them") + " to finish or fail");
        this.entity = entity;
        this.id = id;
        this.rule = rule;
        this.blockingAnalyses = List.copyOf(blockingAnalyses);
    }

    /** "project", "experiment", "dataset" or "analysis". */
    public String entity() {
        return entity;
    }

    public long id() {
        return id;
    }

    /** The rule, phrased as "must ...". */
    public String rule() {
        return rule;
    }

    /** Ids of the QUEUED or RUNNING analyses that block the change, ascending. */
    public List<Long> blockingAnalyses() {
        return blockingAnalyses;
    }
}
