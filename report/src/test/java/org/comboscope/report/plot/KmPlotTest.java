package org.comboscope.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.comboscope.core.survival.ConfType;
import org.comboscope.core.survival.KaplanMeier;
import org.comboscope.core.survival.KmCurve;
import org.comboscope.core.survival.SurvivalSample;
import org.comboscope.io.survival.EventCoding;
import org.comboscope.io.survival.SurvivalCsvReader;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class KmPlotTest {
    static final Path OUT = Path.of("target", "chart-previews");
    static Map<String, KmCurve> curves;
    static List<String[]> kmCsv;
    static Document svg;
    static int height;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(OUT);
        Path input = OUT.resolve("lung_input.csv");
        try (InputStream in = KmPlotTest.class.getResourceAsStream("/survival/lung_input.csv")) {
            Files.copy(in, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, SurvivalSample> groups = new SurvivalCsvReader("time", "event", "group", EventCoding.AUTO)
                .read(input)
                .groups();
        curves = new LinkedHashMap<>();
        for (Map.Entry<String, SurvivalSample> g : groups.entrySet()) {
            curves.put(g.getKey(), KaplanMeier.fit(g.getValue(), ConfType.LOG));
        }
        kmCsv = new ArrayList<>();
        try (InputStream in = KmPlotTest.class.getResourceAsStream("/survival/lung_km.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                kmCsv.add(line.strip().replace("\"", "").split(","));
            }
        }
        height = KmPlot.heightPt(curves.size());
        JFreeChart chart = KmPlot.chart(curves, "days");
        String text = ChartFiles.svg(chart, KmPlot.WIDTH_PT, height);
        Files.writeString(OUT.resolve("km_lung.svg"), text);
        ChartFiles.writePng(chart, KmPlot.WIDTH_PT, height, OUT.resolve("km_lung.png"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        svg = f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** n_risk of the R reference at time t: the first row at or after t, 0 beyond the last row. */
    static int referenceAtRisk(String group, double t) {
        for (String[] r : kmCsv.subList(1, kmCsv.size())) {
            if (r[0].equals("log") && r[1].equals(group) && Double.parseDouble(r[2]) >= t) {
                return Integer.parseInt(r[3]);
            }
        }
        return 0;
    }

    /** A CSS property from the element's style attribute or the nearest ancestor's that sets it. */
    static String inherited(Element e, String property) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            for (String decl : el.getAttribute("style").split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0 && decl.substring(0, colon).strip().equals(property)) {
                    return decl.substring(colon + 1).strip();
                }
            }
        }
        return "";
    }

    static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    static List<Element> elements(String tag) {
        NodeList nl = svg.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** Stroked, unfilled paths in the group's colour with at least {@code minPoints} vertices. */
    static List<Element> strokedPaths(int group, int minPoints, int maxPoints) {
        String colour = rgb(KmPlot.colour(group));
        List<Element> out = new ArrayList<>();
        for (Element p : elements("path")) {
            int points = p.getAttribute("d").split("[MLC]").length - 1;
            if (inherited(p, "stroke").replace(" ", "").equals(colour)
                    && inherited(p, "fill").equals("none")
                    && points >= minPoints
                    && points <= maxPoints) {
                out.add(p);
            }
        }
        return out;
    }

    /** A two-point path from (x, y1) to (x, y2), y1 != y2: a censor tick (legend lines are horizontal). */
    static boolean vertical(Element path) {
        String[] v = path.getAttribute("d").replaceAll("[ML]", " ").strip().split("\\s+");
        return v.length == 4 && v[0].equals(v[2]) && !v[1].equals(v[3]);
    }

    @Test
    void riskTimes_lungFollowUp_roundStepsUpToLastTime() {
        assertThat(KmPlot.riskTimes(1022)).containsExactly(0, 200, 400, 600, 800, 1000);
        assertThat(KmPlot.riskTimes(60)).containsExactly(0, 10, 20, 30, 40, 50, 60);
        assertThat(KmPlot.riskTimes(14)).containsExactly(0, 2.5, 5, 7.5, 10, 12.5);
    }

    @Test
    void riskTable_lung_equalsReferenceNRiskAtTheTicks() {
        double[] times = KmPlot.riskTimes(KmPlot.maxTime(curves));
        Map<String, int[]> table = KmPlot.riskTable(curves);
        assertThat(table.keySet()).containsExactly("female", "male");
        for (Map.Entry<String, int[]> e : table.entrySet()) {
            int[] expected = new int[times.length];
            for (int k = 0; k < times.length; k++) {
                expected[k] = referenceAtRisk(e.getKey(), times[k]);
            }
            assertThat(e.getValue()).as(e.getKey()).containsExactly(expected);
        }
        // lung: 90 women and 138 men at the start
        assertThat(table.get("female")[0]).isEqualTo(90);
        assertThat(table.get("male")[0]).isEqualTo(138);
    }

    @Test
    void svg_lung_riskTableTextsAreTheReferenceNumbersRowByRow() {
        List<String> texts = new ArrayList<>();
        for (Element t : elements("text")) {
            texts.add(t.getTextContent().strip());
        }
        int head = texts.indexOf("Number at risk");
        assertThat(head).as("texts %s", texts).isNotNegative();
        double[] times = KmPlot.riskTimes(KmPlot.maxTime(curves));
        List<String> expected = new ArrayList<>();
        for (String g : curves.keySet()) {
            for (double t : times) {
                expected.add(Integer.toString(referenceAtRisk(g, t)));
            }
        }
        assertThat(texts.subList(head + 1, head + 1 + expected.size())).isEqualTo(expected);
    }

    @Test
    void svg_lung_onePathPerGroupAndOneCensorMarkPerCensoredTime() {
        int g = 0;
        for (Map.Entry<String, KmCurve> e : curves.entrySet()) {
            KmCurve km = e.getValue();
            // the step curve: one path with two vertices per event time
            List<Element> curve = strokedPaths(g, 2 * km.size(), Integer.MAX_VALUE);
            assertThat(curve).as(e.getKey() + " curve").hasSize(1);
            int censored = 0;
            for (int i = 0; i < km.size(); i++) {
                censored += km.nCensor(i) > 0 ? 1 : 0;
            }
            List<Element> ticks =
                    strokedPaths(g, 2, 2).stream().filter(KmPlotTest::vertical).toList();
            assertThat(censored).isPositive();
            assertThat(ticks).as(e.getKey() + " censor marks").hasSize(censored);
            g++;
        }
    }

    @Test
    void png_lung_notBlankAndShowsBothGroupColours() throws Exception {
        BufferedImage img = ImageIO.read(OUT.resolve("km_lung.png").toFile());
        assertThat(img.getWidth()).isEqualTo(Math.round(KmPlot.WIDTH_PT * ChartFiles.PNG_DPI / 72.0));
        long inked = 0;
        long[] colour = new long[curves.size()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
                for (int g = 0; g < colour.length; g++) {
                    if (rgb == (KmPlot.colour(g).getRGB() & 0xFFFFFF)) {
                        colour[g]++;
                    }
                }
            }
        }
        double fraction = inked / (double) ((long) img.getWidth() * img.getHeight());
        assertThat(fraction).isBetween(0.02, 0.6);
        for (long c : colour) {
            assertThat(c).isGreaterThan(500);
        }
    }

    @Test
    void band_logLogWithCensoringBeforeFirstEvent_stillCoversTheCurve() {
        // censored at 1 and 2 (survival 1, log-log CI undefined), events at 3 and 5, censored at 8
        SurvivalSample s = new SurvivalSample(
                new double[] {1, 2, 3, 4, 5, 8}, new boolean[] {false, false, true, false, true, false});
        KmCurve km = KaplanMeier.fit(s, ConfType.LOG_LOG);
        assertThat(km.lower(0)).isEmpty();
        java.awt.geom.Rectangle2D bounds = KmPlot.band(km).getBounds2D();
        assertThat(bounds.getMaxX()).isEqualTo(8);
        assertThat(bounds.getMinY()).isLessThan(km.surv(km.size() - 1));
    }

    @Test
    void band_logCiUndefinedAtSurvivalZero_endsAtThatTime() {
        SurvivalSample s = new SurvivalSample(new double[] {1, 2, 4, 6}, new boolean[] {true, false, true, true});
        KmCurve km = KaplanMeier.fit(s, ConfType.LOG);
        assertThat(km.surv(km.size() - 1)).isZero();
        assertThat(KmPlot.band(km).getBounds2D().getMaxX()).isEqualTo(6);
        assertThat(KmPlot.band(km).getBounds2D().getMinY()).isPositive();
    }
}
