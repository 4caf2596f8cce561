package org.comboscope.cli;

import org.comboscope.core.error.ComboscopeException;
import picocli.CommandLine;

/**
 * Turns user mistakes into one clear line on stderr and exit code 2; anything else is a bug and
 * keeps its stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        if (ex instanceof ComboscopeException
                || ex instanceof java.io.UncheckedIOException
                || ex instanceof java.nio.file.NoSuchFileException) {
            cmd.getErr().println("error: " + describe(ex));
            cmd.getErr().flush();
            return Main.EXIT_INPUT;
        }
        if (ex instanceof java.io.IOException) {
            cmd.getErr().println("error: " + describe(ex));
            cmd.getErr().flush();
            return Main.EXIT_INPUT;
        }
        cmd.getErr().println("internal error (please report): " + ex);
        ex.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return 3;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof java.nio.file.NoSuchFileException nsf) {
            return "file not found: " + nsf.getFile();
        }
        if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("error: " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr())) {
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        cmd.getErr().flush();
        return Main.EXIT_INPUT;
    }
}
