package org.comboscope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code comboscope} command line. Exit codes: 0 success, 1 some block could not be analysed
 * (reported, the rest written), 2 usage or input error (nothing written).
 */
@Command(
        name = "comboscope",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Drug-combination analysis: dose-response fits, synergy, screens, in vivo and clinic.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Process exit code: success. */
    public static final int EXIT_OK = 0;
    /** Process exit code: the analysis ran but some unit could not be analysed. */
    public static final int EXIT_PARTIAL = 1;
    /** Process exit code: usage or input error, nothing written. */
    public static final int EXIT_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the full command tree; used by {@link #main} and by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        Commands.register(cl);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new ErrorHandler());
        return cl;
    }

    /** Runs a command line with the given streams and returns the exit code (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"comboscope " + (v == null ? "development build" : v)};
        }
    }
}
