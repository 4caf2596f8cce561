package org.comboscope.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.report.Fixtures;
import org.comboscope.report.synergy.BlockView;
import org.comboscope.report.synergy.SynergyRun;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartsTest {
    static SynergyRun run;
    static final Path OUT = Path.of("target", "chart-previews");

    @BeforeAll
    static void setUp() throws Exception {
        run = Fixtures.breast();
        Files.createDirectories(OUT);
    }

    /** Fraction of pixels that are not white. */
    static double inked(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }

    private static void preview(String name, JFreeChart chart) throws Exception {
        ChartFiles.writePng(chart, Charts.COLUMN_WIDTH_PT, Charts.HEIGHT_PT, OUT.resolve(name + ".png"));
        ChartFiles.writeSvg(chart, Charts.COLUMN_WIDTH_PT, Charts.HEIGHT_PT, OUT.resolve(name + ".svg"));
    }

    @Test
    void everyPlot_breastBlock1_rendersInkedPngAndSvgWithLabels() throws Exception {
        BlockView b = run.blocks().get(0);
        preview("curve1", Charts.doseResponse(b.blockId(), b.curves().get(0), 0));
        preview("curve2", Charts.doseResponse(b.blockId(), b.curves().get(1), 1));
        preview("response", Charts.responseHeatMap(b));
        for (SynergyMethod m : b.methods()) {
            preview("synergy_" + m.column(), Charts.synergyHeatMap(b, m));
        }
        int[] cell = Charts.defaultBarometerCell(b);
        preview("barometer", Charts.barometer(b, cell[0], cell[1]));
        preview("scatter", Charts.synergySensitivity(run.blocks()));
        BufferedImage img = ChartFiles.image(Charts.synergyHeatMap(b, SynergyMethod.ZIP), 241, 200, 300);
        assertThat(img.getWidth()).isEqualTo(1004);
        assertThat(inked(img)).isBetween(0.2, 0.95);
        String svg = Files.readString(OUT.resolve("curve1.svg"));
        assertThat(svg)
                .startsWith("<?xml")
                .contains("viewBox=\"0 0 241 200\"")
                .contains(b.drug1() + " alone (block 1)");
        assertThat(svg).contains(b.drug1() + " concentration (" + b.unit1() + "), log scale");
        assertThat(Files.readString(OUT.resolve("synergy_ZIP.svg"))).contains("most synergistic area");
    }
}
