package org.comboscope.core.survival;

/**
 * One coefficient of a Cox model, as {@code summary(coxph(...))} reports it.
 *
 * @param name term name ({@code groupmale}: variable then level, R's treatment contrasts)
 * @param coef log hazard ratio
 * @param se standard error of {@code coef} (inverse information)
 * @param hr hazard ratio {@code exp(coef)}
 * @param hrLower lower bound of the Wald interval {@code exp(coef − z·se)}
 * @param hrUpper upper bound of the Wald interval {@code exp(coef + z·se)}
 * @param z Wald statistic {@code coef/se}
 * @param waldP two-sided Wald p-value
 */
public record CoxTerm(
        String name, double coef, double se, double hr, double hrLower, double hrUpper, double z, double waldP) {}
