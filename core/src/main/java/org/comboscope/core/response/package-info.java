/**
 * Response-rate statistics for clinical endpoints: objective response rate (ORR) and disease
 * control rate (DCR) with exact Clopper–Pearson and Wilson intervals, and two-arm comparisons
 * (Fisher's exact test as R's {@code fisher.test}, difference in proportions with Newcombe's
 * interval). Rates are fractions in [0, 1], not percentages.
 */
package org.comboscope.core.response;
