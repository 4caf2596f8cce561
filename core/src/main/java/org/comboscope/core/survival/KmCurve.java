package org.comboscope.core.survival;

import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;

/**
 * A fitted Kaplan–Meier curve: one row per distinct observed time (ascending), with numbers at
 * risk, events, censorings, the survival estimate, its Greenwood standard error and pointwise
 * confidence bounds. Built by {@link KaplanMeier#fit}.
 *
 * <p>Undefined values (the standard error once the curve has reached 0, log-log bounds where the
 * curve is 1) are returned as empty {@link OptionalDouble}s; R prints them as {@code NA}/{@code
 * NaN}.
 */
public final class KmCurve {
    /** R's {@code all.equal} tolerance, used by {@code print.survfit} to spot a flat at the level. */
    static final double LEVEL_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private final ConfType confType;
    private final double confLevel;
    private final int n;
    private final double[] time;
    private final int[] nRisk;
    private final int[] nEvent;
    private final int[] nCensor;
    private final double[] surv;
    private final double[] varLog;
    private final double[] lower;
    private final double[] upper;

    KmCurve(
            ConfType confType,
            double confLevel,
            int n,
            double[] time,
            int[] nRisk,
            int[] nEvent,
            int[] nCensor,
            double[] surv,
            double[] varLog,
            double[] lower,
            double[] upper) {
        this.confType = confType;
        this.confLevel = confLevel;
        this.n = n;
        this.time = time;
        this.nRisk = nRisk;
        this.nEvent = nEvent;
        this.nCensor = nCensor;
        this.surv = surv;
        this.varLog = varLog;
        this.lower = lower;
        this.upper = upper;
    }

    public ConfType confType() {
        return confType;
    }

    public double confLevel() {
        return confLevel;
    }

    /** Number of subjects. */
    public int n() {
        return n;
    }

    /** Number of observed events. */
    public int events() {
        int k = 0;
        for (int d : nEvent) {
            k += d;
        }
        return k;
    }

    /** Number of rows (distinct observed times). */
    public int size() {
        return time.length;
    }

    public double time(int row) {
        return time[row];
    }

    /** Subjects at risk just before {@code time(row)}. */
    public int nRisk(int row) {
        return nRisk[row];
    }

    public int nEvent(int row) {
        return nEvent[row];
    }

    public int nCensor(int row) {
        return nCensor[row];
    }

    /** Survival probability just after {@code time(row)}. */
    public double surv(int row) {
        return surv[row];
    }

    /**
     * Greenwood standard error of the survival probability, {@code S·sqrt(Σ d/(n(n−d)))}, as
     * {@code summary.survfit} reports {@code std.err}; empty once the curve has reached 0.
     */
    public OptionalDouble stdErr(int row) {
        return defined(surv[row] * Math.sqrt(varLog[row]));
    }

    /** Greenwood standard error of {@code log S} (the {@code std.err} stored in a survfit object). */
    public OptionalDouble stdErrLog(int row) {
        return defined(Math.sqrt(varLog[row]));
    }

    public OptionalDouble lower(int row) {
        return defined(lower[row]);
    }

    public OptionalDouble upper(int row) {
        return defined(upper[row]);
    }

    /** The median survival time with its confidence interval ({@code print.survfit}). */
    public QuantileEstimate median() {
        return quantile(0.5);
    }

    /**
     * The time at which survival reaches {@code level} (0.5 = median; 0.75 and 0.25 the quartiles
     * of event times), with the interval read from the confidence band.
     *
     * <p>Rule (R's {@code print.survfit}, applied to any level): the first time whose curve value
     * is below {@code level + 1.5e-8}; if that value equals {@code level} within 1.5e-8 and the
     * curve drops lower later, the average of that time and the time of the next drop. The same
     * rule on the lower and upper bands gives the interval (Brookmeyer–Crowley); a band that is
     * undefined at a time is skipped there.
     *
     * @throws InvalidInputException if {@code level} is outside (0, 1)
     */
    public QuantileEstimate quantile(double level) {
        if (!(level > 0 && level < 1)) {
            throw new InvalidInputException("level", level, "must be in (0, 1)");
        }
        return new QuantileEstimate(level, crossing(surv, level), crossing(lower, level), crossing(upper, level));
    }

    private OptionalDouble crossing(double[] y, double level) {
        int first = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i]) && y[i] < level + LEVEL_TOLERANCE) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        if (Math.abs(y[first] - level) < LEVEL_TOLERANCE) {
            for (int j = first + 1; j < y.length; j++) {
                if (!Double.isNaN(y[j]) && y[j] < y[first]) {
                    return OptionalDouble.of((time[first] + time[j]) / 2);
                }
            }
        }
        return OptionalDouble.of(time[first]);
    }

    /**
     * The estimate at a fixed time, as {@code summary(fit, times = t)}: the row of the last
     * observed time {@code <= t}; before the first time the survival is 1 with standard error 0.
     *
     * @throws InvalidInputException if {@code t} is negative, not finite, or beyond the last
     *     observed time (the curve is not defined there)
     */
    public SurvivalEstimate at(double t) {
        if (!Double.isFinite(t) || t < 0) {
            throw new InvalidInputException("time", t, "must be finite and >= 0");
        }
        if (t > time[time.length - 1]) {
            throw new InvalidInputException(
                    "time", t, "must not exceed the last observed time " + time[time.length - 1]);
        }
        int row = -1;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            row = i;
        }
        int risk = atRisk(t);
        if (row < 0) {
            return new SurvivalEstimate(
                    t, risk, 1.0, OptionalDouble.of(0), defined(interval(1.0, 0)[0]), defined(interval(1.0, 0)[1]));
        }
        return new SurvivalEstimate(t, risk, surv[row], stdErr(row), lower(row), upper(row));
    }

    private double[] interval(double p, double seLog) {
        return KaplanMeier.interval(confType, p, seLog, KaplanMeier.normalQuantile(confLevel));
    }

    /** Number of subjects still under observation at {@code t} (follow-up {@code >= t}). */
    public int atRisk(double t) {
        int removedBefore = 0;
        for (int i = 0; i < time.length && time[i] < t; i++) {
            removedBefore += nEvent[i] + nCensor[i];
        }
        return n - removedBefore;
    }

    private static OptionalDouble defined(double x) {
        return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
    }
}
