package org.comboscope.report.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.comboscope.report.doc.Fmt;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportDoc.Figure;
import org.comboscope.report.doc.ReportDoc.Part;
import org.comboscope.report.doc.ReportDoc.Section;
import org.comboscope.report.doc.ReportDoc.Status;
import org.comboscope.report.doc.ReportDoc.Table;
import org.comboscope.report.doc.ReportDoc.Text;
import org.comboscope.report.plot.ScreenCharts;
import org.comboscope.report.synergy.Provenance;

/**
 * The report of a {@code screen drugz|mageck} run: the gene rank plot and the volcano plot, and
 * the top depleted (sensitiser, synthetic-lethal) and enriched (resistance) genes.
 */
public final class ScreenReport {
    private ScreenReport() {}

    /** Genes shown in each top table. */
    public static final int TOP = 50;
    /** In HTML, plots with more genes than this are embedded as PNG (inline SVG would be megabytes). */
    public static final int RASTER_ABOVE = 3000;

    /**
     * One gene.
     *
     * @param score signed score (normZ; for MAGeCK the signed −log10 RRA score), negative = depleted
     * @param lfc gene log2 fold change, drug vs control
     * @param pDepleted p-value of depletion
     * @param fdrDepleted FDR of depletion
     * @param rankDepleted rank on the depletion side (1 = strongest)
     * @param pEnriched p-value of enrichment
     * @param fdrEnriched FDR of enrichment
     * @param rankEnriched rank on the enrichment side
     * @param guides guides (sgRNAs, ORFs) scored for the gene
     */
    public record Gene(
            String gene,
            double score,
            double lfc,
            double pDepleted,
            double fdrDepleted,
            int rankDepleted,
            double pEnriched,
            double fdrEnriched,
            int rankEnriched,
            int guides) {}

    /**
     * What the screen is.
     *
     * @param method e.g. {@code DrugZ 1.1}
     * @param scoreLabel axis label of {@link Gene#score}
     * @param lfcLabel axis label of {@link Gene#lfc}
     * @param depletedRole how a depleted gene reads, e.g. {@code sensitiser (synthetic lethal)}
     * @param enrichedRole how an enriched gene reads
     * @param fdrCutoff FDR below which a gene is a hit
     * @param filePrefix plot file stem, e.g. {@code drugz}
     */
    public record Screen(
            String method,
            String scoreLabel,
            String lfcLabel,
            String depletedRole,
            String enrichedRole,
            double fdrCutoff,
            String filePrefix) {}

    /** Genes of each direction in the guide-level plot. */
    public static final int GUIDE_GENES = 10;

    public static ReportDoc build(Provenance provenance, Screen s, List<Gene> genes, List<String> warnings) {
        return build(provenance, s, genes, Map.of(), warnings);
    }

