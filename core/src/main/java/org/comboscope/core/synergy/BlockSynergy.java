package org.comboscope.core.synergy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.CurveFit;

/**
 * Everything computed for one block: per-cell scores, per-method block summaries, the single-drug
 * curves and the sensitivity scores.
 *
 * @param blockId the block
 * @param drugs drug names
 * @param concUnits unit per drug
 * @param cells one entry per dose combination, in input order of first appearance
 * @param summaries per requested method: mean synergy over cells where every drug is present, and
 *     its p-value
 * @param curves single-drug curves (free fits), one per drug
 * @param ic50 relative IC50 per drug, capped at the highest tested dose (SynergyFinder's ic50_i)
 * @param ri relative inhibition per drug (mean height of the curve over the tested range, %)
 * @param css CSS per ordered pair, keyed as SynergyFinder names it ({@code css1_ic502}, ...)
 * @param cssMean mean of the CSS values ({@code css})
 * @param baseline the baseline subtracted (0 when none)
 * @param notes what was done beyond the defaults (replicates averaged, capped predictions, ...)
 */
public record BlockSynergy(
        String blockId,
        List<String> drugs,
        List<String> concUnits,
        List<CellScore> cells,
        Map<SynergyMethod, Summary> summaries,
        List<CurveFit> curves,
        double[] ic50,
        double[] ri,
        Map<String, Double> css,
        OptionalDouble cssMean,
        double baseline,
        List<String> notes) {

    /** Block summary for one method. */
    public record Summary(double mean, OptionalDouble pValue, int cells, double sd) {}

    public BlockSynergy {
        drugs = List.copyOf(drugs);
        concUnits = List.copyOf(concUnits);
        cells = List.copyOf(cells);
        summaries = Map.copyOf(summaries);
        curves = List.copyOf(curves);
        ic50 = ic50.clone();
        ri = ri.clone();
        css = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(css));
        notes = List.copyOf(notes);
    }

    @Override
    public double[] ic50() {
        return ic50.clone();
    }

    @Override
    public double[] ri() {
        return ri.clone();
    }
}
