/** Synergy analysis of a whole screen on Apache Spark: the per-block analysis of {@code batch}, one block per group. */
package org.comboscope.spark;
