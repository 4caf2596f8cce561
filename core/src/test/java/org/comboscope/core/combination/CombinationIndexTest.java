package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.comboscope.core.error.FitFailureException;
import org.junit.jupiter.api.Test;

class CombinationIndexTest {

    @Test
    void medianEffect_synergyPythonBlocks_matchesPackageTo1e12() {
        double worst = 0;
        String where = "";
        int compared = 0;
        for (Fixtures.Row r : Fixtures.table("ci_median_effect.csv")) {
            String id = r.text("block_id");
            TwoDrugData data = Fixtures.blocks().get(id);
            if (!r.text("status").equals("ok")) {
                continue;
            }
            int drug = (int) r.num("drug");
            int[] rows = data.slice(drug);
            MedianEffect me = MedianEffect.fit(data.doses(drug, rows), data.fa(rows));
            assertThat(me.n()).as(id).isEqualTo((int) r.num("n_points_used"));
            for (double[] pair : new double[][] {{me.dm(), r.num("Dm")}, {me.m(), r.num("m")}}) {
                double d = Fixtures.rel(pair[0], pair[1]);
                if (d > worst) {
                    worst = d;
                    where = id + " drug " + drug;
                }
            }
            compared++;
        }
        assertThat(compared).isEqualTo(48);
        assertThat(worst).as("worst relative difference at " + where).isLessThan(1e-12);
    }

