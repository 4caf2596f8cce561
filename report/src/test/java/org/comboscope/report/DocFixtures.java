package org.comboscope.report;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.comboscope.core.combination.CiAnalysis;
import org.comboscope.core.combination.CombinationIndex;
import org.comboscope.core.combination.MuSyC;
import org.comboscope.core.combination.ParametricFit;
import org.comboscope.core.combination.TwoDrugData;
import org.comboscope.core.combination.Zimmer;
import org.comboscope.core.plate.Normalization;
import org.comboscope.core.plate.PlateMap;
import org.comboscope.core.plate.PlateNormalizer;
import org.comboscope.core.plate.PlateQc;
import org.comboscope.core.plate.PlateReadout;
import org.comboscope.core.plate.QcReport;
import org.comboscope.core.plate.QcThresholds;
import org.comboscope.core.survival.ConfType;
import org.comboscope.core.survival.SurvivalSample;
import org.comboscope.core.survival.Ties;
import org.comboscope.io.plate.PlateMapReader;
import org.comboscope.io.plate.PlateReader;
import org.comboscope.io.survival.EventCoding;
import org.comboscope.io.survival.SurvivalCsvReader;
import org.comboscope.report.ci.CiReport;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.plate.PlateReport;
import org.comboscope.report.screen.ScreenReport;
import org.comboscope.report.survival.SurvivalReport;
import org.comboscope.report.synergy.Provenance;

/** The four document reports built from test data (real where the repo has it, else seeded). */
public final class DocFixtures {
    static final Path DIR = Path.of("target", "doc-fixtures");

    private DocFixtures() {}

    static Provenance provenance(String file) {
        return new Provenance(file, "0".repeat(64), "test", Map.of("seed", "1"), "2025-01-01T00:00:00Z");
    }

