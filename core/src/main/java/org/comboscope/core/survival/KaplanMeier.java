package org.comboscope.core.survival;

import java.util.Arrays;
import org.comboscope.core.error.InvalidInputException;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Kaplan–Meier estimator as R survival 3.5 computes it ({@code survfit(Surv(time, event) ~ 1)}).
 *
 * <p>The curve has one row per distinct observed time, censored-only times included (as
 * {@code summary(fit, censored = TRUE)}). The variance is Greenwood's: {@code Var(log S(t)) = Σ
 * d/(n(n−d))} over event times up to {@code t}; it is infinite once every subject at risk has had
 * the event, so the standard error and intervals are undefined from there on.
 */
public final class KaplanMeier {
    /** The confidence level R uses by default. */
    public static final double DEFAULT_CONF_LEVEL = 0.95;

    private KaplanMeier() {}

    /** Fits the curve with 95 % intervals of the given type. */
    public static KmCurve fit(SurvivalSample sample, ConfType confType) {
        return fit(sample, confType, DEFAULT_CONF_LEVEL);
    }

    /**
     * Fits the curve.
     *
     * @param confLevel two-sided confidence level in (0, 1)
     * @throws InvalidInputException if {@code confLevel} is outside (0, 1)
     */
    public static KmCurve fit(SurvivalSample sample, ConfType confType, double confLevel) {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new InvalidInputException("conf-level", confLevel, "must be in (0, 1)");
        }
        int n = sample.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sample.timeAt(a), sample.timeAt(b)));

        double[] time = new double[n];
        int[] nRisk = new int[n];
        int[] nEvent = new int[n];
        int[] nCensor = new int[n];
        double[] surv = new double[n];
        double[] varLog = new double[n];
        int rows = 0;
        double s = 1.0;
        double v = 0.0;
        int i = 0;
        while (i < n) {
            double t = sample.timeAt(order[i]);
            int atRisk = n - i;
            int d = 0;
            int c = 0;
            while (i < n && sample.timeAt(order[i]) == t) {
                if (sample.eventAt(order[i])) {
                    d++;
                } else {
                    c++;
                }
                i++;
            }
            if (d > 0) {
                s *= (double) (atRisk - d) / atRisk;
                v += atRisk > d ? (double) d / ((double) atRisk * (atRisk - d)) : Double.POSITIVE_INFINITY;
            }
            time[rows] = t;
            nRisk[rows] = atRisk;
            nEvent[rows] = d;
            nCensor[rows] = c;
            surv[rows] = s;
            varLog[rows] = v;
            rows++;
        }
        double z = normalQuantile(confLevel);
        double[] lower = new double[rows];
        double[] upper = new double[rows];
        for (int r = 0; r < rows; r++) {
            double[] ci = interval(confType, surv[r], Math.sqrt(varLog[r]), z);
            lower[r] = ci[0];
            upper[r] = ci[1];
        }
        return new KmCurve(
                confType,
                confLevel,
                n,
                Arrays.copyOf(time, rows),
                Arrays.copyOf(nRisk, rows),
                Arrays.copyOf(nEvent, rows),
                Arrays.copyOf(nCensor, rows),
                Arrays.copyOf(surv, rows),
                Arrays.copyOf(varLog, rows),
                lower,
                upper);
    }

    /**
     * Median follow-up by the reverse Kaplan–Meier method: the median of the curve fitted with
     * censorings as events and events as censorings ({@code survfit(Surv(time, 1 − event) ~ 1)}),
     * with its interval of the given type.
     */
    public static QuantileEstimate medianFollowUp(SurvivalSample sample, ConfType confType) {
        return fit(sample.reversed(), confType).median();
    }

    /** {@code qnorm((1 + confLevel) / 2)}. */
    static double normalQuantile(double confLevel) {
        return new NormalDistribution(0, 1).inverseCumulativeProbability(1 - (1 - confLevel) / 2);
    }

    /**
     * R's {@code survfit_confint} with {@code logse = TRUE}: {@code seLog} is the standard error of
     * {@code log S}. Undefined bounds are NaN (turned into empty optionals by {@link KmCurve}).
     */
    static double[] interval(ConfType type, double p, double seLog, double z) {
        switch (type) {
            case PLAIN -> {
                double half = seLog * p * z;
                return new double[] {Math.max(p - half, 0), Math.min(p + half, 1)};
            }
            case LOG -> {
                if (p == 0) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double half = z * seLog;
                return new double[] {Math.exp(Math.log(p) - half), Math.min(Math.exp(Math.log(p) + half), 1)};
            }
            case LOG_LOG -> {
                if (p == 0 || p == 1) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double logMinusLog = Math.log(-Math.log(p));
                // log(p) < 0, so half < 0: subtracting it moves towards lower survival.
                double half = z * seLog / Math.log(p);
                return new double[] {Math.exp(-Math.exp(logMinusLog - half)), Math.exp(-Math.exp(logMinusLog + half))};
            }
        }
        throw new AssertionError(type);
    }
}
