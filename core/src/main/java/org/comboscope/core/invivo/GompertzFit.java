package org.comboscope.core.invivo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted Gompertz growth mixed model {@code logRTV = (r0_i / rho_i)(1 - exp(-rho_i t)) + e}, with
 * per-animal {@code (r0_i, rho_i) = (r0_g, rho_g) + b_i}, {@code b_i ~ N(0, Psi)} (general 2x2) and
 * {@code e ~ N(0, sigma^2)}, by maximum likelihood of the Lindstrom-Bates linearisation (as
 * nlme::nlme). Arrays are in role order (vehicle, drug A, drug B, combination).
 *
 * @param r0 initial growth rate per arm (per day, log RTV scale)
 * @param rho deceleration per arm (per day)
 * @param covariance per arm the 2x2 covariance of (r0, rho) estimates, as {@code {var r0, cov, var
 *     rho}}: nlme's {@code vcov()} (varFix with the ML sigma), which SynergyLMM simulates from
 * @param sigma residual SD
 * @param relativeCovariance {@code Psi / sigma^2} as {@code {d11, d12, d22}} (nlme's pdMatrix)
 * @param logLik ML log-likelihood of the linearised model, as nlme's {@code logLik()}
 * @param observations rows fitted
 * @param animals animals
 * @param iterations outer (PNLS + LME) iterations used
 * @param randomEffects predicted random effects {@code b_i = (b_r0, b_rho)} per animal (input
 *     order), from the final penalised non-linear least-squares step (nlme's {@code ranef()})
 */
public record GompertzFit(
        double[] r0,
        double[] rho,
        double[][] covariance,
        double sigma,
        double[] relativeCovariance,
        double logLik,
        int observations,
        int animals,
        int iterations,
        Map<String, double[]> randomEffects) {
    public GompertzFit {
        Map<String, double[]> re = new LinkedHashMap<>();
        randomEffects.forEach((k, v) -> re.put(k, v.clone()));
        randomEffects = Collections.unmodifiableMap(re);
        r0 = r0.clone();
        rho = rho.clone();
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        covariance = c;
        relativeCovariance = relativeCovariance.clone();
    }

    @Override
    public double[] r0() {
        return r0.clone();
    }

    @Override
    public double[] rho() {
        return rho.clone();
    }

    @Override
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = covariance[i].clone();
        }
        return c;
    }

    /** Random effects {@code (b_r0, b_rho)} of each animal (copies). */
    @Override
    public Map<String, double[]> randomEffects() {
        Map<String, double[]> re = new LinkedHashMap<>();
        randomEffects.forEach((k, v) -> re.put(k, v.clone()));
        return Collections.unmodifiableMap(re);
    }

    /** Random-effect covariance {@code Psi = sigma^2 D} as {@code {psi11, psi12, psi22}}. */
    public double[] randomEffectCovariance() {
        double s2 = sigma * sigma;
        return new double[] {s2 * relativeCovariance[0], s2 * relativeCovariance[1], s2 * relativeCovariance[2]};
    }

    @Override
    public double[] relativeCovariance() {
        return relativeCovariance.clone();
    }

    /**
     * Standard error of r0 of arm {@code g} (role ordinal) as {@code summary()} reports it: nlme's
     * {@code adjustSigma} scales an ML fit's SEs by {@code sqrt(N / (N - 8))}.
     */
    public double r0StandardError(int g) {
        return Math.sqrt(covariance[g][0] * adjust());
    }

    /** Standard error of rho of arm {@code g}, adjusted as {@link #r0StandardError}. */
    public double rhoStandardError(int g) {
        return Math.sqrt(covariance[g][2] * adjust());
    }

    private double adjust() {
        return observations / (observations - 8.0);
    }

    /** SD of the r0 random effect relative to sigma (SynergyLMM's {@code sd_r0_ranef}). */
    public double relativeR0Sd() {
        return Math.sqrt(relativeCovariance[0]);
    }

    /** SD of the rho random effect relative to sigma (SynergyLMM's {@code sd_rho_ranef}). */
    public double relativeRhoSd() {
        return Math.sqrt(relativeCovariance[2]);
    }

    /** Parameters: 8 fixed effects, 3 random-effect covariance parameters and sigma. */
    public int parameterCount() {
        return 12;
    }

    /** AIC as nlme reports it. */
    public double aic() {
        return -2 * logLik + 2 * parameterCount();
    }

    /** BIC as nlme reports it (ML: n = N). */
    public double bic() {
        return -2 * logLik + parameterCount() * Math.log(observations);
    }

    /** Predicted log RTV of arm {@code g} at time t: {@code (r0/rho)(1 - exp(-rho t))}. */
    public static double curve(double r0, double rho, double t) {
        return Math.abs(rho) < 1e-12 ? r0 * t : r0 * -Math.expm1(-rho * t) / rho;
    }

    /** {@code integral_0^d curve(t) dt}. */
    public static double curveIntegral(double r0, double rho, double d) {
        if (Math.abs(rho * d) < 1e-6) {
            return r0 * d * d / 2 * (1 - rho * d / 3);
        }
        return r0 / rho * (d + Math.expm1(-rho * d) / rho);
    }
}
