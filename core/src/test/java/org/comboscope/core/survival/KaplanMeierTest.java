package org.comboscope.core.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KaplanMeierTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"lung", "veteran"})
    void fit_realTrialData_matchesRSurvivalSummaryWithin1e9(String dataset) {
        Map<String, SurvivalSample> groups = RTable.groups(dataset);
        List<Map<String, String>> ref = RTable.read(dataset + "_km.csv");
        RTable.Worst worst = new RTable.Worst();
        int checked = 0;
        for (ConfType type : ConfType.values()) {
            for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
                KmCurve km = KaplanMeier.fit(g.getValue(), type);
                List<Map<String, String>> rows = ref.stream()
                        .filter(r -> r.get("conf_type").equals(type.label())
                                && r.get("group").equals(g.getKey()))
                        .toList();
                assertThat(km.size()).as("rows of %s %s", type, g.getKey()).isEqualTo(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    Map<String, String> r = rows.get(i);
                    String where = type.label() + "/" + g.getKey() + "/t=" + r.get("time");
                    assertThat(km.time(i)).as(where).isEqualTo(Double.parseDouble(r.get("time")));
                    assertThat(km.nRisk(i)).as(where).isEqualTo(Integer.parseInt(r.get("n_risk")));
                    assertThat(km.nEvent(i)).as(where).isEqualTo(Integer.parseInt(r.get("n_event")));
                    assertThat(km.nCensor(i)).as(where).isEqualTo(Integer.parseInt(r.get("n_censor")));
                    worst.add(OptionalDouble.of(km.surv(i)), r.get("surv"), where + " surv");
                    worst.add(km.stdErr(i), r.get("std_err"), where + " std_err");
                    worst.add(km.lower(i), r.get("lower"), where + " lower");
                    worst.add(km.upper(i), r.get("upper"), where + " upper");
                    checked++;
                }
            }
        }
        System.out.println(dataset + "_km.csv: " + checked + " rows, worst relative difference " + worst);
        assertThat(checked).isEqualTo(ref.size());
        assertThat(worst.value).as("worst: %s", worst).isLessThanOrEqualTo(TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lung", "veteran"})
    void median_realTrialData_equalsPrintSurvfitExactly(String dataset) {
        Map<String, SurvivalSample> groups = RTable.groups(dataset);
        List<Map<String, String>> ref = RTable.read(dataset + "_median.csv");
        for (Map<String, String> r : ref) {
            ConfType type = ConfType.parse(r.get("conf_type"));
            KmCurve km = KaplanMeier.fit(groups.get(r.get("group")), type);
            QuantileEstimate m = km.median();
            String where = r.get("conf_type") + "/" + r.get("group");
            assertThat(km.n()).as(where).isEqualTo(Integer.parseInt(r.get("n")));
            assertThat(km.events()).as(where).isEqualTo(Integer.parseInt(r.get("events")));
            assertThat(m.estimate()).as(where + " median").isEqualTo(RTable.number(r.get("median")));
            assertThat(m.lower()).as(where + " lower").isEqualTo(RTable.number(r.get("lower")));
            assertThat(m.upper()).as(where + " upper").isEqualTo(RTable.number(r.get("upper")));
        }
    }

    @Test
    void median_curveFlatAtHalf_averagesWithNextDropTime() {
        // 4 subjects, events at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0 -> median (2 + 3) / 2.
        KmCurve km = KaplanMeier.fit(
                new SurvivalSample(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true}), ConfType.LOG);
        assertThat(km.median().estimate()).hasValue(2.5);
    }

    @Test
    void median_curveEndsFlatAtHalf_takesFirstTime() {
        // S = 0.5 after time 2 and the rest censored: no later drop, so R reports 2.
        KmCurve km = KaplanMeier.fit(
                new SurvivalSample(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}), ConfType.LOG);
        assertThat(km.median().estimate()).hasValue(2.0);
    }

    @Test
    void median_curveNeverBelowHalf_isEmpty() {
        KmCurve km = KaplanMeier.fit(
                new SurvivalSample(new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, false}), ConfType.LOG);
        assertThat(km.median().estimate()).isEmpty();
        assertThat(km.median().upper()).isEmpty();
    }

    @Test
    void quantile_quartiles_orderedAroundMedian() {
        KmCurve km = KaplanMeier.fit(RTable.groups("lung").get("male"), ConfType.LOG);
        double q1 = km.quantile(0.75).estimate().getAsDouble();
        double med = km.median().estimate().getAsDouble();
        double q3 = km.quantile(0.25).estimate().getAsDouble();
        assertThat(q1).isLessThan(med);
        assertThat(med).isLessThan(q3);
        assertThat(med).isEqualTo(270.0);
    }

    @Test
    void at_fixedTime_returnsLastRowAtOrBefore() {
        KmCurve km = KaplanMeier.fit(RTable.groups("lung").get("female"), ConfType.LOG);
        // lung female: 61 is an event time; 61.5 is between rows, 0 is before the first.
        SurvivalEstimate atRow = km.at(61);
        SurvivalEstimate between = km.at(61.5);
        assertThat(between.surv()).isEqualTo(atRow.surv());
        assertThat(atRow.surv()).isCloseTo(0.966666666666666674, within(1e-15));
        assertThat(atRow.lower()).hasValueCloseTo(0.9302834995614689406, within(1e-12));
        SurvivalEstimate start = km.at(0);
        assertThat(start.surv()).isEqualTo(1.0);
        assertThat(start.stdErr()).hasValue(0.0);
        assertThat(start.nRisk()).isEqualTo(90);
        assertThatThrownBy(() -> km.at(1e6)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void atRisk_countsSubjectsWithFollowUpAtLeastT() {
        SurvivalSample s = new SurvivalSample(new double[] {1, 2, 2, 5}, new boolean[] {true, false, true, true});
        KmCurve km = KaplanMeier.fit(s, ConfType.LOG);
        assertThat(km.atRisk(0)).isEqualTo(4);
        assertThat(km.atRisk(2)).isEqualTo(3);
        assertThat(km.atRisk(2.5)).isEqualTo(1);
        assertThat(km.atRisk(6)).isZero();
    }

    @Test
    void medianFollowUp_reverseKm_usesCensoringsAsEvents() {
        SurvivalSample s = new SurvivalSample(new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, true});
        // reversed: events at 2 and 3 (censored at 1 and 4): S = 1, 2/3, 1/3 ... median at 3.
        assertThat(KaplanMeier.medianFollowUp(s, ConfType.LOG).estimate()).hasValue(3.0);
    }

    @Test
    void fit_curveReachesZero_stdErrAndLogBoundsUndefined() {
        KmCurve km = KaplanMeier.fit(new SurvivalSample(new double[] {1, 2}, new boolean[] {true, true}), ConfType.LOG);
        assertThat(km.surv(1)).isZero();
        assertThat(km.stdErr(1)).isEmpty();
        assertThat(km.lower(1)).isEmpty();
        assertThat(km.stdErr(0)).isPresent();
    }

    @Test
    void fit_censoredBeforeFirstEvent_logLogUndefinedLogDegenerate() {
        SurvivalSample s = new SurvivalSample(new double[] {1, 2, 3}, new boolean[] {false, true, true});
        assertThat(KaplanMeier.fit(s, ConfType.LOG_LOG).lower(0)).isEmpty();
        assertThat(KaplanMeier.fit(s, ConfType.LOG).lower(0)).hasValue(1.0);
        assertThat(KaplanMeier.fit(s, ConfType.PLAIN).upper(0)).hasValue(1.0);
    }

    @Test
    void sample_negativeTime_rejectedWithPosition() {
        assertThatThrownBy(() -> new SurvivalSample(new double[] {1, -2}, new boolean[] {true, true}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("time")
                .hasMessageContaining("observation 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aml", "colon", "gbsg", "ovarian", "lung", "veteran"})
    void fit_allDatasets_curvesAreValid(String dataset) {
        for (ConfType type : ConfType.values()) {
            for (SurvivalSample s : RTable.groups(dataset).values()) {
                KmCurve km = KaplanMeier.fit(s, type);
                double prev = 1;
                int removed = 0;
                for (int i = 0; i < km.size(); i++) {
                    assertThat(km.surv(i)).isBetween(0.0, prev);
                    prev = km.surv(i);
                    assertThat(km.nRisk(i)).isEqualTo(s.size() - removed);
                    removed += km.nEvent(i) + km.nCensor(i);
                    int row = i;
                    km.lower(i).ifPresent(l -> assertThat(l).isBetween(0.0, km.surv(row)));
                    km.upper(i).ifPresent(u -> assertThat(u).isBetween(km.surv(row), 1.0));
                }
                assertThat(removed).isEqualTo(s.size());
                QuantileEstimate m = km.median();
                if (m.estimate().isPresent() && m.lower().isPresent()) {
                    assertThat(m.lower().getAsDouble())
                            .isLessThanOrEqualTo(m.estimate().getAsDouble());
                }
                if (m.estimate().isPresent() && m.upper().isPresent()) {
                    assertThat(m.upper().getAsDouble())
                            .isGreaterThanOrEqualTo(m.estimate().getAsDouble());
                }
            }
        }
    }
}
