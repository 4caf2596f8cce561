package org.comboscope.core.combination;

import java.util.List;
import java.util.Optional;
import org.comboscope.core.response.Interval;

/**
 * Chou–Talalay analysis of one two-drug block.
 *
 * @param drug1 median-effect fit of drug 1 (linear, as CompuSyn)
 * @param drug2 median-effect fit of drug 2
 * @param drug1Nonlinear the nonlinear median-effect fit of drug 1 (Hill with E0 = 1, Emax = 0:
 *     {@code Dm = C}, {@code m = h}); empty when it does not converge
 * @param drug2Nonlinear the same for drug 2
 * @param dm1Band bootstrap 95 % interval of Dm of drug 1 (empty without bootstrap)
 * @param dm2Band bootstrap 95 % interval of Dm of drug 2
 * @param m1Band bootstrap 95 % interval of m of drug 1
 * @param m2Band bootstrap 95 % interval of m of drug 2
 * @param cells CI per measured row, in row order
 * @param rays constant-ratio rays with at least 2 usable points, by increasing ratio d2/d1
 * @param notes what was skipped and why (e.g. rays with too few points)
 */
public record CiAnalysis(
        MedianEffect drug1,
        MedianEffect drug2,
        Optional<HillCurve> drug1Nonlinear,
        Optional<HillCurve> drug2Nonlinear,
        Optional<Interval> dm1Band,
        Optional<Interval> dm2Band,
        Optional<Interval> m1Band,
        Optional<Interval> m2Band,
        List<CiCell> cells,
        List<CiRay> rays,
        List<String> notes) {
    public CiAnalysis {
        cells = List.copyOf(cells);
        rays = List.copyOf(rays);
        notes = List.copyOf(notes);
    }

    /** The sign convention of every CI value. */
    public static final String CONVENTION = "ci < 1 synergy";
}
