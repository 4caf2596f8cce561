package org.comboscope.report.synergy;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comboscope.io.table.CsvTable;

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

    /** Writes {@code provenance.csv}: key, value rows (input, hash, version, time, then the parameters). */
    public void writeCsv(Writer w) throws IOException {
        try (CsvTable t = CsvTable.csv(w, List.of("key", "value"))) {
            t.text("input_file").text(inputFile).end();
            t.text("input_sha256").text(inputSha256).end();
            t.text("comboscope_version").text(version).end();
            t.text("created").text(created).end();
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                t.text(e.getKey()).text(e.getValue()).end();
            }
        }
    }
}
