package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomisationTest {
    private static final List<String> ARMS = List.of("vehicle", "A", "B", "A+B");

    private static List<Randomisation.Animal> animals(int n, long seed) {
        Random r = new Random(seed);
        List<Randomisation.Animal> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Randomisation.Animal("m" + i, 100 + 50 * r.nextDouble() + 20 * r.nextGaussian()));
        }
        return out;
    }

    @Test
    void assign_sameSeed_sameAssignment() {
        List<Randomisation.Animal> a = animals(40, 1);
        assertThat(Randomisation.assign(a, ARMS, 42, 500).armOf())
                .isEqualTo(Randomisation.assign(a, ARMS, 42, 500).armOf());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void assign_manyCandidates_balancesBetterThanOneDraw(long seed) {
        System.out.println("seed " + seed);
        List<Randomisation.Animal> a = animals(41, seed);
        Randomisation.Assignment one = Randomisation.assign(a, ARMS, seed, 1);
        Randomisation.Assignment best = Randomisation.assign(a, ARMS, seed, 2000);
        assertThat(best.imbalance()).isLessThanOrEqualTo(one.imbalance());
        // The kept assignment must beat nearly every plain random assignment (here: 200 of them).
        double[] plain = new double[200];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = Randomisation.assign(a, ARMS, 1000 + i, 1).imbalance();
        }
        java.util.Arrays.sort(plain);
        assertThat(best.imbalance()).isLessThanOrEqualTo(plain[4]);
        assertThat(best.anovaP().getAsDouble()).isGreaterThan(0.5);
        assertThat(best.arms()).extracting(Randomisation.ArmBalance::n).containsExactly(11, 10, 10, 10);
        assertThat(best.armOf()).hasSize(41);
    }

    @Test
    void assign_fewerAnimalsThanArms_isRejected() {
        assertThatThrownBy(() -> Randomisation.assign(animals(3, 1), ARMS, 1, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("animals must be at least the number of arms (4), was 3");
    }

    @Test
    void assign_duplicateAnimal_isRejected() {
        List<Randomisation.Animal> a = List.of(new Randomisation.Animal("x", 1), new Randomisation.Animal("x", 2));
        assertThatThrownBy(() -> Randomisation.assign(a, List.of("v", "t"), 1, 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("animal id must be unique, was x");
    }
}
