package org.comboscope.report.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders charts: SVG through Batik (text kept as text, scalable through a viewBox), PNG at a
 * print resolution, and vector drawings on PDFBox pages through pdfbox-graphics2d (standard PDF
 * fonts where the text fits WinAnsi, outlines otherwise).
 */
public final class ChartFiles {
    /** PNG resolution, dots per inch (chart sizes are in points, 72 per inch). */
    public static final int PNG_DPI = 300;

    static {
        // JFreeChart draws rotated text (vertical axis labels) through a TextLayout by default,
        // which SVG and PDF generators can only emit as glyph outlines (~10 KB per label in SVG);
        // drawString under a rotation is drawn correctly by every current Java2D pipeline and is
        // emitted as text
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartFiles() {}

    /** SVG text of a chart drawn at {@code width × height} points. */
    public static String svg(JFreeChart chart, int width, int height) {
        return svg(chart, width, height, "");
    }

    /**
     * SVG text with every generated id (clip paths, gradients) prefixed by {@code idPrefix}, so that
     * several charts can be inlined in one HTML page without their ids colliding.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        return svg(chart, width, height, idPrefix, true);
    }

    /**
     * As {@link #svg(JFreeChart, int, int, String)}; {@code compact} false gives Batik's own
     * pretty-printed output with full-precision coordinates (for comparisons: the compact form
     * must draw the same picture). Compact: coordinates rounded to 0.01 pt, no indentation, no
     * attributes that restate a default, no clip to the whole canvas (see {@link SvgCompactor}).
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix, boolean compact) {
        Document doc;
        try {
            doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM available", e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("comboscope");
        if (!idPrefix.isEmpty()) {
            ctx.setIDGenerator(new org.apache.batik.svggen.SVGIDGenerator() {
                @Override
                public String generateID(String prefix) {
                    return super.generateID(idPrefix + prefix);
                }
            });
        }
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Element root = g.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        root.setAttributeNS(null, "width", width + "pt");
        root.setAttributeNS(null, "height", height + "pt");
        String text;
        if (compact) {
            SvgCompactor.compact(root, width, height);
            text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SvgCompactor.serialize(root) + "\n";
        } else {
            java.io.StringWriter out = new java.io.StringWriter();
            try {
                g.stream(root, out, true, false);
            } catch (org.apache.batik.svggen.SVGGraphics2DIOException e) {
                throw new IllegalStateException("SVG generation failed", e);
            }
            text = out.toString();
        }
        g.dispose();
        return text;
    }

    /** Writes an SVG file. */
    public static void writeSvg(JFreeChart chart, int width, int height, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(svg(chart, width, height));
        }
    }

    /** A raster of the chart at {@code dpi} (chart size in points). */
    public static BufferedImage image(JFreeChart chart, int width, int height, int dpi) {
        double s = dpi / 72.0;
        BufferedImage img = new BufferedImage(
                (int) Math.round(width * s), (int) Math.round(height * s), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        // white first: where the chart size in pixels is fractional, the last row/column is only
        // partly covered and would otherwise blend with the raster's initial black
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(s, s);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        return img;
    }

    /** Writes a PNG at {@link #PNG_DPI}. */
    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(image(chart, width, height, PNG_DPI), "png", out);
        }
    }

    /**
     * Draws the chart as vector graphics into {@code content} with its lower-left corner at
     * ({@code x}, {@code y}) in PDF user space.
     */
    public static void drawPdf(
            JFreeChart chart, PDDocument doc, PDPageContentStream content, float x, float y, int width, int height)
            throws IOException {
        drawPdf(chart, doc, content, x, y, width, height, 1f);
    }

    /** As {@link #drawPdf(JFreeChart, PDDocument, PDPageContentStream, float, float, int, int)}, scaled. */
    public static void drawPdf(
            JFreeChart chart,
            PDDocument doc,
            PDPageContentStream content,
            float x,
            float y,
            int width,
            int height,
            float scale)
            throws IOException {
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
        g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        PDFormXObject form = g.getXFormObject();
        content.saveGraphicsState();
        content.transform(new Matrix(scale, 0, 0, scale, x, y));
        content.drawForm(form);
        content.restoreGraphicsState();
    }
}
