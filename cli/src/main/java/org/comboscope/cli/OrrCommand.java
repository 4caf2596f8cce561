package org.comboscope.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.comboscope.core.response.ResponseRate;
import org.comboscope.io.table.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code comboscope orr}: a response rate with exact (Clopper–Pearson) and Wilson intervals. */
@Command(
        name = "orr",
        mixinStandardHelpOptions = true,
        description = {
            "Response rate (ORR, DCR, n/N landmark rates) with the exact Clopper-Pearson interval, as R's"
                    + " binom.test(x, n)$conf.int, and the Wilson score interval (prop.test without continuity"
                    + " correction).",
            "Prints one CSV row to stdout: responders, n, rate, exact_lower, exact_upper, wilson_lower,"
                    + " wilson_upper, level (rates as fractions)."
        })
final class OrrCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--responders", required = true, description = "Number of responders (0..n).")
    int responders;

    @Option(names = "--n", required = true, description = "Number of evaluable subjects (>= 1).")
    int n;

    @Option(
            names = "--level",
            defaultValue = "0.95",
            description = "Confidence level in (0, 1). Default: ${DEFAULT-VALUE}.")
    double level;

    @Override
    public Integer call() throws java.io.IOException {
        ResponseRate r = ResponseRate.of(responders, n, level);
        java.io.PrintWriter out = spec.commandLine().getOut();
        try (CsvTable t = CsvTable.csv(
                out,
                List.of(
                        "responders",
                        "n",
                        "rate",
                        "exact_lower",
                        "exact_upper",
                        "wilson_lower",
                        "wilson_upper",
                        "level"))) {
            t.integer(r.responders())
                    .integer(r.n())
                    .num(r.rate())
                    .num(r.exact().lower())
                    .num(r.exact().upper())
                    .num(r.wilson().lower())
                    .num(r.wilson().upper())
                    .num(level);
            t.end();
        }
        return Main.EXIT_OK;
    }
}
