package org.comboscope.core.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of the Gompertz growth mixed model. There is no nlme reference for Gompertz
 * residuals/ranef in ../shared/reference/invivo (only fixef, vcov and estimates), so the residuals
 * are checked against their definition and the flags on a simulated study with a planted outlier.
 */
class GompertzDiagnosticsTest {

    /**
     * Five animals per arm, Gompertz curves with small per-animal deviations of (r0, rho) and
     * N(0, 0.05²) noise, measured every 3 days to day 30; {@code spike} gets {@code spikeSize} added
     * to its log RTV at day 15.
     */
    static List<RelativeVolume> simulated(long seed, String spike, double spikeSize) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] r0 = {0.20, 0.15, 0.12, 0.06};
        double[] rho = {0.04, 0.05, 0.05, 0.06};
        List<RelativeVolume> rows = new ArrayList<>();
        for (ArmRole role : ArmRole.values()) {
            int g = role.ordinal();
            for (int a = 0; a < 5; a++) {
                String id = role.label() + a;
                double br0 = 0.02 * gauss(rnd);
                double brho = 0.01 * gauss(rnd);
                for (int t = 3; t <= 30; t += 3) {
                    double y = GompertzFit.curve(r0[g] + br0, rho[g] + brho, t) + 0.05 * gauss(rnd);
                    if (id.equals(spike) && t == 15) {
                        y += spikeSize;
                    }
                    rows.add(new RelativeVolume(id, role.label(), role, t, t, 100 * Math.exp(y), 100));
                }
            }
        }
        return rows;
    }

    private static double gauss(SplittableRandom rnd) {
        return new NormalDistribution(0, 1).inverseCumulativeProbability(rnd.nextDouble(1e-12, 1 - 1e-12));
    }

    @Test
    void of_gompertzFit_residualsAreObservedMinusAnimalCurve() {
        List<RelativeVolume> rows = simulated(11, "", 0);
        GompertzFit fit = GompertzGrowthModel.fit(rows);
        GrowthDiagnostics.Result d = GrowthDiagnostics.of(rows, fit);
        assertThat(d.model()).isEqualTo(GrowthDiagnostics.Model.GOMPERTZ);
        assertThat(d.residuals()).hasSize(rows.size());
        assertThat(d.animals()).hasSize(20);
        assertThat(d.cooksLimit()).isEqualTo(4.0 / 20);
        Map<String, double[]> re = fit.randomEffects();
        assertThat(re).hasSize(20);
        double sum = 0;
        double sumSq = 0;
        for (GrowthDiagnostics.Residual r : d.residuals()) {
            RelativeVolume row = r.row();
            int g = row.role().ordinal();
            double[] b = re.get(row.animalId());
            double f = GompertzFit.curve(fit.r0()[g] + b[0], fit.rho()[g] + b[1], row.time());
            assertThat(r.fitted()).isCloseTo(f, within(1e-14));
            assertThat(r.residual()).isCloseTo(row.logRtv() - f, within(1e-14));
            assertThat(r.standardised()).isCloseTo(r.residual() / fit.sigma(), within(1e-12));
            sum += r.residual();
            sumSq += r.residual() * r.residual();
        }
        // conditional residuals of a converged fit: centred, and their mean square is close to the
        // ML sigma² (the penalty on the random effects takes the rest of the linearised RSS)
        assertThat(Math.abs(sum) / rows.size()).isLessThan(0.1 * fit.sigma());
        assertThat(sumSq / rows.size()).isBetween(0.5 * fit.sigma() * fit.sigma(), fit.sigma() * fit.sigma());
        // simulated noise SD 0.05
        assertThat(fit.sigma()).isBetween(0.035, 0.065);
        // QQ positions: a permutation of qnorm(ppoints(n)) ordered like the residuals
        double[] q = d.residuals().stream()
                .mapToDouble(GrowthDiagnostics.Residual::theoreticalQuantile)
                .sorted()
                .toArray();
        double[] e = GrowthDiagnostics.theoreticalQuantiles(
                d.residuals().stream().mapToDouble(r -> -r.standardised()).toArray());
        java.util.Arrays.sort(e);
        assertThat(q).containsExactly(e, within(1e-15));
        GrowthDiagnostics.Residual lo = d.residuals().stream()
                .min(java.util.Comparator.comparingDouble(GrowthDiagnostics.Residual::standardised))
                .orElseThrow();
        assertThat(lo.theoreticalQuantile())
                .isCloseTo(new NormalDistribution(0, 1).inverseCumulativeProbability(0.5 / 200), within(1e-12));
        // per-animal random effects and their Mahalanobis norm
        double[] psi = fit.randomEffectCovariance();
        for (GrowthDiagnostics.AnimalDiagnostic a : d.animals()) {
            double[] b = re.get(a.animalId());
            assertThat(a.randomEffects()).containsExactly(b);
            double det = psi[0] * psi[2] - psi[1] * psi[1];
            double m2 = (psi[2] * b[0] * b[0] - 2 * psi[1] * b[0] * b[1] + psi[0] * b[1] * b[1]) / det;
            assertThat(a.standardisedRandomEffect().getAsDouble()).isCloseTo(Math.sqrt(m2), within(1e-9));
            assertThat(a.rows()).isEqualTo(10);
        }
    }

    @Test
    void of_plantedOutlierAnimal_flaggedCleanAnimalsNot() {
        List<RelativeVolume> clean = simulated(5, "", 0);
        GrowthDiagnostics.Result c = GrowthDiagnostics.of(clean, GompertzGrowthModel.fit(clean));
        assertThat(c.animals()).noneMatch(GrowthDiagnostics.AnimalDiagnostic::outlier);
        assertThat(c.animals()).allMatch(a -> a.cooksDistance().isPresent());
        assertThat(c.animals())
                .allMatch(a -> a.influential() == (a.cooksDistance().getAsDouble() > c.cooksLimit()));

        List<RelativeVolume> spiked = simulated(5, "drugA3", 1.0);
        GrowthDiagnostics.Result s = GrowthDiagnostics.of(spiked, GompertzGrowthModel.fit(spiked));
        GrowthDiagnostics.AnimalDiagnostic bad = s.animals().stream()
                .filter(a -> a.animalId().equals("drugA3"))
                .findFirst()
                .orElseThrow();
        assertThat(bad.outlier()).isTrue();
        assertThat(bad.reason()).contains("|standardised residual| > 3");
        assertThat(s.animals().stream().filter(GrowthDiagnostics.AnimalDiagnostic::outlier))
                .extracting(GrowthDiagnostics.AnimalDiagnostic::animalId)
                .containsExactly("drugA3");
        // the spiked row is the most extreme residual and sits at the top QQ position
        GrowthDiagnostics.Residual top = s.residuals().stream()
                .max(java.util.Comparator.comparingDouble(GrowthDiagnostics.Residual::standardised))
                .orElseThrow();
        assertThat(top.row().animalId()).isEqualTo("drugA3");
        assertThat(top.row().time()).isEqualTo(15);
        // the spike moves the fixed effects: D crosses 4/m and grows several-fold over the same
        // animal's D without the spike
        double cleanD = c.animals().stream()
                .filter(a -> a.animalId().equals("drugA3"))
                .findFirst()
                .orElseThrow()
                .cooksDistance()
                .getAsDouble();
        System.out.printf(
                "drugA3 Cook's D clean %.4f, spiked %.4f (limit %.3f)%n",
                cleanD, bad.cooksDistance().getAsDouble(), s.cooksLimit());
        assertThat(bad.influential()).isTrue();
        assertThat(bad.reason()).contains("Cook's distance > 4/20");
        assertThat(bad.cooksDistance().getAsDouble()).isGreaterThan(5 * cleanD);
    }
}
