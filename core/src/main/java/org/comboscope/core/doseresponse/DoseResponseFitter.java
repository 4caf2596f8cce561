package org.comboscope.core.doseresponse;

import java.util.OptionalDouble;
import org.comboscope.core.error.FitFailureException;

/**
 * Fits a four-parameter dose-response curve. Implementations name the algorithm: {@link
 * SynergyFinderFitter} reproduces drc as SynergyFinder calls it; {@link LeastSquaresFitter} finds
 * the least-squares optimum.
 */
public interface DoseResponseFitter {

    /**
     * Fits a curve with SynergyFinder's {@code FitDoseResponse} semantics: LL.4 on dose (zero doses
     * allowed), falling back to L.4 on natural-log dose.
     *
     * @param doses doses, finite and >= 0
     * @param responses percent inhibition, finite
     * @param fixedC value of {@code c} to hold fixed (SynergyFinder's Emin), or empty
     * @param fixedD value of {@code d} to hold fixed (Emax), or empty
     * @throws FitFailureException when no curve could be fitted
     */
    CurveFit fit(double[] doses, double[] responses, OptionalDouble fixedC, OptionalDouble fixedD);

    /** A free four-parameter fit. */
    default CurveFit fit(double[] doses, double[] responses) {
        return fit(doses, responses, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * SynergyFinder's RI fit: all four parameters free on the given (non-zero) doses, LL.4 falling
     * back to L.4 on log10 dose.
     *
     * @throws FitFailureException when no curve could be fitted
     */
    CurveFit fitForRi(double[] doses, double[] responses);
}
