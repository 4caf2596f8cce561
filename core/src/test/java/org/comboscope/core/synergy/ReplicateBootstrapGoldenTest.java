package org.comboscope.core.synergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.testing.RefCsv;
import org.comboscope.core.testing.ReferenceBlocks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The replicate (bootstrap) path on ONEIL_screening_data (4 replicates per cell) against
 * SynergyFinder's iteration means and SDs. Both sides average 10 bootstrap iterations with
 * different random streams, so the difference of two means has SD {@code sqrt(2/10)·sd}; every
 * cell and block value must lie within 4.5 such SDs (a false alarm on all 128 cell comparisons
 * has probability below 1e-3). Monotherapy-derived values (IC50, RI) are deterministic here
 * (identical replicates) and must agree as in the no-replicate path. Tested for several seeds.
 */
class ReplicateBootstrapGoldenTest {

    @ParameterizedTest
    @ValueSource(longs = {123L, 1L, 20261122L})
    void bootstrap_oneilReplicates_agreeStatisticallyWithSynergyFinder(long seed) {
        SynergyFinderEngine engine = new SynergyFinderEngine(
                new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE, true, 10, seed);
        List<DoseResponseBlock> blocks = ReferenceBlocks.load("ONEIL_screening_data");
        assertThat(blocks.get(0).rowCount()).isEqualTo(100);
        List<BlockSynergy> results = new ArrayList<>();
        for (DoseResponseBlock b : blocks) {
            results.add(engine.analyze(b));
        }
        double factor = Math.sqrt(2.0 / 10);
        int compared = 0;
        double worstZ = 0;
        for (Map<String, String> r : RefCsv.read("/synergyfinder/ONEIL_screening_data/synergy_scores_statistics.csv")) {
            BlockSynergy b = results.stream()
                    .filter(x -> x.blockId().equals(r.get("block_id")))
                    .findFirst()
                    .orElseThrow();
            double c1 = Double.parseDouble(r.get("conc1"));
            double c2 = Double.parseDouble(r.get("conc2"));
            CellScore cell = b.cells().stream()
                    .filter(c -> c.conc(0) == c1 && c.conc(1) == c2)
                    .findFirst()
                    .orElseThrow();
            if (!cell.allPresent()) {
                continue;
            }
            for (SynergyMethod m : SynergyMethod.values()) {
                double refMean = RefCsv.num(r.get(m.column() + "_synergy_mean"));
                double refSd = RefCsv.num(r.get(m.column() + "_synergy_sd"));
                double ours = cell.synergy(m).orElseThrow();
                double z = Math.abs(ours - refMean) / (factor * refSd);
                worstZ = Math.max(worstZ, z);
                assertThat(z)
                        .as(m + " cell " + c1 + "," + c2 + " block " + b.blockId())
                        .isLessThan(4.5);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2 * 16 * 4);
        List<Map<String, String>> summary = RefCsv.read("/synergyfinder/ONEIL_screening_data/summary.csv");
        for (Map<String, String> r : summary) {
            BlockSynergy b = results.stream()
                    .filter(x -> x.blockId().equals(r.get("block_id")))
                    .findFirst()
                    .orElseThrow();
            for (SynergyMethod m : SynergyMethod.values()) {
                BlockSynergy.Summary s = b.summaries().get(m);
                double ref = RefCsv.num(r.get(m.column() + "_synergy"));
                double z = Math.abs(s.mean() - ref) / (factor * s.sd());
                worstZ = Math.max(worstZ, z);
                assertThat(z).as(m + " block " + b.blockId()).isLessThan(4.5);
                assertThat(s.pValue()).isPresent();
            }
            assertThat(b.ic50()[0])
                    .isCloseTo(RefCsv.num(r.get("ic50_1")), org.assertj.core.data.Percentage.withPercentage(1e-4));
            assertThat(b.ic50()[1])
                    .isCloseTo(RefCsv.num(r.get("ic50_2")), org.assertj.core.data.Percentage.withPercentage(1e-4));
            assertThat(b.ri()[0]).isCloseTo(RefCsv.num(r.get("ri_1")), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.ri()[1]).isCloseTo(RefCsv.num(r.get("ri_2")), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.notes().get(0)).contains("parametric bootstrap, 10 iterations, seed " + seed);
        }
        System.out.printf("bootstrap seed %d: %d cell comparisons, worst |z| %.2f%n", seed, compared, worstZ);
    }
}
