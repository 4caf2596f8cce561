package org.comboscope.core.doseresponse;

import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.error.FitFailureException;
import org.comboscope.core.error.InvalidInputException;

/**
 * Curve fits exactly as SynergyFinder 3.15 obtains them from drc 3.0-1 ({@code FitDoseResponse}):
 * if the responses have zero variance, 1e-10 is added to the last one; then drc's LL.4 fit; if
 * that fails, L.4 on natural-log dose with zero doses replaced by 1e-10. Stateless and
 * thread-safe.
 */
public final class SynergyFinderFitter implements DoseResponseFitter {

    /** Added to the last response when all responses are equal (SynergyFinder's tweak). */
    public static final double ZERO_VARIANCE_TWEAK = 1e-10;

    @Override
    public CurveFit fit(double[] doses, double[] responses, OptionalDouble fixedC, OptionalDouble fixedD) {
        check(doses, responses);
        double[] y = tweak(responses);
        double[] fixed = {
            Double.NaN, fixedC.orElse(Double.NaN), fixedD.orElse(Double.NaN), Double.NaN,
        };
        int free = 2 + (fixedC.isPresent() ? 0 : 1) + (fixedD.isPresent() ? 0 : 1);
        Drm.Result ll4 = Drm.fit(CurveModel.LL4, doses, y, fixed);
        if (ll4.converged()) {
            double[] p = ll4.parameters();
            return CurveFit.of(
                    DoseResponseCurve.ll4(p[0], p[1], p[2], p[3]), doses, y, free, ll4.covariance(), trace(ll4, ""));
        }
        double[] t = new double[doses.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.log(doses[i] == 0 ? DoseResponseCurve.ZERO_DOSE_SUBSTITUTE : doses[i]);
        }
        Drm.Result l4 = Drm.fit(CurveModel.L4, t, y, fixed);
        if (l4.converged()) {
            double[] p = l4.parameters();
            return CurveFit.of(
                    DoseResponseCurve.l4(p[0], p[1], p[2], p[3]),
                    doses,
                    y,
                    free,
                    l4.covariance(),
                    trace(l4, ll4.failure()));
        }
        throw new FitFailureException(
                "LL.4/L.4", "LL.4: " + ll4.failure() + "; L.4 fallback: " + l4.failure(), l4.start());
    }

    @Override
    public CurveFit fitForRi(double[] doses, double[] responses) {
        check(doses, responses);
        for (double d : doses) {
            if (!(d > 0)) {
                throw new InvalidInputException("dose", d, "must be > 0 for an RI fit");
            }
        }
        double[] y = tweak(responses);
        double[] fixed = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        Drm.Result ll4 = Drm.fit(CurveModel.LL4, doses, y, fixed);
        if (ll4.converged()) {
            double[] p = ll4.parameters();
            return CurveFit.of(
                    DoseResponseCurve.ll4(p[0], p[1], p[2], p[3]), doses, y, 4, ll4.covariance(), trace(ll4, ""));
        }
        double[] t = new double[doses.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.log10(doses[i]);
        }
        Drm.Result l4 = Drm.fit(CurveModel.L4, t, y, fixed);
        if (l4.converged()) {
            double[] p = l4.parameters();
            return CurveFit.of(
                    DoseResponseCurve.l4(p[0], p[1], p[2], p[3], 10.0),
                    doses,
                    y,
                    4,
                    l4.covariance(),
                    trace(l4, ll4.failure()));
        }
        throw new FitFailureException(
                "LL.4/L.4", "LL.4: " + ll4.failure() + "; L.4 fallback: " + l4.failure(), l4.start());
    }

    private static FitTrace trace(Drm.Result r, String ll4Failure) {
        return new FitTrace(
                ll4Failure.isEmpty() ? Optional.empty() : Optional.of(ll4Failure),
                r.start(),
                r.doseScaling(),
                r.respScaling(),
                r.functionCount(),
                r.gradientCount());
    }

    static void check(double[] doses, double[] responses) {
        if (doses.length != responses.length) {
            throw new InvalidInputException(
                    "responses", responses.length, "must have one value per dose (" + doses.length + ")");
        }
        if (doses.length < 2) {
            throw new InvalidInputException("doses", doses.length, "must have at least 2 points for a curve fit");
        }
        for (int i = 0; i < doses.length; i++) {
            if (!Double.isFinite(doses[i]) || doses[i] < 0) {
                throw new InvalidInputException("dose", doses[i], "must be finite and >= 0", "point " + (i + 1));
            }
            if (!Double.isFinite(responses[i])) {
                throw new InvalidInputException("response", responses[i], "must be finite", "point " + (i + 1));
            }
        }
    }

    static double[] tweak(double[] responses) {
        double[] y = responses.clone();
        boolean constant = true;
        for (int i = 1; i < y.length; i++) {
            if (y[i] != y[0]) {
                constant = false;
                break;
            }
        }
        if (y.length > 1 && constant) {
            y[y.length - 1] += ZERO_VARIANCE_TWEAK;
        }
        return y;
    }
}
