package org.comboscope.core.evidence;

import java.util.Locale;
import java.util.Map;

/** Canonical drug names: code names used in the seeds map to the name the data file uses. */
final class Drugs {
    private static final Map<String, String> ALIASES = Map.of(
            "vs-6063", "defactinib",
            "pf-04554878", "defactinib",
            "vs-6766", "avutometinib",
            "ro5126766", "avutometinib",
            "pnd-1186", "vs-4718",
            "abraxane", "nab-paclitaxel");

    private Drugs() {}

    /** The canonical lower-case name for {@code name} (trimmed; aliases resolved). */
    static String canonical(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(n, n);
    }
}
