package org.comboscope.report.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.GZIPOutputStream;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.report.plot.Charts;
import org.comboscope.report.plot.MostSynergisticArea;
import org.comboscope.report.synergy.BlockView;
import org.comboscope.report.synergy.CurveView;
import org.comboscope.report.synergy.SynergyRun;

/**
 * A self-contained HTML report of a synergy run: one file, no network. Every style and script is
 * inlined, Plotly 3.3.1 included. The block data sit in a JSON island and the page draws the
 * blocks of the current page only (a ranked, sortable, searchable index links to every block),
 * so a 500-block report stays responsive.
 *
 * <p>Plotly is embedded either as plain JavaScript (11.2 MB) or gzip-compressed and base64-coded
 * (about 4.5 MB), unpacked in the browser with the standard {@code DecompressionStream} (Chrome
 * 80+, Firefox 113+, Safari 16.4+).
 */
public final class HtmlReport {
    /** How Plotly is embedded. */
    public enum PlotlyEmbedding {
        /** gzip + base64, unpacked at load time; about 40 % of the plain size. */
        GZIP,
        /** Plain JavaScript; larger, works in any browser. */
        PLAIN
    }

    static final String PLOTLY = "/META-INF/resources/webjars/plotly.js-dist/3.3.1/plotly.js";

    private final PlotlyEmbedding embedding;
    private final int blocksPerPage;

    /** A writer with gzip embedding and 5 blocks per page. */
    public HtmlReport() {
        this(PlotlyEmbedding.GZIP, 5);
    }

    public HtmlReport(PlotlyEmbedding embedding, int blocksPerPage) {
        if (blocksPerPage < 1) {
            throw new org.comboscope.core.error.InvalidInputException("blocksPerPage", blocksPerPage, "must be >= 1");
        }
        this.embedding = embedding;
        this.blocksPerPage = blocksPerPage;
    }

    /** Writes the report. */
    public void write(SynergyRun run, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>comboscope synergy report: " + esc(run.provenance().inputFile()) + "</title>\n");
        out.write("<style>\n" + resource("report.css") + "</style>\n");
        // collect script errors from the very start, before Plotly loads (tests read them)
        out.write("<script>window.__errors=[];window.addEventListener('error',function(e){"
                + "window.__errors.push(String(e.message||e));});"
                + "window.addEventListener('unhandledrejection',function(e){window.__errors.push("
                + "'unhandled rejection: '+String(e.reason));});</script>\n");
        out.write("</head>\n<body>\n");
        writeHeader(run, out);
        out.write("<script id=\"report-data\" type=\"application/json\">");
        out.write(data(run));
        out.write("</script>\n");
        if (embedding == PlotlyEmbedding.GZIP) {
            out.write("<script id=\"plotly-gz\" type=\"application/octet-stream\">");
            out.write(PlotlyHolder.GZIP_BASE64);
            out.write("</script>\n");
        } else {
            out.write("<script>\n");
            out.write(PlotlyHolder.PLAIN.replace("</script", "<\\/script"));
            out.write("\n</script>\n");
        }
        out.write("<script>\n" + resource("report.js") + "</script>\n");
        out.write("</body>\n</html>\n");
    }

    private void writeHeader(SynergyRun run, Writer out) throws IOException {
        var p = run.provenance();
        out.write("<header><h1>Synergy report</h1><p class=\"sub\">" + esc(p.inputFile()) + " &middot; "
                + run.blocks().size() + " blocks plotted"
                + (run.notAnalysed().isEmpty() ? "" : ", " + run.notAnalysed().size() + " not analysed")
                + "</p>\n<nav class=\"toc\"><a href=\"#inputs\">Inputs</a><a href=\"#index\">Ranked blocks</a>"
                + "<a href=\"#overview\">Synergy vs sensitivity</a><a href=\"#problems\">Warnings</a>"
                + "<a href=\"#blocks\">Blocks</a></nav></header>\n<main>\n");
        out.write("<section id=\"inputs\"><h2>Inputs and provenance</h2><table class=\"kv\">");
        row(out, "Input file", p.inputFile());
        row(out, "Input SHA-256", p.inputSha256());
        row(out, "comboscope version", p.version());
        row(out, "Computed", p.created());
        for (Map.Entry<String, String> e : p.parameters().entrySet()) {
            row(out, e.getKey().replace('_', ' '), e.getValue());
        }
        row(out, "Blocks plotted", Integer.toString(run.blocks().size()));
        out.write("</table><p class=\"note\">Responses are % inhibition (viability inputs converted as"
                + " 100 &minus; viability). Synergy scores: positive = synergy, negative = antagonism;"
                + " Loewe CI &lt; 1 = synergy. Curve bands: pointwise 95% confidence band of the LL.4 fit by"
                + " the delta method. Outlined heat-map area: the 3&times;3 window of combination doses"
                + " with the highest mean score (SynergyFinder's most synergistic area).</p></section>\n");
        out.write("<section id=\"index\"><h2>Ranked blocks</h2><p class=\"note\">Sorted by mean ZIP synergy;"
                + " click a column to sort, a row to open the block.</p><input id=\"filter\" type=\"search\""
                + " placeholder=\"Filter by block or drug\" aria-label=\"Filter blocks\">"
                + "<div class=\"tablewrap\"><table id=\"ranked\" class=\"grid\"><thead></thead><tbody></tbody>"
                + "</table></div></section>\n");
        out.write("<section id=\"overview\"><h2>Synergy vs sensitivity</h2><div id=\"plot-scatter\""
                + " class=\"plot wide\" data-plot=\"scatter\"></div></section>\n");
        out.write("<section id=\"problems\"><h2>Warnings</h2>");
        if (run.notAnalysed().isEmpty() && run.warnings().isEmpty()) {
            out.write("<p>None: every block was analysed.</p>");
        }
        if (!run.notAnalysed().isEmpty()) {
            out.write("<h3>Blocks not analysed (" + run.notAnalysed().size() + ")</h3><ul id=\"not-analysed\">");
            for (String s : run.notAnalysed()) {
                out.write("<li>" + esc(s) + "</li>");
            }
            out.write("</ul>");
        }
        if (!run.warnings().isEmpty()) {
            out.write("<details><summary>Analysis notes (" + run.warnings().size() + ")</summary><ul>");
            for (String s : run.warnings()) {
                out.write("<li>" + esc(s) + "</li>");
            }
            out.write("</ul></details>");
        }
        out.write("</section>\n<section id=\"blocks\"><h2>Blocks</h2><div class=\"pager\" id=\"pager\"></div>"
                + "<div id=\"block-view\" data-per-page=\"" + blocksPerPage + "\"></div>"
                + "<div class=\"pager\" id=\"pager-bottom\"></div></section>\n</main>\n");
    }

