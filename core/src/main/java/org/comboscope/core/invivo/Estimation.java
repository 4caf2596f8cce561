package org.comboscope.core.invivo;

/** Likelihood used to estimate variance parameters of a mixed model. */
public enum Estimation {
    /** Restricted maximum likelihood: nlme::lme's default, used by SynergyLMM's exponential model. */
    REML,
    /** Maximum likelihood: nlme::nlme's default, used by SynergyLMM's Gompertz model. */
    ML
}
