package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden tests against SynergyLMM 1.1.2 (nlme 3.1-168, R 4.2.2) and the reference endpoint script, on
 * three real studies copied to test resources (see invivo/SOURCE.md).
 *
 * <p>Tolerances: endpoint statistics are plain arithmetic (1e-12 relative). Growth rates 1e-7
 * relative + 1e-9 absolute, their SEs and sigma 2e-5 relative (nlme stops its REML optimisation at
 * its default tolerances; the spec measured <= 3.3e-6), SS and bounds 1e-5 absolute, CI 1e-5
 * relative (i.e. log CI 1e-5 absolute), p 1e-5 absolute + 1e-4 relative.
 */
class SynergyLmmGoldenTest {

    private static String dir(String study) {
        return "/invivo/" + study;
    }

    private static String key(double x) {
        return Double.toString(x);
    }

    private static double opt(OptionalDouble x) {
        return x.isPresent() ? x.getAsDouble() : Double.NaN;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void groupDaySummaries_realStudy_matchReference(String study) {
        TumourStudy s = RefTable.study(dir(study));
        Arms arms = RefTable.arms(dir(study));
        List<GroupDaySummary> got = EndpointStatistics.groupDaySummaries(s, arms);
        RefTable ref = RefTable.load(dir(study) + "/group_day_summary.csv");
        assertThat(got).hasSize(ref.rows.size());
        Map<String, GroupDaySummary> byKey =
                got.stream().collect(Collectors.toMap(g -> g.group() + "@" + key(g.day()), g -> g));
        Worst stat = new Worst(study + " summary mean/sd/sem/median", 1e-12, 1e-12);
        for (Map<String, String> r : ref.rows) {
            String k = r.get("group") + "@" + key(RefTable.num(r.get("day")));
            GroupDaySummary g = byKey.get(k);
            assertThat(g).as(k).isNotNull();
            assertThat(g.role().label()).isEqualTo(r.get("role"));
            assertThat(g.n()).as(k).isEqualTo(Integer.parseInt(r.get("n")));
            assertThat(g.daySinceStart()).isEqualTo(RefTable.num(r.get("day_since_start")));
            stat.check(g.mean(), RefTable.num(r.get("mean")), k + " mean");
            stat.check(opt(g.sd()), RefTable.num(r.get("sd")), k + " sd");
            stat.check(opt(g.sem()), RefTable.num(r.get("sem")), k + " sem");
            stat.check(g.median(), RefTable.num(r.get("median")), k + " median");
            stat.check(g.min(), RefTable.num(r.get("min")), k + " min");
            stat.check(g.max(), RefTable.num(r.get("max")), k + " max");
        }
        stat.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void growthInhibition_realStudy_matchesReference(String study) {
        TumourStudy s = RefTable.study(dir(study));
        Arms arms = RefTable.arms(dir(study));
        List<GrowthInhibition> got = EndpointStatistics.growthInhibition(s, arms);
        RefTable ref = RefTable.load(dir(study) + "/tgi_tc_by_day.csv");
        assertThat(got).hasSize(ref.rows.size());
        Worst tgi = new Worst(study + " TGI% / T/C% / means", 1e-10, 1e-12);
        for (int i = 0; i < got.size(); i++) {
            GrowthInhibition g = got.get(i);
            Map<String, String> r = ref.rows.get(i);
            String k = r.get("group") + "@" + r.get("day");
            assertThat(g.group()).isEqualTo(r.get("group"));
            assertThat(g.day()).isEqualTo(RefTable.num(r.get("day")));
            assertThat(g.lastCommonDay()).isEqualTo(Boolean.parseBoolean(r.get("is_last_common_day")));
            assertThat(g.nTreated()).isEqualTo(Integer.parseInt(r.get("n_T")));
            assertThat(g.nControl()).isEqualTo(Integer.parseInt(r.get("n_C")));
            assertThat(g.nTreatedDay0()).isEqualTo(Integer.parseInt(r.get("n_T_day0")));
            tgi.check(g.meanTreated(), RefTable.num(r.get("mean_T")), k + " mean_T");
            tgi.check(g.meanControl(), RefTable.num(r.get("mean_C")), k + " mean_C");
            tgi.check(opt(g.meanTreatedDay0()), RefTable.num(r.get("mean_T_day0")), k + " mean_T_day0");
            tgi.check(opt(g.tgiPercent()), RefTable.num(r.get("TGI_pct")), k + " TGI_pct");
            tgi.check(opt(g.tOverCPercent()), RefTable.num(r.get("T_over_C_pct")), k + " T_over_C_pct");
            tgi.check(opt(g.tgiRatioPercent()), 100 - RefTable.num(r.get("T_over_C_pct")), k + " 100 - T/C");
        }
        tgi.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void preparedData_realStudy_matchesSynergyLmm(String study) {
        PreparedData p = PreparedData.of(RefTable.study(dir(study)), RefTable.arms(dir(study)));
        RefTable ref = RefTable.load(dir(study) + "/prepared_RTV.csv");
        assertThat(p.all()).hasSize(ref.rows.size());
        Map<String, RelativeVolume> byKey = new HashMap<>();
        p.all().forEach(r -> byKey.put(r.animalId() + "@" + key(r.time()), r));
        Worst w = new Worst(study + " RTV/logRTV", 1e-15, 1e-13);
        long used = 0;
        for (Map<String, String> r : ref.rows) {
            String k = r.get("SampleID") + "@" + key(RefTable.num(r.get("Time")));
            RelativeVolume v = byKey.get(k);
            assertThat(v).as(k).isNotNull();
            assertThat(v.group()).isEqualTo(r.get("Treatment"));
            w.check(v.rtv(), RefTable.num(r.get("RTV")), k + " RTV");
            w.check(v.logRtv(), RefTable.num(r.get("logRTV")), k + " logRTV");
            w.check(v.baseline(), RefTable.num(r.get("TV0")), k + " TV0");
            used += Boolean.parseBoolean(r.get("used_in_fit")) ? 1 : 0;
        }
        assertThat(p.fitted()).hasSize((int) used);
        w.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void exponentialModel_realStudy_matchesNlme(String study) {
        PreparedData p = PreparedData.of(RefTable.study(dir(study)), RefTable.arms(dir(study)));
        ExponentialFit fit = ExponentialGrowthModel.fit(p.fitted(), Estimation.REML);
        Map<String, String> est =
                RefTable.load(dir(study) + "/exp_estimates.csv").rows.get(0);
        List<String> cols = RefTable.load(dir(study) + "/exp_estimates.csv").header;
        Worst rate = new Worst(study + " full-fit growth rates", 1e-9, 1e-7);
        Worst se = new Worst(study + " full-fit rate SEs", 0, 2e-5);
        Worst var = new Worst(study + " full-fit sd_resid/sd_ranef", 0, 1e-4);
        for (int g = 0; g < 4; g++) {
            rate.check(fit.rates()[g], RefTable.num(est.get(cols.get(2 * g))), cols.get(2 * g));
            se.check(fit.standardErrors()[g], RefTable.num(est.get(cols.get(2 * g + 1))), cols.get(2 * g + 1));
        }
        var.check(fit.sigma(), RefTable.num(est.get("sd_resid")), "sd_resid");
        var.check(fit.relativeRandomSlopeSd(), RefTable.num(est.get("sd_ranef")), "sd_ranef");
        Map<String, String> info =
                RefTable.load(dir(study) + "/exp_model_info.csv").rows.get(0);
        assertThat(fit.observations()).isEqualTo(Integer.parseInt(info.get("n_obs")));
        assertThat(fit.animals()).isEqualTo(Integer.parseInt(info.get("n_animals")));
        Worst ll = new Worst(study + " REML logLik/AIC/BIC", 1e-8, 0);
        ll.check(fit.logLik(), RefTable.num(info.get("logLik")), "logLik");
        ll.check(fit.aic(), RefTable.num(info.get("AIC")), "AIC");
        ll.check(fit.bic(), RefTable.num(info.get("BIC")), "BIC");
        var.check(fit.randomSlopeSd(), RefTable.num(info.get("ranef_sd_absolute")), "ranef_sd_absolute");
        assertThat(p.timeStart()).isEqualTo(RefTable.num(info.get("time_start_original_day")));
        String df = RefTable.load(dir(study) + "/exp_fixef.csv").rows.get(0).get("DF");
        assertThat(fit.degreesOfFreedom()).isEqualTo(Integer.parseInt(df));
        Worst ranef = new Worst(study + " random slopes (BLUP)", 1e-7, 1e-4);
        for (Map<String, String> r : RefTable.load(dir(study) + "/exp_ranef.csv").rows) {
            Double b = fit.randomSlopes().get(r.get("SampleID"));
            assertThat(b).as(r.get("SampleID")).isNotNull();
            ranef.check(b, RefTable.num(r.get("Time")), r.get("SampleID"));
        }
        rate.assertWithin();
        se.assertWithin();
        var.assertWithin();
        ll.assertWithin();
        ranef.assertWithin();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void blissAndHsa_realStudy_matchSynergyLmm(String study) {
        PreparedData p = PreparedData.of(RefTable.study(dir(study)), RefTable.arms(dir(study)));
        TimeResolvedSynergy.Result res = TimeResolvedSynergy.defaults()
                .withReferences(java.util.EnumSet.of(SynergyReference.BLISS, SynergyReference.HSA))
                .compute(p);
        assertThat(res.skipped()).isEmpty();
        Worst rate = new Worst(study + " per-time growth rates", 1e-9, 1e-7);
        Worst se = new Worst(study + " per-time rate SEs", 0, 2e-5);
        Worst var = new Worst(study + " per-time sd_resid (identified)", 0, 1e-4);
        RefTable byTime = RefTable.load(dir(study) + "/exp_synergy_Bliss_estimates_by_time.csv");
        assertThat(res.fits()).hasSize(byTime.rows.size());
        for (int i = 0; i < res.fits().size(); i++) {
            TimeResolvedSynergy.TimeFit tf = res.fits().get(i);
            Map<String, String> r = byTime.rows.get(i);
            assertThat(tf.time()).isEqualTo(RefTable.num(r.get("Time")));
            for (int g = 0; g < 4; g++) {
                String c = byTime.header.get(2 * g);
                rate.check(tf.fit().rates()[g], RefTable.num(r.get(c)), "t=" + tf.time() + " " + c);
                se.check(tf.fit().standardErrors()[g], RefTable.num(r.get("se_" + c)), "t=" + tf.time() + " se " + c);
            }
            // With one observation per animal the REML surface is flat along sigma^2 (1 + lambda t^2), so
            // nlme's sigma there is arbitrary; compare only where it is identified.
            if (tf.fit().observations() > tf.fit().animals()) {
                var.check(tf.fit().sigma(), RefTable.num(r.get("sd_resid")), "t=" + tf.time() + " sd_resid");
            }
        }
        rate.assertWithin();
        se.assertWithin();
        var.assertWithin();
        for (SynergyReference ref : List.of(SynergyReference.BLISS, SynergyReference.HSA)) {
            RefTable t = RefTable.load(dir(study) + "/exp_synergy_" + ref.label() + ".csv");
            List<SynergyEstimate> got =
                    res.estimates().stream().filter(e -> e.reference() == ref).toList();
            assertThat(got).hasSize(t.rows.size());
            Worst ss = new Worst(study + " " + ref.label() + " SS and bounds", 1e-5, 0);
            Worst ci = new Worst(study + " " + ref.label() + " CI and bounds", 0, 1e-5);
            Worst pv = new Worst(study + " " + ref.label() + " p-values", 1e-5, 1e-4);
            for (int i = 0; i < got.size(); i++) {
                SynergyEstimate e = got.get(i);
                Map<String, String> r = t.rows.get(i);
                String k = r.get("Metric") + " t=" + r.get("Time");
                assertThat(e.metric()).isEqualTo(r.get("Metric"));
                assertThat(e.time()).isEqualTo(RefTable.num(r.get("Time")));
                Worst w = e.metric().equals(SynergyEstimate.SS) ? ss : ci;
                w.check(e.estimate(), RefTable.num(r.get("Estimate")), k + " estimate");
                w.check(e.lower(), RefTable.num(r.get("lwr")), k + " lwr");
                w.check(e.upper(), RefTable.num(r.get("upr")), k + " upr");
                pv.check(e.pValue(), RefTable.num(r.get("pval")), k + " pval");
            }
            ss.assertWithin();
            ci.assertWithin();
            pv.assertWithin();
        }
    }
}
