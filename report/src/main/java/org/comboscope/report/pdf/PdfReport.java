package org.comboscope.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.plot.Charts;
import org.comboscope.report.synergy.BlockView;
import org.comboscope.report.synergy.Provenance;
import org.comboscope.report.synergy.SynergyRun;
import org.jfree.chart.JFreeChart;

/**
 * The PDF report (A4 portrait, vector charts): a title page with inputs and provenance, a ranked
 * block index with page numbers and links, the synergy–sensitivity plot, then one page per block
 * (curves with CI bands, response and synergy heat maps, barometer). Bookmarks list every block.
 */
public final class PdfReport {
    static final float W = PDRectangle.A4.getWidth();
    static final float H = PDRectangle.A4.getHeight();
    static final float M = 36;
    static final int INDEX_ROWS = 48;
    static final int PROBLEM_LINES = 30;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

    /** Writes the report to {@code out}. */
    public void write(SynergyRun run, OutputStream out) throws IOException {
        // page content goes to temporary files, not the heap: a 500-block report holds 4000 charts
        try (PDDocument doc = new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("comboscope synergy report: " + run.provenance().inputFile());
            info.setCreator("comboscope " + run.provenance().version());
            List<BlockView> blocks = run.blocks();
            List<BlockView> ranked = new ArrayList<>(blocks);
            ranked.sort(Comparator.comparingDouble(b -> -b.zip().orElse(Double.NEGATIVE_INFINITY)));
            int indexPages = Math.max(1, (ranked.size() + INDEX_ROWS - 1) / INDEX_ROWS);
            int firstBlockPage = 1 + indexPages + 1; // 0-based page index of the first block page
            Map<String, Integer> pageOf = new HashMap<>();
            for (int i = 0; i < blocks.size(); i++) {
                pageOf.put(blocks.get(i).blockId(), firstBlockPage + i);
            }
            PDPage title = newPage(doc);
            List<PDPage> index = new ArrayList<>();
            for (int k = 0; k < indexPages; k++) {
                index.add(newPage(doc));
            }
            PDPage overview = newPage(doc);
            List<PDPage> blockPages = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                blockPages.add(newPage(doc));
            }
            titlePage(doc, title, run);
            for (int k = 0; k < indexPages; k++) {
                indexPage(
                        doc,
                        index.get(k),
                        ranked.subList(k * INDEX_ROWS, Math.min(ranked.size(), (k + 1) * INDEX_ROWS)),
                        k * INDEX_ROWS,
                        pageOf,
                        blockPages,
                        firstBlockPage,
                        k,
                        indexPages);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, overview)) {
                heading(cs, "Synergy vs sensitivity");
                text(
                        cs,
                        regular,
                        9,
                        M,
                        H - M - 34,
                        "Mean CSS (sensitivity) against mean ZIP synergy, one point per"
                                + " block; the five most synergistic blocks are labelled.");
                ChartFiles.drawPdf(
                        Charts.synergySensitivity(blocks), doc, cs, M, H - M - 60 - 420, 2 * 241, 400, 1.08f);
                footer(cs, 2 + indexPages - 1);
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            bookmark(outline, "Inputs and provenance", title);
            bookmark(outline, "Ranked blocks", index.get(0));
            bookmark(outline, "Synergy vs sensitivity", overview);
            PDOutlineItem all = new PDOutlineItem();
            all.setTitle("Blocks (" + blocks.size() + ")");
            outline.addLast(all);
            for (int i = 0; i < blocks.size(); i++) {
                BlockView b = blocks.get(i);
                blockPage(doc, blockPages.get(i), b, firstBlockPage + i);
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(safe("Block " + b.blockId() + ": " + b.drug1() + " + " + b.drug2()));
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(blockPages.get(i));
                item.setDestination(dest);
                all.addLast(item);
            }
            doc.save(out);
        }
    }

    private static PDPage newPage(PDDocument doc) {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        return p;
    }

    private static void bookmark(PDDocumentOutline outline, String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(page);
        item.setDestination(dest);
        outline.addLast(item);
    }

    private void titlePage(PDDocument doc, PDPage page, SynergyRun run) throws IOException {
        Provenance p = run.provenance();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            text(cs, bold, 18, M, H - M - 18, "Synergy report");
            text(
                    cs,
                    regular,
                    10,
                    M,
                    H - M - 36,
                    p.inputFile() + " - " + run.blocks().size() + " blocks plotted, "
                            + run.notAnalysed().size() + " not analysed");
            float y = H - M - 70;
            text(cs, bold, 12, M, y, "Inputs and provenance");
            y -= 18;
            List<String[]> kv = new ArrayList<>();
            kv.add(new String[] {"Input file", p.inputFile()});
            kv.add(new String[] {"Input SHA-256", p.inputSha256()});
            kv.add(new String[] {"comboscope version", p.version()});
            kv.add(new String[] {"Computed", p.created()});
            p.parameters().forEach((k, v) -> kv.add(new String[] {k.replace('_', ' '), v}));
            for (String[] e : kv) {
                text(cs, bold, 9, M, y, e[0]);
                text(cs, mono, 8.5f, M + 120, y, e[1]);
                y -= 13;
            }
            y -= 8;
            for (String line : List.of(
                    "Responses are % inhibition (viability inputs converted as 100 - viability). Synergy scores:",
                    "positive = synergy, negative = antagonism; Loewe CI < 1 = synergy. Curve bands: pointwise 95%",
                    "confidence band of the fit by the delta method. Outlined heat-map area: the 3x3 window of",
                    "combination doses with the highest mean score (SynergyFinder's most synergistic area).",
                    "Heat-map colours: RdBu (colour-blind safe), red = synergy, blue = antagonism, white = 0.")) {
                text(cs, regular, 9, M, y, line);
                y -= 12;
            }
            y -= 14;
            text(cs, bold, 12, M, y, "Blocks not analysed (" + run.notAnalysed().size() + ")");
            y -= 16;
            List<String> problems = run.notAnalysed();
            if (problems.isEmpty()) {
                text(cs, regular, 9, M, y, "None: every block was analysed and plotted.");
                y -= 12;
            }
            for (int i = 0; i < Math.min(PROBLEM_LINES, problems.size()); i++) {
                text(cs, regular, 8.5f, M, y, clip(problems.get(i), 120));
                y -= 11;
            }
            if (problems.size() > PROBLEM_LINES) {
                text(
                        cs,
                        regular,
                        8.5f,
                        M,
                        y,
                        "... and " + (problems.size() - PROBLEM_LINES)
                                + " more (all are listed in warnings.txt and the HTML report)");
                y -= 11;
            }
            y -= 14;
            text(cs, bold, 12, M, y, "Analysis notes (" + run.warnings().size() + ")");
            y -= 16;
            for (int i = 0; i < run.warnings().size() && y > M + 30; i++) {
                text(cs, regular, 8.5f, M, y, clip(run.warnings().get(i), 120));
                y -= 11;
            }
            footer(cs, 0);
        }
    }

    private void indexPage(
            PDDocument doc,
            PDPage page,
            List<BlockView> rows,
            int offset,
            Map<String, Integer> pageOf,
            List<PDPage> blockPages,
            int firstBlockPage,
            int k,
            int n)
            throws IOException {
        float[] x = {M, M + 30, M + 75, M + 175, M + 275, M + 320, M + 365, M + 410, M + 455, M + 500};
        String[] head = {"Rank", "Block", "Drug 1", "Drug 2", "ZIP", "HSA", "Bliss", "Loewe", "CSS", "Page"};
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            heading(cs, "Ranked blocks" + (n > 1 ? " (" + (k + 1) + " of " + n + ")" : ""));
            text(cs, regular, 9, M, H - M - 34, "Sorted by mean ZIP synergy. Click a row to open the block page.");
            float y = H - M - 56;
            for (int c = 0; c < head.length; c++) {
                text(cs, bold, 8.5f, x[c], y, head[c]);
            }
            y -= 14;
            for (int r = 0; r < rows.size(); r++) {
                BlockView b = rows.get(r);
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(offset + r + 1));
                cells.add(clip(b.blockId(), 8));
                cells.add(clip(b.drug1(), 18));
                cells.add(clip(b.drug2(), 18));
                for (SynergyMethod m : SynergyMethod.values()) {
                    BlockView.Summary s = b.summaries().get(m);
                    cells.add(s == null ? "-" : f2(s.mean()));
                }
                cells.add(b.css().isPresent() ? f2(b.css().getAsDouble()) : "NA");
                int target = pageOf.get(b.blockId());
                cells.add(Integer.toString(target + 1));
                for (int c = 0; c < cells.size(); c++) {
                    text(cs, regular, 8.5f, x[c], y, cells.get(c));
                }
                PDAnnotationLink link = new PDAnnotationLink();
                link.setRectangle(new PDRectangle(M, y - 3, W - 2 * M, 12));
                PDBorderStyleDictionary border = new PDBorderStyleDictionary();
                border.setWidth(0);
                link.setBorderStyle(border);
                PDActionGoTo go = new PDActionGoTo();
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(blockPages.get(target - firstBlockPage));
                go.setDestination(dest);
                link.setAction(go);
                page.getAnnotations().add(link);
                y -= 13.5f;
            }
            footer(cs, 1 + k);
        }
    }

    private void blockPage(PDDocument doc, PDPage page, BlockView b, int pageIndex) throws IOException {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            heading(cs, "Block " + b.blockId() + ": " + b.drug1() + " + " + b.drug2());
            StringBuilder s = new StringBuilder();
            for (SynergyMethod m : b.methods()) {
                BlockView.Summary x = b.summaries().get(m);
                s.append(m.column())
                        .append(' ')
                        .append(f2(x.mean()))
                        .append(x.pValue().isPresent() ? " (p " + p(x.pValue().getAsDouble()) + ")" : "")
                        .append("   ");
            }
            s.append("CSS ").append(b.css().isPresent() ? f2(b.css().getAsDouble()) : "NA");
            text(cs, regular, 9, M, H - M - 34, s.toString());
            List<JFreeChart> charts = new ArrayList<>();
            for (int d = 0; d < b.curves().size(); d++) {
                charts.add(Charts.doseResponse(b.blockId(), b.curves().get(d), d));
            }
            charts.add(Charts.responseHeatMap(b));
            int[] cell = Charts.defaultBarometerCell(b);
            charts.add(Charts.barometer(b, cell[0], cell[1]));
            for (SynergyMethod m : b.methods()) {
                charts.add(Charts.synergyHeatMap(b, m));
            }
            float scale = 0.88f;
            float cw = Charts.COLUMN_WIDTH_PT * scale;
            float ch = Charts.HEIGHT_PT * scale;
            float gap = (W - 2 * M - 2 * cw);
            float top = H - M - 44;
            for (int i = 0; i < charts.size() && i < 8; i++) {
                int row = i / 2;
                int col = i % 2;
                float x = M + col * (cw + gap);
                float y = top - (row + 1) * ch - row * 4;
                ChartFiles.drawPdf(charts.get(i), doc, cs, x, y, Charts.COLUMN_WIDTH_PT, Charts.HEIGHT_PT, scale);
            }
            footer(cs, pageIndex);
        }
    }

    private void heading(PDPageContentStream cs, String s) throws IOException {
        text(cs, bold, 13, M, H - M - 16, s);
    }

    private void footer(PDPageContentStream cs, int pageIndex) throws IOException {
        text(cs, regular, 8, W / 2 - 10, M / 2, "- " + (pageIndex + 1) + " -");
    }

    private void text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(safe(s));
        cs.endText();
    }

    /** Replaces characters the standard PDF fonts (WinAnsi) cannot show. */
    static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean ok = (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff);
            sb.append(ok ? c : '?');
        }
        return sb.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "...";
    }

    private static String f2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "NA";
    }

    private static String p(double v) {
        return v < 1e-3 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
