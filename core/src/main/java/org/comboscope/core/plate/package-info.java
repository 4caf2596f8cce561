/**
 * Plate-reader data: raw plate readouts, plate maps (well roles, drugs, concentrations),
 * normalisation to percent viability ({@link org.comboscope.core.plate.PlateNormalizer}) and
 * per-plate quality control with pass/warn/fail flags ({@link org.comboscope.core.plate.PlateQc}).
 */
package org.comboscope.core.plate;