    private static void row(Writer out, String k, String v) throws IOException {
        out.write("<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>");
    }

    /** The JSON island: every number the page plots. */
    static String data(SynergyRun run) {
        StringBuilder sb = new StringBuilder(run.blocks().size() * 8000);
        Json j = new Json(sb);
        j.begin().key("blocks").beginArray();
        for (BlockView b : run.blocks()) {
            block(j, b);
        }
        j.endArray().end();
        return sb.toString();
    }

    private static void block(Json j, BlockView b) {
        j.begin();
        j.key("id").str(b.blockId());
        j.key("d1").str(b.drug1()).key("d2").str(b.drug2());
        j.key("u1").str(b.unit1()).key("u2").str(b.unit2());
        j.key("c1").nums(b.conc1()).key("c2").nums(b.conc2());
        j.key("c1l").beginArray();
        for (double c : b.conc1()) {
            j.str(Charts.conc(c));
        }
        j.endArray().key("c2l").beginArray();
        for (double c : b.conc2()) {
            j.str(Charts.conc(c));
        }
        j.endArray();
        j.key("resp").grid(b.response());
        j.key("css").num(or(b.css()));
        int[] cell = Charts.defaultBarometerCell(b);
        j.key("baro").beginArray().integer(cell[0]).integer(cell[1]).endArray();
        j.key("methods").begin();
        for (SynergyMethod m : b.methods()) {
            double[][] syn = b.synergy(m).orElseThrow();
            j.key(m.column()).begin();
            BlockView.Summary s = b.summaries().get(m);
            j.key("mean").num(s == null ? Double.NaN : s.mean());
            j.key("p").num(s == null ? Double.NaN : or(s.pValue()));
            j.key("syn").grid(syn);
            j.key("ref").grid(b.reference().get(m));
            Optional<MostSynergisticArea> a = MostSynergisticArea.find(b.conc1(), b.conc2(), syn);
            if (a.isPresent()) {
                MostSynergisticArea x = a.get();
                j.key("area").begin();
                j.key("row").integer(x.row()).key("col").integer(x.col());
                j.key("rows").integer(x.rows()).key("cols").integer(x.cols());
                j.key("mean").num(x.mean()).end();
            }
            j.end();
        }
        j.end();
        j.key("curves").beginArray();
        for (CurveView c : b.curves()) {
            curve(j, c);
        }
        j.endArray();
        j.end();
    }

    /** Points of the fitted curve and band (60 log-spaced doses over the plotted range). */
    private static void curve(Json j, CurveView c) {
        double[] x = c.doses();
        double lo = x.length == 0 ? c.curve().ec50() / 100 : min(x) / 10;
        double hi = x.length == 0 ? c.curve().ec50() * 100 : max(x) * 2;
        int n = 60;
        double[] fx = new double[n + 1];
        double[] fy = new double[n + 1];
        double[] bl = new double[n + 1];
        double[] bh = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            fx[k] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * k / n);
            fy[k] = c.curve().predict(fx[k]);
            OptionalDouble w = c.halfWidth(fx[k]);
            bl[k] = w.isPresent() ? fy[k] - w.getAsDouble() : Double.NaN;
            bh[k] = w.isPresent() ? fy[k] + w.getAsDouble() : Double.NaN;
        }
        j.begin();
        j.key("drug")
                .str(c.drug())
                .key("unit")
                .str(c.unit())
                .key("model")
                .str(c.curve().model().label());
        j.key("x").nums(x).key("y").nums(c.responses());
        j.key("ctl").num(or(c.controlResponse())).key("ctlx").num(lo);
        j.key("fx").nums(fx).key("fy").nums(fy);
        if (c.hasBand()) {
            j.key("lo").nums(bl).key("hi").nums(bh);
        }
        j.key("ic50").num(or(c.ic50()));
        j.end();
    }

    private static double or(OptionalDouble x) {
        return x.isPresent() ? x.getAsDouble() : Double.NaN;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plotly, loaded once per JVM. */
    private static final class PlotlyHolder {
        static final String PLAIN;
        static final String GZIP_BASE64;

        static {
            try (InputStream in = HtmlReport.class.getResourceAsStream(PLOTLY)) {
                if (in == null) {
                    throw new IllegalStateException("Plotly WebJar missing from the class path: " + PLOTLY);
                }
                byte[] js = in.readAllBytes();
                PLAIN = new String(js, StandardCharsets.UTF_8);
                ByteArrayOutputStream bos = new ByteArrayOutputStream(js.length / 3);
                try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                    gz.write(js);
                }
                GZIP_BASE64 = Base64.getEncoder().encodeToString(bos.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Methods in a fixed order for tests. */
    static List<SynergyMethod> methods(BlockView b) {
        return b.methods();
    }
}
