package org.comboscope.report.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MostSynergisticAreaTest {
    static final double[] C = {0, 1, 2, 4, 8, 16};

    static double[][] grid(double fill) {
        double[][] g = new double[6][6];
        for (int i = 1; i < 6; i++) {
            for (int j = 1; j < 6; j++) {
                g[i][j] = fill;
            }
        }
        return g;
    }

    @Test
    void find_hotSpotAtHighDoses_windowCoversIt() {
        double[][] g = grid(0);
        g[4][3] = 90; // a single hot cell: every window containing it ties; the first in row-major wins
        g[5][5] = 45;
        MostSynergisticArea a = MostSynergisticArea.find(C, C, g).orElseThrow();
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.cols()).isEqualTo(3);
        assertThat(a.row()).isEqualTo(3);
        assertThat(a.col()).isEqualTo(3);
        assertThat(a.mean()).isCloseTo(135.0 / 9, within(1e-12));
    }

    @Test
    void find_zeroDoseRowAndColumn_neverInside() {
        double[][] g = grid(-5);
        g[0][0] = 1000; // monotherapy/control cells are not combinations
        g[0][3] = 1000;
        MostSynergisticArea a = MostSynergisticArea.find(C, C, g).orElseThrow();
        assertThat(a.row()).isGreaterThanOrEqualTo(1);
        assertThat(a.col()).isGreaterThanOrEqualTo(1);
        assertThat(a.mean()).isEqualTo(-5);
    }

    @Test
    void find_twoByTwoCombinations_usesWholeGridAndSkipsMissing() {
        double[] c = {0, 1, 2};
        double[][] g = {{0, 0, 0}, {0, 4, Double.NaN}, {0, 8, 12}};
        MostSynergisticArea a = MostSynergisticArea.find(c, c, g).orElseThrow();
        assertThat(a).isEqualTo(new MostSynergisticArea(1, 1, 2, 2, 8.0));
    }

    @Test
    void find_noCombinations_empty() {
        assertThat(MostSynergisticArea.find(new double[] {0, 1}, new double[] {0}, new double[2][1]))
                .isEmpty();
    }
}
