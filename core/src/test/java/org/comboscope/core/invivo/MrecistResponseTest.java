package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comboscope.core.invivo.MrecistResponse.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrecistResponseTest {

    static Map<String, MrecistResponse.AnimalResponse> byId(List<MrecistResponse.AnimalResponse> l) {
        Map<String, MrecistResponse.AnimalResponse> m = new TreeMap<>();
        l.forEach(a -> m.put(a.animalId(), a));
        return m;
    }

    @Test
    void animals_handComputed_bestResponseAndRunningMeanOverDaysFromTen() {
        TumourStudy s = Studies.builder()
                // dVol: 0, -50 (day 7, before day 10: not counted for the minimum), -20, +10
                .animal("v1", "V", 0, 100, 7, 50, 10, 80, 14, 110)
                // dVol: 0, -40, -96, -99; running means 0, -20, -45.33, -58.75
                .animal("a1", "A", 0, 200, 5, 120, 12, 8, 20, 2)
                .animal("b1", "B", 0, 100, 5, 90) // nothing at day >= 10
                .animal("c1", "AB", 0, 0, 12, 10) // baseline 0
                .build();
        Map<String, MrecistResponse.AnimalResponse> r = byId(MrecistResponse.animals(s, Studies.ARMS));
        MrecistResponse.AnimalResponse v1 = r.get("v1");
        assertThat(v1.bestResponsePercent().getAsDouble()).isCloseTo(-20, within(1e-12));
        assertThat(v1.bestResponseDay().getAsDouble()).isEqualTo(10);
        // running means at day 10: (0 - 50 - 20)/3 ; day 14: (0 - 50 - 20 + 10)/4
        assertThat(v1.bestAvgResponsePercent().getAsDouble()).isCloseTo(-70.0 / 3, within(1e-12));
        assertThat(v1.category()).contains(Category.MSD);
        MrecistResponse.AnimalResponse a1 = r.get("a1");
        assertThat(a1.bestResponsePercent().getAsDouble()).isCloseTo(-99, within(1e-12));
        assertThat(a1.bestAvgResponsePercent().getAsDouble()).isCloseTo((0 - 40 - 96 - 99) / 4.0, within(1e-12));
        assertThat(a1.category()).contains(Category.MCR);
        assertThat(r.get("b1").category()).isEmpty();
        assertThat(r.get("b1").bestResponsePercent()).isEmpty();
        assertThat(r.get("c1").category()).isEmpty();
    }

    @Test
    void animals_minDaysZero_countsEarlyDays() {
        TumourStudy s = Studies.builder()
                .animal("v1", "V", 0, 100, 7, 50, 10, 80, 14, 110)
                .build();
        MrecistResponse.AnimalResponse v1 =
                MrecistResponse.animals(s, Studies.ARMS, 0).get(0);
        assertThat(v1.bestResponsePercent().getAsDouble()).isCloseTo(-50, within(1e-12));
        assertThat(v1.bestAvgResponsePercent().getAsDouble()).isCloseTo(-25, within(1e-12));
        // -50 is not < -50: stable disease, not partial response
        assertThat(v1.category()).contains(Category.MSD);
    }

    @ParameterizedTest
    @CsvSource({
        "-95.01,-40.01,MCR",
        "-95,-41,MPR", // strict inequality: -95 is not < -95
        "-96,-40,MPR",
        "-50.01,-20.01,MPR",
        "-50,-30,MSD",
        "34.99,29.99,MSD",
        "35,0,MPD",
        "0,30,MPD",
        "-99,-10,MSD"
    })
    void category_boundaries_followGaoStrictInequalities(double best, double avg, Category expected) {
        assertThat(Category.of(best, avg)).isEqualTo(expected);
    }

    @Test
    void counts_andWaterfall_perArmAndSortedLargestFirst() {
        TumourStudy s = Studies.builder()
                .animal("v1", "V", 0, 100, 10, 300)
                .animal("v2", "V", 0, 100, 10, 150)
                .animal("a1", "A", 0, 100, 10, 100)
                .animal("b1", "B", 0, 100, 5, 10)
                .animal("c1", "AB", 0, 100, 10, 1)
                .animal("c2", "AB", 0, 100, 10, 40)
                .build();
        List<MrecistResponse.AnimalResponse> a = MrecistResponse.animals(s, Studies.ARMS);
        List<MrecistResponse.ArmCounts> c = MrecistResponse.counts(a, Studies.ARMS);
        assertThat(c).extracting(MrecistResponse.ArmCounts::group).containsExactly("V", "A", "B", "AB");
        assertThat(c.get(0).counts().get(Category.MPD)).isEqualTo(2);
        assertThat(c.get(2).notEvaluable()).isEqualTo(1);
        assertThat(c.get(2).objectiveResponseRate()).isEmpty();
        // c1: -99 % best, running mean (0 - 99)/2 = -49.5 -> mCR; c2: -60, mean -30 -> mPR
        assertThat(c.get(3).counts()).containsEntry(Category.MCR, 1).containsEntry(Category.MPR, 1);
        assertThat(c.get(3).objectiveResponseRate().getAsDouble()).isEqualTo(1.0);
        assertThat(MrecistResponse.waterfall(a))
                .extracting(MrecistResponse.AnimalResponse::animalId)
                .containsExactly("v1", "v2", "a1", "c2", "c1");
    }

    @Test
    void animals_realStudy_invariants() {
        TumourStudy s = RefTable.study("/invivo/CR1197");
        Arms arms = RefTable.arms("/invivo/CR1197");
        List<MrecistResponse.AnimalResponse> a = MrecistResponse.animals(s, arms);
        assertThat(a).isNotEmpty();
        for (MrecistResponse.AnimalResponse r : a) {
            if (r.category().isPresent()) {
                // best response <= running mean at the same day <= ... and >= -100 (volumes >= 0)
                assertThat(r.bestResponsePercent().getAsDouble()).isGreaterThanOrEqualTo(-100);
                assertThat(r.bestResponseDay().getAsDouble()).isGreaterThanOrEqualTo(10);
                assertThat(r.category().get())
                        .isEqualTo(Category.of(
                                r.bestResponsePercent().getAsDouble(),
                                r.bestAvgResponsePercent().getAsDouble()));
            }
        }
        // the combination arm responds better than the vehicle: more mCR/mPR/mSD
        List<MrecistResponse.ArmCounts> c = MrecistResponse.counts(a, arms);
        int vehiclePd = c.get(0).counts().get(Category.MPD);
        assertThat(vehiclePd).isEqualTo(c.get(0).animals() - c.get(0).notEvaluable());
        assertThat(c.get(3).counts().get(Category.MPD)).isLessThan(c.get(3).animals());
    }
}
