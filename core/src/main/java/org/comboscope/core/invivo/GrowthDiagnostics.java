package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Diagnostics of a fitted exponential ({@link ExponentialGrowthModel}) or Gompertz ({@link
 * GompertzGrowthModel}) growth mixed model. Described for the exponential model; the Gompertz
 * model uses the same rules with its own curve and two random effects (see {@link #of(List,
 * GompertzFit)}).
 *
 * <ul>
 *   <li>Residuals per fitted row are conditional on the animal's predicted random slope (nlme's
 *       {@code residuals(fit, level = 1)}): {@code r = logRTV − (beta_g + b_i) t}; standardised by
 *       the residual SD, {@code r / sigma} (nlme's {@code type = "pearson"}).
 *   <li>Normal QQ data: the sorted standardised residuals against {@code qnorm(ppoints(n))}, R's
 *       plotting positions {@code (i − a) / (n + 1 − 2a)}, {@code a = 3/8} for {@code n <= 10}, else
 *       1/2.
 *   <li>Influence of an animal: the model is refitted without it (REML) and a Cook's-distance-like
 *       {@code D = Σ_g (beta_g − beta_g(−i))² / Var(beta_g) / p} is formed with the full fit's
 *       variances ({@code p} = 4 arms); empty when the refit fails (e.g. the animal is the only one
 *       of its arm with data).
 *   <li>Flags: an animal is an <b>outlier</b> when any of its standardised residuals has {@code |r| >
 *       3}; it is <b>influential</b> when {@code D > 4 / m} ({@code m} = animals in the fit; the
 *       4/n rule of thumb of influence.ME for mixed models). The influence rule is liberal (with six
 *       animals per arm it flags a random-slope deviation of about 1.8 SD), so it marks animals to
 *       look at, not to drop.
 * </ul>
 */
public final class GrowthDiagnostics {
    /** |standardised residual| above which a row is an outlier. */
    public static final double RESIDUAL_LIMIT = 3;

    private GrowthDiagnostics() {}

    /** The growth model whose fit is diagnosed. */
    public enum Model {
        /** {@link ExponentialGrowthModel}: one random slope per animal. */
        EXPONENTIAL,
        /** {@link GompertzGrowthModel}: random (r0, rho) per animal. */
        GOMPERTZ
    }

    /**
     * One fitted row.
     *
     * @param row the prepared row
     * @param fitted {@code (beta_g + b_i) t} (Gompertz: the animal's curve at t)
     * @param residual {@code logRTV − fitted}
     * @param standardised {@code residual / sigma}
     * @param theoreticalQuantile normal quantile of the row's rank among all standardised residuals
     */
    public record Residual(
            RelativeVolume row, double fitted, double residual, double standardised, double theoreticalQuantile) {}

    /**
     * One animal.
     *
     * @param animalId animal
     * @param group its group
     * @param role its role
     * @param rows fitted rows of the animal
     * @param randomEffects predicted random effects of the animal: exponential model {@code {b_i}}
     *     (random slope, per day); Gompertz model {@code {b_i,r0, b_i,rho}}
     * @param standardisedRandomEffect exponential: {@code b_i / sigma_b}, empty when sigma_b = 0;
     *     Gompertz: {@code sqrt(b_i' Psi^-1 b_i)}, empty when Psi is singular
     * @param maxAbsStandardisedResidual largest |standardised residual|
     * @param cooksDistance influence D; empty when the refit without the animal fails
     * @param outlier some standardised residual has |r| > 3
     * @param influential {@code D > 4 / m}
     * @param reason why it is flagged, empty when it is not
     */
    public record AnimalDiagnostic(
            String animalId,
            String group,
            ArmRole role,
            int rows,
            double[] randomEffects,
            OptionalDouble standardisedRandomEffect,
            double maxAbsStandardisedResidual,
            OptionalDouble cooksDistance,
            boolean outlier,
            boolean influential,
            String reason) {
        public AnimalDiagnostic {
            randomEffects = randomEffects.clone();
        }

        @Override
        public double[] randomEffects() {
            return randomEffects.clone();
        }

        /** Outlier or influential. */
        public boolean flagged() {
            return outlier || influential;
        }
    }

    /**
     * The diagnostics.
     *
     * @param model the growth model diagnosed
     * @param residuals fitted rows in input order
     * @param animals animals in input order
     * @param cooksLimit the D threshold used, {@code 4 / m}
     */
    public record Result(Model model, List<Residual> residuals, List<AnimalDiagnostic> animals, double cooksLimit) {
        public Result {
            residuals = List.copyOf(residuals);
            animals = List.copyOf(animals);
        }
    }

    /** Diagnostics of the exponential {@code fit}, fitted to {@code rows}. */
    public static Result of(List<RelativeVolume> rows, ExponentialFit fit) {
        double[] beta = fit.rates();
        Map<String, Double> ranef = fit.randomSlopes();
        double sigmaB = fit.randomSlopeSd();
        double[] se = fit.standardErrors();
        double[] fitted = new double[rows.size()];
        for (int i = 0; i < fitted.length; i++) {
            RelativeVolume r = rows.get(i);
            fitted[i] = (beta[r.role().ordinal()] + ranef.getOrDefault(r.animalId(), 0.0)) * r.time();
        }
        return assemble(
                Model.EXPONENTIAL,
                rows,
                fitted,
                fit.sigma(),
                id -> {
                    double b = ranef.getOrDefault(id, 0.0);
                    return new double[] {b};
                },
                b -> sigmaB > 0 ? OptionalDouble.of(b[0] / sigmaB) : OptionalDouble.empty(),
                id -> {
                    List<RelativeVolume> rest = without(rows, id);
                    ExponentialFit f;
                    try {
                        f = ExponentialGrowthModel.fit(rest, Estimation.REML);
                    } catch (FitFailureException ex) {
                        return OptionalDouble.empty();
                    }
                    double[] b = f.rates();
                    double d = 0;
                    for (int g = 0; g < beta.length; g++) {
                        double diff = beta[g] - b[g];
                        d += diff * diff / (se[g] * se[g]);
                    }
                    return OptionalDouble.of(d / beta.length);
                });
    }

    /**
     * Diagnostics of the Gompertz {@code fit}, fitted to {@code rows}: residuals {@code logRTV −
     * G(r0_g + b_i,r0, rho_g + b_i,rho; t)} given the animal's predicted random effects (nlme's
     * {@code residuals(fit, level = 1)} of the {@code nlme()} fit), Pearson residuals {@code r /
     * sigma}; the standardised random effect is the Mahalanobis norm {@code sqrt(b_i' Psi^-1 b_i)}
     * (empty when Psi is singular); influence {@code D = Σ_g Δ_g' V_g^-1 Δ_g / 8} with {@code Δ_g} the
     * change of arm g's (r0, rho) when the animal is left out (ML refit) and {@code V_g} the full
     * fit's {@code vcov()} block; same flag rules as the exponential model.
     */
    public static Result of(List<RelativeVolume> rows, GompertzFit fit) {
        double[] r0 = fit.r0();
        double[] rho = fit.rho();
        double[][] cov = fit.covariance();
        Map<String, double[]> ranef = fit.randomEffects();
        double[] psi = fit.randomEffectCovariance();
        double det = psi[0] * psi[2] - psi[1] * psi[1];
        double[] fitted = new double[rows.size()];
        for (int i = 0; i < fitted.length; i++) {
            RelativeVolume r = rows.get(i);
            int g = r.role().ordinal();
            double[] b = ranef.getOrDefault(r.animalId(), new double[2]);
            fitted[i] = GompertzFit.curve(r0[g] + b[0], rho[g] + b[1], r.time());
        }
        return assemble(
                Model.GOMPERTZ,
                rows,
                fitted,
                fit.sigma(),
                id -> ranef.getOrDefault(id, new double[2]),
                b -> {
                    if (!(det > 0)) {
                        return OptionalDouble.empty();
                    }
                    double q = (psi[2] * b[0] * b[0] - 2 * psi[1] * b[0] * b[1] + psi[0] * b[1] * b[1]) / det;
                    return OptionalDouble.of(Math.sqrt(Math.max(0, q)));
                },
                id -> {
                    GompertzFit f;
                    try {
                        f = GompertzGrowthModel.fit(without(rows, id));
                    } catch (FitFailureException ex) {
                        return OptionalDouble.empty();
                    }
                    double d = 0;
                    for (int g = 0; g < r0.length; g++) {
                        double[] v = cov[g];
                        double vd = v[0] * v[2] - v[1] * v[1];
                        double a = r0[g] - f.r0()[g];
                        double c = rho[g] - f.rho()[g];
                        d += (v[2] * a * a - 2 * v[1] * a * c + v[0] * c * c) / vd;
                    }
                    double dd = d / (2.0 * r0.length);
                    return Double.isFinite(dd) ? OptionalDouble.of(dd) : OptionalDouble.empty();
                });
    }

    private static List<RelativeVolume> without(List<RelativeVolume> rows, String animal) {
        return rows.stream().filter(r -> !r.animalId().equals(animal)).toList();
    }

    private static Result assemble(
            Model model,
            List<RelativeVolume> rows,
            double[] fitted,
            double sigma,
            Function<String, double[]> randomEffects,
            Function<double[], OptionalDouble> standardisedEffect,
            Function<String, OptionalDouble> influence) {
        int n = rows.size();
        double[] res = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            res[i] = rows.get(i).logRtv() - fitted[i];
            std[i] = res[i] / sigma;
        }
        double[] q = theoreticalQuantiles(std);
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            residuals.add(new Residual(rows.get(i), fitted[i], res[i], std[i], q[i]));
        }

        Map<String, List<Integer>> byAnimal = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byAnimal.computeIfAbsent(rows.get(i).animalId(), k -> new ArrayList<>())
                    .add(i);
        }
        int m = byAnimal.size();
        double limit = 4.0 / m;
        List<AnimalDiagnostic> animals = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byAnimal.entrySet()) {
            String id = e.getKey();
            RelativeVolume first = rows.get(e.getValue().get(0));
            double maxAbs = 0;
            for (int i : e.getValue()) {
                maxAbs = Math.max(maxAbs, Math.abs(std[i]));
            }
            OptionalDouble cook = influence.apply(id);
            double[] b = randomEffects.apply(id);
            List<String> why = new ArrayList<>();
            if (maxAbs > RESIDUAL_LIMIT) {
                why.add("|standardised residual| > " + (int) RESIDUAL_LIMIT);
            }
            if (cook.isPresent() && cook.getAsDouble() > limit) {
                why.add("Cook's distance > 4/" + m);
            }
            animals.add(new AnimalDiagnostic(
                    id,
                    first.group(),
                    first.role(),
                    e.getValue().size(),
                    b,
                    standardisedEffect.apply(b),
                    maxAbs,
                    cook,
                    maxAbs > RESIDUAL_LIMIT,
                    cook.isPresent() && cook.getAsDouble() > limit,
                    String.join("; ", why)));
        }
        return new Result(model, residuals, animals, limit);
    }

    /**
     * {@code qnorm(ppoints(n))} assigned to the values by rank (ties broken by position), so that
     * plotting value against quantile gives the normal QQ plot.
     */
    public static double[] theoreticalQuantiles(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double a = n <= 10 ? 3.0 / 8 : 0.5;
        NormalDistribution z = new NormalDistribution(0, 1);
        double[] q = new double[n];
        for (int k = 0; k < n; k++) {
            q[order[k]] = z.inverseCumulativeProbability((k + 1 - a) / (n + 1 - 2 * a));
        }
        return q;
    }
}
