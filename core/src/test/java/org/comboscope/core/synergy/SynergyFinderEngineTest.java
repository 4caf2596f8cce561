package org.comboscope.core.synergy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.comboscope.core.doseresponse.SynergyFinderFitter;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.testing.ReferenceBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SynergyFinderEngineTest {
    final SynergyFinderEngine engine =
            new SynergyFinderEngine(new SynergyFinderFitter(), EnumSet.allOf(SynergyMethod.class), Baseline.NONE);

    static DoseResponseBlock without(DoseResponseBlock b, java.util.function.IntPredicate drop) {
        List<double[]> conc = new ArrayList<>();
        List<Double> resp = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int r = 0; r < b.rowCount(); r++) {
            if (!drop.test(r)) {
                conc.add(b.concentrations()[r]);
                resp.add(b.response(r));
                lines.add(b.sourceLines()[r]);
            }
        }
        return new DoseResponseBlock(
                b.blockId(),
                b.drugs(),
                b.concUnits(),
                conc.toArray(new double[0][]),
                resp.stream().mapToDouble(Double::doubleValue).toArray(),
                lines.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void analyze_missingCombinationCells_imputesByBlissAndFlagsThem() {
        DoseResponseBlock full = ReferenceBlocks.load("mathews_screening_data").get(0);
        // Drop the rows 0 and 7 (both combination cells: 2500/50 and 625/12.5 nM).
        DoseResponseBlock holes = without(full, r -> r == 0 || r == 7);
        BlockSynergy b = engine.analyze(holes);
        assertThat(b.cells()).hasSize(36);
        List<CellScore> imputed = b.cells().stream().filter(CellScore::imputed).toList();
        assertThat(imputed).hasSize(2);
        for (CellScore c : imputed) {
            assertThat(c.allPresent()).isTrue();
            // Bliss synergy of a Bliss-imputed cell is 0 by construction.
            assertThat(c.synergy(SynergyMethod.BLISS).getAsDouble()).isCloseTo(0, Offset.offset(1e-12));
        }
        assertThat(b.notes()).anyMatch(n -> n.startsWith("2 missing dose combination(s) imputed by Bliss"));
    }

    @Test
    void analyze_missingMonotherapyCell_saysItCannotBeImputed() {
        DoseResponseBlock full = ReferenceBlocks.load("mathews_screening_data").get(0);
        int mono = -1;
        for (int r = 0; r < full.rowCount(); r++) {
            if (full.conc(r, 0) == 0 && full.conc(r, 1) > 0) {
                mono = r;
                break;
            }
        }
        int drop = mono;
        assertThatThrownBy(() -> engine.analyze(without(full, r -> r == drop)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must contain every monotherapy and control cell")
                .hasMessageContaining("block 1");
    }

    @Test
    void analyze_swappedDrugs_givesTheSameBlockScores() {
        DoseResponseBlock b = ReferenceBlocks.load("mathews_screening_data").get(0);
        double[][] c = b.concentrations();
        double[][] swapped = new double[c.length][];
        for (int r = 0; r < c.length; r++) {
            swapped[r] = new double[] {c[r][1], c[r][0]};
        }
        DoseResponseBlock s = new DoseResponseBlock(
                b.blockId(),
                List.of(b.drugs().get(1), b.drugs().get(0)),
                b.concUnits(),
                swapped,
                b.inhibitionPercent(),
                b.sourceLines());
        BlockSynergy x = engine.analyze(b);
        BlockSynergy y = engine.analyze(s);
        for (SynergyMethod m : List.of(SynergyMethod.HSA, SynergyMethod.BLISS, SynergyMethod.ZIP)) {
            assertThat(y.summaries().get(m).mean())
                    .as(m.column())
                    .isCloseTo(x.summaries().get(m).mean(), Offset.offset(1e-6));
        }
        assertThat(y.ic50()[0]).isCloseTo(x.ic50()[1], Offset.offset(1e-9 * x.ic50()[1]));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void analyze_blissAdditiveNoiselessData_hasZeroBlissAndSmallZip(long seed) {
        Random rnd = new Random(seed);
        System.out.println("seed " + seed);
        double e1 = Math.pow(10, rnd.nextDouble() - 0.5);
        double e2 = Math.pow(10, rnd.nextDouble() - 0.5);
        double b1 = -(1 + rnd.nextDouble());
        double b2 = -(1 + rnd.nextDouble());
        double[][] conc = new double[36][2];
        double[] resp = new double[36];
        int[] lines = new int[36];
        int r = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double x1 = i == 0 ? 0 : 0.05 * Math.pow(3, i - 1);
                double x2 = j == 0 ? 0 : 0.05 * Math.pow(3, j - 1);
                double f1 = x1 == 0 ? 0 : 1 / (1 + Math.exp(b1 * Math.log(x1 / e1)));
                double f2 = x2 == 0 ? 0 : 1 / (1 + Math.exp(b2 * Math.log(x2 / e2)));
                conc[r] = new double[] {x1, x2};
                resp[r] = 100 * (1 - (1 - f1) * (1 - f2));
                lines[r] = r + 2;
                r++;
            }
        }
        BlockSynergy out =
                engine.analyze(new DoseResponseBlock("sim", List.of("A", "B"), List.of("uM", "uM"), conc, resp, lines));
        assertThat(out.summaries().get(SynergyMethod.BLISS).mean()).isCloseTo(0, Offset.offset(1e-9));
        assertThat(Math.abs(out.summaries().get(SynergyMethod.ZIP).mean())).isLessThan(1.0);
    }
}