    /**
     * The report, with a guide-level plot of the top genes when {@code guideLfc} (gene → its
     * guides' log fold changes) is not empty.
     */
    public static ReportDoc build(
            Provenance provenance, Screen s, List<Gene> genes, Map<String, double[]> guideLfc, List<String> warnings) {
        List<ScreenCharts.Gene> pts = new ArrayList<>();
        long dep = 0;
        long enr = 0;
        for (Gene g : genes) {
            boolean down = g.score() < 0;
            double fdr = down ? g.fdrDepleted() : g.fdrEnriched();
            boolean hit = fdr <= s.fdrCutoff();
            if (hit && down) {
                dep++;
            } else if (hit) {
                enr++;
            }
            pts.add(new ScreenCharts.Gene(g.gene(), g.score(), g.lfc(), fdr, hit));
        }
        boolean raster = genes.size() > RASTER_ABOVE;
        List<Part> plots = new ArrayList<>();
        plots.add(new Text(
                String.format(
                        Locale.ROOT,
                        "%d genes; %d depleted and %d enriched at FDR <= %s. Blue: depleted hits (%s); vermillion:"
                                + " enriched hits (%s); the %d strongest of each side are labelled.",
                        genes.size(),
                        dep,
                        enr,
                        Fmt.g(s.fdrCutoff()),
                        s.depletedRole(),
                        s.enrichedRole(),
                        ScreenCharts.LABELS),
                true));
        plots.add(new Figure(
                "rank",
                s.filePrefix() + "_rank",
                ScreenCharts.rank(s.method() + ": genes ranked by score", s.scoreLabel(), pts),
                ScreenCharts.WIDTH_PT,
                ScreenCharts.HEIGHT_PT,
                raster));
        plots.add(new Figure(
                "volcano",
                s.filePrefix() + "_volcano",
                ScreenCharts.volcano(s.method() + ": fold change vs FDR", s.lfcLabel(), pts, s.fdrCutoff()),
                ScreenCharts.WIDTH_PT,
                ScreenCharts.HEIGHT_PT,
                raster));
        List<ScreenCharts.GeneGuides> guides = guideGenes(genes, guideLfc);
        if (!guides.isEmpty()) {
            plots.add(new Figure(
                    "guides",
                    s.filePrefix() + "_guides",
                    ScreenCharts.guides(
                            s.method() + ": guides of the top " + GUIDE_GENES + " depleted and enriched genes",
                            "guide log2 fold change",
                            guides),
                    ScreenCharts.WIDTH_PT,
                    ScreenCharts.HEIGHT_PT,
                    false));
            plots.add(new Text(
                    "Guide level: each dot one guide (one per replicate where the method scores replicates"
                            + " separately), the bar its median; genes that agree across guides are the robust"
                            + " hits.",
                    true));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("plots", "Gene ranking", Status.NONE, false, plots));
        sections.add(top(
                "depleted",
                "Top depleted genes: " + s.depletedRole(),
                genes,
                Gene::fdrDepleted,
                Gene::pDepleted,
                Gene::rankDepleted,
                s));
        sections.add(top(
                "enriched",
                "Top enriched genes: " + s.enrichedRole(),
                genes,
                Gene::fdrEnriched,
                Gene::pEnriched,
                Gene::rankEnriched,
                s));
        sections.add(partners(genes, s));
        String summary = String.format(
                Locale.ROOT,
                "%s · %s · %d genes, %d depleted and %d enriched hits at FDR <= %s",
                provenance.inputFile(),
                s.method(),
                genes.size(),
                dep,
                enr,
                Fmt.g(s.fdrCutoff()));
        List<String> conventions = List.of(
                "Depleted under drug (negative score, low rank on the depleted side) = " + s.depletedRole()
                        + "; enriched (positive score) = " + s.enrichedRole() + ".",
                "Score: " + s.scoreLabel() + ". Fold changes are log2 drug vs control.",
                "FDR: Benjamini-Hochberg within each direction. Hits: FDR <= " + Fmt.g(s.fdrCutoff()) + ".",
                "Colours are Okabe-Ito (colour-blind safe): blue depleted, vermillion enriched, grey not"
                        + " significant.");
        return new ReportDoc("Screen report", summary, provenance, conventions, sections, warnings);
    }

    /** The top {@link #GUIDE_GENES} depleted, then enriched, genes that have guide values. */
    static List<ScreenCharts.GeneGuides> guideGenes(List<Gene> genes, Map<String, double[]> guideLfc) {
        List<ScreenCharts.GeneGuides> out = new ArrayList<>();
        if (guideLfc.isEmpty()) {
            return out;
        }
        for (boolean depleted : new boolean[] {true, false}) {
            genes.stream()
                    .filter(g -> guideLfc.containsKey(g.gene()))
                    .sorted(Comparator.comparingInt(depleted ? Gene::rankDepleted : Gene::rankEnriched)
                            .thenComparing(Gene::gene))
                    .limit(GUIDE_GENES)
                    .forEach(g -> out.add(new ScreenCharts.GeneGuides(g.gene(), depleted, guideLfc.get(g.gene()))));
        }
        return out;
    }

