/**
 * Screen-scale batch analysis on one machine: blocks streamed from a large table, analysed on all
 * cores with a bounded queue, written incrementally in input order, resumable from a checkpoint.
 */
package org.comboscope.io.batch;
