package org.comboscope.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.comboscope.core.screen.CountTable;
import org.comboscope.core.screen.DrugZ;
import org.comboscope.core.screen.Library;
import org.comboscope.io.screen.CountTableReader;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.OutputDirectory;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.screen.ScreenReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code comboscope screen drugz}: DrugZ 1.1. */
@Command(
        name = "drugz",
        mixinStandardHelpOptions = true,
        description = {
            "DrugZ 1.1 (hart-lab/drugz): per-guide z-scores of drug vs control fold changes, summed per gene.",
            "Writes DIR/drugz.tsv sorted by normZ ascending: synth = sensitiser / synthetic lethal (low normZ),"
                    + " supp = suppressor / resistance (high normZ).",
            "Exit 1 if some gene had no non-zero guide z-score (listed on stderr, left out as DrugZ does)."
        })
final class DrugzCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ScreenInputOptions in;

    @Option(names = "--unpaired", description = "Unpaired mode: fold change of the arm means (any replicate numbers).")
    boolean unpaired;

    @Option(
            names = "--pseudocount",
            defaultValue = "5",
            description = "Pseudocount added to normalised counts (default ${DEFAULT-VALUE}).")
    double pseudocount;

    @Option(
            names = "--half-window",
            defaultValue = "500",
            description =
                    "Half-width of the SD window in guides (default ${DEFAULT-VALUE}); must be < number of guides.")
    int halfWindow;

    @Option(
            names = "--remove-genes",
            split = ",",
            description = "Genes to drop before normalisation (e.g. EGFP,LacZ,luciferase).")
    List<String> removeGenes = List.of();

    @Option(
            names = "--tie-order",
            defaultValue = "stable",
            description = "Order of guides tied in control reads: stable (input row order, default) or numpy"
                    + " (numpy 1.24 introsort, reproduces DrugZ 1.1 outputs bit for bit).")
    String tieOrder;

    private ReportDoc report(CountTable table, DrugZ.Result r) throws IOException {
        Map<String, String> geneOf = new HashMap<>();
        for (int i = 0; i < table.guideCount(); i++) {
            geneOf.put(table.guides().get(i), table.genes().get(i));
        }
        // gene log2 fold change: mean over its guides and replicates
        Map<String, double[]> lfc = new HashMap<>();
        Map<String, List<Double>> guideValues = new HashMap<>();
        double[][] fc = r.guideScores().foldChange();
        for (int g = 0; g < r.guides().size(); g++) {
            String gene = geneOf.get(r.guides().get(g));
            double[] acc = lfc.computeIfAbsent(gene, x -> new double[2]);
            for (double[] rep : fc) {
                if (Double.isFinite(rep[g])) {
                    acc[0] += rep[g];
                    acc[1]++;
                    guideValues.computeIfAbsent(gene, x -> new ArrayList<>()).add(rep[g]);
                }
            }
        }
        Map<String, double[]> guideLfc = new HashMap<>();
        guideValues.forEach((gene, l) ->
                guideLfc.put(gene, l.stream().mapToDouble(Double::doubleValue).toArray()));
        List<ScreenReport.Gene> genes = new ArrayList<>();
        for (DrugZ.GeneScore g : r.genes()) {
            double[] a = lfc.getOrDefault(g.gene(), new double[2]);
            genes.add(new ScreenReport.Gene(
                    g.gene(),
                    g.normZ(),
                    a[1] == 0 ? Double.NaN : a[0] / a[1],
                    g.pvalSynth(),
                    g.fdrSynth(),
                    g.rankSynth(),
                    g.pvalSupp(),
                    g.fdrSupp(),
                    g.rankSupp(),
                    g.numObs()));
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mode", unpaired ? "unpaired" : "paired");
        p.put("pseudocount", Double.toString(pseudocount));
        p.put("half_window", Integer.toString(halfWindow));
        p.put("tie_order", tieOrder);
        if (!removeGenes.isEmpty()) {
            p.put("remove_genes", String.join(",", removeGenes));
        }
        p.put("hit_fdr", Double.toString(hitFdr));
        List<String> notes = new ArrayList<>();
        for (String g : r.unscoredGenes()) {
            notes.add("gene " + g + " not scored: every guide z-score is 0 (no reads in either arm)");
        }
        return ScreenReport.build(
                in.provenance(p),
                new ScreenReport.Screen(
                        "DrugZ 1.1",
                        "normZ (negative = depleted under drug)",
                        "gene log2 fold change, drug vs control (mean of guides)",
                        Library.KNOCKOUT.depletedRole(),
                        Library.KNOCKOUT.enrichedRole(),
                        hitFdr,
                        "drugz"),
                genes,
                guideLfc,
                notes);
    }

    @Option(
            names = "--hit-fdr",
            defaultValue = "0.05",
            description = "FDR below which the report and plots mark a gene as a hit (default ${DEFAULT-VALUE}).")
    double hitFdr;

    @Override
    public Integer call() throws IOException {
        if (!(hitFdr > 0 && hitFdr <= 1)) {
            throw new org.comboscope.core.error.InvalidInputException("hit-fdr", hitFdr, "must be in (0, 1]");
        }
        DrugZ.TieOrder ties =
                switch (tieOrder) {
                    case "stable" -> DrugZ.TieOrder.STABLE;
                    case "numpy" -> DrugZ.TieOrder.NUMPY;
                    default ->
                        throw new CommandLine.ParameterException(
                                spec.commandLine(), "--tie-order must be stable or numpy, was '" + tieOrder + "'");
                };
        in.wantsReport(); // checks --plots before any work
        CountTable table = CountTableReader.read(in.counts);
        DrugZ.Options options =
                new DrugZ.Options(pseudocount, halfWindow, unpaired, new LinkedHashSet<>(removeGenes), ties);
        DrugZ.Result r = DrugZ.run(table, in.control, in.treatment, options);
        try (OutputDirectory dir = OutputDirectory.create(in.out)) {
            try (Writer w = dir.writer("drugz.tsv");
                    CsvTable t = new CsvTable(
                            w,
                            '\t',
                            List.of(
                                    "GENE",
                                    "sumZ",
                                    "numObs",
                                    "normZ",
                                    "pval_synth",
                                    "rank_synth",
                                    "fdr_synth",
                                    "pval_supp",
                                    "rank_supp",
                                    "fdr_supp"))) {
                for (DrugZ.GeneScore g : r.genes()) {
                    t.text(g.gene())
                            .num(g.sumZ())
                            .integer(g.numObs())
                            .num(g.normZ())
                            .num(g.pvalSynth())
                            .integer(g.rankSynth())
                            .num(g.fdrSynth())
                            .num(g.pvalSupp())
                            .integer(g.rankSupp())
                            .num(g.fdrSupp());
                    t.end();
                }
            }
            if (in.wantsReport()) {
                in.writeReport(dir, report(table, r));
            }
            dir.commit();
        }
        spec.commandLine()
                .getOut()
                .println("wrote " + in.out.resolve("drugz.tsv") + " ("
                        + r.genes().size() + " genes)");
        for (String g : r.unscoredGenes()) {
            spec.commandLine()
                    .getErr()
                    .println("gene " + g + " not scored: every guide z-score is 0 (no reads in either arm)");
        }
        return r.unscoredGenes().isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
    }
}
