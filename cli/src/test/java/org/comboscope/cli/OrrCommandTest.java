package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OrrCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void orr_frame_printsRateAndBinomTestInterval() {
        assertThat(run("orr", "--responders", "11", "--n", "26")).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("responders,n,rate,exact_lower,exact_upper,wilson_lower,wilson_upper,level");
        String[] cells = lines[1].split(",");
        assertThat(cells[0]).isEqualTo("11");
        assertThat(Double.parseDouble(cells[2])).isEqualTo(11.0 / 26);
        // binom.test(11, 26)$conf.int (R 4.2.2, ../shared/reference/survival/orr_exact.csv)
        assertThat(Double.parseDouble(cells[3])).isCloseTo(0.23352198312744346098, within(1e-15));
        assertThat(Double.parseDouble(cells[4])).isCloseTo(0.63081961907603346, within(1e-15));
    }

    @Test
    void orr_respondersAboveN_exit2() {
        assertThat(run("orr", "--responders", "13", "--n", "12")).isEqualTo(Main.EXIT_INPUT);
        assertThat(err.toString()).contains("responders").contains("13");
    }
}
