package org.comboscope.store;

/**
 * Sort keys of {@link ResultRepository#blocks}; each maps to a fixed column, never to user text.
 * BLOCK_ID sorts in the analysis's block order (the input's order, so "2" comes before "10"); DRUG1
 * and DRUG2 sort case-insensitively by code point, the same on every database.
 */
public enum BlockSort {
    BLOCK_ID("seq"),
    DRUG1("drug1_lc"),
    DRUG2("drug2_lc"),
    ZIP("zip"),
    HSA("hsa"),
    BLISS("bliss"),
    LOEWE("loewe"),
    CSS("css");

    private final String column;

    BlockSort(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
