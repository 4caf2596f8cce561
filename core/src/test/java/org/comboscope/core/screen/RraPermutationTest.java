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
    @CsvSource({"4, 0.3", "30, 0.3", "30, 0.8", "22, 0.323", "94, 0.323", "94, 0.05"})
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

    /**
     * The small classes bin draws by an approximate lo-value that must lie within DELTA (1e-11
     * relative) of the exact one; it is checked here 1,000 times tighter, on draws of every small
     * class size, with no, some and all values below alpha.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.05", "2, 0.3", "3, 0.3", "4, 0.3", "4, 0.05", "4, 0.5", "5, 0.3", "8, 0.3", "8, 0.9"})
    void approximateLo_randomDraws_withinDeltaOfTheExactLoValue(int n, double alpha) {
        Random rnd = new Random(n * 31L + Math.round(alpha * 100));
        double[] u = new double[n];
        double[] buf = new double[n];
        double worst = 0;
        for (int t = 0; t < 20_000; t++) {
            long start = 1 + (long) (rnd.nextDouble() * (ParkMiller.MODULUS - 2));
            ParkMiller rng = new ParkMiller(start);
            for (int k = 0; k < n; k++) {
                u[k] = rng.next();
            }
            double exact = Rra.loValueOfDraw(u, n, alpha, buf);
            double approx = RraPermutation.approximateLo(n, alpha, start);
            worst = Math.max(worst, Math.abs(approx - exact) / exact);
        }
        assertThat(worst).as("worst relative error").isLessThan(1e-14);
    }

    /**
     * Genes whose queries ({@code lo -/+ 1e-9}) sit on null values, within rounding of them, or
     * midway between two neighbouring null values (so that the neighbour comparison of
     * bTreeSearchingF is a near tie): the approximate binning of the small classes must hand these
     * to the exact computation and give exactly the reference p-values.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.3", "2, 0.3", "3, 0.05", "4, 0.3", "4, 0.5", "6, 0.3"})
    void classP_queriesOnAndBetweenNullValues_bitIdenticalToReference(int n, double alpha) {
        int draws = 20_001;
        long seed = RraPermutation.advance(123456, 55_555_555L);
        ParkMiller rng = new ParkMiller(seed);
        double[] nullLo = new double[draws];
        double[] u = new double[n];
        double[] buf = new double[n];
        for (int d = 0; d < draws; d++) {
            for (int k = 0; k < n; k++) {
                u[k] = rng.next();
            }
            nullLo[d] = Rra.loValueOfDraw(u, n, alpha, buf);
        }
        Arrays.sort(nullLo);
        int[] at = {1, 7, 100, 2_000, 5_000, 9_999, 15_000, 19_990};
        double[] lo = new double[4 * at.length];
        for (int i = 0; i < at.length; i++) {
            double v = nullLo[at[i]];
            double mid = (v + nullLo[at[i] + 1]) / 2;
            lo[4 * i] = geneWithQueryNear(v, -1, nullLo);
            lo[4 * i + 1] = geneWithQueryNear(v, +1, nullLo);
            lo[4 * i + 2] = geneWithQueryNear(mid, -1, nullLo);
            lo[4 * i + 3] = geneWithQueryNear(mid, +1, nullLo);
        }
        double[] fast = RraPermutation.classP(n, draws, seed, lo, alpha);
        double[] reference = Rra.referenceClassP(n, draws, seed, lo, alpha);
        assertThat(fast).containsExactly(reference);
    }

    /**
     * A gene lo-value whose lower ({@code side} -1) or upper (+1) query {@code lo -/+ 1e-9} lies
     * within a few ulp of {@code target}, neither query being a null value (no exact tie).
     */
    private static double geneWithQueryNear(double target, int side, double[] sortedNull) {
        double g = side < 0 ? target + 0.000000001 : target - 0.000000001;
        while (Arrays.binarySearch(sortedNull, g - 0.000000001) >= 0
                || Arrays.binarySearch(sortedNull, g + 0.000000001) >= 0) {
            g = Math.nextUp(g);
        }
        return g;
    }
}
