package org.comboscope.core.combination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class MixtureCiTest {
    private static final double[] DM = {1, 4, 10};
    private static final double M = 1.5;
    private static final double[] P = {0.2, 0.3, 0.5};
    private static final double[] DOSES = {0.25, 0.5, 1, 2, 4, 8, 16, 32};

    private static double fa(double d, double dm, double m) {
        return 1 / (1 + Math.pow(dm / d, m));
    }

    /**
     * Three drugs with a common slope m: the Loewe-additive mixture (Σ p_i·D/Dx_i = 1) is a
     * median-effect curve with Dm_mix = 1/Σ(p_i/Dm_i); a mixture {@code potency} times as potent has
     * CI = 1/potency at every effect level.
     */
    private static MixtureCi threeDrugs(double potency) {
        List<double[]> doses = new ArrayList<>();
        List<double[]> fas = new ArrayList<>();
        for (double dm : DM) {
            doses.add(DOSES.clone());
            double[] f = new double[DOSES.length];
            for (int j = 0; j < f.length; j++) {
                f[j] = fa(DOSES[j], dm, M);
            }
            fas.add(f);
        }
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += P[i] / DM[i];
        }
        double dmMix = 1 / s / potency;
        double[][] mix = new double[DOSES.length][3];
        double[] mixFa = new double[DOSES.length];
        for (int j = 0; j < DOSES.length; j++) {
            for (int i = 0; i < 3; i++) {
                mix[j][i] = P[i] * DOSES[j];
            }
            mixFa[j] = fa(DOSES[j], dmMix, M);
        }
        return MixtureCi.analyze(doses, fas, mix, mixFa, 0.5, 0.75, 0.9, 0.95);
    }

    @Test
    void analyze_loeweAdditiveThreeDrugMixture_ciIsOneEverywhere() {
        MixtureCi r = threeDrugs(1);
        assertThat(r.fractions()).containsExactly(new double[] {0.2, 0.3, 0.5}, Offset.offset(1e-12));
        assertThat(r.drugs().get(2).dm()).isCloseTo(10, Offset.offset(1e-9));
        assertThat(r.levels()).hasSize(4);
        for (MixtureCi.Level l : r.levels()) {
            assertThat(l.ci()).as("fa " + l.fa()).isCloseTo(1, Offset.offset(1e-10));
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += l.d()[i] / l.dx()[i];
                assertThat(l.dri(i)).isCloseTo(l.dx()[i] / l.d()[i], Offset.offset(1e-12));
            }
            assertThat(l.ci()).isCloseTo(sum, Offset.offset(1e-12));
        }
        assertThat(r.rows())
                .allSatisfy(row -> assertThat(row.ci().orElseThrow()).isCloseTo(1, Offset.offset(1e-10)));
    }

    @Test
    void analyze_mixtureFourTimesAsPotent_ciIsOneQuarter() {
        MixtureCi r = threeDrugs(4);
        for (MixtureCi.Level l : r.levels()) {
            assertThat(l.ci()).as("fa " + l.fa()).isCloseTo(0.25, Offset.offset(1e-10));
        }
        // at fa 0.5 the mixture dose is Dm_mix: drug 3's share is 0.5 Dm_mix
        double dmMix = 1 / (0.2 / 1 + 0.3 / 4 + 0.5 / 10) / 4;
        assertThat(r.levels().get(0).d()[2]).isCloseTo(0.5 * dmMix, Offset.offset(1e-10));
    }

    @Test
    void analyze_twoDrugs_equalsTheTwoDrugRayCi() {
        // drug 1, drug 2 alone and one ray d2 = 3 d1 with some synergy and a different slope
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        List<Double> f = new ArrayList<>();
        double[][] mix = new double[DOSES.length][];
        double[] mixFa = new double[DOSES.length];
        double[] noise = {0.01, -0.02, 0.015, 0, -0.01, 0.02, -0.015, 0.005};
        for (int j = 0; j < DOSES.length; j++) {
            double d = DOSES[j];
            a.add(d);
            b.add(0.0);
            f.add(fa(d, 2, 1.2) + noise[j]);
            a.add(0.0);
            b.add(d);
            f.add(fa(d, 5, 0.9) - noise[j]);
            a.add(d / 4);
            b.add(3 * d / 4);
            f.add(fa(d, 1.5, 1.1) + noise[(j + 3) % 8]);
            mix[j] = new double[] {d / 4, 3 * d / 4};
            mixFa[j] = f.get(f.size() - 1);
        }
        TwoDrugData data = new TwoDrugData(
                a.stream().mapToDouble(Double::doubleValue).toArray(),
                b.stream().mapToDouble(Double::doubleValue).toArray(),
                f.stream().mapToDouble(Double::doubleValue).toArray());
        CiAnalysis two = new CombinationIndex().withBootstrap(0).analyze(data, "x");
        int[] s1 = data.slice(1);
        int[] s2 = data.slice(2);
        MixtureCi n = MixtureCi.analyze(
                List.of(data.doses(1, s1), data.doses(2, s2)),
                List.of(data.fa(s1), data.fa(s2)),
                mix,
                mixFa,
                CombinationIndex.DEFAULT_LEVELS);
        assertThat(two.rays()).hasSize(1);
        List<CiLevel> ref = two.rays().get(0).levels();
        for (int l = 0; l < ref.size(); l++) {
            assertThat(n.levels().get(l).ci())
                    .isCloseTo(ref.get(l).ci(), Offset.offset(1e-12 * ref.get(l).ci()));
            assertThat(n.levels().get(l).d()[0])
                    .isCloseTo(ref.get(l).d1(), Offset.offset(1e-12 * ref.get(l).d1()));
        }
        assertThat(n.mixture().dm()).isCloseTo(two.rays().get(0).mixture().dm(), Offset.offset(1e-12));
    }

    @Test
    void analyze_ratioChangesBetweenRows_throwsWithRow() {
        double[][] mix = {{1, 2, 3}, {2, 4, 6}, {4, 8, 13}};
        assertThatThrownBy(() -> MixtureCi.analyze(
                        List.of(DOSES, DOSES, DOSES),
                        List.of(new double[8], new double[8], new double[8]),
                        mix,
                        new double[] {0.2, 0.4, 0.6},
                        0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("constant ratio")
                .hasMessageContaining("mixture row 2");
    }

    @Test
    void analyze_oneDrug_throws() {
        assertThatThrownBy(() -> MixtureCi.analyze(
                        List.of(DOSES), List.of(new double[8]), new double[][] {{1}}, new double[] {0.5}, 0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 2 drugs");
    }
}