    /**
     * Top genes of either direction that are known drug targets (curated table {@link DrugPartners}),
     * with their drugs: candidate combination partners for a depleted (sensitiser) gene, or a
     * drug to test against the resistance a enriched gene confers.
     */
    static Section partners(List<Gene> genes, Screen s) {
        List<List<String>> rows = new ArrayList<>();
        for (boolean depleted : new boolean[] {true, false}) {
            List<Gene> sorted = genes.stream()
                    .filter(g -> (depleted ? g.rankDepleted() : g.rankEnriched()) <= TOP)
                    .filter(g -> !DrugPartners.of(g.gene()).isEmpty())
                    .sorted(Comparator.comparingInt(depleted ? Gene::rankDepleted : Gene::rankEnriched)
                            .thenComparing(Gene::gene))
                    .toList();
            for (Gene g : sorted) {
                double fdr = depleted ? g.fdrDepleted() : g.fdrEnriched();
                StringBuilder drugs = new StringBuilder();
                for (DrugPartners.Drug d : DrugPartners.of(g.gene())) {
                    if (drugs.length() > 0) {
                        drugs.append("; ");
                    }
                    drugs.append(d.name()).append(" (").append(d.mechanism()).append(')');
                }
                rows.add(List.of(
                        depleted ? "depleted" : "enriched",
                        Integer.toString(depleted ? g.rankDepleted() : g.rankEnriched()),
                        g.gene(),
                        Fmt.p(fdr),
                        fdr <= s.fdrCutoff() ? "hit" : "",
                        drugs.toString()));
            }
        }
        List<Part> parts = new ArrayList<>();
        if (rows.isEmpty()) {
            parts.add(new Text(
                    "None of the top " + TOP + " genes of either direction is in the curated drug-target table ("
                            + DrugPartners.genes() + " genes).",
                    true));
        } else {
            parts.add(Table.of(
                    "partners",
                    "",
                    List.of("Direction", "Rank", "Gene", "FDR", "FDR <= " + Fmt.g(s.fdrCutoff()), "Drugs"),
                    rows));
            parts.add(new Text(
                    "Top " + TOP + " genes of each direction that are the target of a drug in comboscope's small"
                            + " curated table (" + DrugPartners.genes() + " genes; primary targets only). A depleted"
                            + " gene (" + s.depletedRole() + ") suggests its drugs as combination partners; an"
                            + " enriched gene (" + s.enrichedRole() + ") suggests drugs against that resistance.",
                    true));
        }
        return new Section("partners", "Drug partners of top genes", Status.NONE, false, parts);
    }

    private static Section top(
            String id,
            String title,
            List<Gene> genes,
            ToDoubleFunction<Gene> fdr,
            ToDoubleFunction<Gene> p,
            java.util.function.ToIntFunction<Gene> rank,
            Screen s) {
        List<Gene> sorted = genes.stream()
                .sorted(Comparator.comparingInt(rank).thenComparing(Gene::gene))
                .limit(TOP)
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (Gene g : sorted) {
            rows.add(List.of(
                    Integer.toString(rank.applyAsInt(g)),
                    g.gene(),
                    Fmt.g(g.score()),
                    Fmt.g(g.lfc()),
                    Fmt.p(p.applyAsDouble(g)),
                    Fmt.p(fdr.applyAsDouble(g)),
                    Integer.toString(g.guides()),
                    fdr.applyAsDouble(g) <= s.fdrCutoff() ? "hit" : ""));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(Table.of(
                id,
                "",
                List.of("Rank", "Gene", "score", "LFC", "p", "FDR", "guides", "FDR <= " + Fmt.g(s.fdrCutoff())),
                rows));
        parts.add(new Text(
                "The " + TOP + " strongest genes of this direction; every gene is in the result table.", true));
        return new Section(id, title, Status.NONE, false, parts);
    }
}
