package org.comboscope.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.comboscope.report.doc.ReportDoc;
import org.comboscope.report.doc.ReportDoc.Figure;
import org.comboscope.report.doc.ReportDoc.Heading;
import org.comboscope.report.doc.ReportDoc.Part;
import org.comboscope.report.doc.ReportDoc.Section;
import org.comboscope.report.doc.ReportDoc.Status;
import org.comboscope.report.doc.ReportDoc.Table;
import org.comboscope.report.doc.ReportDoc.Text;
import org.comboscope.report.plot.ChartFiles;
import org.comboscope.report.synergy.Provenance;

/**
 * A {@link ReportDoc} as a PDF (A4 portrait, vector charts): a title page with inputs, provenance,
 * conventions and warnings, then the sections in flow (tables break across pages with their
 * header repeated; charts side by side where they fit). Sections with a verdict carry a coloured
 * badge; failing rows are shaded. Every section is bookmarked.
 */
public final class DocumentPdf {
    static final float W = PDRectangle.A4.getWidth();
    static final float H = PDRectangle.A4.getHeight();
    static final float M = 36;
    static final float BOTTOM = M + 14;
    static final int WARNING_LINES = 40;
    static final Color FAIL = new Color(0xb2, 0x18, 0x2b);
    static final Color WARN = new Color(0xb0, 0x74, 0x00);
    static final Color PASS = new Color(0x00, 0x9e, 0x73);

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

    private PDDocument doc;
    private PDPageContentStream cs;
    private PDPage page;
    private float y;
    private final List<PDPage> pages = new ArrayList<>();

