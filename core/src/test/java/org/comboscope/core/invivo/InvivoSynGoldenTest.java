package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests of invivoSyn's deterministic statistics (point estimates) against the package's
 * outputs. invivoSyn read the original wide files for CR1197 and LS1034 (mouse ids are the numbers
 * after "_m" in our long files) and the long file for 4T1. Plain arithmetic: tolerance 1e-10
 * relative + 1e-12 absolute.
 */
class InvivoSynGoldenTest {
    private static final Map<String, SynergyReference> REF =
            Map.of("Bliss", SynergyReference.BLISS, "HSA", SynergyReference.HSA, "RA", SynergyReference.RA);

    private static String mouseKey(String id) {
        int i = id.lastIndexOf("_m");
        return i >= 0 && id.substring(i + 2).matches("\\d+") ? id.substring(i + 2) : id;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void mouseGrowthRatesAndAucSynergy_realStudy_matchInvivoSyn(String study) {
        String dir = "/invivo/" + study;
        TumourStudy s = RefTable.study(dir);
        Arms arms = RefTable.arms(dir);
        List<InvivoSynStatistics.MouseGrowthRate> rates = InvivoSynStatistics.mouseGrowthRates(s, arms);
        Map<String, InvivoSynStatistics.MouseGrowthRate> byMouse = new HashMap<>();
        rates.forEach(r -> byMouse.put(mouseKey(r.animalId()), r));
        RefTable ref = RefTable.load(dir + "/invivosyn_AUC_per_mouse.csv");
        Worst w = new Worst(study + " invivoSyn eGR per mouse", 1e-12, 1e-10);
        assertThat(rates.stream().filter(r -> r.rate().isPresent())).hasSize(ref.rows.size());
        for (Map<String, String> r : ref.rows) {
            InvivoSynStatistics.MouseGrowthRate m = byMouse.get(r.get("Mouse"));
            assertThat(m).as(r.get("Mouse")).isNotNull();
            assertThat(m.role().ordinal() + 1)
                    .isEqualTo(Integer.parseInt(r.get("Group").replace("Group ", "")));
            assertThat(m.lastDay()).isEqualTo(RefTable.num(r.get("Day")));
            w.check(m.rate().getAsDouble(), RefTable.num(r.get("AUC")), "mouse " + r.get("Mouse"));
        }
        w.assertWithin();
        Worst syn = new Worst(study + " invivoSyn AUC synergy (Value)", 1e-12, 1e-10);
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_AUC_synergy.csv").rows) {
            InvivoSynStatistics.AucSynergy a =
                    InvivoSynStatistics.aucSynergy(rates, REF.get(r.get("method")), RefTable.num(r.get("t")));
            double got = r.get("Metric").equals("CI") ? a.ci() : a.synergyScore();
            syn.check(got, RefTable.num(r.get("Value")), r.get("method") + " t=" + r.get("t") + " " + r.get("Metric"));
        }
        syn.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void combPdx_realStudy_matchesInvivoSyn(String study) {
        String dir = "/invivo/" + study;
        TumourStudy s = RefTable.study(dir);
        Arms arms = RefTable.arms(dir);
        RefTable ref = RefTable.load(dir + "/invivosyn_CombPDX_CI_by_day.csv");
        Worst w = new Worst(study + " CombPDX day CI/se/lb/ub/p", 1e-12, 1e-10);
        int compared = 0;
        for (SynergyReference m : SynergyReference.values()) {
            List<InvivoSynStatistics.DayCi> got = InvivoSynStatistics.combPdxByDay(s, arms, m, 0.95);
            List<Map<String, String>> rows = ref.rows.stream()
                    .filter(r -> r.get("method").equals(m.label()))
                    .toList();
            assertThat(got).hasSize(rows.size());
            for (int i = 0; i < got.size(); i++) {
                InvivoSynStatistics.DayCi d = got.get(i);
                Map<String, String> r = rows.get(i);
                String k = m.label() + " day " + r.get("Day");
                assertThat(d.day()).isEqualTo(RefTable.num(r.get("Day")));
                w.check(d.ci(), RefTable.num(r.get("CI")), k + " CI");
                w.check(d.se(), RefTable.num(r.get("std.err")), k + " se");
                w.check(d.lower(), RefTable.num(r.get("lb")), k + " lb");
                w.check(d.upper(), RefTable.num(r.get("ub")), k + " ub");
                w.check(d.pValue(), RefTable.num(r.get("p.val")), k + " p");
                compared++;
            }
        }
        assertThat(compared).isPositive();
        w.assertWithin();
        Worst g = new Worst(study + " CombPDX global CI (point)", 1e-12, 1e-10);
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_global_CI_synergy.csv").rows) {
            g.check(
                    InvivoSynStatistics.globalCi(s, arms, REF.get(r.get("method")))
                            .getAsDouble(),
                    RefTable.num(r.get("Global CI")),
                    r.get("method"));
        }
        g.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void tgiAndTgiSynergy_realStudy_matchInvivoSyn(String study) {
        String dir = "/invivo/" + study;
        TumourStudy s = RefTable.study(dir);
        Arms arms = RefTable.arms(dir);
        Worst w = new Worst(study + " invivoSyn TGI and TGI synergy", 1e-10, 1e-10);
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_TGI_by_group.csv").rows) {
            double day = RefTable.num(r.get("sel_day"));
            assertThat(InvivoSynStatistics.lastCommonDay(s, arms).getAsDouble()).isEqualTo(day);
            double[] tgi = InvivoSynStatistics.tgi(s, arms, day, variable(r.get("tv_var")));
            int g = Integer.parseInt(r.get("Group").replace("Group ", "")) - 1;
            w.check(tgi[g], RefTable.num(r.get("TGI")), r.get("tv_var") + " " + r.get("Group"));
        }
        for (Map<String, String> r : RefTable.load(dir + "/invivosyn_TGI_synergy.csv").rows) {
            double[] tgi = InvivoSynStatistics.tgi(s, arms, RefTable.num(r.get("sel_day")), variable(r.get("tv_var")));
            InvivoSynStatistics.TgiSynergy t = InvivoSynStatistics.tgiSynergy(tgi, REF.get(r.get("method")));
            String k = r.get("tv_var") + " " + r.get("method");
            w.check(t.expected(), RefTable.num(r.get("expected_TGI")), k + " expected");
            w.check(t.observed(), RefTable.num(r.get("observed_TGI")), k + " observed");
            w.check(t.synergyScore(), RefTable.num(r.get("synergy_score")), k + " SS");
            w.check(t.ciLogRatio().orElse(Double.NaN), RefTable.num(r.get("CI_logratio")), k + " CI");
        }
        w.assertWithin();
    }

    private static InvivoSynStatistics.TgiVariable variable(String v) {
        return v.equals("RTV") ? InvivoSynStatistics.TgiVariable.RTV : InvivoSynStatistics.TgiVariable.DELTA_TV;
    }
}
