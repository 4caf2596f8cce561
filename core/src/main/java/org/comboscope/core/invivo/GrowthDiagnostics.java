package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Diagnostics of a fitted exponential growth mixed model ({@link ExponentialGrowthModel}).
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

    /**
     * One fitted row.
     *
     * @param row the prepared row
     * @param fitted {@code (beta_g + b_i) t}
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
     * @param randomSlope predicted random slope b_i (per day)
     * @param standardisedRandomSlope {@code b_i / sigma_b}; empty when sigma_b = 0
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
            double randomSlope,
            OptionalDouble standardisedRandomSlope,
            double maxAbsStandardisedResidual,
            OptionalDouble cooksDistance,
            boolean outlier,
            boolean influential,
            String reason) {
        /** Outlier or influential. */
        public boolean flagged() {
            return outlier || influential;
        }
    }

    /**
     * The diagnostics.
     *
     * @param residuals fitted rows in input order
     * @param animals animals in input order
     * @param cooksLimit the D threshold used, {@code 4 / m}
     */
    public record Result(List<Residual> residuals, List<AnimalDiagnostic> animals, double cooksLimit) {
        public Result {
            residuals = List.copyOf(residuals);
            animals = List.copyOf(animals);
        }
    }

    /** Diagnostics of {@code fit}, fitted to {@code rows}. */
    public static Result of(List<RelativeVolume> rows, ExponentialFit fit) {
        double[] beta = fit.rates();
        Map<String, Double> ranef = fit.randomSlopes();
        int n = rows.size();
        double[] std = new double[n];
        List<double[]> fr = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RelativeVolume r = rows.get(i);
            double f = (beta[r.role().ordinal()] + ranef.getOrDefault(r.animalId(), 0.0)) * r.time();
            double res = r.logRtv() - f;
            fr.add(new double[] {f, res});
            std[i] = res / fit.sigma();
        }
        double[] q = theoreticalQuantiles(std);
        List<Residual> residuals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            residuals.add(new Residual(rows.get(i), fr.get(i)[0], fr.get(i)[1], std[i], q[i]));
        }

        Map<String, List<Integer>> byAnimal = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byAnimal.computeIfAbsent(rows.get(i).animalId(), k -> new ArrayList<>())
                    .add(i);
        }
        int m = byAnimal.size();
        double limit = 4.0 / m;
        double sigmaB = fit.randomSlopeSd();
        double[] se = fit.standardErrors();
        List<AnimalDiagnostic> animals = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byAnimal.entrySet()) {
            String id = e.getKey();
            RelativeVolume first = rows.get(e.getValue().get(0));
            double maxAbs = 0;
            for (int i : e.getValue()) {
                maxAbs = Math.max(maxAbs, Math.abs(std[i]));
            }
            OptionalDouble cook = cooksDistance(rows, id, beta, se);
            double b = ranef.getOrDefault(id, 0.0);
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
                    sigmaB > 0 ? OptionalDouble.of(b / sigmaB) : OptionalDouble.empty(),
                    maxAbs,
                    cook,
                    maxAbs > RESIDUAL_LIMIT,
                    cook.isPresent() && cook.getAsDouble() > limit,
                    String.join("; ", why)));
        }
        return new Result(residuals, animals, limit);
    }

    private static OptionalDouble cooksDistance(List<RelativeVolume> rows, String animal, double[] beta, double[] se) {
        List<RelativeVolume> rest =
                rows.stream().filter(r -> !r.animalId().equals(animal)).toList();
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
