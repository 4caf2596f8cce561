package org.comboscope.core.invivo;

import java.util.List;
import java.util.Map;

/**
 * A fitted exponential growth mixed model {@code logRTV_ij = (beta_g(i) + b_i) t_ij + e_ij}, with
 * {@code b_i ~ N(0, sigma_b^2)} and {@code e_ij ~ N(0, sigma^2)}. Rates are per day on the natural
 * log scale of RTV; groups are indexed in role order (vehicle, drug A, drug B, combination).
 *
 * @param estimation REML or ML
 * @param rates growth rate per group (role order)
 * @param standardErrors standard error of each rate (fixed effects are uncorrelated in this model)
 * @param sigma residual SD ({@code sd_resid})
 * @param lambda variance ratio {@code sigma_b^2 / sigma^2}
 * @param logLik maximised (restricted) log-likelihood, as nlme's {@code logLik()}
 * @param observations number of fitted rows N
 * @param animals number of animals
 * @param randomSlopes predicted random slope (BLUP) per animal, in input order
 */
public record ExponentialFit(
        Estimation estimation,
        double[] rates,
        double[] standardErrors,
        double sigma,
        double lambda,
        double logLik,
        int observations,
        int animals,
        Map<String, Double> randomSlopes) {
    public ExponentialFit {
        rates = rates.clone();
        standardErrors = standardErrors.clone();
        randomSlopes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(randomSlopes));
    }

    @Override
    public double[] rates() {
        return rates.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Growth rate of the arm with the given role. */
    public double rate(ArmRole role) {
        return rates[role.ordinal()];
    }

    /** Standard error of the rate of the arm with the given role. */
    public double standardError(ArmRole role) {
        return standardErrors[role.ordinal()];
    }

    /** Random-slope SD relative to sigma, {@code sqrt(lambda)}: SynergyLMM's {@code sd_ranef}. */
    public double relativeRandomSlopeSd() {
        return Math.sqrt(lambda);
    }

    /** Random-slope SD {@code sigma_b} (nlme's {@code VarCorr} StdDev). */
    public double randomSlopeSd() {
        return Math.sqrt(lambda) * sigma;
    }

    /** Denominator degrees of freedom of the rates as nlme reports them: N - animals - (groups - 1). */
    public int degreesOfFreedom() {
        return observations - animals - (rates.length - 1);
    }

    /** Number of estimated parameters: the rates, sigma and sigma_b. */
    public int parameterCount() {
        return rates.length + 2;
    }

    /** Akaike information criterion as nlme reports it. */
    public double aic() {
        return -2 * logLik + 2 * parameterCount();
    }

    /** Bayesian information criterion as nlme reports it (REML: n = N - groups). */
    public double bic() {
        int n = estimation == Estimation.REML ? observations - rates.length : observations;
        return -2 * logLik + parameterCount() * Math.log(n);
    }

    /** Role order of the rates. */
    public static List<ArmRole> order() {
        return List.of(ArmRole.values());
    }
}
