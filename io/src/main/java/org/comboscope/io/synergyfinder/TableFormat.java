package org.comboscope.io.synergyfinder;

/** The physical format a SynergyFinder table was read from. */
public enum TableFormat {
    /** Comma-separated text (RFC 4180 quoting). */
    CSV,
    /** Tab-separated text (same quoting rules as CSV). */
    TSV,
    /** Office Open XML workbook; one sheet is read. */
    XLSX,
    /** Apache Parquet file; columns are typed (see the reader's class comment). */
    PARQUET
}
