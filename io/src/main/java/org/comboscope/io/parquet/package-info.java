/**
 * Parquet files without Hadoop (parquet-floor): result tables written with typed columns beside the
 * CSVs. Reading SynergyFinder tables from Parquet lives with the other table formats in {@code
 * io.synergyfinder}. parquet-floor ships stub {@code org.apache.hadoop} classes, so this package
 * must never share a classpath with real Hadoop (Spark).
 */
package org.comboscope.io.parquet;
