package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.comboscope.core.survival.ConfType;
import org.comboscope.core.survival.KaplanMeier;
import org.comboscope.core.survival.KmCurve;
import org.comboscope.core.survival.LogRank;
import org.comboscope.core.survival.LogRankResult;
import org.comboscope.core.survival.SurvivalSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeToEndpointTest {

    /** Study starting on day 3; thresholds at 1000. */
    static TumourStudy study() {
        return Studies.builder()
                .animal("v1", "V", 3, 100, 7, 600, 10, 1000, 14, 1500)
                .animal("v2", "V", 3, 200, 7, 1100, 10, 900)
                .animal("a1", "A", 3, 100, 7, 400, 10, 800, 14, 1200)
                .animal("a2", "A", 3, 150, 7, 300, 10, 700)
                .animal("b1", "B", 3, 100, 7, 500, 10, 999.9, 14, 1001)
                .animal("b2", "B", 3, 100, 7, 200)
                .animal("c1", "AB", 3, 300, 7, 200, 10, 100, 14, 50)
                .animal("c2", "AB", 5, 100, 10, 150, 14, 200)
                .build();
    }

    static Map<String, TimeToEndpoint.AnimalTime> byId(TimeToEndpoint.Result r) {
        Map<String, TimeToEndpoint.AnimalTime> m = new TreeMap<>();
        r.animals().forEach(a -> m.put(a.animalId(), a));
        return m;
    }

    @Test
    void analyse_absoluteThreshold_firstDayAtOrAboveIsEventElseCensoredAtLastDay() {
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(study(), Studies.ARMS, EndpointThreshold.absolute(1000));
        Map<String, TimeToEndpoint.AnimalTime> a = byId(r);
        assertThat(r.timeStart()).isEqualTo(3);
        // v1 reaches exactly 1000 on day 10 (>= counts), time since day 3
        assertThat(a.get("v1").event()).isTrue();
        assertThat(a.get("v1").time()).isEqualTo(7);
        // v2 reaches it on day 7 and regresses later: still an event on day 7
        assertThat(a.get("v2").event()).isTrue();
        assertThat(a.get("v2").time()).isEqualTo(4);
        assertThat(a.get("a1").time()).isEqualTo(11);
        assertThat(a.get("a2").event()).isFalse();
        assertThat(a.get("a2").time()).isEqualTo(7);
        assertThat(a.get("b1").event()).isTrue();
        assertThat(a.get("b1").time()).isEqualTo(11);
        assertThat(a.get("b2").event()).isFalse();
        assertThat(a.get("b2").time()).isEqualTo(4);
        assertThat(a.get("c1").event()).isFalse();
        assertThat(a.get("c1").time()).isEqualTo(11);
        // c2 starts later than the study: censored at its last day, counted from the study start
        assertThat(a.get("c2").time()).isEqualTo(11);
        assertThat(r.animals()).extracting(TimeToEndpoint.AnimalTime::role).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void analyse_interpolation_crossesOnTheStraightLine() {
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(
                study(), Studies.ARMS, EndpointThreshold.absolute(1000).withInterpolation(true));
        Map<String, TimeToEndpoint.AnimalTime> a = byId(r);
        // v2: 200 on day 3 -> 1100 on day 7: 1000 at 3 + 4 * 800/900
        assertThat(a.get("v2").time()).isCloseTo(4 * 800.0 / 900, within(1e-12));
        // b1: 999.9 on day 10 -> 1001 on day 14
        assertThat(a.get("b1").time()).isCloseTo(7 + 4 * 0.1 / 1.1, within(1e-12));
        // exact hit needs no interpolation
        assertThat(a.get("v1").time()).isCloseTo(7, within(1e-12));
        assertThat(a.get("a2").event()).isFalse();
    }

    @Test
    void analyse_rtvThreshold_usesEachAnimalsBaseline() {
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(study(), Studies.ARMS, EndpointThreshold.rtv(4));
        Map<String, TimeToEndpoint.AnimalTime> a = byId(r);
        assertThat(a.get("v1").threshold()).isEqualTo(400);
        assertThat(a.get("v1").time()).isEqualTo(4); // 600 >= 400 on day 7
        assertThat(a.get("v2").threshold()).isEqualTo(800);
        assertThat(a.get("v2").time()).isEqualTo(4);
        assertThat(a.get("a2").threshold()).isEqualTo(600);
        assertThat(a.get("a2").time()).isEqualTo(7); // 700 on day 10
        assertThat(a.get("b2").event()).isFalse(); // 200 = 2x
        assertThat(a.get("c2").event()).isFalse();
    }

    @Test
    void analyse_rtvThreshold_zeroBaselineLeftOutWithNote() {
        TumourStudy s = Studies.builder()
                .animal("v1", "V", 0, 0, 5, 100)
                .animal("v2", "V", 0, 10, 5, 100)
                .animal("a1", "A", 0, 10, 5, 20)
                .animal("b1", "B", 0, 10, 5, 20)
                .animal("c1", "AB", 0, 10, 5, 20)
                .build();
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(s, Studies.ARMS, EndpointThreshold.rtv(2));
        assertThat(r.animals()).extracting(TimeToEndpoint.AnimalTime::animalId).doesNotContain("v1");
        assertThat(r.excluded()).singleElement().asString().contains("v1").contains("baseline burden 0");
    }

    @Test
    void analyse_curvesAndTests_equalTheSurvivalModuleOnTheDerivedSamples() {
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(study(), Studies.ARMS, EndpointThreshold.absolute(1000));
        SurvivalSample v = new SurvivalSample(new double[] {7, 4}, new boolean[] {true, true});
        SurvivalSample a = new SurvivalSample(new double[] {11, 7}, new boolean[] {true, false});
        SurvivalSample b = new SurvivalSample(new double[] {11, 4}, new boolean[] {true, false});
        SurvivalSample ab = new SurvivalSample(new double[] {11, 11}, new boolean[] {false, false});
        assertThat(r.sample(ArmRole.VEHICLE)).contains(v);
        assertThat(r.sample(ArmRole.COMBINATION)).contains(ab);
        KmCurve km = r.curves().get("A");
        KmCurve expected = KaplanMeier.fit(a, ConfType.LOG);
        assertThat(km.size()).isEqualTo(expected.size());
        for (int i = 0; i < km.size(); i++) {
            assertThat(km.surv(i)).isEqualTo(expected.surv(i));
        }
        Map<String, SurvivalSample> all = new LinkedHashMap<>();
        all.put("V", v);
        all.put("A", a);
        all.put("B", b);
        all.put("AB", ab);
        TimeToEndpoint.Comparison global = r.comparisons().get(0);
        assertThat(global.label()).isEqualTo("all arms");
        assertThat(global.test().orElseThrow().p()).isEqualTo(LogRank.test(all).p());
        assertThat(global.test().orElseThrow().df()).isEqualTo(3);

        // pairwise: vehicle first (reference), Holm over the five contrasts
        double[] p = new double[5];
        for (int i = 0; i < 5; i++) {
            TimeToEndpoint.Comparison c = r.comparisons().get(i + 1);
            ArmContrast k = ArmContrast.values()[i];
            assertThat(c.contrast()).contains(k);
            Map<String, SurvivalSample> pair = new LinkedHashMap<>();
            pair.put(Studies.ARMS.group(k.second()), all.get(Studies.ARMS.group(k.second())));
            pair.put(Studies.ARMS.group(k.first()), all.get(Studies.ARMS.group(k.first())));
            LogRankResult expectedTest = LogRank.test(pair);
            assertThat(c.test().orElseThrow().chisq()).isCloseTo(expectedTest.chisq(), within(1e-12));
            p[i] = expectedTest.p();
        }
        Integer[] idx = {0, 1, 2, 3, 4};
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(p[x], p[y]));
        double running = 0;
        for (int k = 0; k < 5; k++) {
            running = Math.max(running, Math.min(1, (5 - k) * p[idx[k]]));
            assertThat(r.comparisons().get(idx[k] + 1).pHolm().getAsDouble()).isCloseTo(running, within(1e-15));
        }
    }

    @Test
    void analyse_noEventsInAPair_testIsEmpty() {
        TumourStudy s = Studies.builder()
                .animal("v1", "V", 0, 10, 5, 2000)
                .animal("a1", "A", 0, 10, 5, 20)
                .animal("b1", "B", 0, 10, 5, 20)
                .animal("c1", "AB", 0, 10, 5, 20)
                .build();
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(s, Studies.ARMS, EndpointThreshold.absolute(1000));
        TimeToEndpoint.Comparison abVsA = r.comparisons().stream()
                .filter(c -> c.contrast().orElse(null) == ArmContrast.COMBINATION_VS_DRUG_A)
                .findFirst()
                .orElseThrow();
        assertThat(abVsA.test()).isEmpty();
        assertThat(abVsA.pHolm()).isEmpty();
        assertThat(r.comparisons().get(0).test()).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"CR1197,false,1000", "LS1034,false,1000", "4T1,true,4", "CR1197,true,4"})
    void analyse_realStudy_eventsAreFirstCrossingsAndCensoredNeverCross(String study, boolean rtv, double level) {
        TumourStudy s = RefTable.study("/invivo/" + study);
        Arms arms = RefTable.arms("/invivo/" + study);
        TimeToEndpoint.Result r = TimeToEndpoint.analyse(s, arms, new EndpointThreshold(rtv, level, false));
        double start = s.restrictedTo(arms.groups()).firstDay();
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        for (TumourObservation o : s.restrictedTo(arms.groups()).observations()) {
            series.computeIfAbsent(o.animalId(), k -> new TreeMap<>()).put(o.day(), o.value());
        }
        assertThat(r.animals()).hasSize(series.size());
        int events = 0;
        for (TimeToEndpoint.AnimalTime a : r.animals()) {
            TreeMap<Double, Double> pts = series.get(a.animalId());
            double day = a.time() + start;
            if (a.event()) {
                events++;
                assertThat(pts.get(day)).isGreaterThanOrEqualTo(a.threshold());
                assertThat(pts.headMap(day, false).values()).allMatch(v -> v < a.threshold());
            } else {
                assertThat(day).isEqualTo(pts.lastKey());
                assertThat(pts.values()).allMatch(v -> v < a.threshold());
            }
        }
        assertThat(events).isPositive();
        int total = r.curves().values().stream().mapToInt(KmCurve::events).sum();
        assertThat(total).isEqualTo(events);
        assertThat(r.comparisons()).hasSize(6);
        List<String> labels =
                r.comparisons().stream().map(TimeToEndpoint.Comparison::label).toList();
        assertThat(labels)
                .containsExactly(
                        "all arms",
                        "drugA vs vehicle",
                        "drugB vs vehicle",
                        "combination vs vehicle",
                        "combination vs drugA",
                        "combination vs drugB");
    }
}
