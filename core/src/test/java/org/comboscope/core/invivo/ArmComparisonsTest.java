package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ArmComparisonsTest {

    @Test
    void holm_rReference() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.02, 0.05), "holm") = 0.05 0.08 0.09 0.08 0.08 ... computed:
        OptionalDouble[] p = {
            OptionalDouble.of(0.01), OptionalDouble.of(0.04), OptionalDouble.empty(),
            OptionalDouble.of(0.03), OptionalDouble.of(0.02), OptionalDouble.of(0.05)
        };
        OptionalDouble[] h = Multiplicity.holm(p);
        // m = 5: sorted 0.01*5 = .05, .02*4 = .08, .03*3 = .09, .04*2 = .08 -> .09, .05*1 -> .09
        assertThat(h[0].getAsDouble()).isCloseTo(0.05, within(1e-15));
        assertThat(h[4].getAsDouble()).isCloseTo(0.08, within(1e-15));
        assertThat(h[3].getAsDouble()).isCloseTo(0.09, within(1e-15));
        assertThat(h[1].getAsDouble()).isCloseTo(0.09, within(1e-15));
        assertThat(h[5].getAsDouble()).isCloseTo(0.09, within(1e-15));
        assertThat(h[2]).isEmpty();
        OptionalDouble[] big = Multiplicity.holm(new OptionalDouble[] {OptionalDouble.of(0.4), OptionalDouble.of(0.6)});
        assertThat(big[0].getAsDouble()).isEqualTo(0.8);
        assertThat(big[1].getAsDouble()).isEqualTo(0.8);
    }

    /** Arms whose day-10 volumes are exp(A) (drug A) and exp(B) (vehicle) of {@link MannWhitneyTest}. */
    static TumourStudy study() {
        Studies.Builder b = Studies.builder();
        for (int i = 0; i < MannWhitneyTest.A.length; i++) {
            b.animal("a" + i, "A", 0, 100, 5, 120, 10, Math.exp(MannWhitneyTest.A[i]));
        }
        for (int i = 0; i < MannWhitneyTest.B.length; i++) {
            b.animal("v" + i, "V", 0, 100, 10, Math.exp(MannWhitneyTest.B[i]));
        }
        b.animal("b0", "B", 0, 100, 10, 50).animal("b1", "B", 0, 100, 10, 60);
        b.animal("c0", "AB", 0, 100, 10, 50).animal("c1", "AB", 0, 100, 10, 50);
        b.animal("late", "AB", 0, 100, 5, 60); // not measured on day 10: not compared
        return b.build();
    }

    @Test
    void compare_welchOnLogVolume_matchesScipyWelch() {
        List<ArmComparisons.Comparison> all = ArmComparisons.compare(study(), Studies.ARMS, 10);
        ArmComparisons.Comparison w = all.stream()
                .filter(c -> c.variable() == ArmComparisons.Variable.LOG_VOLUME
                        && c.test() == ArmComparisons.Test.WELCH
                        && c.contrast() == ArmContrast.DRUG_A_VS_VEHICLE)
                .findFirst()
                .orElseThrow();
        // scipy.stats.ttest_ind(A, B, equal_var=False)
        assertThat(w.n1()).isEqualTo(10);
        assertThat(w.n2()).isEqualTo(5);
        assertThat(w.statistic().getAsDouble()).isCloseTo(2.0413830922100695, within(1e-10));
        assertThat(w.df().getAsDouble()).isCloseTo(12.970538443257544, within(1e-9));
        assertThat(w.p().getAsDouble()).isCloseTo(0.06210134378107847, within(1e-10));
        assertThat(w.lower().getAsDouble()).isCloseTo(-0.01972499633510394, within(1e-10));
        assertThat(w.upper().getAsDouble()).isCloseTo(0.6937249963351039, within(1e-10));
        assertThat(w.method()).isEqualTo("Welch two-sample t-test");
    }

    @Test
    void compare_mannWhitney_exactAndFamilyAdjusted() {
        List<ArmComparisons.Comparison> all = ArmComparisons.compare(study(), Studies.ARMS, 10);
        List<ArmComparisons.Comparison> mw = all.stream()
                .filter(c -> c.variable() == ArmComparisons.Variable.LOG_VOLUME
                        && c.test() == ArmComparisons.Test.MANN_WHITNEY)
                .toList();
        assertThat(mw).extracting(ArmComparisons.Comparison::contrast).containsExactly(ArmContrast.values());
        ArmComparisons.Comparison a = mw.get(0);
        assertThat(a.statistic().getAsDouble()).isEqualTo(35);
        assertThat(a.estimate().getAsDouble()).isEqualTo(35.0 / 50);
        assertThat(a.p().getAsDouble()).isCloseTo(0.2544122544122544, within(1e-14));
        assertThat(a.method()).isEqualTo("Mann-Whitney U (exact)");
        // AB has ties (50, 50) against B: normal approximation
        assertThat(mw.get(4).method()).contains("normal approximation");
        OptionalDouble[] p = mw.stream().map(ArmComparisons.Comparison::p).toArray(OptionalDouble[]::new);
        OptionalDouble[] h = Multiplicity.holm(p);
        for (int i = 0; i < 5; i++) {
            assertThat(mw.get(i).pHolm()).isEqualTo(h[i]);
            assertThat(mw.get(i).pHolm().getAsDouble())
                    .isGreaterThanOrEqualTo(mw.get(i).p().getAsDouble());
            assertThat(mw.get(i).pBh().getAsDouble())
                    .isBetween(mw.get(i).p().getAsDouble(), mw.get(i).pHolm().getAsDouble());
        }
    }

    @Test
    void values_rtvAndAucUseOnlyAnimalsMeasuredThatDay() {
        var v = ArmComparisons.values(study(), Studies.ARMS, 10);
        assertThat(v.get(ArmComparisons.Variable.RTV).get(ArmRole.COMBINATION)).containsExactly(0.5, 0.5);
        // a0: 0-5: (100+120)/2*5 = 550; 5-10: (120 + e^0.80)/2*5
        double a0 = 550 + (120 + Math.exp(0.80)) / 2 * 5;
        assertThat(v.get(ArmComparisons.Variable.AUC).get(ArmRole.DRUG_A)[0]).isCloseTo(a0, within(1e-10));
        assertThat(v.get(ArmComparisons.Variable.LOG_VOLUME).get(ArmRole.DRUG_B))
                .containsExactly(Math.log(50), Math.log(60));
    }

    @Test
    void compare_tooFewAnimals_welchNotRunWithReason() {
        TumourStudy s = Studies.builder()
                .animal("v0", "V", 0, 100, 10, 300)
                .animal("a0", "A", 0, 100, 10, 200)
                .animal("a1", "A", 0, 100, 10, 250)
                .animal("b0", "B", 0, 100, 10, 50)
                .animal("c0", "AB", 0, 100, 10, 50)
                .build();
        ArmComparisons.Comparison w =
                ArmComparisons.compare(s, Studies.ARMS, 10).get(0);
        assertThat(w.p()).isEmpty();
        assertThat(w.pHolm()).isEmpty();
        assertThat(w.method()).contains("n < 2");
        assertThat(ArmComparisons.defaultDay(s, Studies.ARMS)).isEmpty();
        assertThat(ArmComparisons.defaultDay(study(), Studies.ARMS)).hasValue(10);
    }
}
