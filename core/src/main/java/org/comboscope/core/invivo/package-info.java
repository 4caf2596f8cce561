/**
 * In vivo (xenograft / PDX) combination studies.
 *
 * <ul>
 *   <li>Data: {@link org.comboscope.core.invivo.TumourStudy} (measurements per animal and day) and
 *       {@link org.comboscope.core.invivo.Arms} (vehicle, drug A, drug B, combination).
 *   <li>Endpoints: {@link org.comboscope.core.invivo.EndpointStatistics} (per arm/day summaries, TGI in
 *       two labelled definitions, T/C, per-animal AUC).
 *   <li>SynergyLMM 1.1.2: {@link org.comboscope.core.invivo.PreparedData} (RTV preparation), {@link
 *       org.comboscope.core.invivo.ExponentialGrowthModel} (REML/ML, closed form), {@link
 *       org.comboscope.core.invivo.TimeResolvedSynergy} (Bliss/HSA Wald tests and RA simulation per
 *       time), {@link org.comboscope.core.invivo.GompertzGrowthModel} and {@link
 *       org.comboscope.core.invivo.GompertzSynergy}.
 *   <li>invivoSyn: {@link org.comboscope.core.invivo.InvivoSynStatistics} (deterministic statistics)
 *       and {@link org.comboscope.core.invivo.InvivoSynBootstrap} (bootstrap intervals).
 *   <li>Design: {@link org.comboscope.core.invivo.Randomisation} (balanced, seeded allocation).
 * </ul>
 *
 * <p>Sign conventions: synergy scores > 0 and combination indices < 1 mean synergy; CombPDX's
 * log-scale CI is > 0 for synergy. Time is in days since the study's first day.
 */
package org.comboscope.core.invivo;
