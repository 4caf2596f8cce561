/**
 * Chou–Talalay combination index and the parametric two-drug models of the Python {@code synergy}
 * 1.0 package (djwooten/synergy): median-effect analysis ({@link
 * org.comboscope.core.combination.MedianEffect}), CI per cell and at effect levels for
 * constant-ratio rays with bootstrap bands ({@link org.comboscope.core.combination.CombinationIndex}),
 * the package's Hill fits ({@link org.comboscope.core.combination.HillFitter}), MuSyC, Zimmer,
 * BRAID, and the package's Bliss/HSA/Schindler/Loewe-delta conventions ({@link
 * org.comboscope.core.combination.PointwiseScores}).
 *
 * <p>Scales: inputs and outputs are fractions affected ({@code fa}, 0 = no effect); the package
 * works on {@code E = 1 − fa}, and the records that mirror its parameters ({@link
 * org.comboscope.core.combination.HillCurve}, {@code MuSyC.Parameters}, {@code Braid.Parameters})
 * say so. Conventions: CI &lt; 1 synergy; MuSyC beta &gt; 0 synergistic efficacy, alpha &gt; 1
 * synergistic potency, gamma &gt; 1 synergistic cooperativity; Zimmer a &lt; 0 synergy; BRAID kappa
 * &gt; 0 synergy; difference scores fa_obs − fa_ref &gt; 0 synergy.
 *
 * <p>Randomness (bootstrap) is seeded per block from a base seed and the block id, so results do
 * not depend on block order or thread count.
 */
package org.comboscope.core.combination;
