package org.comboscope.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RraPermutationTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 7, 12345, 1000003})
    void advance_anyDrawCount_equalsSequentialDraws(long draws) {
        ParkMiller r = new ParkMiller(123456);
        for (long i = 0; i < draws; i++) {
            r.next();
        }
        assertThat(RraPermutation.advance(123456, draws)).isEqualTo(r.state());
    }

    @ParameterizedTest
    @CsvSource({"0.05", "0.3", "0.5", "0.73", "1.0"})
    void largestSeedAtMost_alpha_isTheLastSeedWhoseUniformIsAtMostAlpha(double alpha) {
        long s = RraPermutation.largestSeedAtMost(alpha);
        assertThat((double) s / ParkMiller.MODULUS).isLessThanOrEqualTo(alpha);
        if (s + 1 < ParkMiller.MODULUS) {
            assertThat((double) (s + 1) / ParkMiller.MODULUS).isGreaterThan(alpha);
        }
    }

    /**
     * Gene sets with several sgRNA-count classes (one-gene classes with significant and
     * insignificant lo-values, as the large classes of genome-wide libraries) and alphas on both
     * sides of 0.5: the fast null must give exactly the reference p-values.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.05", "2, 0.3162", "3, 0.5", "4, 0.7", "5, 0.25"})
    void permutationP_syntheticGeneSets_bitIdenticalToReference(long seed, double alpha) {
        Random rnd = new Random(seed);
        int[] sizes = {1, 2, 3, 4, 4, 4, 4, 6, 9, 12, 22, 30};
        int g = 240;
        String[] name = new String[g];
        int[] itemNum = new int[g];
        double[] lo = new double[g];
        for (int i = 0; i < g; i++) {
            name[i] = "G" + i;
            itemNum[i] = sizes[rnd.nextInt(sizes.length)];
            double u = rnd.nextDouble();
            lo[i] = switch (rnd.nextInt(4)) {
                case 0 -> Math.pow(10, -9 * u); // significant, down to 1e-9
                case 1 -> 1 - Math.pow(10, -6 * u); // near 1
                case 2 -> 1.0;
                default -> u;
            };
        }
        // one-gene classes at both extremes
        itemNum[0] = 40;
        lo[0] = 3e-8;
        itemNum[1] = 41;
        lo[1] = 0.99999;
        name[2] = "NA";
        double[] fast = Rra.permutationP(name, itemNum, lo, alpha, MageckTest.SKIP_GENES);
        double[] reference = Rra.permutationPReference(name, itemNum, lo, alpha, MageckTest.SKIP_GENES);
        assertThat(fast).containsExactly(reference);
        assertThat(fast[2]).isEqualTo(1.0);
        assertThat(Arrays.stream(fast).distinct().count()).isGreaterThan(50);
    }

    @ParameterizedTest
    @CsvSource({"4, 0.3", "30, 0.3", "30, 0.8"})
    void classP_oneGeneAtEachDecade_bitIdenticalToReference(int n, double alpha) {
        double[] lo = {1e-9, 1e-7, 1e-5, 1e-3, 0.1, 0.5, 0.9, 0.999, 1.0};
        long seed = RraPermutation.advance(123456, 987654321L);
        for (double l : lo) {
            double[] fast = RraPermutation.classP(n, 30001, seed, new double[] {l}, alpha);
            double[] reference = Rra.referenceClassP(n, 30001, seed, new double[] {l}, alpha);
            assertThat(fast).as("lo %s", l).containsExactly(reference);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 94})
    void permutationP_classAboveTheLimitFirst_usesReference(int small) {
        String[] name = {"A", "B", "C"};
        int[] itemNum = {small, 101, 101};
        double[] lo = {0.01, 0.2, 0.002};
        double[] fast = Rra.permutationP(name, itemNum, lo, 0.3, Set.of());
        double[] reference = Rra.permutationPReference(name, itemNum, lo, 0.3, Set.of());
        assertThat(fast).containsExactly(reference);
    }
}
