package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class MixtureBlockTest {
    private static final double[] DM = {1, 4, 10};
    private static final double[] COMMON = {1.5, 1.5, 1.5};
    private static final double[] DISTINCT = {0.8, 1.5, 2.2};
    private static final double[] DOSES = {0.25, 0.5, 1, 2, 4, 8, 16, 32};
    private static final double[][] RATIOS = {{1, 1, 1}, {1, 4, 10}};

    /** Dose of drug i alone giving fa. */
    private static double dx(int i, double fa, double[] slope) {
        return DM[i] * Math.pow(fa / (1 - fa), 1 / slope[i]);
    }

    /**
     * fa of a mixture whose doses d_i satisfy Σ d_i / Dx_i(fa) = 1/potency (Loewe additivity for
     * potency 1), solved by bisection on log-odds to machine precision.
     */
    private static double mixtureFa(double[] d, double potency, double[] slope) {
        double lo = -60;
        double hi = 60;
        for (int it = 0; it < 300; it++) {
            double mid = (lo + hi) / 2;
            double f = 1 / (1 + Math.exp(-mid));
            double s = 0;
            for (int i = 0; i < 3; i++) {
                s += d[i] / dx(i, f, slope);
            }
            // s decreases with fa
            if (s * potency > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 1 / (1 + Math.exp(-(lo + hi) / 2));
    }

    /** Single-drug rows, the untreated row, one partial mixture and two constant-ratio rays. */
    static Object[] block(double potency, double[] slope) {
        List<double[]> conc = new ArrayList<>();
        List<Double> fa = new ArrayList<>();
        conc.add(new double[] {0, 0, 0});
        fa.add(0.0);
        for (int i = 0; i < 3; i++) {
            for (double d : DOSES) {
                double[] row = new double[3];
                row[i] = d;
                conc.add(row);
                fa.add(1 / (1 + Math.pow(DM[i] / d, slope[i])));
            }
        }
        conc.add(new double[] {1, 1, 0});
        fa.add(0.6);
        for (double[] ratio : RATIOS) {
            for (double t : DOSES) {
                double[] row = {t * ratio[0], t * ratio[1], t * ratio[2]};
                conc.add(row);
                fa.add(mixtureFa(row, potency, slope));
            }
        }
        double[] f = new double[fa.size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            f[i] = fa.get(i);
            names.add("line " + (i + 2));
        }
        return new Object[] {conc.toArray(new double[0][]), f, names};
    }

    @SuppressWarnings("unchecked")
    static MixtureBlock analyze(Object[] b) {
        return MixtureBlock.analyze((double[][]) b[0], (double[]) b[1], (List<String>) b[2], 0.5, 0.75, 0.9, 0.95);
    }

    /**
     * With a common slope the Loewe-additive mixture is itself a median-effect curve (Dm_mix =
     * 1/Σ(p_i/Dm_i)), so the CI at every level is exactly 1.
     */
    @Test
    void analyze_loeweAdditiveThreeDrugRays_ciIsOneAtEveryLevelAndRow() {
        MixtureBlock m = analyze(block(1, COMMON));
        assertThat(m.checkerboard()).isFalse();
        assertThat(m.rays()).hasSize(2);
        assertThat(m.rays().get(1).ratioLabel()).isEqualTo("1:4:10");
        assertThat(m.notes()).singleElement().asString().contains("1 rows with some but not all 3 drugs");
        for (MixtureBlock.Ray r : m.rays()) {
            assertThat(r.rows()).hasSize(DOSES.length);
            for (int i = 0; i < 3; i++) {
                assertThat(r.ci().drugs().get(i).dm()).isCloseTo(DM[i], Offset.offset(1e-9));
                assertThat(r.ci().drugs().get(i).m()).isCloseTo(COMMON[i], Offset.offset(1e-9));
            }
            assertThat(r.ci().levels()).hasSize(4);
            for (MixtureCi.Level l : r.ci().levels()) {
                assertThat(l.ci()).as(r.ratioLabel() + " fa " + l.fa()).isCloseTo(1, Offset.offset(1e-9));
            }
            assertThat(r.ci().rows())
                    .allSatisfy(row -> assertThat(row.ci().orElseThrow()).isCloseTo(1, Offset.offset(1e-9)));
        }
    }

    @Test
    void analyze_mixtureFourTimesAsPotent_ciIsOneQuarter() {
        MixtureBlock m = analyze(block(4, COMMON));
        for (int k = 0; k < m.rays().size(); k++) {
            MixtureBlock.Ray r = m.rays().get(k);
            double[] p = RATIOS[k].clone();
            double sum = p[0] + p[1] + p[2];
            double inv = 0;
            for (int i = 0; i < 3; i++) {
                p[i] /= sum;
                inv += p[i] / DM[i];
            }
            double dmMix = 1 / inv / 4;
            for (MixtureCi.Level l : r.ci().levels()) {
                assertThat(l.ci()).as(r.ratioLabel() + " fa " + l.fa()).isCloseTo(0.25, Offset.offset(1e-9));
                for (int i = 0; i < 3; i++) {
                    // common slope: DRI_i = Dx_i / (p_i Dx_mix) = Dm_i / (p_i Dm_mix) at every level
                    assertThat(l.dri(i)).isCloseTo(DM[i] / (p[i] * dmMix), Offset.offset(1e-9 * l.dri(i)));
                }
            }
            assertThat(r.ci().rows())
                    .allSatisfy(row -> assertThat(row.ci().orElseThrow()).isCloseTo(0.25, Offset.offset(1e-9)));
        }
    }

    /** Distinct slopes: the per-row CI (at the observed fa) stays exact for any additive mixture. */
    @Test
    void analyze_additiveDistinctSlopes_rowCiIsOneAndLevelCiNotForced() {
        MixtureBlock m = analyze(block(1, DISTINCT));
        for (MixtureBlock.Ray r : m.rays()) {
            assertThat(r.ci().rows())
                    .allSatisfy(row -> assertThat(row.ci().orElseThrow()).isCloseTo(1, Offset.offset(1e-9)));
        }
        MixtureBlock half = analyze(block(2, DISTINCT));
        assertThat(half.rays().get(0).ci().rows())
                .allSatisfy(row -> assertThat(row.ci().orElseThrow()).isCloseTo(0.5, Offset.offset(1e-9)));
    }

    @Test
    void analyze_rowOffEveryRay_errorNamesRow() {
        Object[] b = block(1, COMMON);
        double[][] conc = (double[][]) b[0];
        int last = conc.length - 1;
        conc[last] = new double[] {conc[last][0], conc[last][1] * 1.5, conc[last][2]};
        assertThatThrownBy(() -> analyze(b))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line " + (last + 2))
                .hasMessageContaining("constant ratio");
    }

    @Test
    void analyze_checkerboard_noRaysAndNote() {
        List<double[]> conc = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] lv = {0, 1, 2.5, 7};
        for (double a : lv) {
            for (double b : lv) {
                for (double c : lv) {
                    conc.add(new double[] {a, b, c});
                    names.add("line " + (names.size() + 2));
                }
            }
        }
        double[] fa = new double[conc.size()];
        for (int i = 0; i < fa.length; i++) {
            double[] r = conc.get(i);
            fa[i] = (r[0] + r[1] + r[2]) / 30;
        }
        MixtureBlock m = MixtureBlock.analyze(conc.toArray(new double[0][]), fa, names, 0.5);
        assertThat(m.checkerboard()).isTrue();
        assertThat(m.rays()).isEmpty();
        assertThat(String.join("\n", m.notes())).contains("checkerboard").contains("constant-ratio");
    }

    /** The block with every response's log-odds moved by a fixed pseudo-noise (deterministic). */
    static Object[] noisy(Object[] b, double size) {
        double[] fa = ((double[]) b[1]).clone();
        for (int i = 0; i < fa.length; i++) {
            if (fa[i] > 0 && fa[i] < 1) {
                double lo = Math.log(fa[i] / (1 - fa[i])) + size * Math.sin(7.3 * i + 1);
                fa[i] = 1 / (1 + Math.exp(-lo));
            }
        }
        return new Object[] {b[0], fa, b[2]};
    }

    @SuppressWarnings("unchecked")
    static MixtureBlock analyze(Object[] b, int bootstrap, long seed) {
        return MixtureBlock.analyze(
                (double[][]) b[0], (double[]) b[1], (List<String>) b[2], bootstrap, seed, "B1", 0.5, 0.75, 0.9, 0.95);
    }

    @Test
    void analyze_bootstrapNoiseFree_bandCollapsesOnTheCi() {
        MixtureBlock m = analyze(block(4, COMMON), 50, 3);
        assertThat(m.notes()).noneMatch(n -> n.contains("band"));
        for (MixtureBlock.Ray r : m.rays()) {
            for (MixtureCi.Level l : r.ci().levels()) {
                assertThat(l.ciLower().orElseThrow()).isCloseTo(0.25, Offset.offset(1e-9));
                assertThat(l.ciUpper().orElseThrow()).isCloseTo(0.25, Offset.offset(1e-9));
            }
        }
    }

    @Test
    void analyze_bootstrapNoisy_bandBracketsCiAndIsSeeded() {
        Object[] b = noisy(block(2, COMMON), 0.3);
        MixtureBlock m = analyze(b, 200, 7);
        MixtureBlock again = analyze(b, 200, 7);
        MixtureBlock other = analyze(b, 200, 8);
        MixtureCi.Level l = m.rays().get(0).ci().levels().get(0);
        assertThat(l.ciLower().orElseThrow()).isLessThan(l.ci());
        assertThat(l.ciUpper().orElseThrow()).isGreaterThan(l.ci());
        assertThat(l.ci()).isBetween(0.3, 0.7);
        MixtureCi.Level l2 = again.rays().get(0).ci().levels().get(0);
        assertThat(l2.ciLower()).isEqualTo(l.ciLower());
        assertThat(l2.ciUpper()).isEqualTo(l.ciUpper());
        assertThat(other.rays().get(0).ci().levels().get(0).ciLower()).isNotEqualTo(l.ciLower());
        assertThat(m.rays().get(0).ci().levels().get(0).ci()).isNotEqualTo(1.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void analyze_bootstrap_firstRayBandDoesNotDependOnOtherRays() {
        Object[] b = noisy(block(2, COMMON), 0.3);
        double[][] conc = (double[][]) b[0];
        int keep = conc.length - DOSES.length; // drop the second ray
        Object[] fewer = {
            java.util.Arrays.copyOf(conc, keep),
            java.util.Arrays.copyOf((double[]) b[1], keep),
            ((List<String>) b[2]).subList(0, keep)
        };
        MixtureCi.Level both = analyze(b, 100, 5).rays().get(0).ci().levels().get(1);
        MixtureCi.Level one = analyze(fewer, 100, 5).rays().get(0).ci().levels().get(1);
        assertThat(analyze(fewer, 100, 5).rays()).hasSize(1);
        assertThat(one.ciLower()).isEqualTo(both.ciLower());
        assertThat(one.ciUpper()).isEqualTo(both.ciUpper());
    }

    @Test
    @SuppressWarnings("unchecked")
    void analyze_bootstrapTwoPointMixture_noBandAndNote() {
        Object[] b = block(2, COMMON);
        double[][] conc = (double[][]) b[0];
        int keep = conc.length - 2 * DOSES.length + 2; // first ray: 2 rows
        Object[] two = {
            java.util.Arrays.copyOf(conc, keep),
            java.util.Arrays.copyOf((double[]) b[1], keep),
            ((List<String>) b[2]).subList(0, keep)
        };
        MixtureBlock m = analyze(two, 50, 1);
        assertThat(m.rays().get(0).ci().levels())
                .allSatisfy(l -> assertThat(l.ciLower()).isEmpty());
        assertThat(String.join("\n", m.notes())).contains("ray 1:1:1: no CI bands: the mixture has 2 usable points");
    }

    @Test
    void analyze_bootstrapFlatDrug_noBandSlopeNotIdentified() {
        Object[] b = block(2, COMMON);
        double[][] conc = (double[][]) b[0];
        double[] fa = ((double[]) b[1]).clone();
        for (int i = 0; i < conc.length; i++) {
            if (conc[i][0] == 0 && conc[i][1] == 0 && conc[i][2] > 0) {
                // drug 3 alone: flat around 0.5 with alternating noise, no dose trend
                fa[i] = 0.5 + 0.2 * Math.sin(2.1 * i);
            }
        }
        MixtureBlock m = analyze(new Object[] {conc, fa, b[2]}, 100, 1);
        assertThat(String.join("\n", m.notes())).contains("slope m of drug 3 is not distinguishable from 0");
        assertThat(m.rays().get(0).ci().levels())
                .allSatisfy(l -> assertThat(l.ciUpper()).isEmpty());
    }
}
