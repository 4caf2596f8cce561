package org.comboscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code comboscope screen}: chemogenetic CRISPR/ORF screen statistics (DrugZ, MAGeCK RRA). */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        description = {
            "Chemogenetic CRISPR/ORF screens: gene-level drug-gene interactions from guide read counts.",
            "Depleted genes (low normZ / neg) are sensitisers (synthetic lethal with the drug);"
                    + " enriched genes (high normZ / pos) are suppressors, i.e. resistance hits in ORF/activation screens."
        },
        subcommands = {DrugzCommand.class, MageckCommand.class})
final class ScreenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
