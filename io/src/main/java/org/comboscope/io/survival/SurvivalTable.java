package org.comboscope.io.survival;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.core.survival.SurvivalSample;

/**
 * Survival data read from a file, split by group.
 *
 * @param file the file name as given
 * @param groups one sample per group, in level order (sorted labels, as R orders factor levels in
 *     the C locale); a single group named {@code all} when no group column was requested
 * @param coding the event coding used (never {@link EventCoding#AUTO}: the resolved one)
 * @param rows number of data rows read
 */
public record SurvivalTable(String file, Map<String, SurvivalSample> groups, EventCoding coding, int rows) {
    public SurvivalTable {
        groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /** Group labels in level order. */
    public List<String> levels() {
        return List.copyOf(groups.keySet());
    }
}
