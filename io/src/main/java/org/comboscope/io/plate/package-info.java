/**
 * Plate-reader exports ({@link org.comboscope.io.plate.PlateReader}: grids and long well/value
 * tables, CSV/TSV/XLSX) and plate maps ({@link org.comboscope.io.plate.PlateMapReader}).
 */
package org.comboscope.io.plate;
