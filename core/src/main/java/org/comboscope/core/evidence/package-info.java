/**
 * A curated, queryable evidence base of the quantitative claims in the project's seed documents
 * (clinical trial endpoints, preclinical synergy scores, IC50s, doses), with derived statistics
 * computed from the stated counts: exact Clopper–Pearson intervals for every rate given as
 * {@code n/N}, and arm-versus-arm contrasts (difference with Newcombe's interval, Fisher's exact
 * test) through {@link org.comboscope.core.response}.
 *
 * <p>The data file is {@code evidence.tsv} beside this package's classes; its schema is documented
 * in the {@code README.md} next to it.
 */
package org.comboscope.core.evidence;
