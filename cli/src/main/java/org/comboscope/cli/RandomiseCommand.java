package org.comboscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.comboscope.core.invivo.Randomisation;
import org.comboscope.io.invivo.BaselineReader;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code comboscope randomise}: balanced, seeded allocation of animals to arms by baseline volume. */
@Command(
        name = "randomise",
        aliases = "randomize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Assign animals to arms so that baseline tumour volumes are balanced (means and SDs): the best"
                    + " of --candidates seeded random allocations with equal arm sizes.",
            "Outputs in DIR: assignment.csv (animal_id, baseline, arm), balance.csv (arm, n, mean, sd) and"
                    + " balance_summary.csv (imbalance, anova_p, seed, candidates)."
        })
final class RandomiseCommand implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "CSV with columns animal_id and volume_mm3 (baseline).")
    Path input;

    @Option(
            names = "--arms",
            required = true,
            split = ",",
            paramLabel = "ARM",
            description = "Arm names, comma-separated (e.g. Vehicle,A,B,A+B).")
    List<String> arms;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--candidates",
            defaultValue = "10000",
            description = "Random allocations compared (default ${DEFAULT-VALUE}).")
    int candidates;

    @Override
    public Integer call() throws IOException {
        List<Randomisation.Animal> animals = BaselineReader.read(input);
        Randomisation.Assignment a = Randomisation.assign(animals, arms, seed, candidates);
        try (OutputDirectory dir = OutputDirectory.create(out)) {
            try (Writer w = dir.writer("assignment.csv");
                    CsvTable t = CsvTable.csv(w, List.of("animal_id", "baseline", "arm"))) {
                for (Randomisation.Animal an : animals) {
                    t.text(an.id()).num(an.baseline()).text(a.armOf().get(an.id()));
                    t.end();
                }
            }
            try (Writer w = dir.writer("balance.csv");
                    CsvTable t = CsvTable.csv(w, List.of("arm", "n", "mean", "sd"))) {
                for (Randomisation.ArmBalance b : a.arms()) {
                    t.text(b.arm()).integer(b.n()).num(b.mean()).num(b.sd());
                    t.end();
                }
            }
            try (Writer w = dir.writer("balance_summary.csv");
                    CsvTable t = CsvTable.csv(w, List.of("imbalance", "anova_p", "seed", "candidates"))) {
                t.num(a.imbalance()).num(a.anovaP()).integer(a.seed()).integer(a.candidates());
                t.end();
            }
            dir.commit();
        }
        return Main.EXIT_OK;
    }
}
