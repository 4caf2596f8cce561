package org.comboscope.report.synergy;

import java.util.List;

/**
 * Everything a synergy report shows: provenance, the analysed two-drug blocks, and the problems
 * (blocks that could not be analysed or plotted, input warnings).
 *
 * @param provenance inputs, version and parameters
 * @param blocks analysed two-drug blocks, in input order
 * @param notAnalysed one line per block that could not be analysed or plotted, with the reason
 * @param warnings input and analysis warnings (replicates averaged, capped values, ...)
 */
public record SynergyRun(
        Provenance provenance, List<BlockView> blocks, List<String> notAnalysed, List<String> warnings) {

    public SynergyRun {
        blocks = List.copyOf(blocks);
        notAnalysed = List.copyOf(notAnalysed);
        warnings = List.copyOf(warnings);
    }
}
