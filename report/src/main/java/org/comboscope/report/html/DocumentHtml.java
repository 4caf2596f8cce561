package org.comboscope.report.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
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
 * A {@link ReportDoc} as one self-contained HTML page (no network): the synergy report's styles
 * and header, the provenance block, then every section with its tables and charts. Charts are
 * inlined as SVG (ids prefixed per chart), or as PNG data for charts with thousands of marks.
 * A document with more than {@link #PAGED_SECTIONS} indexed sections (blocks, plates) gets an
 * index table instead of the contents list and shows those sections {@link #PAGE_SIZE} at a time
 * (the rest wait in {@code <template>} elements; links to {@code #section-id} open the right page).
 * A small inlined script makes tables sortable and filterable; script errors are collected in
 * {@code window.__errors} and {@code body[data-rendered=1]} marks a finished page (for tests).
 */
public final class DocumentHtml {
    /** Resolution of PNG-embedded charts, dots per inch. */
    static final int RASTER_DPI = 150;
    /** Tables with more rows than this get a filter box. */
    static final int FILTER_ROWS = 15;
    /**
     * Above this many indexed sections (blocks, plates) the page lists them in an index table and
     * shows {@link #PAGE_SIZE} at a time; the others wait in {@code <template>} elements, outside
     * the live page.
     */
    public static final int PAGED_SECTIONS = 25;
    /** Indexed sections shown per page of a long report. */
    public static final int PAGE_SIZE = 20;

    private int figureCount;

    /** Writes the page. */
    public void write(ReportDoc doc, Writer out) throws IOException {
        figureCount = 0;
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>comboscope " + HtmlReport.esc(doc.kind().toLowerCase(java.util.Locale.ROOT)) + ": "
                + HtmlReport.esc(doc.provenance().inputFile()) + "</title>\n");
        out.write("<style>\n" + HtmlReport.resource("report.css") + HtmlReport.resource("document.css") + "</style>\n");
        out.write("<script>window.__errors=[];window.addEventListener('error',function(e){"
                + "window.__errors.push(String(e.message||e));});</script>\n");
        out.write("</head>\n<body>\n");
        out.write("<header><h1>" + HtmlReport.esc(doc.kind()) + "</h1><p class=\"sub\">" + HtmlReport.esc(doc.summary())
                + "</p>\n<nav class=\"toc\"><a href=\"#inputs\">Inputs</a>");
        List<Section> sections = doc.sections();
        List<Section> items =
                sections.stream().filter(x -> !x.index().isEmpty()).toList();
        boolean paged = items.size() > PAGED_SECTIONS;
        boolean longToc = !paged && sections.size() > 8;
        if (paged) {
            out.write("<a href=\"#contents\">Index (" + items.size() + ")</a>");
        } else if (!longToc) {
            for (Section s : sections) {
                out.write("<a href=\"#" + s.id() + "\">" + HtmlReport.esc(s.title()) + "</a>");
            }
        } else {
            out.write("<a href=\"#contents\">Contents (" + sections.size() + " sections)</a>");
        }
        out.write("<a href=\"#problems\">Warnings (" + doc.warnings().size() + ")</a></nav></header>\n<main>\n");
        provenance(doc, out);
        if (longToc) {
            out.write("<section id=\"contents\"><h2>Contents</h2><ol class=\"contents\">");
            for (Section s : sections) {
                out.write("<li><a href=\"#" + s.id() + "\">" + HtmlReport.esc(s.title()) + "</a>" + badge(s.status())
                        + "</li>");
            }
            out.write("</ol></section>\n");
        }
        if (paged) {
            index(items, out);
        }
        boolean pagesWritten = false;
        for (Section s : sections) {
            if (paged && !s.index().isEmpty()) {
                if (!pagesWritten) {
                    pages(items, out);
                    pagesWritten = true;
                }
            } else {
                section(s, out);
            }
        }
        out.write("<section id=\"problems\"><h2>Warnings</h2>");
        if (doc.warnings().isEmpty()) {
            out.write("<p>None.</p>");
        } else {
            out.write("<ul class=\"warnings\">");
            for (String w : doc.warnings()) {
                out.write("<li>" + HtmlReport.esc(w) + "</li>");
            }
            out.write("</ul>");
        }
        out.write("</section>\n</main>\n<script>\n" + HtmlReport.resource("document.js")
                + "</script>\n</body>\n</html>\n");
    }

    /** The index of a long report: one row per indexed section, with a link, its key numbers and verdict. */
    private static void index(List<Section> items, Writer out) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        for (Section s : items) {
            columns.addAll(s.index().keySet());
        }
        List<String> cols = List.copyOf(columns);
        int pages = (items.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        out.write("<section id=\"contents\" class=\"index\"><h2>Index</h2><p class=\"note\">" + items.size()
                + " sections, shown " + PAGE_SIZE + " per page (" + pages + " pages). Click a row to open its"
                + " section; type in the box to filter; click a column to sort.</p>");
        out.write("<input class=\"table-filter\" id=\"index-filter\" type=\"search\" placeholder=\"Filter\""
                + " aria-label=\"Filter the index\">");
        out.write("<div class=\"tablewrap doc\"><table class=\"grid sortable index\" data-table=\"index\"><thead><tr>");
        for (String c : cols) {
            out.write("<th>" + HtmlReport.esc(c) + "</th>");
        }
        out.write("<th>Status</th><th>Page</th></tr></thead><tbody>");
        for (int i = 0; i < items.size(); i++) {
            Section s = items.get(i);
            out.write("<tr data-section=\"" + s.id() + "\" data-status=\""
                    + s.status().label() + "\""
                    + (s.status() == Status.NONE ? "" : " class=\"" + s.status().label() + "\"") + ">");
            for (int c = 0; c < cols.size(); c++) {
                String v = s.index().getOrDefault(cols.get(c), "");
                if (c == 0) {
                    out.write("<td class=\"t\"><a href=\"#" + s.id() + "\">" + HtmlReport.esc(v) + "</a></td>");
                } else {
                    out.write((numeric(v) ? "<td>" : "<td class=\"t\">") + HtmlReport.esc(v) + "</td>");
                }
            }
            out.write("<td class=\"t\">"
                    + (s.status() == Status.NONE ? "ok" : badge(s.status()).trim()) + "</td><td>" + (i / PAGE_SIZE + 1)
                    + "</td></tr>");
        }
        out.write("</tbody></table></div></section>\n");
    }

    /**
     * The indexed sections: a pager and an empty container the script fills with one page, and
     * every section in a {@code <template>} (parsed but not rendered: not in the live DOM).
     */
    private void pages(List<Section> items, Writer out) throws IOException {
        int pages = (items.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        String pager = "<nav class=\"pager\"><button type=\"button\" class=\"prev\">&larr; Previous</button>"
                + " <span class=\"page-label\"></span> <button type=\"button\" class=\"next\">Next &rarr;</button>"
                + "</nav>\n";
        out.write("<div id=\"paged\" data-pages=\"" + pages + "\" data-page-size=\"" + PAGE_SIZE + "\" data-sections=\""
                + items.size() + "\">\n" + pager + "<div id=\"pages\"></div>\n" + pager + "</div>\n");
        for (int i = 0; i < items.size(); i++) {
            Section s = items.get(i);
            out.write("<template data-section=\"" + s.id() + "\" data-page=\"" + (i / PAGE_SIZE) + "\">");
            section(s, out);
            out.write("</template>\n");
        }
    }

    private static void provenance(ReportDoc doc, Writer out) throws IOException {
        Provenance p = doc.provenance();
        out.write("<section id=\"inputs\"><h2>Inputs and provenance</h2><table class=\"kv\">");
        row(out, "Input file", p.inputFile());
        row(out, "Input SHA-256", p.inputSha256());
        row(out, "comboscope version", p.version());
        row(out, "Computed", p.created());
        for (Map.Entry<String, String> e : p.parameters().entrySet()) {
            row(out, e.getKey().replace('_', ' '), e.getValue());
        }
        out.write("</table>");
        if (!doc.conventions().isEmpty()) {
            out.write("<h3>How to read it</h3><ul class=\"conventions\">");
            for (String c : doc.conventions()) {
                out.write("<li>" + HtmlReport.esc(c) + "</li>");
            }
            out.write("</ul>");
        }
        out.write("</section>\n");
    }

    private static void row(Writer out, String k, String v) throws IOException {
        out.write("<tr><th>" + HtmlReport.esc(k) + "</th><td>" + HtmlReport.esc(v) + "</td></tr>");
    }

    private static String badge(Status s) {
        return s == Status.NONE
                ? ""
                : " <span class=\"badge " + s.label() + "\">" + s.label().toUpperCase(java.util.Locale.ROOT)
                        + "</span>";
    }

    private void section(Section s, Writer out) throws IOException {
        out.write("<section id=\"" + s.id() + "\" class=\"doc-section"
                + (s.status() == Status.NONE ? "" : " " + s.status().label())
                + "\" data-status=\"" + s.status().label() + "\"><h2>" + HtmlReport.esc(s.title()) + badge(s.status())
                + "</h2>\n");
        boolean inFigures = false;
        for (Part p : s.parts()) {
            boolean fig = p instanceof Figure;
            if (fig && !inFigures) {
                out.write("<div class=\"figures\">");
            } else if (!fig && inFigures) {
                out.write("</div>\n");
            }
            inFigures = fig;
            if (p instanceof Heading h) {
                out.write("<h3>" + HtmlReport.esc(h.text()) + "</h3>\n");
            } else if (p instanceof Text t) {
                out.write("<p" + (t.note() ? " class=\"note\"" : "") + ">" + HtmlReport.esc(t.text()) + "</p>\n");
            } else if (p instanceof Table t) {
                table(t, out);
            } else if (p instanceof Figure f) {
                figure(f, out);
            }
        }
        if (inFigures) {
            out.write("</div>\n");
        }
        out.write("</section>\n");
    }

    private static void table(Table t, Writer out) throws IOException {
        if (!t.caption().isEmpty()) {
            out.write("<p class=\"caption\">" + HtmlReport.esc(t.caption()) + "</p>");
        }
        if (t.rows().size() > FILTER_ROWS) {
            out.write("<input class=\"table-filter\" type=\"search\" placeholder=\"Filter rows\" aria-label=\"Filter "
                    + HtmlReport.esc(t.id()) + "\">");
        }
        out.write("<div class=\"tablewrap doc\"><table class=\"grid sortable\" data-table=\"" + HtmlReport.esc(t.id())
                + "\"><thead><tr>");
        for (String h : t.header()) {
            out.write("<th>" + HtmlReport.esc(h) + "</th>");
        }
        out.write("</tr></thead><tbody>");
        for (int i = 0; i < t.rows().size(); i++) {
            Status st = t.rowStatus().get(i);
            out.write(st == Status.NONE ? "<tr>" : "<tr class=\"" + st.label() + "\">");
            List<String> r = t.rows().get(i);
            for (int c = 0; c < r.size(); c++) {
                String v = r.get(c);
                out.write(c == 0 || !numeric(v) ? "<td class=\"t\">" : "<td>");
                out.write(HtmlReport.esc(v));
                out.write("</td>");
            }
            out.write("</tr>");
        }
        out.write("</tbody></table></div>\n");
    }

    static boolean numeric(String v) {
        return v.equals("NA") || v.matches("[-+]?[0-9.,]+(e[-+]?[0-9]+)?( \\(.*\\))?%?|[<>]=? ?[-+]?[0-9.e-]+");
    }

    private void figure(Figure f, Writer out) throws IOException {
        int k = figureCount++;
        out.write("<figure class=\"chart\" data-plot=\"" + HtmlReport.esc(f.kind()) + "\" style=\"max-width:"
                + Math.round(f.widthPt() * 1.9) + "px\">");
        if (f.raster()) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(ChartFiles.image(f.chart(), f.widthPt(), f.heightPt(), RASTER_DPI), "png", png);
            out.write("<img alt=\"" + HtmlReport.esc(f.kind()) + " plot\" src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(png.toByteArray()) + "\">");
        } else {
            String svg = ChartFiles.svg(f.chart(), f.widthPt(), f.heightPt(), "f" + k + "_");
            int start = svg.indexOf("<svg");
            // Batik names its defaults group "genericDefs" in every chart: keep ids unique in the page
            out.write((start < 0 ? svg : svg.substring(start))
                    .replace("id=\"genericDefs\"", "id=\"f" + k + "_genericDefs\""));
        }
        out.write("</figure>");
    }
}
