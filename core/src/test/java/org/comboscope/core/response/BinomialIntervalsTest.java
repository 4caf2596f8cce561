package org.comboscope.core.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class BinomialIntervalsTest {

    @Test
    void clopperPearson_seedResponseRates_matchBinomTestWithin1e9() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/survival/orr_exact.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.replace("\"", "").split(","));
            }
        }
        assertThat(rows).hasSize(7);
        double worst = 0;
        String where = "";
        for (String[] row : rows) {
            int x = Integer.parseInt(row[1]);
            int n = Integer.parseInt(row[2]);
            ResponseRate rate = ResponseRate.of(x, n);
            double[][] pairs = {
                {rate.rate(), Double.parseDouble(row[3])},
                {rate.exact().lower(), Double.parseDouble(row[4])},
                {rate.exact().upper(), Double.parseDouble(row[5])}
            };
            for (double[] p : pairs) {
                double d = p[1] == 0 ? Math.abs(p[0]) : Math.abs(p[0] - p[1]) / Math.abs(p[1]);
                if (d > worst) {
                    worst = d;
                    where = row[0] + ": expected " + p[1] + ", was " + p[0];
                }
            }
        }
        System.out.println("orr_exact.csv: worst relative difference " + worst + " at " + where);
        assertThat(worst).as(where).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void clopperPearson_edgeCases_closedForms() {
        Interval zero = BinomialIntervals.clopperPearson(0, 20, 0.95);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(1 - Math.pow(0.025, 1.0 / 20), within(1e-15));
        Interval all = BinomialIntervals.clopperPearson(12, 12, 0.95);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(Math.pow(0.025, 1.0 / 12), within(1e-15));
    }

    @Test
    void wilson_frame_matchesPropTestWithoutCorrection() {
        // prop.test(11, 26, correct = FALSE)$conf.int: closed form, checked by hand.
        Interval w = BinomialIntervals.wilson(11, 26, 0.95);
        double z = 1.959963984540054;
        double p = 11.0 / 26;
        double c = p + z * z / 52;
        double h = z * Math.sqrt(p * (1 - p) / 26 + z * z / (4.0 * 26 * 26));
        assertThat(w.lower()).isCloseTo((c - h) / (1 + z * z / 26), within(1e-14));
        assertThat(w.upper()).isCloseTo((c + h) / (1 + z * z / 26), within(1e-14));
        assertThat(w.lower()).isBetween(0.25, 0.26);
    }

    @Test
    void clopperPearson_widerThanWilson_forSmallSamples() {
        Interval exact = BinomialIntervals.clopperPearson(10, 12, 0.95);
        Interval wilson = BinomialIntervals.wilson(10, 12, 0.95);
        assertThat(exact.lower()).isLessThan(wilson.lower());
    }

    @Test
    void clopperPearson_respondersAboveN_rejected() {
        assertThatThrownBy(() -> BinomialIntervals.clopperPearson(13, 12, 0.95))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("responders")
                .hasMessageContaining("13");
    }
}
