package org.comboscope.io.synergyfinder;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.core.synergy.SynergyMethod;

/**
 * The options of a synergy analysis as the user gave them (the {@code synergy}/{@code batch} option
 * texts), checked once, and what they turn into: the response scale, the engine and the parameter
 * list recorded in {@code provenance.csv}. Shared by the command line, the Spark job and the web
 * server, so the same options always build the same engine. Serializable: Spark executors rebuild the
 * engine from it.
 *
 * @param dataType meaning of the response column: viability or inhibition
 * @param methods comma-separated synergy models (zip, hsa, bliss, loewe)
 * @param baseline baseline correction: none, part or all
 * @param fit dose-response fitter: synergyfinder or optimal
 * @param replicates replicated dose combinations: bootstrap or mean
 * @param iterations bootstrap iterations
 * @param seed seed of all random draws
 * @param ciLevel level of the bootstrap intervals of block scores, in (0, 1)
 */
public record SynergySettings(
        String dataType,
        String methods,
        String baseline,
        String fit,
        String replicates,
        int iterations,
        long seed,
        double ciLevel)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The defaults of {@code synergy} (SynergyFinder's). */
    public static final SynergySettings DEFAULTS = new SynergySettings(
            "viability", "zip,hsa,bliss,loewe", "none", "synergyfinder", "bootstrap", 10, 123, 0.95);

    /** @throws InvalidInputException naming the option whose text is not allowed */
    public SynergySettings {
        if (!(ciLevel > 0 && ciLevel < 1)) {
            throw new InvalidInputException("ci-level", ciLevel, "must be in (0, 1)");
        }
        bootstrap(replicates);
        ResponseScale.parse(dataType);
        SynergyMethod.parseList(methods);
        Baseline.parse(baseline);
        SynergyOutputs.fitter(fit);
    }

    private static boolean bootstrap(String replicates) {
        return switch (String.valueOf(replicates).toLowerCase(Locale.ROOT)) {
            case "bootstrap" -> true;
            case "mean" -> false;
            default -> throw new InvalidInputException("replicates", replicates, "must be bootstrap or mean");
        };
    }

    public ResponseScale scale() {
        return ResponseScale.parse(dataType);
    }

    public Baseline baselineCorrection() {
        return Baseline.parse(baseline);
    }

    /** The engine these options describe (thread-safe; one can serve all workers). */
    public SynergyFinderEngine engine() {
        return new SynergyFinderEngine(
                SynergyOutputs.fitter(fit),
                SynergyMethod.parseList(methods),
                baselineCorrection(),
                bootstrap(replicates),
                iterations,
                seed);
    }

    /** The parameters as {@code provenance.csv} records them, in a fixed order. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data_type", scale().label());
        p.put("methods", methods);
        p.put("baseline", baselineCorrection().label());
        p.put("fit", fit);
        p.put("replicates", replicates);
        p.put("iterations", Integer.toString(iterations));
        p.put("seed", Long.toString(seed));
        p.put("ci_level", Double.toString(ciLevel));
        return p;
    }
}
