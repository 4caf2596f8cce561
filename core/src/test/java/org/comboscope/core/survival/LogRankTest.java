package org.comboscope.core.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogRankTest {

    @ParameterizedTest
    @ValueSource(strings = {"lung", "veteran"})
    void test_realTrialData_matchesSurvdiffWithin1e9(String dataset) {
        LogRankResult r = LogRank.test(RTable.groups(dataset));
        Map<String, String> ref = RTable.read(dataset + "_logrank.csv").get(0);
        RTable.Worst worst = new RTable.Worst();
        worst.add(r.chisq(), Double.parseDouble(ref.get("chisq")), "chisq");
        worst.add(r.p(), Double.parseDouble(ref.get("p")), "p");
        System.out.println(dataset + "_logrank.csv: worst relative difference " + worst);
        assertThat(r.df()).isEqualTo(Integer.parseInt(ref.get("df")));
        assertThat(worst.value).as("worst: %s", worst).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void test_observedMinusExpected_sumsToZero() {
        LogRankResult r = LogRank.test(RTable.groups("lung"));
        double o = 0;
        double e = 0;
        for (int g = 0; g < r.groups().size(); g++) {
            o += r.observed()[g];
            e += r.expected()[g];
        }
        assertThat(o).isEqualTo(165.0);
        assertThat(e).isCloseTo(o, within(1e-9));
    }

    @Test
    void test_swappedGroupOrder_sameStatistic() {
        Map<String, SurvivalSample> g = RTable.groups("veteran");
        Map<String, SurvivalSample> swapped = new LinkedHashMap<>();
        swapped.put("test", g.get("test"));
        swapped.put("standard", g.get("standard"));
        assertThat(LogRank.test(swapped).chisq()).isCloseTo(LogRank.test(g).chisq(), within(1e-12));
    }

    @Test
    void stratified_singleStratum_equalsUnstratified() {
        Map<String, SurvivalSample> g = RTable.groups("lung");
        assertThat(LogRank.stratified(List.of(g)).chisq())
                .isEqualTo(LogRank.test(g).chisq());
    }

    @Test
    void stratified_twoStrata_sumsScoresAndVariances() {
        // Two identical strata double O−E and V, so the statistic doubles.
        Map<String, SurvivalSample> g = RTable.groups("veteran");
        double single = LogRank.test(g).chisq();
        assertThat(LogRank.stratified(List.of(g, g)).chisq()).isCloseTo(2 * single, within(1e-12));
    }

    @Test
    void test_threeGroups_twoDegreesOfFreedom() {
        Map<String, SurvivalSample> g = new LinkedHashMap<>(RTable.groups("lung"));
        g.put("extra", RTable.groups("aml").get("Maintained"));
        LogRankResult r = LogRank.test(g);
        assertThat(r.df()).isEqualTo(2);
        assertThat(r.p()).isBetween(0.0, 1.0);
    }

    @Test
    void test_oneGroup_rejected() {
        Map<String, SurvivalSample> g = Map.of("a", RTable.groups("aml").get("Maintained"));
        assertThatThrownBy(() -> LogRank.test(g))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least two levels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aml", "colon", "gbsg", "ovarian"})
    void test_otherDatasets_validStatistic(String dataset) {
        LogRankResult r = LogRank.test(RTable.groups(dataset));
        assertThat(r.chisq()).isGreaterThanOrEqualTo(0);
        assertThat(r.df()).isEqualTo(1);
        assertThat(r.p()).isBetween(0.0, 1.0);
    }
}
