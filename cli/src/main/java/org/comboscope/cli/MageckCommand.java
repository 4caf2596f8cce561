package org.comboscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code comboscope screen mageck}: placeholder until MAGeCK RRA lands. */
@Command(name = "mageck", mixinStandardHelpOptions = true, description = "MAGeCK 0.5.9 test (RRA).")
final class MageckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.EXIT_INPUT;
    }
}
