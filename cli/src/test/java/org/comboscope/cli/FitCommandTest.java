package org.comboscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void fit_mathews_writesCurvesWithIc50sAndSensitisation() throws Exception {
        Path in = tmp.resolve("m.csv");
        try (InputStream s = getClass().getResourceAsStream("/demo/mathews_screening_data.csv")) {
            Files.copy(s, in);
        }
        Path out = tmp.resolve("out");
        SynergyCommandTest.Run r = SynergyCommandTest.run("fit", "--input", in.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> curves = Files.readAllLines(out.resolve("curves.csv"));
        assertThat(curves).hasSize(1 + 4);
        String[] ibrutinib = curves.get(2).split(",", -1);
        assertThat(ibrutinib[2]).isEqualTo("ibrutinib");
        assertThat(ibrutinib[3]).isEqualTo("LL.4");
        // SynergyFinder's ic50_2 for block 1: 2.7405626770532368 (drc), capped relative IC50.
        assertThat(Double.parseDouble(ibrutinib[9]))
                .isCloseTo(2.7405626770532368, org.assertj.core.data.Percentage.withPercentage(1e-4));
        double lower = Double.parseDouble(ibrutinib[12]);
        double upper = Double.parseDouble(ibrutinib[13]);
        // drc's delta interval is symmetric on the dose scale (it can extend below 0 with few points).
        assertThat(lower).isLessThan(2.74);
        assertThat(upper).isGreaterThan(2.74);
        // ibrutinib reaches 62 % inhibition: an absolute IC50 exists and lies above the midpoint (c < 0).
        assertThat(Double.parseDouble(ibrutinib[14])).isGreaterThan(2.74);
        // RI as SynergyFinder reports it for block 1, drug 2 (ri_2 = 27.003).
        assertThat(ibrutinib[17]).isEqualTo("27.003");
        // ispinesib plateaus at 45 %: no absolute IC50, with the reason.
        assertThat(curves.get(1)).contains("absolute IC50: curve never reaches 50");
        List<String> sens = Files.readAllLines(out.resolve("sensitisation.csv"));
        assertThat(sens.get(0)).startsWith("block_id,drug,partner,partner_conc,ic50_alone,ic50_with_partner,fold");
        assertThat(sens).hasSize(1 + 2 * (5 + 5));
        assertThat(Files.readAllLines(out.resolve("fitted.csv"))).hasSize(1 + 4 * 6);
    }
}
