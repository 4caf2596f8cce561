package org.comboscope.store;

/**
 * What one delete removed, counted by kind of record (the deleted record itself included). Results,
 * stored files and uploaded bytes go with their analysis or dataset and are not counted separately.
 *
 * @param projects projects removed (0 or 1)
 * @param experiments experiments removed
 * @param datasets datasets removed, each with its uploaded bytes
 * @param analyses analyses removed, each with its result rows and stored files
 */
public record Deletion(int projects, int experiments, int datasets, int analyses) {
    public Deletion {
        Checks.nonNegative("projects", projects);
        Checks.nonNegative("experiments", experiments);
        Checks.nonNegative("datasets", datasets);
        Checks.nonNegative("analyses", analyses);
    }
}
