package org.comboscope.core.survival;

import java.util.List;

/**
 * A fitted Cox proportional hazards model.
 *
 * @param ties how tied event times were handled
 * @param terms one entry per coefficient
 * @param logLikNull partial log-likelihood at {@code β = 0}
 * @param logLik partial log-likelihood at the estimate
 * @param scoreTest score (log-rank) test statistic at {@code β = 0}, chi-square on {@code df}
 * @param scoreP its p-value
 * @param lrTest likelihood-ratio statistic {@code 2(logLik − logLikNull)}
 * @param lrP its p-value
 * @param waldTest global Wald statistic {@code β' V⁻¹ β}
 * @param waldP its p-value
 * @param df number of coefficients
 * @param n number of subjects
 * @param events number of events
 * @param iterations Newton–Raphson iterations used
 * @param converged whether the relative change of the log-likelihood fell below 1e-9 within the
 *     iteration limit; when false the estimates are the last improving step (R warns)
 */
public record CoxFit(
        Ties ties,
        List<CoxTerm> terms,
        double logLikNull,
        double logLik,
        double scoreTest,
        double scoreP,
        double lrTest,
        double lrP,
        double waldTest,
        double waldP,
        int df,
        int n,
        int events,
        int iterations,
        boolean converged) {
    public CoxFit {
        terms = List.copyOf(terms);
    }
}
