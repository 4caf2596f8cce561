package org.comboscope.core.invivo;

/**
 * Trapezoidal area under one animal's tumour-burden curve.
 *
 * @param animalId animal
 * @param group its group
 * @param role its role
 * @param firstDay first measurement day
 * @param lastDay last measurement day
 * @param measurements number of measurements
 * @param auc area in value × days (mm³·day or RLU·day) from firstDay to lastDay
 */
public record AnimalAuc(
        String animalId, String group, ArmRole role, double firstDay, double lastDay, int measurements, double auc) {}
