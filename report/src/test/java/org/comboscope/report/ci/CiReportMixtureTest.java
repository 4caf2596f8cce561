package org.comboscope.report.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.comboscope.core.combination.MixtureBlock;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.synergy.Provenance;
import org.junit.jupiter.api.Test;

class CiReportMixtureTest {
    /** Drugs with Dm 1, 2, 4 and m = 1 alone; one 1:1:1 ray twice as potent as additive (CI = 0.5). */
    static MixtureBlock mixture() {
        double[] dm = {1, 2, 4};
        double[] doses = {0.25, 0.5, 1, 2, 4, 8};
        List<double[]> conc = new ArrayList<>();
        List<Double> fa = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (double d : doses) {
                double[] r = new double[3];
                r[i] = d;
                conc.add(r);
                fa.add(d / (d + dm[i]));
            }
        }
        double dmMix = 0.5 / (1.0 / 3 / 1 + 1.0 / 3 / 2 + 1.0 / 3 / 4);
        for (double t : doses) {
            conc.add(new double[] {t / 3, t / 3, t / 3});
            fa.add(t / (t + dmMix));
        }
        double[] f = fa.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            names.add("line " + (i + 2));
        }
        return MixtureBlock.analyze(conc.toArray(new double[0][]), f, names, 0.5, 0.9);
    }

    @Test
    void build_mixtureBlock_sectionHasDrugFitsAndCiPerRayAndLevel() {
        CiReport.Block b = new CiReport.Block(
                "M1",
                "A",
                "B",
                "uM",
                "uM",
                Optional.empty(),
                List.of(),
                Map.of(),
                List.of("A", "B", "C"),
                Optional.of(mixture()),
                List.of("musyc skipped"));
        ReportDoc doc = CiReport.build(
                new Provenance("in.csv", "0".repeat(64), "test", Map.of(), "2025-01-01T00:00:00Z"),
                List.of(b),
                new double[] {0.5, 0.9},
                List.of());
        ReportDoc.Section s = doc.sections().get(1);
        assertThat(s.title()).isEqualTo("Block M1: A + B + C");
        assertThat(doc.summary()).contains("1 blocks, 1 analysed");
        ReportDoc.Table t = s.parts().stream()
                .filter(p -> p instanceof ReportDoc.Table x && x.id().equals("ci-mixtures"))
                .map(ReportDoc.Table.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(t.header()).endsWith("DRI A", "DRI B", "DRI C");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).subList(0, 4)).containsExactly("1:1:1", "6", "0.5", "0.5");
        assertThat(s.parts())
                .anyMatch(p -> p instanceof ReportDoc.Text x && x.text().contains("musyc skipped"));
    }
}
