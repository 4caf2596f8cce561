package org.comboscope.store;

import java.util.List;
import org.comboscope.core.error.InvalidInputException;

/**
 * One page of a longer list.
 *
 * @param items the rows of this page
 * @param total how many rows match in all pages, &gt;= items.size()
 */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(Checks.notNull("items", items));
        if (total < items.size()) {
            throw new InvalidInputException("total", total, "must be >= the page's size " + items.size());
        }
    }
}
