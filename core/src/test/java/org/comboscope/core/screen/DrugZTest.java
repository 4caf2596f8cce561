package org.comboscope.core.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DrugZTest {

    @Test
    void rollingSd_anyInput_isMonotoneThenFlatOverLastHalfWindow() {
        Random rnd = new Random(7);
        double[] fc = new double[300];
        for (int i = 0; i < fc.length; i++) {
            fc[i] = rnd.nextGaussian() * (1 + i / 100.0);
        }
        int h = 40;
        double[] eb = DrugZ.rollingSd(fc, h);
        for (int i = 1; i < fc.length - h; i++) {
            assertThat(eb[i]).isGreaterThanOrEqualTo(eb[i - 1]);
        }
        for (int i = fc.length - h; i < fc.length; i++) {
            assertThat(eb[i]).isEqualTo(eb[fc.length - h - 1]);
        }
        assertThat(eb[0]).isEqualTo(DrugZ.sampleSd(fc, 0, 2 * h));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20240611})
    void numpyArgsort_randomTiedKeys_sortsAscending(long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(50);
        }
        int[] idx = NumpyOrder.argsort(v);
        for (int k = 1; k < idx.length; k++) {
            assertThat(v[idx[k]]).as("seed %d position %d", seed, k).isGreaterThanOrEqualTo(v[idx[k - 1]]);
        }
        assertThat(java.util.Arrays.stream(idx).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, v.length).toArray());
    }

    @Test
    void numpyArgsort_shortArray_isInsertionSortHenceStable() {
        double[] v = {3, 1, 3, 1, 2};
        assertThat(NumpyOrder.argsort(v)).containsExactly(1, 3, 4, 0, 2);
        // pandas descending: reversed argsort of the reversed values, ties end in input order here
        assertThat(NumpyOrder.nargsort(v, false)).containsExactly(0, 2, 4, 1, 3);
    }

    @Test
    void guideLevel_demo1_matchesDrugZFoldChangeSdAndZ() {
        CountTable t = ScreenTestData.counts("mageck_demo1_leukemia");
        DrugZ.Result r = DrugZ.run(
                t,
                List.of("HL60.initial", "KBM7.initial"),
                List.of("HL60.final", "KBM7.final"),
                DrugZ.Options.defaults().withTieOrder(DrugZ.TieOrder.NUMPY));
        Map<String, Map<String, String>> ref = ScreenTestData.keyed("mageck_demo1_leukemia/drugz_guides.tsv");
        double worst = 0;
        for (int g = 0; g < t.guideCount(); g++) {
            Map<String, String> e = ref.get(t.guides().get(g));
            for (int rep = 0; rep < 2; rep++) {
                worst = Math.max(
                        worst, Math.abs(r.guideScores().foldChange()[rep][g] - Double.parseDouble(e.get("fc_" + rep))));
                worst = Math.max(
                        worst, Math.abs(r.guideScores().sd()[rep][g] - Double.parseDouble(e.get("eb_std_" + rep))));
                worst = Math.max(
                        worst, Math.abs(r.guideScores().z()[rep][g] - Double.parseDouble(e.get("zscore_fc_" + rep))));
                assertThat(r.guideScores().sortPosition()[rep][g])
                        .isEqualTo(Integer.parseInt(e.get("sort_pos_" + rep)));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void geneLevel_guidesWithoutReads_zeroZNotCounted() {
        // gene Z has no reads anywhere: fc = log2(5/5) = 0, z = 0 -> not scored, as in DrugZ
        CountTable t = new CountTable(
                List.of("a1", "a2", "b1", "b2", "z1"),
                List.of("A", "A", "B", "B", "Z"),
                List.of("c", "t"),
                new double[][] {{100, 50, 80, 20, 0}, {10, 60, 90, 25, 0}});
        DrugZ.Result r = DrugZ.run(
                t, List.of("c"), List.of("t"), DrugZ.Options.defaults().withHalfWindow(2));
        assertThat(r.unscoredGenes()).containsExactly("Z");
        assertThat(r.genes()).extracting(DrugZ.GeneScore::gene).containsExactly("A", "B");
        assertThat(r.genes()).allSatisfy(g -> assertThat(g.numObs()).isEqualTo(2));
    }

    @Test
    void run_removeGenes_dropsThemBeforeNormalisation() {
        CountTable t = ScreenTestData.counts("drugz_example");
        DrugZ.Result r = DrugZ.run(
                t,
                List.of("T15_A_control"),
                List.of("T15_A_olaparib"),
                DrugZ.Options.defaults().withHalfWindow(2).withRemoveGenes(java.util.Set.of("A1CF")));
        assertThat(r.genes()).extracting(DrugZ.GeneScore::gene).containsExactly("A1BG");
        assertThat(r.guides()).hasSize(6);
    }

    @Test
    void run_repeatedSample_rejected() {
        CountTable t = ScreenTestData.counts("drugz_example");
        assertThatThrownBy(() -> DrugZ.run(
                        t,
                        List.of("T15_A_control"),
                        List.of("T15_A_control"),
                        DrugZ.Options.defaults().withHalfWindow(2)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not repeat a sample");
    }
}
