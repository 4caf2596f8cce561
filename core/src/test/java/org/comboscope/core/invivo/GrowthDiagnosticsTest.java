package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrowthDiagnosticsTest {

    /**
     * Golden: nlme's level-1 residuals {@code logRTV - (fixef + ranef) t} and Pearson residuals
     * (÷ sigma), computed from SynergyLMM's reference fixef/ranef/sd_resid. Tolerances follow from
     * the BLUP tolerance of the fit (1e-7 absolute per day × t <= 60 days): residual 1e-5
     * absolute; standardised residual 1e-4 relative + 5e-5 absolute.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CR1197", "LS1034", "4T1"})
    void residuals_realStudy_matchNlmeLevel1Residuals(String study) {
        String dir = "/invivo/" + study;
        PreparedData p = PreparedData.of(RefTable.study(dir), RefTable.arms(dir));
        ExponentialFit fit = ExponentialGrowthModel.fit(p.fitted(), Estimation.REML);
        GrowthDiagnostics.Result d = GrowthDiagnostics.of(p.fitted(), fit);
        List<Map<String, String>> fixef = RefTable.load(dir + "/exp_fixef.csv").rows;
        double[] beta = new double[4];
        for (int g = 0; g < 4; g++) {
            beta[g] = RefTable.num(fixef.get(g).get("Value"));
        }
        Map<String, Double> ranef = new HashMap<>();
        for (Map<String, String> r : RefTable.load(dir + "/exp_ranef.csv").rows) {
            ranef.put(r.get("SampleID"), RefTable.num(r.get("Time")));
        }
        double sigma = RefTable.num(
                RefTable.load(dir + "/exp_estimates.csv").rows.get(0).get("sd_resid"));
        Worst res = new Worst(study + " level-1 residuals", 1e-5, 0);
        Worst std = new Worst(study + " Pearson residuals", 5e-5, 1e-4);
        assertThat(d.residuals()).hasSize(p.fitted().size());
        for (GrowthDiagnostics.Residual r : d.residuals()) {
            RelativeVolume row = r.row();
            double e = row.logRtv() - (beta[row.role().ordinal()] + ranef.get(row.animalId())) * row.time();
            res.check(r.residual(), e, row.animalId() + "@" + row.time());
            std.check(r.standardised(), e / sigma, row.animalId() + "@" + row.time());
            assertThat(r.fitted() + r.residual()).isCloseTo(row.logRtv(), within(1e-12));
        }
        res.assertWithin();
        std.assertWithin();
        assertThat(d.animals()).hasSize(fit.animals());
        assertThat(d.cooksLimit()).isEqualTo(4.0 / fit.animals());
    }

    @Test
    void theoreticalQuantiles_rPpoints() {
        NormalDistribution z = new NormalDistribution(0, 1);
        // n = 5 <= 10: a = 3/8; values out of order
        double[] q = GrowthDiagnostics.theoreticalQuantiles(new double[] {3, 1, 2, 5, 4});
        assertThat(q[1]).isCloseTo(z.inverseCumulativeProbability((1 - 0.375) / 5.25), within(1e-14));
        assertThat(q[3]).isCloseTo(z.inverseCumulativeProbability((5 - 0.375) / 5.25), within(1e-14));
        assertThat(q[0]).isCloseTo(0, within(1e-14));
        // n = 12: a = 1/2
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = -i;
        }
        double[] q12 = GrowthDiagnostics.theoreticalQuantiles(v);
        assertThat(q12[11]).isCloseTo(z.inverseCumulativeProbability(0.5 / 12), within(1e-14));
        assertThat(q12[0]).isCloseTo(z.inverseCumulativeProbability(11.5 / 12), within(1e-14));
    }

    /** Six animals per arm growing at known rates with small noise; seed printed by the name. */
    static List<RelativeVolume> synthetic(long seed, String spike, double spikeSize) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] rates = {0.12, 0.08, 0.06, 0.01};
        List<RelativeVolume> rows = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            for (int a = 0; a < 6; a++) {
                String id = role.label() + a;
                double b = 0.005 * (rnd.nextDouble() - 0.5);
                for (int t = 3; t <= 21; t += 3) {
                    double y = (rates[role.ordinal()] + b) * t + 0.05 * (rnd.nextDouble() - 0.5);
                    if (id.equals(spike) && t == 12) {
                        y += spikeSize;
                    }
                    rows.add(new RelativeVolume(id, role.label(), role, t, t, 100 * Math.exp(y), 100));
                }
            }
        }
        return rows;
    }

    @Test
    void of_cleanData_noOutliers_spikedAnimal_flaggedAndMostInfluential() {
        List<RelativeVolume> clean = synthetic(42, "", 0);
        GrowthDiagnostics.Result c = GrowthDiagnostics.of(clean, ExponentialGrowthModel.fit(clean, Estimation.REML));
        assertThat(c.animals()).noneMatch(GrowthDiagnostics.AnimalDiagnostic::outlier);
        assertThat(c.animals())
                .allMatch(a -> a.influential() == (a.cooksDistance().getAsDouble() > c.cooksLimit()));

        List<RelativeVolume> spiked = synthetic(42, "drugB2", 1.5);
        GrowthDiagnostics.Result s = GrowthDiagnostics.of(spiked, ExponentialGrowthModel.fit(spiked, Estimation.REML));
        GrowthDiagnostics.AnimalDiagnostic bad = s.animals().stream()
                .filter(a -> a.animalId().equals("drugB2"))
                .findFirst()
                .orElseThrow();
        assertThat(bad.outlier()).isTrue();
        assertThat(bad.flagged()).isTrue();
        assertThat(s.animals().stream().filter(GrowthDiagnostics.AnimalDiagnostic::outlier))
                .hasSize(1);
        assertThat(bad.reason()).contains("|standardised residual| > 3");
        assertThat(bad.maxAbsStandardisedResidual()).isGreaterThan(3);
        double maxOther = s.animals().stream()
                .filter(a -> !a.animalId().equals("drugB2"))
                .mapToDouble(a -> a.cooksDistance().getAsDouble())
                .max()
                .orElseThrow();
        assertThat(bad.cooksDistance().getAsDouble()).isGreaterThan(maxOther);
    }

    @Test
    void of_singleAnimalArm_cooksDistanceEmpty() {
        List<RelativeVolume> rows = new ArrayList<>(synthetic(7, "", 0));
        rows.removeIf(r -> r.role() == ArmRole.COMBINATION && !r.animalId().equals("combination0"));
        GrowthDiagnostics.Result d = GrowthDiagnostics.of(rows, ExponentialGrowthModel.fit(rows, Estimation.REML));
        GrowthDiagnostics.AnimalDiagnostic only = d.animals().stream()
                .filter(a -> a.animalId().equals("combination0"))
                .findFirst()
                .orElseThrow();
        assertThat(only.cooksDistance()).isEmpty();
        assertThat(d.animals().stream().filter(a -> a.cooksDistance().isPresent()))
                .hasSize(18);
    }
}
