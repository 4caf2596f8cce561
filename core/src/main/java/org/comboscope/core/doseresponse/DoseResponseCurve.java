package org.comboscope.core.doseresponse;

import org.comboscope.core.error.InvalidInputException;

/**
 * A fitted four-parameter dose-response curve in drc's parameterisation. Responses are in percent
 * inhibition; doses in the block's concentration unit.
 *
 * <p>drc's sign convention: {@code b < 0} means the curve increases with dose (from {@code c} at
 * low dose to {@code d} at high dose). For {@link CurveModel#L4} the curve is on {@code log(dose)}
 * in base {@code logBase} (e for SynergyFinder's fallback fits, 10 for its RI fits), and {@code e}
 * is the log of the EC50 in that base.
 *
 * @param model LL.4 or L.4
 * @param b slope (dimensionless; negative = increasing)
 * @param c response at zero dose when {@code b < 0} (lower asymptote for increasing curves)
 * @param d response at infinite dose when {@code b < 0}
 * @param e EC50 (LL.4, dose units) or log EC50 (L.4)
 * @param logBase the base of the dose logarithm for L.4 ({@code Math.E} or 10); ignored for LL.4
 */
public record DoseResponseCurve(CurveModel model, double b, double c, double d, double e, double logBase) {

    /** Dose that SynergyFinder substitutes for 0 before taking logs for an L.4 fit. */
    public static final double ZERO_DOSE_SUBSTITUTE = 1e-10;

    public DoseResponseCurve {
        if (model == null) {
            throw new InvalidInputException("model", null, "must be LL.4 or L.4");
        }
        if (!(Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d) && Double.isFinite(e))) {
            throw new InvalidInputException(
                    "parameters", "b=" + b + ", c=" + c + ", d=" + d + ", e=" + e, "must all be finite");
        }
        if (model == CurveModel.LL4 && e <= 0) {
            throw new InvalidInputException("e", e, "must be > 0 for LL.4");
        }
        if (model == CurveModel.L4 && !(logBase == Math.E || logBase == 10.0)) {
            throw new InvalidInputException("logBase", logBase, "must be e or 10 for L.4");
        }
    }

    /** An LL.4 curve. */
    public static DoseResponseCurve ll4(double b, double c, double d, double e) {
        return new DoseResponseCurve(CurveModel.LL4, b, c, d, e, Math.E);
    }

    /** An L.4 curve on natural-log dose. */
    public static DoseResponseCurve l4(double b, double c, double d, double e) {
        return new DoseResponseCurve(CurveModel.L4, b, c, d, e, Math.E);
    }

    /** An L.4 curve on log-dose of the given base. */
    public static DoseResponseCurve l4(double b, double c, double d, double e, double logBase) {
        return new DoseResponseCurve(CurveModel.L4, b, c, d, e, logBase);
    }

    /** The dose transform used by L.4 fits: log in {@link #logBase()}. */
    double logDose(double dose) {
        return logBase == 10.0 ? Math.log10(dose) : Math.log(dose);
    }

    /**
     * Response (percent inhibition) at {@code dose}, as drc's {@code predict} gives it for a new
     * dose: for dose 0 the limit ({@code c} if {@code b < 0}, {@code d} if {@code b > 0}).
     */
    public double predict(double dose) {
        if (model == CurveModel.LL4) {
            // drc's form: exp(b·log(dose/e)); for dose 0 the limit follows from log(0) = −∞.
            return c + (d - c) / (1 + ReferenceArithmetic.exp(b * Math.log(dose / e)));
        }
        return c + (d - c) / (1 + ReferenceArithmetic.exp(b * (logDose(dose) - e)));
    }

    /**
     * Response at a dose as the fit saw it: for L.4 a zero dose is the substituted
     * {@link #ZERO_DOSE_SUBSTITUTE}, as in SynergyFinder's fitted values.
     */
    public double fittedAt(double dose) {
        if (model == CurveModel.L4 && dose == 0) {
            return predict(ZERO_DOSE_SUBSTITUTE);
        }
        return predict(dose);
    }

    /** The EC50 in dose units: {@code e} for LL.4, {@code base^e} for L.4 (the curve midpoint). */
    public double ec50() {
        return model == CurveModel.LL4 ? e : (logBase == 10.0 ? Math.pow(10, e) : Math.exp(e));
    }

    /**
     * The dose at which the curve gives {@code response}, as SynergyFinder's {@code .SolveExpDose}
     * computes it (LL.4: {@code e·((y − d)/(c − y))^(1/b)}; L.4: {@code exp(e + ln((d − y)/(y −
     * c))/b)}); when that is undefined, {@code +Infinity} if the response lies above both
     * asymptotes and 0 otherwise. Never NaN.
     */
    public double inverse(double response) {
        double x;
        if (model == CurveModel.LL4) {
            x = e * rPow((response - d) / (c - response), 1 / b);
        } else {
            x = Math.exp(e + Math.log((d - response) / (response - c)) / b);
        }
        if (Double.isNaN(x)) {
            return response > Math.max(c, d) ? Double.POSITIVE_INFINITY : 0.0;
        }
        return x;
    }

    /**
     * {@code x^y} with R's rules where they differ from {@link Math#pow}: {@code 1^y = 1} for any
     * y, {@code 0^negative = +Inf} also for {@code -0.0}.
     */
    static double rPow(double x, double y) {
        if (x == 1.0 || y == 0.0) {
            return 1.0;
        }
        if (x == 0.0) {
            if (y > 0) {
                return 0.0;
            }
            return y < 0 ? Double.POSITIVE_INFINITY : y;
        }
        if (Double.isFinite(x) && Double.isFinite(y)) {
            return y == 2.0 ? x * x : Math.pow(x, y);
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return x + y;
        }
        if (!Double.isFinite(x)) {
            if (x > 0) {
                return y < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            }
            if (Double.isFinite(y) && y == Math.floor(y)) {
                return y < 0 ? 0.0 : (y % 2 != 0 ? x : -x);
            }
        }
        if (!Double.isFinite(y) && x >= 0) {
            if (y > 0) {
                return x >= 1 ? Double.POSITIVE_INFINITY : 0.0;
            }
            return x < 1 ? Double.POSITIVE_INFINITY : 0.0;
        }
        return Double.NaN;
    }
}
