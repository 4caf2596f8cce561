package org.comboscope.core.combination;

import java.util.List;

/**
 * The outcome of fitting a parametric two-drug model to one block.
 *
 * @param model model name ({@code MuSyC}, {@code Zimmer}, {@code BRAID})
 * @param parameters fitted parameters in output order; response levels on the fraction-affected
 *     scale (names ending in {@code _fa})
 * @param ssr residual sum of squares (E scale = fa scale)
 * @param n number of observations
 * @param rSquared 1 − SSR/SST
 * @param bootstrapRefits number of successful bootstrap refits (0 without bootstrap)
 * @param convention how to read the synergy parameters
 * @param fitted model prediction at every row (fraction affected)
 * @param reference the model's no-interaction reference at every row (fraction affected)
 */
public record ParametricFit(
        String model,
        List<ParameterEstimate> parameters,
        double ssr,
        int n,
        double rSquared,
        int bootstrapRefits,
        String convention,
        double[] fitted,
        double[] reference) {
    public ParametricFit {
        parameters = List.copyOf(parameters);
        fitted = fitted.clone();
        reference = reference.clone();
    }

    /** The estimate named {@code name}. */
    public ParameterEstimate parameter(String name) {
        return parameters.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in " + model));
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }
}
