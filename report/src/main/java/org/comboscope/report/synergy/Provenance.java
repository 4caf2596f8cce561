package org.comboscope.report.synergy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a report's numbers come from.
 *
 * @param inputFile input file name as given
 * @param inputSha256 SHA-256 of the input file (hex), or {@code "not recorded"}
 * @param version comboscope version that computed the results
 * @param parameters analysis parameters in the order given (data type, methods, baseline, fit, ...)
 * @param created when the results were computed (ISO-8601 UTC)
 */
public record Provenance(
        String inputFile, String inputSha256, String version, Map<String, String> parameters, String created) {

    public Provenance {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
