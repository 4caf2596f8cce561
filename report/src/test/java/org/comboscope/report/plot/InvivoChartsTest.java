package org.comboscope.report.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.comboscope.core.invivo.ArmRole;
import org.comboscope.core.invivo.Arms;
import org.comboscope.core.invivo.EndpointStatistics;
import org.comboscope.core.invivo.MrecistResponse;
import org.comboscope.core.invivo.PreparedData;
import org.comboscope.core.invivo.SynergyEstimate;
import org.comboscope.core.invivo.SynergyReference;
import org.comboscope.core.invivo.TimeResolvedSynergy;
import org.comboscope.core.invivo.TumourObservation;
import org.comboscope.core.invivo.TumourStudy;
import org.comboscope.io.invivo.ArmsReader;
import org.comboscope.io.invivo.TumourTableReader;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class InvivoChartsTest {
    static final Path OUT = Path.of("target", "chart-previews");
    static TumourStudy study;
    static Arms arms;

    @BeforeAll
    static void setUp() throws Exception {
        Files.createDirectories(OUT);
        study = TumourTableReader.readLong(Path.of(InvivoChartsTest.class
                        .getResource("/invivo/cr1197_long.csv")
                        .toURI()))
                .study();
        arms = ArmsReader.read(Path.of(InvivoChartsTest.class
                        .getResource("/invivo/cr1197_arms.csv")
                        .toURI()))
                .get(0);
    }

    static Document svg(JFreeChart chart, int w, int h, String name) throws Exception {
        String text = ChartFiles.svg(chart, w, h);
        Files.writeString(OUT.resolve(name), text);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    static List<Element> elements(Document d, String tag) {
        NodeList nl = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    static List<String> texts(Document d) {
        return elements(d, "text").stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** Stroked unfilled polylines (no curves: point markers are ellipses) in {@code c}, >= {@code min} vertices. */
    static long strokedPaths(Document d, Color c, int min) {
        String rgb = KmPlotTest.rgb(c);
        return elements(d, "path").stream()
                .filter(p -> KmPlotTest.inherited(p, "stroke").replace(" ", "").equals(rgb)
                        && KmPlotTest.inherited(p, "fill").equals("none")
                        && !p.getAttribute("d").contains("C")
                        && p.getAttribute("d").split("[ML]").length - 1 >= min)
                .count();
    }

    static String legend(ArmRole r) {
        return arms.group(r) + " (" + r.label() + ")";
    }

    @Test
    void spaghetti_cr1197_oneSeriesAndOnePathPerAnimalInTheArmColour() throws Exception {
        JFreeChart chart = InvivoCharts.spaghetti(study, arms, "Tumour volume (mm³)");
        List<XYPlot> panels = ((CombinedRangeXYPlot) chart.getPlot()).getSubplots();
        assertThat(panels).hasSize(4);
        Document d = svg(chart, InvivoCharts.WIDE_PT, 220, "invivo_spaghetti.svg");
        for (ArmRole r : ArmRole.values()) {
            Map<String, Integer> counts = new TreeMap<>();
            for (TumourObservation o : study.observations()) {
                if (o.group().equals(arms.group(r))) {
                    counts.merge(o.animalId(), 1, Integer::sum);
                }
            }
            XYDataset ds = panels.get(r.ordinal()).getDataset();
            assertThat(ds.getSeriesCount()).as(r.label()).isEqualTo(counts.size());
            long multi = counts.values().stream().filter(n -> n >= 2).count();
            assertThat(strokedPaths(d, InvivoCharts.colour(r), 2)).as(r.label()).isEqualTo(multi);
        }
        // legend and the per-panel x-axis labels (group names); rotated axis labels are drawn as outlines
        assertThat(texts(d))
                .contains(legend(ArmRole.VEHICLE), legend(ArmRole.COMBINATION), "Vehicle", "Palbociclib+Cetuximab");
    }

    @Test
    void meanSem_cr1197_seriesAreTheGroupDaySummaries() throws Exception {
        var summaries = EndpointStatistics.groupDaySummaries(study, arms);
        JFreeChart chart = InvivoCharts.meanSem(summaries, arms, "Tumour volume (mm³)");
        XYDataset ds = chart.getXYPlot().getDataset();
        assertThat(ds.getSeriesCount()).isEqualTo(4);
        for (ArmRole r : ArmRole.values()) {
            var rows = summaries.stream().filter(s -> s.role() == r).toList();
            assertThat(ds.getItemCount(r.ordinal())).isEqualTo(rows.size());
            assertThat(ds.getYValue(r.ordinal(), rows.size() - 1))
                    .isEqualTo(rows.get(rows.size() - 1).mean());
        }
        Document d = svg(chart, Charts.COLUMN_WIDTH_PT * 2, 240, "invivo_mean_sem.svg");
        assertThat(texts(d)).contains(legend(ArmRole.DRUG_A), "Study day", "Tumour growth, mean ± SEM per arm");
        for (ArmRole r : ArmRole.values()) {
            // the mean line is one path through all days of the arm
            assertThat(strokedPaths(d, InvivoCharts.colour(r), 3)).as(r.label()).isPositive();
        }
        ChartFiles.writePng(chart, Charts.COLUMN_WIDTH_PT * 2, 240, OUT.resolve("invivo_mean_sem.png"));
        assertThat(OUT.resolve("invivo_mean_sem.png")).isNotEmptyFile();
    }

    @Test
    void waterfall_cr1197_oneBarPerEvaluableAnimalInOrder() throws Exception {
        var animals = MrecistResponse.animals(study, arms);
        var ordered = MrecistResponse.waterfall(animals);
        JFreeChart chart = InvivoCharts.waterfall(ordered, arms);
        XYDataset ds = chart.getXYPlot().getDataset();
        int bars = 0;
        for (int s = 0; s < ds.getSeriesCount(); s++) {
            bars += ds.getItemCount(s);
            for (int i = 0; i < ds.getItemCount(s); i++) {
                int rank = (int) ds.getXValue(s, i);
                assertThat(ds.getYValue(s, i))
                        .isEqualTo(ordered.get(rank).bestResponsePercent().getAsDouble());
                assertThat(ordered.get(rank).role().ordinal()).isEqualTo(s);
            }
        }
        assertThat(bars).isEqualTo(ordered.size()).isPositive();
        Document d = svg(chart, InvivoCharts.WIDE_PT, 220, "invivo_waterfall.svg");
        assertThat(texts(d)).contains(legend(ArmRole.DRUG_B));
    }

    @Test
    void synergyOverTime_cr1197_oneSeriesPerReferenceWithBand() throws Exception {
        PreparedData p = PreparedData.of(study, arms);
        List<SynergyEstimate> est = TimeResolvedSynergy.defaults()
                .withReferences(java.util.EnumSet.of(SynergyReference.BLISS, SynergyReference.HSA))
                .compute(p)
                .estimates();
        JFreeChart chart = InvivoCharts.synergyOverTime(est);
        XYDataset ds = chart.getXYPlot().getDataset();
        assertThat(ds.getSeriesCount()).isEqualTo(2);
        long blissSs = est.stream()
                .filter(e ->
                        e.reference() == SynergyReference.BLISS && e.metric().equals("SS"))
                .count();
        assertThat(ds.getItemCount(0)).isEqualTo((int) blissSs);
        Document d = svg(chart, Charts.COLUMN_WIDTH_PT * 2, 220, "invivo_synergy.svg");
        assertThat(texts(d)).contains("Bliss SS ± 95% CI", "HSA SS ± 95% CI");
        // a filled band polygon per reference
        long bands = elements(d, "path").stream()
                .filter(e -> !KmPlotTest.inherited(e, "fill").equals("none")
                        && e.getAttribute("d").split("[MLC]").length - 1 >= 2 * blissSs)
                .count();
        assertThat(bands).isGreaterThanOrEqualTo(2);
    }
}
