package org.comboscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.core.synergy.Baseline;
import org.comboscope.core.synergy.SynergyFinderEngine;
import org.comboscope.io.synergyfinder.SynergySettings;
import org.comboscope.report.synergy.Provenance;
import picocli.CommandLine.Option;

/**
 * The analysis options shared by {@code synergy} and {@code batch} (a picocli mixin), and what they
 * turn into: the response scale, the engine, and the parameter list recorded in provenance.csv.
 */
final class SynergyOptions {

    @Option(
            names = "--data-type",
            defaultValue = "viability",
            description = "Meaning of the response column: viability (converted to inhibition = 100 - viability)"
                    + " or inhibition. Default: ${DEFAULT-VALUE} (as SynergyFinder).")
    String dataType;

    @Option(names = "--methods", defaultValue = "zip,hsa,bliss,loewe", description = "Default: ${DEFAULT-VALUE}.")
    String methods;

    @Option(names = "--baseline", defaultValue = "none", description = "none, part or all. Default: ${DEFAULT-VALUE}.")
    String baseline;

    @Option(
            names = "--fit",
            defaultValue = "synergyfinder",
            description = "synergyfinder (drc 3.0-1 as SynergyFinder calls it) or optimal (least-squares optimum)."
                    + " Default: ${DEFAULT-VALUE}.")
    String fit;

    @Option(
            names = "--replicates",
            defaultValue = "bootstrap",
            description = "Replicated dose combinations: bootstrap (SynergyFinder's parametric bootstrap) or mean"
                    + " (score the replicate means). Default: ${DEFAULT-VALUE}.")
    String replicates;

    @Option(
            names = "--iterations",
            defaultValue = "10",
            description = "Bootstrap iterations. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(
            names = "--seed",
            defaultValue = "123",
            description = "Seed of all random draws. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--ci-level",
            defaultValue = "0.95",
            description = "Level of the bootstrap intervals of block scores. Default: ${DEFAULT-VALUE}.")
    double ciLevel;

    /** The options as parsed and checked; invalid values throw {@link InvalidInputException}. */
    record Parsed(SynergySettings settings, ResponseScale scale, Baseline baseline, SynergyFinderEngine engine) {}

    Parsed parse() {
        SynergySettings s =
                new SynergySettings(dataType, methods, baseline, fit, replicates, iterations, seed, ciLevel);
        return new Parsed(s, s.scale(), s.baselineCorrection(), s.engine());
    }

    /** The analysis parameters as provenance.csv records them, in a fixed order. */
    Map<String, String> parameters(Parsed parsed) {
        return parsed.settings().parameters();
    }

    /** Provenance of a run on {@code input} with these parameters (and any extra ones). */
    static Provenance provenance(Path input, Map<String, String> parameters) throws IOException {
        return new Provenance(
                input.toString(),
                SynergyCommand.sha256(input),
                SynergyCommand.version(),
                parameters,
                java.time.Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());
    }
}
