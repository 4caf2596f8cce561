package org.comboscope.cli;

import picocli.CommandLine;

/** The list of subcommands, in the order {@code --help} shows them. */
final class Commands {
    private Commands() {}

    static void register(CommandLine cl) {
        // Subcommands are added here as they are built.
        cl.addSubcommand(new InvivoCommand());
        cl.addSubcommand(new RandomiseCommand());
    }
}
