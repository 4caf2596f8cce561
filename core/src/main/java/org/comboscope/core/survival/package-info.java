/**
 * Time-to-event statistics that reproduce R survival 3.5: Kaplan–Meier curves with Greenwood
 * standard errors and {@code log}, {@code log-log}, {@code plain} confidence intervals, medians and
 * quantiles with their Brookmeyer–Crowley intervals ({@code print.survfit}'s rule), the log-rank
 * test ({@code survdiff}, also stratified) and Cox proportional hazards ({@code coxph}, Efron and
 * Breslow ties).
 *
 * <p>Times are in the user's unit (days, weeks, months); nothing here converts them. Events are
 * {@code true} for an observed event and {@code false} for a right-censored observation.
 */
package org.comboscope.core.survival;
