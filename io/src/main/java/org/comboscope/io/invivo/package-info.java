/**
 * Readers for in vivo studies: long and wide tumour-measurement tables ({@link
 * org.comboscope.io.invivo.TumourTableReader}) and arms files ({@link
 * org.comboscope.io.invivo.ArmsReader}). Errors name file, line and column.
 */
package org.comboscope.io.invivo;
