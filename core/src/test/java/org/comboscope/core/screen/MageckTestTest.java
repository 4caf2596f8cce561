package org.comboscope.core.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MageckTestTest {

    @Test
    void parkMiller_seedOne_reachesRngsCheckValueAfter10000Draws() {
        // rngs.c: "CHECK 399268537" is the state after 10000 calls starting from seed 1
        ParkMiller r = new ParkMiller(1);
        double u = 0;
        for (int i = 0; i < 10000; i++) {
            u = r.next();
        }
        assertThat(u * ParkMiller.MODULUS).isCloseTo(399268537, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"1,1,0.3", "1,4,0.01", "2,4,0.2", "4,4,0.9", "3,10,0.05", "20,94,0.2", "1,94,1e-6"})
    void orderStatCdf_integerShapes_matchesRegularizedBeta(int k, int n, double x) {
        double want = Beta.regularizedBeta(x, k, n - k + 1, 1e-16, 100000);
        assertThat(MageckMath.orderStatCdf(k, n, x)).isCloseTo(want, within(Math.abs(want) * 1e-12 + 1e-300));
    }

    /** Expected values: scipy 1.x {@code norm.ppf(exp(lp))} (cephes ndtri). */
    @ParameterizedTest
    @CsvSource({
        "-0.5, 0.27028802073873587, 1e-12",
        "-10, -3.913946240531893, 1e-12",
        "-23.5, -6.433763020588339, 1e-12",
        "-0.011, 2.2924542879195315, 1e-12",
        "-2.3025850929940455, -1.2815515655446004, 1e-6"
    })
    void qnormInterpolated_gridAndSmoothRegion_agreesWithInverseNormal(double lp, double want, double tol) {
        // on grid points the table value itself; between them MAGeCK's linear interpolation, whose error
        // is large only near log p = 0 (3.7e-4 at -0.0105), which is what MAGeCK computes too
        assertThat(MageckMath.qnormInterpolated(lp).getAsDouble()).isCloseTo(want, within(tol));
    }

    @Test
    void qnormInterpolated_outsideTable_isEmptyAsMageckNone() {
        assertThat(MageckMath.qnormInterpolated(-24.5)).isEmpty();
        assertThat(MageckMath.qnormInterpolated(-0.0001)).isEmpty();
    }

    @Test
    void bh_smallVector_matchesRPAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.5), "BH") = 0.04 0.05333333 0.05333333 0.5
        assertThat(MageckTest.bh(new double[] {0.01, 0.04, 0.03, 0.5}))
                .containsExactly(new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.5}, within(1e-15));
    }

    @Test
    void paired_singlePair_equalsUnpairedOneVersusOne() {
        CountTable t = ScreenTestData.counts("mageck_demo1_leukemia");
        MageckTest.Result u = MageckTest.run(t, List.of("HL60.initial"), List.of("HL60.final"), false);
        MageckTest.Result p = MageckTest.run(t, List.of("HL60.initial"), List.of("HL60.final"), true);
        assertThat(p.genes()).hasSameSizeAs(u.genes());
        for (int i = 0; i < u.genes().size(); i++) {
            assertThat(p.genes().get(i)).isEqualTo(u.genes().get(i));
        }
        assertThat(p.sgrnas().get(0).sgrna()).isEqualTo(u.sgrnas().get(0).sgrna() + "_r0");
    }

    @Test
    void paired_twoPairs_poolsGuidesPerReplicate() {
        CountTable t = ScreenTestData.counts("mageck_demo1_leukemia");
        MageckTest.Result p =
                MageckTest.run(t, List.of("HL60.initial", "KBM7.initial"), List.of("HL60.final", "KBM7.final"), true);
        MageckTest.Result u =
                MageckTest.run(t, List.of("HL60.initial", "KBM7.initial"), List.of("HL60.final", "KBM7.final"), false);
        int pairedItems = p.genes().stream().mapToInt(MageckTest.GeneScore::num).sum();
        int unpairedItems =
                u.genes().stream().mapToInt(MageckTest.GeneScore::num).sum();
        assertThat(p.sgrnas()).hasSize(2 * t.guideCount());
        assertThat(pairedItems).isGreaterThan(unpairedItems).isLessThanOrEqualTo(2 * t.guideCount());
        // the essential-gene signal of this screen survives pairing: same top depleted gene set overlap
        List<String> topP = p.genes().subList(0, 10).stream()
                .map(MageckTest.GeneScore::gene)
                .toList();
        List<String> topU = u.genes().subList(0, 10).stream()
                .map(MageckTest.GeneScore::gene)
                .toList();
        assertThat(topP.stream().filter(topU::contains).count()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({"1, 0.05", "4, 0.2", "22, 0.25", "94, 0.11", "3, 0.5"})
    void loValueOfDraw_randomDraws_identicalToRraLoValue(int n, double alpha) {
        ParkMiller rng = new ParkMiller(99);
        double[] u = new double[n];
        double[] buf = new double[n];
        for (int rep = 0; rep < 2000; rep++) {
            for (int k = 0; k < n; k++) {
                u[k] = rng.next();
            }
            double fast = Rra.loValueOfDraw(u, n, alpha, buf);
            double full = Rra.loValue(u.clone(), n, alpha, new int[1]);
            assertThat(fast).as("n %d rep %d", n, rep).isEqualTo(full);
        }
    }
}
