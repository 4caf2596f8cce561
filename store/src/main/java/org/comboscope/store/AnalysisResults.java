package org.comboscope.store;

import java.util.List;

/**
 * Everything an analysis produced, stored at once by {@link AnalysisRepository#complete}. Block ids,
 * (block id, drug index) of curves and artifact names must be unique; a duplicate makes {@code
 * complete} fail and write nothing.
 */
public record AnalysisResults(
        List<BlockResult> blocks, List<CellResult> cells, List<CurveResult> curves, List<Artifact> artifacts) {
    public AnalysisResults {
        blocks = List.copyOf(Checks.notNull("blocks", blocks));
        cells = List.copyOf(Checks.notNull("cells", cells));
        curves = List.copyOf(Checks.notNull("curves", curves));
        artifacts = List.copyOf(Checks.notNull("artifacts", artifacts));
    }

    /** No results at all (an analysis that produced nothing but a status). */
    public static AnalysisResults empty() {
        return new AnalysisResults(List.of(), List.of(), List.of(), List.of());
    }
}
