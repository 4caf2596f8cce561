package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.error.FitFailureException;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * SynergyLMM's exponential growth model, {@code nlme::lme(logRTV ~ 0 + Time:Treatment, random = ~ 0 +
 * Time | SampleID)}, fitted in closed form.
 *
 * <p>Each animal belongs to one group, so for a fixed variance ratio {@code lambda = sigma_b^2 /
 * sigma^2} the generalised least-squares rates, the residual variance and the (restricted)
 * log-likelihood have closed forms in the per-animal sums {@code s = sum t^2}, {@code u = sum t y},
 * {@code q = sum y^2}. The profile likelihood is maximised over {@code log lambda} in [-30, 15] by a
 * grid followed by Brent's method; when the optimum is at the lower end the random-slope variance is
 * 0. The REML criterion equals nlme's {@code logLik()} (no {@code log|X'X|} term).
 */
public final class ExponentialGrowthModel {
    private static final double LOG_LAMBDA_MIN = -30;
    private static final double LOG_LAMBDA_MAX = 15;
    private static final double GRID_STEP = 0.25;

    private ExponentialGrowthModel() {}

    /**
     * Fits the model to prepared rows (time > 0).
     *
     * @throws FitFailureException when an arm has no rows, or there are no more rows than arms
     */
    public static ExponentialFit fit(List<RelativeVolume> rows, Estimation estimation) {
        int p = ArmRole.values().length;
        Map<String, double[]> sums = new LinkedHashMap<>(); // s, u, q, group
        int[] rowsPerGroup = new int[p];
        for (RelativeVolume r : rows) {
            double[] a = sums.computeIfAbsent(
                    r.animalId(), k -> new double[] {0, 0, 0, r.role().ordinal()});
            double t = r.time();
            double y = r.logRtv();
            a[0] += t * t;
            a[1] += t * y;
            a[2] += y * y;
            rowsPerGroup[r.role().ordinal()]++;
        }
        for (ArmRole role : ArmRole.values()) {
            if (rowsPerGroup[role.ordinal()] == 0) {
                throw new FitFailureException(
                        "exponential growth LMM", "arm " + role.label() + " has no measurement after time 0", null);
            }
        }
        return fitSums(sums, rowsPerGroup, rows.size(), estimation);
    }

    /**
     * Fits the model to per-animal sums {@code {s = sum t^2, u = sum t y, q = sum y^2, group index}}
     * for any number of groups ({@code rowsPerGroup.length}); every group must have rows.
     */
    static ExponentialFit fitSums(Map<String, double[]> sums, int[] rowsPerGroup, int n, Estimation estimation) {
        int p = rowsPerGroup.length;
        if (n <= p) {
            throw new FitFailureException(
                    "exponential growth LMM", "needs more rows than arms, has " + n + " rows", null);
        }
        List<double[]> animals = new ArrayList<>(sums.values());
        Profile prof = new Profile(animals, n, p, estimation);

        int steps = (int) Math.round((LOG_LAMBDA_MAX - LOG_LAMBDA_MIN) / GRID_STEP);
        int best = 0;
        double bestVal = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double v = prof.logLik(Math.exp(LOG_LAMBDA_MIN + i * GRID_STEP));
            if (v > bestVal) {
                bestVal = v;
                best = i;
            }
        }
        double lambda;
        if (best == 0) {
            lambda = prof.logLik(0) >= bestVal ? 0 : Math.exp(LOG_LAMBDA_MIN);
        } else {
            double lo = LOG_LAMBDA_MIN + (best - 1) * GRID_STEP;
            double hi = LOG_LAMBDA_MIN + Math.min(best + 1, steps) * GRID_STEP;
            BrentOptimizer opt = new BrentOptimizer(1e-14, 1e-14);
            UnivariatePointValuePair pv = opt.optimize(
                    new MaxEval(10_000),
                    new UnivariateObjectiveFunction(x -> prof.logLik(Math.exp(x))),
                    GoalType.MAXIMIZE,
                    new SearchInterval(lo, hi, LOG_LAMBDA_MIN + best * GRID_STEP));
            lambda = pv.getValue() >= bestVal ? Math.exp(pv.getPoint()) : Math.exp(LOG_LAMBDA_MIN + best * GRID_STEP);
        }
        double[] beta = prof.beta(lambda);
        double sigma2 = prof.sigma2(lambda, beta);
        double[] sws = prof.sumWs(lambda);
        double[] se = new double[p];
        for (int g = 0; g < p; g++) {
            se[g] = Math.sqrt(sigma2 / sws[g]);
        }
        Map<String, Double> ranef = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double[] a = e.getValue();
            double b = beta[(int) a[3]];
            ranef.put(e.getKey(), lambda * (a[1] - b * a[0]) / (1 + lambda * a[0]));
        }
        return new ExponentialFit(
                estimation, beta, se, Math.sqrt(sigma2), lambda, prof.logLik(lambda), n, animals.size(), ranef);
    }

    /** The profiled likelihood in lambda. */
    private static final class Profile {
        private final List<double[]> animals;
        private final int n;
        private final int p;
        private final Estimation estimation;

        Profile(List<double[]> animals, int n, int p, Estimation estimation) {
            this.animals = animals;
            this.n = n;
            this.p = p;
            this.estimation = estimation;
        }

        double[] sumWs(double lambda) {
            double[] sws = new double[p];
            for (double[] a : animals) {
                sws[(int) a[3]] += a[0] / (1 + lambda * a[0]);
            }
            return sws;
        }

        double[] beta(double lambda) {
            double[] num = new double[p];
            double[] den = new double[p];
            for (double[] a : animals) {
                double w = 1 / (1 + lambda * a[0]);
                num[(int) a[3]] += w * a[1];
                den[(int) a[3]] += w * a[0];
            }
            double[] b = new double[p];
            for (int g = 0; g < p; g++) {
                b[g] = num[g] / den[g];
            }
            return b;
        }

        double rss(double lambda, double[] beta) {
            double rss = 0;
            for (double[] a : animals) {
                double b = beta[(int) a[3]];
                double r = a[1] - b * a[0];
                rss += a[2] - 2 * b * a[1] + b * b * a[0] - lambda * r * r / (1 + lambda * a[0]);
            }
            return rss;
        }

        double sigma2(double lambda, double[] beta) {
            return rss(lambda, beta) / (estimation == Estimation.REML ? n - p : n);
        }

        double logLik(double lambda) {
            double[] beta = beta(lambda);
            double s2 = sigma2(lambda, beta);
            double logDetV = 0;
            for (double[] a : animals) {
                logDetV += Math.log1p(lambda * a[0]);
            }
            if (estimation == Estimation.ML) {
                return -0.5 * (n * (Math.log(2 * Math.PI) + 1 + Math.log(s2)) + logDetV);
            }
            double logDetXVX = 0;
            for (double s : sumWs(lambda)) {
                logDetXVX += Math.log(s);
            }
            return -0.5 * ((n - p) * (Math.log(2 * Math.PI) + 1 + Math.log(s2)) + logDetV + logDetXVX);
        }
    }
}
