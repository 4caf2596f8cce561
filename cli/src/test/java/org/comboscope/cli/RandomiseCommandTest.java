package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomiseCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    private Path animals(int n) throws Exception {
        StringBuilder sb = new StringBuilder("animal_id,volume_mm3\n");
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < n; i++) {
            sb.append("m")
                    .append(i)
                    .append(',')
                    .append(80 + 80 * r.nextDouble())
                    .append('\n');
        }
        Path p = tmp.resolve("animals.csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void randomise_sameSeedTwice_identicalAssignmentAndBalanceFiles() throws Exception {
        Path in = animals(24);
        String[] base = {"randomise", "--input", in.toString(), "--arms", "V,A,B,AB", "--seed", "7"};
        assertThat(run(concat(base, "--out", tmp.resolve("o1").toString()))).isEqualTo(Main.EXIT_OK);
        assertThat(run(concat(base, "--out", tmp.resolve("o2").toString()))).isEqualTo(Main.EXIT_OK);
        assertThat(Files.readString(tmp.resolve("o1/assignment.csv")))
                .isEqualTo(Files.readString(tmp.resolve("o2/assignment.csv")));
        List<String> balance = Files.readAllLines(tmp.resolve("o1/balance.csv"));
        assertThat(balance.get(0)).isEqualTo("arm,n,mean,sd");
        assertThat(balance).hasSize(5).allMatch(l -> l.startsWith("arm") || l.split(",")[1].equals("6"));
        assertThat(Files.readAllLines(tmp.resolve("o1/balance_summary.csv")).get(0))
                .isEqualTo("imbalance,anova_p,seed,candidates");
    }

    @Test
    void randomise_badVolume_exitsTwoNamingLine() throws Exception {
        Path in = tmp.resolve("bad.csv");
        Files.writeString(in, "animal_id,volume_mm3\nm1,100\nm2,big\n");
        int code = run(
                "randomise",
                "--input",
                in.toString(),
                "--arms",
                "V,A",
                "--out",
                tmp.resolve("x").toString());
        assertThat(code).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("bad.csv:3: column 'volume_mm3'");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
