package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path demoInput() throws Exception {
        Path p = tmp.resolve("mathews.csv");
        try (InputStream in = getClass().getResourceAsStream("/demo/mathews_screening_data.csv")) {
            Files.copy(in, p);
        }
        return p;
    }

    Path simulated(int blocks) {
        Path p = tmp.resolve("sim.csv");
        Run r = run(
                "simulate", "--blocks", Integer.toString(blocks), "--size", "5", "--seed", "7", "--out", p.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return p;
    }

    private static void assertSameFiles(Path a, Path b, String... names) throws Exception {
        for (String n : names) {
            assertThat(Files.readString(b.resolve(n))).as(n).isEqualTo(Files.readString(a.resolve(n)));
        }
    }

    @Test
    void batch_demoInput_writesTheBytesOfSynergy() throws Exception {
        Path in = demoInput();
        Path syn = tmp.resolve("syn");
        Path bat = tmp.resolve("bat");
        Run s = run("synergy", "--input", in.toString(), "--out", syn.toString());
        Run b = run("batch", "--input", in.toString(), "--out", bat.toString(), "--quiet");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.err()).isEmpty();
        assertSameFiles(syn, bat, "blocks.csv", "cells.csv", "curves.csv");
        assertThat(bat.resolve(".comboscope-batch")).doesNotExist();
        // provenance.csv: the same keys and values apart from the creation time
        assertThat(Files.readAllLines(bat.resolve("provenance.csv")).stream()
                        .filter(l -> !l.startsWith("created,"))
                        .toList())
                .isEqualTo(Files.readAllLines(syn.resolve("provenance.csv")).stream()
                        .filter(l -> !l.startsWith("created,"))
                        .toList());
        assertThat(org.comboscope.io.synergyfinder.SynergyTables.COVARIANCE_COLUMNS)
                .isEqualTo(org.comboscope.report.synergy.SynergyOutputReader.COVARIANCE_COLUMNS);
    }

    @Test
    void batch_simulatedScreen_equalsSynergyAndDoesNotDependOnThreads() throws Exception {
        Path in = simulated(12);
        Path syn = tmp.resolve("syn");
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertThat(run("synergy", "--input", in.toString(), "--out", syn.toString(), "--threads", "2")
                        .code())
                .isZero();
        Run r1 = run("batch", "--input", in.toString(), "--out", one.toString(), "--threads", "1");
        Run r2 = run("batch", "--input", in.toString(), "--out", two.toString(), "--threads", "2", "--quiet");
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(Files.readAllLines(one.resolve("blocks.csv"))).hasSize(13);
        assertSameFiles(syn, one, "blocks.csv", "cells.csv", "curves.csv");
        assertSameFiles(one, two, "blocks.csv", "cells.csv", "curves.csv", "warnings.txt");
        // warnings.txt differs only in its first line, which names the command and its options
        List<String> sw = Files.readAllLines(syn.resolve("warnings.txt"));
        List<String> bw = Files.readAllLines(one.resolve("warnings.txt"));
        assertThat(bw.get(0)).startsWith("# comboscope batch: input ");
        assertThat(bw.subList(1, bw.size())).isEqualTo(sw.subList(1, sw.size()));
        assertThat(r1.out()).contains("12 of 12 blocks analysed");
    }

    @Test
    void batch_reappearingBlockId_exits2NamingTheLine() throws Exception {
        Path in = tmp.resolve("bad.csv");
        StringBuilder sb = new StringBuilder("block_id,drug1,drug2,conc1,conc2,response,conc_unit\n");
        for (String id : new String[] {"a", "b", "a"}) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    sb.append(id)
                            .append(",x,y,")
                            .append(i)
                            .append(',')
                            .append(j)
                            .append(",50,uM\n");
                }
            }
        }
        Files.writeString(in, sb.toString());
        Path out = tmp.resolve("out");
        Run r = run("batch", "--input", in.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.csv").contains("20").contains("block a reappears");
        assertThat(out).doesNotExist();
    }

    @Test
    void progress_notATerminal_printsPlainLinesWithEta() {
        StringWriter sw = new StringWriter();
        BatchCommand.Progress p = new BatchCommand.Progress(new PrintWriter(sw), false, 0);
        p.update(0, 0, 1000);
        p.update(10, 500, 1000);
        String[] lines = sw.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("batch: 0 blocks done (0% of input)").doesNotContain("\r");
        assertThat(lines[1]).startsWith("batch: 10 blocks done (50% of input)").doesNotContain("ETA ?");
        assertThat(BatchCommand.Progress.formatSeconds(3725)).isEqualTo("1h02m");
    }

    @Test
    void progress_terminal_redrawsOneBarLine() {
        StringWriter bar = new StringWriter();
        BatchCommand.Progress t = new BatchCommand.Progress(new PrintWriter(bar), true, 0);
        t.update(4, 250, 1000);
        t.done();
        assertThat(bar.toString()).startsWith("\r[########----------------------]  25% 4 blocks");
        assertThat(bar.toString()).endsWith(System.lineSeparator());
    }
}
