package org.comboscope.core.error;

/**
 * A model could not be fitted: names the model, the reason and the last parameters tried.
 */
public final class FitFailureException extends ComboscopeException {
    private static final long serialVersionUID = 1L;

    private final String model;
    private final String reason;
    private final double[] lastParameters;

    public FitFailureException(String model, String reason, double[] lastParameters) {
        super(model + " fit failed: " + reason + lastText(lastParameters));
        this.model = model;
        this.reason = reason;
        this.lastParameters = lastParameters == null ? new double[0] : lastParameters.clone();
    }

    private static String lastText(double[] p) {
        return p == null || p.length == 0 ? "" : " (last parameters " + java.util.Arrays.toString(p) + ")";
    }

    public String model() {
        return model;
    }

    public String reason() {
        return reason;
    }

    public double[] lastParameters() {
        return lastParameters.clone();
    }
}
