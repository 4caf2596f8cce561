package org.comboscope.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The inputs shared by the {@code screen} subcommands (a picocli mixin). */
final class ScreenInputOptions {
    @Option(
            names = "--counts",
            required = true,
            description = "Guide count table (TSV, or CSV if named *.csv): sgRNA, gene, samples...")
    Path counts;

    @Option(names = "--control", required = true, split = ",", description = "Control sample columns, comma-separated.")
    List<String> control;

    @Option(
            names = "--treatment",
            required = true,
            split = ",",
            description = "Treatment (drug) sample columns, comma-separated; in paired mode the i-th treatment goes"
                    + " with the i-th control.")
    List<String> treatment;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;
}