    static Path resource(String name) throws Exception {
        Files.createDirectories(DIR);
        Path p = DIR.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = DocFixtures.class.getResourceAsStream("/" + name)) {
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    /** Block B01 of the synergy package's test set (real package inputs), CI + MuSyC + Zimmer. */
    public static ReportDoc ci() throws Exception {
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
        TwoDrugData data = new TwoDrugData(d1, d2, fa);
        CiAnalysis a = new CombinationIndex().withBootstrap(20).withSeed(1).analyze(data, "B01");
        List<ParametricFit> fits = List.of(MuSyC.fit(data, 5, 1, "B01"), Zimmer.fit(data, 5, 1, "B01"));
        List<CiReport.Block> blocks = List.of(
                new CiReport.Block("B01", "drugA", "drugB", "uM", "uM", Optional.of(a), fits, Map.of()),
                new CiReport.Block(
                        "P05",
                        "drugC",
                        "drugD",
                        "uM",
                        "uM",
                        Optional.empty(),
                        List.of(),
                        Map.of("ci", "drug 'drugC' has 0 distinct concentrations")));
        return CiReport.build(
                provenance("synergy_python_B01.csv"),
                blocks,
                new double[] {0.5, 0.75, 0.9, 0.95},
                List.of("not analysed: block P05, ci: drug 'drugC' has 0 distinct concentrations"));
    }

    /**
     * A {@code ci} report of {@code n} blocks: block B01's analysis repeated under ids B0001,
     * B0002, ...; every tenth block (B0010, B0020, ...) has failed, as block P05 above.
     */
    public static ReportDoc ciMany(int n) throws Exception {
        ReportDoc one = ci();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/ci/synergy_python_B01.csv"));
        int m = lines.size() - 1;
        double[] d1 = new double[m];
        double[] d2 = new double[m];
        double[] fa = new double[m];
        for (int i = 0; i < m; i++) {
            String[] f = lines.get(i + 1).split(",");
            d1[i] = Double.parseDouble(f[3]);
            d2[i] = Double.parseDouble(f[4]);
            fa[i] = Double.parseDouble(f[5]);
        }
        TwoDrugData data = new TwoDrugData(d1, d2, fa);
        CiAnalysis a = new CombinationIndex().withBootstrap(20).withSeed(1).analyze(data, "B01");
        List<ParametricFit> fits = List.of(MuSyC.fit(data, 5, 1, "B01"), Zimmer.fit(data, 5, 1, "B01"));
        List<CiReport.Block> blocks = new ArrayList<>();
        for (int b = 1; b <= n; b++) {
            String id = String.format(java.util.Locale.ROOT, "B%04d", b);
            blocks.add(
                    b % 10 == 0
                            ? new CiReport.Block(
                                    id,
                                    "drugC",
                                    "drugD",
                                    "uM",
                                    "uM",
                                    Optional.empty(),
                                    List.of(),
                                    Map.of("ci", "drug 'drugC' has 0 distinct concentrations"))
                            : new CiReport.Block(id, "drugA", "drugB", "uM", "uM", Optional.of(a), fits, Map.of()));
        }
        return CiReport.build(one.provenance(), blocks, new double[] {0.5, 0.75, 0.9, 0.95}, List.of());
    }

    /** R's lung data by sex. */
    public static ReportDoc survival() throws Exception {
        Map<String, SurvivalSample> groups = new SurvivalCsvReader("time", "event", "group", EventCoding.AUTO)
                .read(resource("survival/lung_input.csv"))
                .groups();
        return SurvivalReport.build(
                provenance("lung_input.csv"),
                groups,
                new SurvivalReport.Options(
                        ConfType.LOG, new double[] {180, 365, 1000}, List.of(Ties.EFRON, Ties.BRESLOW), "days", true),
                List.of());
    }

    /** Three good simulated plates and one that fails the edge-effect check. */
    public static ReportDoc plate() throws Exception {
        PlateMap map = PlateMapReader.read(resource("plate/checkerboard_map.csv"), Optional.empty())
                .map();
        List<PlateReadout> all = new ArrayList<>();
        for (String f : List.of("plate/mtt_defactinib_trametinib_3plates.csv", "plate/mtt_edge_effect.tsv")) {
            all.addAll(PlateReader.read(resource(f), Optional.of(map.format())).plates());
        }
        List<PlateReport.Plate> plates = new ArrayList<>();
        for (PlateReadout p : all) {
            QcReport qc = PlateQc.assess(p, map, QcThresholds.defaults());
            plates.add(new PlateReport.Plate(
                    p,
                    qc,
                    Optional.of(PlateNormalizer.normalize(p, map, Normalization.parse("blank-vehicle"))),
                    qc.failed() ? Optional.of("failed QC (edge_effect)") : Optional.empty()));
        }
        double[] c = {0, 1, 10, 100};
        double[][] mean = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                mean[i][j] = 100 * (1 - 1 / (1 + c[i] / 10 + c[j] / 30));
            }
        }
        mean[3][3] = Double.NaN;
        return PlateReport.build(
                provenance("mtt_defactinib_trametinib_3plates.csv"),
                map,
                plates,
                List.of(new PlateReport.BlockGrid(
                        "defactinib+trametinib", "defactinib", "trametinib", "nM", c, c, mean)),
                List.of("excluded: plate mtt_edge_effect: failed QC (edge_effect)"));
    }

    /** A seeded screen of {@code genes} genes with 30 planted sensitisers and 10 resistance genes. */
    public static ReportDoc screen(int genes) {
        Random rnd = new Random(11);
        List<ScreenReport.Gene> list = new ArrayList<>();
        for (int i = 0; i < genes; i++) {
            double z = rnd.nextGaussian() + (i < 30 ? -6 : i < 40 ? 5 : 0);
            double pLow = 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
            double pHigh = 1 - pLow;
            list.add(new ScreenReport.Gene(
                    "GENE" + i,
                    z,
                    z * 0.7,
                    pLow,
                    Math.min(1, pLow * genes / 10),
                    0,
                    pHigh,
                    Math.min(1, pHigh * genes / 10),
                    0,
                    4));
        }
        // ranks per side
        List<ScreenReport.Gene> byLow = new ArrayList<>(list);
        byLow.sort(java.util.Comparator.comparingDouble(ScreenReport.Gene::score));
        Map<String, Integer> low = new LinkedHashMap<>();
        for (int i = 0; i < byLow.size(); i++) {
            low.put(byLow.get(i).gene(), i + 1);
        }
        List<ScreenReport.Gene> ranked = new ArrayList<>();
        for (ScreenReport.Gene g : list) {
            int r = low.get(g.gene());
            ranked.add(new ScreenReport.Gene(
                    g.gene(),
                    g.score(),
                    g.lfc(),
                    g.pDepleted(),
                    g.fdrDepleted(),
                    r,
                    g.pEnriched(),
                    g.fdrEnriched(),
                    genes + 1 - r,
                    g.guides()));
        }
        return ScreenReport.build(
                provenance("counts.tsv"),
                new ScreenReport.Screen(
                        "DrugZ 1.1",
                        "normZ",
                        "gene log2 fold change",
                        "sensitiser (synthetic lethal)",
                        "resistance (suppressor knockout)",
                        0.05,
                        "drugz"),
                ranked,
                List.of());
    }
}