    /** Writes the PDF to {@code out}. */
    public void write(ReportDoc report, OutputStream out) throws IOException {
        try (PDDocument d = new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache())) {
            doc = d;
            pages.clear();
            PDDocumentInformation info = d.getDocumentInformation();
            info.setTitle(text(
                    "comboscope " + report.kind() + ": " + report.provenance().inputFile()));
            info.setCreator("comboscope " + report.provenance().version());
            PDDocumentOutline outline = new PDDocumentOutline();
            d.getDocumentCatalog().setDocumentOutline(outline);
            newPage();
            bookmark(outline, "Inputs and provenance", page);
            titlePage(report);
            for (Section s : report.sections()) {
                if (s.newPage() || y < BOTTOM + 120) {
                    newPage();
                } else {
                    y -= 16;
                }
                bookmark(
                        outline,
                        s.title()
                                + (s.status() == Status.NONE
                                        ? ""
                                        : " [" + s.status().label() + "]"),
                        page);
                sectionHeading(s);
                for (Part p : s.parts()) {
                    part(p, s.parts());
                }
            }
            cs.close();
            cs = null;
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream f =
                        new PDPageContentStream(d, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    show(f, regular, 8, W / 2 - 24, M / 2, "page " + (i + 1) + " of " + pages.size());
                }
            }
            d.save(out);
        } finally {
            if (cs != null) {
                cs.close();
                cs = null;
            }
            doc = null;
        }
    }

    private void titlePage(ReportDoc report) throws IOException {
        Provenance p = report.provenance();
        show(cs, bold, 18, M, y - 18, report.kind());
        y -= 36;
        for (String line : wrap(report.summary(), regular, 10, W - 2 * M)) {
            show(cs, regular, 10, M, y, line);
            y -= 13;
        }
        y -= 18;
        show(cs, bold, 12, M, y, "Inputs and provenance");
        y -= 18;
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Input file", p.inputFile()});
        kv.add(new String[] {"Input SHA-256", p.inputSha256()});
        kv.add(new String[] {"comboscope version", p.version()});
        kv.add(new String[] {"Computed", p.created()});
        for (Map.Entry<String, String> e : p.parameters().entrySet()) {
            kv.add(new String[] {e.getKey().replace('_', ' '), e.getValue()});
        }
        for (String[] e : kv) {
            show(cs, bold, 9, M, y, e[0]);
            List<String> lines = wrap(e[1], mono, 8.5f, W - 2 * M - 120);
            for (String l : lines) {
                show(cs, mono, 8.5f, M + 120, y, l);
                y -= 12;
            }
            y -= 1;
        }
        if (!report.conventions().isEmpty()) {
            y -= 12;
            show(cs, bold, 12, M, y, "How to read it");
            y -= 16;
            for (String c : report.conventions()) {
                paragraph("- " + c, regular, 9, 12);
            }
        }
        y -= 12;
        ensure(40);
        show(cs, bold, 12, M, y, "Warnings (" + report.warnings().size() + ")");
        y -= 16;
        if (report.warnings().isEmpty()) {
            show(cs, regular, 9, M, y, "None.");
            y -= 12;
        }
        int shown = 0;
        for (String w : report.warnings()) {
            if (shown++ == WARNING_LINES) {
                paragraph(
                        "... and " + (report.warnings().size() - WARNING_LINES) + " more (all are in the HTML report"
                                + " and warnings.txt)",
                        regular,
                        8.5f,
                        11);
                break;
            }
            paragraph(w, regular, 8.5f, 11);
        }
    }

    private void sectionHeading(Section s) throws IOException {
        show(cs, bold, 13, M, y - 13, s.title());
        if (s.status() != Status.NONE) {
            float x = M + bold.getStringWidth(text(s.title())) / 1000 * 13 + 10;
            String b = s.status().label().toUpperCase(java.util.Locale.ROOT);
            float bw = bold.getStringWidth(b) / 1000 * 9 + 10;
            cs.setNonStrokingColor(colour(s.status()));
            cs.addRect(x, y - 15, bw, 14);
            cs.fill();
            cs.setNonStrokingColor(Color.WHITE);
            show(cs, bold, 9, x + 5, y - 11.5f, b);
            cs.setNonStrokingColor(Color.BLACK);
            if (s.status() == Status.FAIL) {
                cs.setStrokingColor(FAIL);
                cs.setLineWidth(3);
                cs.moveTo(M - 8, y);
                cs.lineTo(M - 8, y - 18);
                cs.stroke();
                cs.setStrokingColor(Color.BLACK);
            }
        }
        y -= 24;
    }

    private static Color colour(Status s) {
        return switch (s) {
            case FAIL -> FAIL;
            case WARN -> WARN;
            case PASS -> PASS;
            case NONE -> Color.GRAY;
        };
    }

    private final List<Figure> pendingFigures = new ArrayList<>();

    private void part(Part p, List<Part> all) throws IOException {
        if (p instanceof Figure f) {
            pendingFigures.add(f);
            int i = all.indexOf(p);
            boolean lastOfRun = i == all.size() - 1 || !(all.get(i + 1) instanceof Figure);
            if (lastOfRun) {
                figures(pendingFigures);
                pendingFigures.clear();
            }
            return;
        }
        if (p instanceof Heading h) {
            ensure(40);
            y -= 4;
            show(cs, bold, 10.5f, M, y - 10, h.text());
            y -= 18;
        } else if (p instanceof Text t) {
            paragraph(t.text(), regular, t.note() ? 8.5f : 9.5f, t.note() ? 11 : 12.5f);
            y -= 3;
        } else if (p instanceof Table t) {
            table(t);
        }
    }

    /** Lays out charts in rows, side by side where they fit, scaled down to the text width. */
    private void figures(List<Figure> figs) throws IOException {
        float avail = W - 2 * M;
        int i = 0;
        while (i < figs.size()) {
            List<Figure> row = new ArrayList<>();
            float used = 0;
            while (i < figs.size()) {
                Figure f = figs.get(i);
                float w = Math.min(f.widthPt(), avail);
                if (!row.isEmpty() && used + 8 + w > avail) {
                    break;
                }
                used += (row.isEmpty() ? 0 : 8) + w;
                row.add(f);
                i++;
            }
            float h = 0;
            for (Figure f : row) {
                h = Math.max(h, f.heightPt() * scale(f, avail));
            }
            ensure(h + 6);
            float x = M;
            for (Figure f : row) {
                float s = scale(f, avail);
                ChartFiles.drawPdf(f.chart(), doc, cs, x, y - f.heightPt() * s, f.widthPt(), f.heightPt(), s);
                x += f.widthPt() * s + 8;
            }
            y -= h + 6;
        }
    }

    private static float scale(Figure f, float avail) {
        float s = Math.min(1f, avail / f.widthPt());
        // a figure taller than a page is shrunk to fit one
        return Math.min(s, (H - 2 * M - 40) / f.heightPt());
    }

    private void table(Table t) throws IOException {
        float avail = W - 2 * M;
        int n = t.header().size();
        float size = 8;
        float[] width = new float[n];
        for (; ; ) {
            float total = 0;
            for (int c = 0; c < n; c++) {
                width[c] = bold.getStringWidth(text(t.header().get(c))) / 1000 * size + 8;
                for (List<String> r : t.rows()) {
                    width[c] = Math.max(width[c], regular.getStringWidth(text(r.get(c))) / 1000 * size + 8);
                }
                width[c] = Math.min(width[c], 200);
                total += width[c];
            }
            if (total <= avail || size <= 5.5f) {
                if (total > avail) {
                    for (int c = 0; c < n; c++) {
                        width[c] *= avail / total;
                    }
                }
                break;
            }
            size -= 0.5f;
        }
        float rowH = size + 4;
        if (!t.caption().isEmpty()) {
            ensure(rowH * 3 + 14);
            paragraph(t.caption(), bold, 9, 12);
        }
        ensure(rowH * 2);
        header(t, width, size, rowH);
        for (int r = 0; r < t.rows().size(); r++) {
            if (y - rowH < BOTTOM) {
                newPage();
                header(t, width, size, rowH);
            }
            Status st = t.rowStatus().get(r);
            if (st == Status.FAIL || st == Status.WARN) {
                cs.setNonStrokingColor(st == Status.FAIL ? new Color(0xfd, 0xe0, 0xdd) : new Color(0xff, 0xf3, 0xcd));
                cs.addRect(M, y - rowH + 1, sum(width), rowH);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
            }
            float x = M;
            List<String> row = t.rows().get(r);
            for (int c = 0; c < n; c++) {
                show(cs, regular, size, x + 2, y - rowH + 4, clip(row.get(c), regular, size, width[c] - 4));
                x += width[c];
            }
            y -= rowH;
        }
        cs.setStrokingColor(new Color(0xcc, 0xcc, 0xcc));
        cs.setLineWidth(0.5f);
        cs.moveTo(M, y);
        cs.lineTo(M + sum(width), y);
        cs.stroke();
        cs.setStrokingColor(Color.BLACK);
        y -= 8;
    }

    private void header(Table t, float[] width, float size, float rowH) throws IOException {
        cs.setNonStrokingColor(new Color(0xf0, 0xf0, 0xf0));
        cs.addRect(M, y - rowH + 1, sum(width), rowH);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        float x = M;
        for (int c = 0; c < width.length; c++) {
            show(cs, bold, size, x + 2, y - rowH + 4, clip(t.header().get(c), bold, size, width[c] - 4));
            x += width[c];
        }
        y -= rowH;
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    private void paragraph(String s, PDType1Font font, float size, float lead) throws IOException {
        for (String line : wrap(s, font, size, W - 2 * M)) {
            ensure(lead);
            show(cs, font, size, M, y - size, line);
            y -= lead;
        }
    }

    private void ensure(float h) throws IOException {
        if (y - h < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(doc, page);
        y = H - M;
    }

    private static void bookmark(PDDocumentOutline outline, String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(text(title));
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(page);
        item.setDestination(dest);
        outline.addLast(item);
    }

    private static void show(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text(s));
        cs.endText();
    }

    private static String clip(String s, PDType1Font font, float size, float width) throws IOException {
        String t = text(s);
        if (font.getStringWidth(t) / 1000 * size <= width) {
            return t;
        }
        while (t.length() > 1 && font.getStringWidth(t + "...") / 1000 * size > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    static List<String> wrap(String s, PDType1Font font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text(s).split(" ")) {
            String cand = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(cand) / 1000 * size > width) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(cand);
            }
        }
        out.add(line.toString());
        return out;
    }

    /** The text in WinAnsi: common symbols spelled out, anything else '?'. */
    static String text(String s) {
        String t = s.replace("′", "'")
                .replace("–", "-")
                .replace("—", "-")
                .replace("−", "-")
                .replace("≤", "<=")
                .replace("≥", ">=")
                .replace("×", "x")
                .replace("α", "alpha")
                .replace("β", "beta")
                .replace("γ", "gamma")
                .replace("κ", "kappa")
                .replace("\t", " ");
        return PdfReport.safe(t);
    }
}
