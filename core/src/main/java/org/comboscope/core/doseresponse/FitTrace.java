package org.comboscope.core.doseresponse;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a drc-compatible fit was reached: checkpoints for comparing with drc's own run.
 *
 * @param ll4Failure why the LL.4 attempt failed when the fit fell back to L.4; empty otherwise
 * @param start drc's start values (b, c, d, e) on the original scale; NaN for fixed parameters
 * @param doseScaling power-of-ten dose scaling (1 for L.4)
 * @param responseScaling power-of-ten response scaling (1 for L.4)
 * @param functionCount optim's function-evaluation count
 * @param gradientCount optim's gradient-evaluation count
 */
public record FitTrace(
        Optional<String> ll4Failure,
        double[] start,
        double doseScaling,
        double responseScaling,
        int functionCount,
        int gradientCount) {

    public FitTrace {
        start = start.clone();
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitTrace t
                && ll4Failure.equals(t.ll4Failure)
                && Arrays.equals(start, t.start)
                && doseScaling == t.doseScaling
                && responseScaling == t.responseScaling
                && functionCount == t.functionCount
                && gradientCount == t.gradientCount;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start) * 31 + functionCount;
    }

    @Override
    public String toString() {
        return "FitTrace[ll4Failure=" + ll4Failure + ", start=" + Arrays.toString(start) + ", ds=" + doseScaling
                + ", rs=" + responseScaling + ", fn=" + functionCount + ", gr=" + gradientCount + "]";
    }
}
