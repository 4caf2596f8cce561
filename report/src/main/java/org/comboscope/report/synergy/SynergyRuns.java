package org.comboscope.report.synergy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.CellScore;
import org.comboscope.core.synergy.SynergyMethod;

/** Builds report views from in-memory synergy results. */
public final class SynergyRuns {
    private SynergyRuns() {}

    /**
     * A run from analysed blocks. Blocks with more than two drugs are listed in {@link
     * SynergyRun#notAnalysed()} as not plotted (the plots are two-drug dose grids).
     */
    public static SynergyRun of(
            Provenance provenance, List<BlockSynergy> blocks, List<String> notAnalysed, List<String> warnings) {
        List<BlockView> views = new ArrayList<>();
        List<String> problems = new ArrayList<>(notAnalysed);
        for (BlockSynergy b : blocks) {
            if (b.drugs().size() != 2) {
                problems.add("block " + b.blockId() + ": not plotted: "
                        + b.drugs().size() + " drugs (plots need exactly two)");
                continue;
            }
            views.add(view(b));
        }
        return new SynergyRun(provenance, views, problems, warnings);
    }

    /** The grid view of one two-drug block. */
    public static BlockView view(BlockSynergy b) {
        GridBuilder g = new GridBuilder(b.blockId());
        for (CellScore c : b.cells()) {
            Map<SynergyMethod, double[]> rs = new EnumMap<>(SynergyMethod.class);
            for (SynergyMethod m : b.summaries().keySet()) {
                rs.put(m, new double[] {nan(c.reference(m)), nan(c.synergy(m))});
            }
            g.add(new GridBuilder.Cell(c.conc(0), c.conc(1), c.response(), rs, nan(c.loeweCi())));
        }
        Map<SynergyMethod, BlockView.Summary> sums = new EnumMap<>(SynergyMethod.class);
        b.summaries().forEach((m, s) -> sums.put(m, new BlockView.Summary(s.mean(), s.pValue())));
        List<GridBuilder.Curve> curves = new ArrayList<>();
        for (int d = 0; d < b.curves().size(); d++) {
            CurveFit f = b.curves().get(d);
            double ic = b.ic50()[d];
            curves.add(new GridBuilder.Curve(
                    b.drugs().get(d),
                    b.concUnits().get(d),
                    f.curve(),
                    f.covariance(),
                    f.residualDf(),
                    Double.isFinite(ic) ? OptionalDouble.of(ic) : OptionalDouble.empty()));
        }
        return g.build(
                b.drugs().get(0),
                b.drugs().get(1),
                b.concUnits().get(0),
                b.concUnits().get(1),
                sums,
                curves,
                b.cssMean());
    }

    private static double nan(OptionalDouble x) {
        return x.isPresent() ? x.getAsDouble() : Double.NaN;
    }
}
