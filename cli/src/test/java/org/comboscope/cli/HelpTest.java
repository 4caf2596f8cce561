package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {
    @Test
    void help_everyCommand_rendersWithoutPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine root = Main.commandLine();
            List<String> names = List.copyOf(root.getSubcommands().keySet());
            assertThat(names).contains("demo", "fit", "synergy", "screen", "invivo", "survival", "orr");
            for (String name : names) {
                SynergyCommandTest.Run r = SynergyCommandTest.run(name, "--help");
                assertThat(r.code()).as(name).isZero();
                assertThat(r.out()).as(name).contains("Usage: comboscope ");
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("[picocli WARN]");
    }
}
