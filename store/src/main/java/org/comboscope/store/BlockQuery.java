package org.comboscope.store;

import org.comboscope.core.error.InvalidInputException;

/**
 * A page of an analysis's blocks.
 *
 * @param textFilter "" for all blocks, else a case-insensitive substring of block id, drug1 or drug2
 *     (taken literally: {@code %}, {@code _} and quotes have no special meaning); at most 1000 characters
 * @param sort the sort key; NA scores come last in either direction; ties keep the analysis's order
 * @param descending sort direction
 * @param offset rows to skip, &gt;= 0
 * @param limit page size, 1..10,000
 */
public record BlockQuery(String textFilter, BlockSort sort, boolean descending, int offset, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public BlockQuery {
        Checks.text("textFilter", textFilter, Checks.RESULT_TEXT_MAX);
        Checks.notNull("sort", sort);
        Checks.nonNegative("offset", offset);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", limit, "must be in 1.." + MAX_LIMIT);
        }
    }

    /** All blocks in the analysis's order, first page of the given size. */
    public static BlockQuery firstPage(int limit) {
        return new BlockQuery("", BlockSort.BLOCK_ID, false, 0, limit);
    }
}
