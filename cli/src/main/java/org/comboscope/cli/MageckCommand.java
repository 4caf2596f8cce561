package org.comboscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.comboscope.core.screen.CountTable;
import org.comboscope.core.screen.Library;
import org.comboscope.core.screen.MageckTest;
import org.comboscope.io.screen.CountTableReader;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.Numbers;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.screen.ScreenReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code comboscope screen mageck}: MAGeCK 0.5.9 test (RRA). */
@Command(
        name = "mageck",
        mixinStandardHelpOptions = true,
        description = {
            "MAGeCK 0.5.9 test with robust rank aggregation (RRA), reproducing MAGeCK's gene_summary values.",
            "Writes DIR/gene_summary.tsv (MAGeCK's columns; neg = depleted under treatment = sensitiser,"
                    + " pos = enriched = resistance), DIR/sgrna_summary.tsv and DIR/hits.tsv (genes at FDR <= --hit-fdr,"
                    + " labelled by direction and by what that means for the --library type).",
            "Numbers are written at full precision; MAGeCK prints 5 significant digits (scores, p-values) and 6"
                    + " decimals (FDR)."
        })
final class MageckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ScreenInputOptions in;

    @Option(
            names = "--paired",
            description = "Paired test: the i-th control with the i-th treatment (MAGeCK --paired).")
    boolean paired;

    @Option(
            names = "--library",
            defaultValue = "knockout",
            description =
                    "knockout, orf or activation: how hits.tsv reads depleted and enriched genes (default ${DEFAULT-VALUE}).")
    String library;

    @Option(
            names = "--hit-fdr",
            defaultValue = "0.25",
            description = "FDR cut-off for hits.tsv (default ${DEFAULT-VALUE}).")
    double hitFdr;

    @Override
    public Integer call() throws IOException {
        Library lib;
        try {
            lib = Library.valueOf(library.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--library must be knockout, orf or activation, was '" + library + "'");
        }
        in.wantsReport(); // checks --plots before any work
        CountTable table = CountTableReader.read(in.counts);
        MageckTest.Result r = MageckTest.run(table, in.control, in.treatment, paired);
        try (OutputDirectory dir = OutputDirectory.create(in.out)) {
            writeGenes(dir, r);
            writeSgrnas(dir, r);
            writeHits(dir, r, lib);
            if (in.wantsReport()) {
                in.writeReport(dir, report(r, lib));
            }
            dir.commit();
        }
        spec.commandLine()
                .getOut()
                .println("wrote " + in.out.resolve("gene_summary.tsv") + " ("
                        + r.genes().size() + " genes), sgrna_summary.tsv, hits.tsv"
                        + (r.totalNormalisation()
                                ? "; median normalisation unstable, used total-count normalisation"
                                : ""));
        return Main.EXIT_OK;
    }

    private ReportDoc report(MageckTest.Result r, Library lib) throws IOException {
        List<ScreenReport.Gene> genes = new ArrayList<>();
        for (MageckTest.GeneScore g : r.genes()) {
            double neg = g.neg().score();
            double pos = g.pos().score();
            // signed -log10 RRA score: the stronger side wins, depletion negative
            double score = neg <= pos
                    ? Math.log10(Math.max(neg, Double.MIN_NORMAL))
                    : -Math.log10(Math.max(pos, Double.MIN_NORMAL));
            genes.add(new ScreenReport.Gene(
                    g.gene(),
                    score,
                    g.neg().lfc(),
                    g.neg().pValue(),
                    g.neg().fdr(),
                    g.neg().rank(),
                    g.pos().pValue(),
                    g.pos().fdr(),
                    g.pos().rank(),
                    g.num()));
        }
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("paired", Boolean.toString(paired));
        p.put("library", library);
        p.put("hit_fdr", Double.toString(hitFdr));
        List<String> notes = new ArrayList<>();
        if (r.totalNormalisation()) {
            notes.add("median normalisation unstable, used total-count normalisation");
        }
        // guide level: sgRNA LFCs (valid sgRNAs) per gene
        java.util.Map<String, List<Double>> byGene = new java.util.HashMap<>();
        for (MageckTest.SgrnaScore sg : r.sgrnas()) {
            if (sg.valid()) {
                byGene.computeIfAbsent(sg.gene(), x -> new ArrayList<>()).add(sg.lfc());
            }
        }
        java.util.Map<String, double[]> guideLfc = new java.util.HashMap<>();
        byGene.forEach((gene, l) ->
                guideLfc.put(gene, l.stream().mapToDouble(Double::doubleValue).toArray()));
        return ScreenReport.build(
                in.provenance(p),
                new ScreenReport.Screen(
                        "MAGeCK 0.5.9 RRA",
                        "signed -log10 RRA score (depleted < 0 < enriched)",
                        "gene log2 fold change, treatment vs control",
                        lib.depletedRole(),
                        lib.enrichedRole(),
                        hitFdr,
                        "mageck"),
                genes,
                guideLfc,
                notes);
    }

    private static void writeGenes(OutputDirectory dir, MageckTest.Result r) throws IOException {
        List<String> header = new ArrayList<>(List.of("id", "num"));
        for (String s : List.of("neg", "pos")) {
            for (String c : List.of("score", "p-value", "fdr", "rank", "goodsgrna", "lfc")) {
                header.add(s + "|" + c);
            }
        }
        try (Writer w = dir.writer("gene_summary.tsv");
                CsvTable t = new CsvTable(w, '\t', header)) {
            for (MageckTest.GeneScore g : r.genes()) {
                t.text(g.gene()).integer(g.num());
                for (MageckTest.GeneSide s : List.of(g.neg(), g.pos())) {
                    t.num(s.score())
                            .num(s.pValue())
                            .num(s.fdr())
                            .integer(s.rank())
                            .integer(s.goodSgrna())
                            .num(s.lfc());
                }
                t.end();
            }
        }
    }

    private static void writeSgrnas(OutputDirectory dir, MageckTest.Result r) throws IOException {
        try (Writer w = dir.writer("sgrna_summary.tsv");
                CsvTable t = new CsvTable(
                        w,
                        '\t',
                        List.of(
                                "sgrna",
                                "Gene",
                                "control_count",
                                "treatment_count",
                                "control_mean",
                                "treat_mean",
                                "LFC",
                                "control_var",
                                "adj_var",
                                "score",
                                "p.low",
                                "p.high",
                                "p.twosided",
                                "FDR",
                                "high_in_treatment"))) {
            for (MageckTest.SgrnaScore s : r.sgrnas()) {
                t.text(s.sgrna())
                        .text(s.gene())
                        .text(joined(s.controlCounts()))
                        .text(joined(s.treatmentCounts()))
                        .num(s.controlMean())
                        .num(s.treatMean())
                        .num(s.lfc())
                        .num(s.controlVar())
                        .num(s.adjVar())
                        .num(s.score())
                        .num(s.pLow())
                        .num(s.pHigh())
                        .num(s.pTwoSided())
                        .num(s.fdr())
                        .text(s.highInTreatment() ? "True" : "False");
                t.end();
            }
        }
    }

    private void writeHits(OutputDirectory dir, MageckTest.Result r, Library lib) throws IOException {
        try (Writer w = dir.writer("hits.tsv");
                CsvTable t = new CsvTable(
                        w,
                        '\t',
                        List.of("gene", "direction", "role", "mechanism", "score", "p_value", "fdr", "rank", "lfc"))) {
            // ORF/activation screens are read on the enrichment side: list it first
            List<String> sides = lib.enrichmentPrimary() ? List.of("pos", "neg") : List.of("neg", "pos");
            for (String side : sides) {
                for (MageckTest.GeneScore g : sortedBy(r, side)) {
                    MageckTest.GeneSide s = side.equals("neg") ? g.neg() : g.pos();
                    if (s.fdr() > hitFdr) {
                        continue;
                    }
                    t.text(g.gene())
                            .text(side.equals("neg") ? "depleted" : "enriched")
                            .text(side.equals("neg") ? lib.depletedRole() : lib.enrichedRole())
                            .text(lib.mechanism())
                            .num(s.score())
                            .num(s.pValue())
                            .num(s.fdr())
                            .integer(s.rank())
                            .num(s.lfc());
                    t.end();
                }
            }
        }
    }

    private static List<MageckTest.GeneScore> sortedBy(MageckTest.Result r, String side) {
        List<MageckTest.GeneScore> l = new ArrayList<>(r.genes());
        l.sort((a, b) -> side.equals("neg")
                ? Integer.compare(a.neg().rank(), b.neg().rank())
                : Integer.compare(a.pos().rank(), b.pos().rank()));
        return l;
    }

    private static String joined(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(Numbers.format(v[i]));
        }
        return sb.toString();
    }
}
