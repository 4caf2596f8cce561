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

    static Map<String, List<Fixtures.Row>> byBlock(List<Fixtures.Row> rows) {
        Map<String, List<Fixtures.Row>> m = new java.util.LinkedHashMap<>();
        for (Fixtures.Row r : rows) {
            m.computeIfAbsent(r.text("block_id"), k -> new java.util.ArrayList<>())
                    .add(r);
        }
        return m;
    }
}
