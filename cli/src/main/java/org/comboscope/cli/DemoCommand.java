package org.comboscope.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope demo}: the main job on bundled real data. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs 'synergy' on the bundled SynergyFinder example (Mathews Griner et al. 2014, PNAS: ispinesib"
                    + " x ibrutinib and canertinib x ibrutinib in DLBCL cells, %% viability) and says where the"
                    + " output is."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "demo-output", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path tmp = Files.createTempFile("comboscope-demo-", ".csv");
        try {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/mathews_screening_data.csv")) {
                if (in == null) {
                    throw new IllegalStateException("demo data missing from the build");
                }
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Path input = out.resolve("input").resolve("mathews_screening_data.csv");
            int code = spec.commandLine()
                    .getParent()
                    .execute("synergy", "--input", tmp.toString(), "--out", out.toString(), "--data-type", "viability");
            if (code == Main.EXIT_OK || code == Main.EXIT_PARTIAL) {
                Files.createDirectories(input.getParent());
                Files.copy(tmp, input, StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "demo: input copied to %s; block scores in %s, per-cell scores in %s,"
                                        + " curves in %s%n",
                                input.toAbsolutePath().normalize(),
                                out.resolve("blocks.csv").toAbsolutePath().normalize(),
                                out.resolve("cells.csv").toAbsolutePath().normalize(),
                                out.resolve("curves.csv").toAbsolutePath().normalize());
                spec.commandLine().getOut().flush();
            }
            return code;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
