/**
 * Chemogenetic CRISPR/ORF screens: gene-level drug-gene interaction statistics from guide read
 * counts.
 *
 * <ul>
 *   <li>{@link org.comboscope.core.screen.CountTable}: the guide x sample read-count table.
 *   <li>{@link org.comboscope.core.screen.DrugZ}: DrugZ 1.1, paired and unpaired, with a stable
 *       (default) or numpy-compatible tie order.
 *   <li>{@link org.comboscope.core.screen.MageckTest}: MAGeCK 0.5.9 {@code test} with RRA,
 *       reproducing MAGeCK's gene_summary (same permutation stream and seed).
 *   <li>{@link org.comboscope.core.screen.Library}: how depleted / enriched genes read for
 *       knockout, ORF and activation libraries.
 * </ul>
 *
 * <p>Sign convention: in a drug-vs-control comparison, depleted (DrugZ low normZ / synth, MAGeCK
 * neg) = sensitiser; enriched (DrugZ high normZ / supp, MAGeCK pos) = resistance.
 */
package org.comboscope.core.screen;
