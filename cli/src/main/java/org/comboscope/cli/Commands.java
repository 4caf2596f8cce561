package org.comboscope.cli;

import picocli.CommandLine;

/** The list of subcommands, in the order {@code --help} shows them. */
final class Commands {
    private Commands() {}

    static void register(CommandLine cl) {
        cl.addSubcommand(new DemoCommand());
        cl.addSubcommand(new FitCommand());
        cl.addSubcommand(new SynergyCommand());
        cl.addSubcommand(new BatchCommand());
        cl.addSubcommand(new SimulateCommand());
        cl.addSubcommand(new ReportCommand());
        cl.addSubcommand(new CiCommand());
        cl.addSubcommand(new PlateCommand());
        cl.addSubcommand(new ScreenCommand());
        cl.addSubcommand(new InvivoCommand());
        cl.addSubcommand(new RandomiseCommand());
        cl.addSubcommand(new SurvivalCommand());
        cl.addSubcommand(new OrrCommand());
        cl.addSubcommand(new EvidenceCommand());
        cl.addSubcommand(new ServeCommand());
    }
}
