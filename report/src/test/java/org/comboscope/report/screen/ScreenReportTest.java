package org.comboscope.report.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.comboscope.report.doc.ReportDoc.Table;
import org.comboscope.report.doc.ReportDoc.Text;
import org.junit.jupiter.api.Test;

class ScreenReportTest {
    private static final ScreenReport.Screen SCREEN = new ScreenReport.Screen(
            "MAGeCK 0.5.9 test (RRA)", "score", "LFC", "sensitiser", "resistance", 0.1, "mageck");

    private static ScreenReport.Gene gene(String name, int rankDepleted, double fdrDepleted, int rankEnriched) {
        return new ScreenReport.Gene(name, -1, -1, 0.001, fdrDepleted, rankDepleted, 0.9, 0.99, rankEnriched, 4);
    }

    @Test
    void drugPartners_knownTargets_listTheirDrugs() {
        assertThat(DrugPartners.of("MAP2K1"))
                .extracting(DrugPartners.Drug::name)
                .contains("trametinib");
        assertThat(DrugPartners.of("cdk6")).extracting(DrugPartners.Drug::name).contains("palbociclib");
        assertThat(DrugPartners.of("PTK2")).extracting(DrugPartners.Drug::name).containsExactly("defactinib");
        assertThat(DrugPartners.of("GAPDH")).isEmpty();
    }

    @Test
    void partners_topGenesThatAreTargets_tabledByDirectionAndRank() {
        List<ScreenReport.Gene> genes = List.of(
                gene("MAP2K2", 3, 0.01, 900),
                gene("GAPDH", 1, 0.001, 1000),
                gene("MAP2K1", 2, 0.005, 800),
                gene("BRAF", 120, 0.5, 40), // enriched side only
                gene("CDK6", 60, 0.7, 1)); // outside the depleted top 50
        var section = ScreenReport.partners(genes, SCREEN);
        Table t = (Table) section.parts().get(0);
        assertThat(t.rows())
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                .containsExactly("depleted 2 MAP2K1", "depleted 3 MAP2K2", "enriched 1 CDK6", "enriched 40 BRAF");
        assertThat(t.rows().get(0).get(4)).isEqualTo("hit");
        assertThat(t.rows().get(3).get(4)).isEmpty();
        assertThat(t.rows().get(2).get(5)).contains("palbociclib (CDK4/6 inhibitor)");
    }

    @Test
    void guideGenes_topGenesOfEachSide_depletedFirstWithTheirGuides() {
        List<ScreenReport.Gene> genes = new java.util.ArrayList<>();
        java.util.Map<String, double[]> guides = new java.util.HashMap<>();
        for (int i = 1; i <= 30; i++) {
            genes.add(gene("G" + i, i, 0.01, 31 - i));
            guides.put("G" + i, new double[] {-i, -i - 0.5});
        }
        guides.remove("G2");
        var out = ScreenReport.guideGenes(genes, guides);
        assertThat(out).hasSize(2 * ScreenReport.GUIDE_GENES);
        assertThat(out.get(0).gene()).isEqualTo("G1");
        assertThat(out.get(1).gene()).isEqualTo("G3"); // G2 has no guides
        assertThat(out.get(0).depleted()).isTrue();
        assertThat(out.get(ScreenReport.GUIDE_GENES).gene()).isEqualTo("G30");
        assertThat(out.get(ScreenReport.GUIDE_GENES).depleted()).isFalse();
        assertThat(out.get(0).lfc()).containsExactly(-1, -1.5);
        assertThat(ScreenReport.guideGenes(genes, java.util.Map.of())).isEmpty();
    }

    @Test
    void guides_chart_oneDotPerFiniteGuideAndGeneNamesOnTheAxis() {
        var chart = org.comboscope.report.plot.ScreenCharts.guides(
                "t",
                "lfc",
                List.of(
                        new org.comboscope.report.plot.ScreenCharts.GeneGuides("A", true, new double[] {-1, -2, -3}),
                        new org.comboscope.report.plot.ScreenCharts.GeneGuides(
                                "B", false, new double[] {2, Double.NaN})));
        var plot = chart.getXYPlot();
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(3);
        assertThat(plot.getDataset().getItemCount(1)).isEqualTo(1);
        var axis = (org.jfree.chart.axis.SymbolAxis) plot.getDomainAxis();
        assertThat(axis.getSymbols()).containsExactly("A", "B");
    }

    @Test
    void partners_noTargetAmongTopGenes_saysSo() {
        var section = ScreenReport.partners(List.of(gene("GAPDH", 1, 0.001, 2)), SCREEN);
        assertThat(section.parts()).singleElement().isInstanceOf(Text.class);
    }
}
