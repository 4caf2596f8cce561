package org.comboscope.report.synergy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.synergy.SynergyMethod;

/**
 * One two-drug block laid out as a dose grid for plotting. Rows are drug 1's concentrations,
 * columns drug 2's, both ascending and including 0 when tested. A grid value of {@code NaN}
 * means "no measurement at this dose pair" (a gap in a heat map), not a failure.
 *
 * @param blockId the block
 * @param drug1 row drug
 * @param drug2 column drug
 * @param unit1 concentration unit of drug 1
 * @param unit2 concentration unit of drug 2
 * @param conc1 drug 1 concentrations, ascending
 * @param conc2 drug 2 concentrations, ascending
 * @param response observed response, % inhibition, {@code [i][j]} at (conc1[i], conc2[j])
 * @param synergy synergy score per method on the same grid (positive = synergy)
 * @param reference expected (reference) response per method, % inhibition
 * @param loeweCi Loewe combination index grid ({@code < 1} = synergy), NaN where undefined
 * @param summaries block mean synergy and p-value per method
 * @param curves single-drug curves: drug 1, drug 2
 * @param css mean CSS (drug combination sensitivity score), when defined
 */
public record BlockView(
        String blockId,
        String drug1,
        String drug2,
        String unit1,
        String unit2,
        double[] conc1,
        double[] conc2,
        double[][] response,
        Map<SynergyMethod, double[][]> synergy,
        Map<SynergyMethod, double[][]> reference,
        double[][] loeweCi,
        Map<SynergyMethod, Summary> summaries,
        List<CurveView> curves,
        OptionalDouble css) {

    /** Block summary of one method: mean synergy over cells with both drugs present and its p-value. */
    public record Summary(double mean, OptionalDouble pValue) {}

    public BlockView {
        conc1 = conc1.clone();
        conc2 = conc2.clone();
        response = copy(response);
        synergy = copyMap(synergy);
        reference = copyMap(reference);
        loeweCi = copy(loeweCi);
        summaries = Map.copyOf(summaries);
        curves = List.copyOf(curves);
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static Map<SynergyMethod, double[][]> copyMap(Map<SynergyMethod, double[][]> m) {
        Map<SynergyMethod, double[][]> out = new EnumMap<>(SynergyMethod.class);
        m.forEach((k, v) -> out.put(k, copy(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public double[] conc1() {
        return conc1.clone();
    }

    @Override
    public double[] conc2() {
        return conc2.clone();
    }

    @Override
    public double[][] response() {
        return copy(response);
    }

    @Override
    public double[][] loeweCi() {
        return copy(loeweCi);
    }

    @Override
    public Map<SynergyMethod, double[][]> synergy() {
        return copyMap(synergy);
    }

    @Override
    public Map<SynergyMethod, double[][]> reference() {
        return copyMap(reference);
    }

    /** The synergy grid of a method (a copy), empty when the method was not run. */
    public java.util.Optional<double[][]> synergy(SynergyMethod m) {
        double[][] g = synergy.get(m);
        return g == null ? java.util.Optional.empty() : java.util.Optional.of(copy(g));
    }

    /** Methods that were run, in SynergyMethod order. */
    public List<SynergyMethod> methods() {
        return synergy.keySet().stream().sorted().toList();
    }

    /** Mean ZIP synergy, when ZIP ran. */
    public OptionalDouble zip() {
        Summary s = summaries.get(SynergyMethod.ZIP);
        return s == null || !Double.isFinite(s.mean()) ? OptionalDouble.empty() : OptionalDouble.of(s.mean());
    }
}