    @Test
    void cellCi_synergyPythonBlocks_matchesPackageCiValue() {
        CombinationIndex ci = new CombinationIndex().withBootstrap(0);
        Map<String, List<Fixtures.Row>> ref = byBlock(Fixtures.table("pointwise.csv"));
        double worst = 0;
        String where = "";
        int compared = 0;
        for (var e : Fixtures.blocks().entrySet()) {
            if (e.getKey().equals("P05")) {
                assertThatThrownBy(() -> ci.analyze(e.getValue(), "P05")).isInstanceOf(FitFailureException.class);
                continue;
            }
            CiAnalysis a = ci.analyze(e.getValue(), e.getKey());
            List<Fixtures.Row> rows = ref.get(e.getKey());
            assertThat(a.cells()).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Fixtures.Row r = rows.get(i);
                CiCell c = a.cells().get(i);
                if (!r.has("ci_value")) {
                    assertThat(c.packageValue()).as(e.getKey() + " row " + i).isEmpty();
                    continue;
                }
                double d = Fixtures.rel(c.packageValue().orElseThrow(), r.num("ci_value"));
                compared++;
                if (d > worst) {
                    worst = d;
                    where = e.getKey() + " row " + i;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(worst).as("worst relative CI difference at " + where).isLessThan(1e-9);
    }

    @Test
    void analyze_replicatedBlock_bootstrapBandsCoverEstimatesAndAreReproducible() {
        CombinationIndex ci = new CombinationIndex().withBootstrap(400).withSeed(11);
        TwoDrugData data = Fixtures.blocks().get("B04");
        CiAnalysis a = ci.analyze(data, "B04");
        CiAnalysis b = ci.analyze(data, "B04");
        assertThat(a).isEqualTo(b);
        assertThat(a.dm1Band().orElseThrow().lower()).isLessThan(a.drug1().dm());
        assertThat(a.dm1Band().orElseThrow().upper()).isGreaterThan(a.drug1().dm());
        assertThat(a.m2Band().orElseThrow().lower()).isLessThan(a.drug2().m());
        assertThat(a.m2Band().orElseThrow().upper()).isGreaterThan(a.drug2().m());
        // B04: 8 x 8 checkerboard with log-spaced doses: the diagonals are constant-ratio rays.
        assertThat(a.rays()).isNotEmpty();
        CiRay main = a.rays().stream()
                .max(java.util.Comparator.comparingInt(r -> r.mixture().n()))
                .orElseThrow();
        assertThat(main.mixture().n()).isEqualTo(21);
        for (CiLevel l : main.levels()) {
            assertThat(l.ciLower().orElseThrow()).as("fa " + l.fa()).isLessThan(l.ci());
            assertThat(l.ciUpper().orElseThrow()).as("fa " + l.fa()).isGreaterThan(l.ci());
            // CI = d1/Dx1 + d2/Dx2 at the isobologram point.
            assertThat(l.ci())
                    .isCloseTo(l.d1() / l.dx1() + l.d2() / l.dx2(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(main.mixture().fa(l.d1() + l.d2()))
                    .isCloseTo(l.fa(), org.assertj.core.data.Offset.offset(1e-12));
        }
        // Potency synergy alpha = 5 in the generating MuSyC model: CI < 1 at fa = 0.5.
        assertThat(main.levels().get(0).ci()).isLessThan(1);
        CombinationIndex other = ci.withSeed(12);
        assertThat(other.analyze(data, "B04").dm1Band()).isNotEqualTo(a.dm1Band());
    }

    @Test
    void analyze_loeweAdditiveRay_ciIsOne() {
        // Two drugs with the same median-effect parameters; mixtures on one ray follow Loewe additivity.
        double dm1 = 2.0;
        double dm2 = 8.0;
        double m = 1.3;
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        double[] doses = {0.25, 0.5, 1, 2, 4, 8, 16};
        for (double d : doses) {
            rows.add(new double[] {d, 0, 1 / (1 + Math.pow(dm1 / d, m))});
            rows.add(new double[] {0, 4 * d, 1 / (1 + Math.pow(dm2 / (4 * d), m))});
            // ray d2 = 4 d1: Loewe-additive fa solves d/Dx1 + 4d/Dx2 = 1 -> total potency halves
            double dx = d / 0.5;
            rows.add(new double[] {d, 4 * d, 1 / (1 + Math.pow(dm1 / dx, m))});
        }
        rows.add(new double[] {0, 0, 0});
        double[] a = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] b = rows.stream().mapToDouble(r -> r[1]).toArray();
        double[] f = rows.stream().mapToDouble(r -> r[2]).toArray();
        CiAnalysis res = new CombinationIndex().withBootstrap(0).analyze(new TwoDrugData(a, b, f), "x");
        assertThat(res.drug1().dm()).isCloseTo(dm1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(res.drug2().m()).isCloseTo(m, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(res.rays()).hasSize(1);
        for (CiLevel l : res.rays().get(0).levels()) {
            assertThat(l.ci()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
        for (CiCell c : res.cells()) {
            if (c.isCombination()) {
                assertThat(c.ci().orElseThrow()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void ciReference_schindlerOfMedianEffectCurves_matchesPackage() {
        Map<String, List<Fixtures.Row>> ref = byBlock(Fixtures.table("pointwise.csv"));
        CombinationIndex ci = new CombinationIndex().withBootstrap(0);
        double worst = 0;
        String where = "";
        for (var e : Fixtures.blocks().entrySet()) {
            if (e.getKey().equals("P05")) {
                continue;
            }
            CiAnalysis a = ci.analyze(e.getValue(), e.getKey());
            HillCurve h1 = new HillCurve(1, 0, a.drug1().m(), a.drug1().dm());
            HillCurve h2 = new HillCurve(1, 0, a.drug2().m(), a.drug2().dm());
            for (Fixtures.Row r : ref.get(e.getKey())) {
                if (!r.has("ci_ref_E")) {
                    continue;
                }
                double d =
                        Math.abs(PointwiseScores.schindler(h1, h2, r.num("conc1"), r.num("conc2")) - r.num("ci_ref_E"));
                if (d > worst) {
                    worst = d;
                    where = e.getKey() + " row " + r.text("row");
                }
            }
        }
        assertThat(worst).as("worst absolute difference at " + where).isLessThan(1e-12);
    }

    static Map<String, List<Fixtures.Row>> byBlock(List<Fixtures.Row> rows) {
        Map<String, List<Fixtures.Row>> m = new java.util.LinkedHashMap<>();
        for (Fixtures.Row r : rows) {
            m.computeIfAbsent(r.text("block_id"), k -> new java.util.ArrayList<>())
                    .add(r);
        }
        return m;
    }
}
