/** Readers for screen count tables (MAGeCK/DrugZ TSV and CSV). */
package org.comboscope.io.screen;
