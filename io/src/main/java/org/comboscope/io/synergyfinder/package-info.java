/**
 * SynergyFinder's "table" input format (CSV, TSV, XLSX): one row per well with block_id, drug1..n,
 * conc1..n, response and conc_unit(s).
 *
 * <p>Entry point: {@link org.comboscope.io.synergyfinder.SynergyFinderTableReader#read(java.nio.file.Path,
 * org.comboscope.core.matrix.ResponseScale)}. Format errors throw {@link
 * org.comboscope.core.error.DataFormatException} with file, line, column and rule; blocks that are
 * readable but cannot be analysed come back as {@link org.comboscope.io.synergyfinder.BlockProblem}s
 * in the {@link org.comboscope.io.synergyfinder.TableReadResult}, together with non-fatal warnings.
 * The {@code invalid/} test corpus shows every error message.
 */
package org.comboscope.io.synergyfinder;
