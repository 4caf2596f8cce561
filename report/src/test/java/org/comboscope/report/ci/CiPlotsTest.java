package org.comboscope.report.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.core.combination.CiCell;
import org.comboscope.core.combination.CombinationIndex;
import org.comboscope.core.combination.MedianEffect;
import org.comboscope.core.combination.TwoDrugData;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.plot.CiCharts;
import org.comboscope.report.synergy.PlotFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiPlotsTest {
    static CiAnalysis analysis;
    /**
     * A line drawn with the additivity dash pattern (set on the line or on its group); groups: x1,
     * x2, y1, y2.
     */
    static final Pattern DASHED_LINE = Pattern.compile(
            "stroke-dasharray:4,2[^>]*>?\\s*(?:<line[^>]*?)?\\sx1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"");
    /** A circle marker as Batik writes it: a path of four cubic arcs. */
    static final String CIRCLE = "<path d=\"M[-0-9. ]+(C[-0-9. ]+){4}Z\"";

    @BeforeAll
    static void setUp() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/ci/synergy_python_B01.csv"));
        int n = lines.size() - 1;
        double[] d1 = new double[n];
        double[] d2 = new double[n];
        double[] fa = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            d1[i] = Double.parseDouble(f[3]);
            d2[i] = Double.parseDouble(f[4]);
            fa[i] = Double.parseDouble(f[5]);
        }
        analysis = new CombinationIndex().withBootstrap(50).withSeed(1).analyze(new TwoDrugData(d1, d2, fa), "B01");
    }

    static long count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        long k = 0;
        while (m.find()) {
            k++;
        }
        return k;
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

    @Test
    void write_blockB01_writesSvgAndPngOfBothPlots(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("out");
        List<String> names;
        try (OutputDirectory dir = OutputDirectory.create(target)) {
            names = CiPlots.write(dir, Set.of(PlotFormat.SVG, PlotFormat.PNG), "B01", "drugA", "drugB", analysis);
            dir.commit();
        }
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "plots/B01_fa_ci.svg",
                        "plots/B01_fa_ci.png",
                        "plots/B01_isobologram.svg",
                        "plots/B01_isobologram.png");
        Path preview = Path.of("target", "chart-previews");
        Files.createDirectories(preview);
        for (String name : names) {
            Path p = target.resolve(name);
            assertThat(p).isRegularFile();
            Files.copy(p, preview.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            if (name.endsWith(".png")) {
                BufferedImage img = ImageIO.read(p.toFile());
                assertThat(img.getWidth()).isEqualTo(1004);
                assertThat(inked(img)).isBetween(0.05, 0.9);
                // the partly covered last row (fractional pixel height) is white, not grey
                assertThat(img.getRGB(img.getWidth() / 2, img.getHeight() - 1) & 0xFFFFFF)
                        .isEqualTo(0xFFFFFF);
            }
        }
    }

    @Test
    void faCiSvg_blockB01_hasReferenceLineAndOneMarkerPerMeasuredPoint() throws Exception {
        int measured = CiCharts.measuredPoints(analysis).size();
        assertThat(measured).isEqualTo(25); // 5 × 5 combination wells of the 6 × 6 block
        String svg = ChartFiles.svg(CiCharts.faCi("B01", "drugA", "drugB", analysis), 241, 200);
        assertThat(svg).contains(CiCharts.ADDITIVE_LABEL).contains("synergy (CI &lt; 1)");
        // the CI = 1 line: the only line drawn with the additivity dash pattern, horizontal
        Matcher line = DASHED_LINE.matcher(svg);
        assertThat(line.find()).isTrue();
        assertThat(line.group(3)).isEqualTo(line.group(4));
        assertThat(Double.parseDouble(line.group(2)) - Double.parseDouble(line.group(1)))
                .isGreaterThan(100);
        assertThat(line.find()).isFalse();
        // one circle (a 4-arc path) per measured combination, plus the legend's sample per point series
        assertThat(svg).doesNotContain("off scale"); // all 25 within the axis
        assertThat(count(svg, CIRCLE)).isEqualTo(measured + 1);
        // the rotated CI axis label is written as glyph outlines, not text
        assertThat(svg).contains("Fraction affected (Fa)");
    }

    @Test
    void faCiSvg_ciBeyondAxis_drawnAsTriangleAtEdge() {
        MedianEffect me = new MedianEffect(1, 1, 1, 5);
        OptionalDouble none = OptionalDouble.empty();
        List<CiCell> cells = List.of(
                new CiCell(0, 1, 1, 0.5, OptionalDouble.of(0.5), none, none, none, none),
                new CiCell(1, 2, 2, 0.6, OptionalDouble.of(2), none, none, none, none),
                new CiCell(2, 1, 3, 0.1, OptionalDouble.of(1e6), none, none, none, none),
                new CiCell(3, 1, 4, 0, OptionalDouble.of(Double.POSITIVE_INFINITY), none, none, none, none),
                new CiCell(4, 1, 0, 0.3, none, none, none, none, none));
        CiAnalysis a = new CiAnalysis(
                me,
                me,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                cells,
                List.of(),
                List.of());
        assertThat(CiCharts.measuredPoints(a)).hasSize(4);
        String svg = ChartFiles.svg(CiCharts.faCi("X", "a", "b", a), 241, 250);
        assertThat(svg).contains("off scale");
        assertThat(count(svg, CIRCLE)).isEqualTo(2 + 1);
        assertThat(count(svg, "<path d=\"M[-0-9. ]+L[-0-9. ]+L[-0-9. ]+Z\"")).isEqualTo(2 + 1);
    }

    @Test
    void isobologram_blockB01_hasAdditivityLineAndPointsAtThreeLevels() throws Exception {
        for (double fa : CiCharts.ISOBOLOGRAM_LEVELS) {
            List<CiCharts.IsoPoint> ps = CiCharts.isobologramPoints(analysis, fa);
            assertThat(ps).hasSize(analysis.rays().size());
            for (CiCharts.IsoPoint p : ps) {
                // x + y is the CI of the ray at that level
                double ci =
                        analysis.rays().stream()
                                .filter(r -> r.ratio() == p.ratio())
                                .findFirst()
                                .orElseThrow()
                                .levels()
                                .stream()
                                .filter(l -> l.fa() == fa)
                                .findFirst()
                                .orElseThrow()
                                .ci();
                assertThat(p.ci()).isCloseTo(ci, Offset.offset(1e-9 * ci));
            }
        }
        String svg = ChartFiles.svg(CiCharts.isobologram("B01", "drugA", "drugB", analysis), 241, 200);
        assertThat(svg)
                .contains(CiCharts.ADDITIVE_LABEL)
                .contains("Fa = 0.50")
                .contains("Fa = 0.75")
                .contains("Fa = 0.90")
                .contains("d1/Dx1 (drugA)");
        // the additivity line: the only dashed line, from (1, 0) down right to (0, 1) up left
        Matcher line = DASHED_LINE.matcher(svg);
        assertThat(line.find()).isTrue();
        assertThat(Double.parseDouble(line.group(1))).isGreaterThan(Double.parseDouble(line.group(2)));
        assertThat(Double.parseDouble(line.group(3))).isGreaterThan(Double.parseDouble(line.group(4)));
        assertThat(line.find()).isFalse();
    }
}
