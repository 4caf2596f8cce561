package org.comboscope.report.plot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.svggen.SVGCSSStyler;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Shrinks the SVG DOM Batik generates without changing the picture: coordinates rounded to 0.01
 * (charts are drawn in points, so 0.01 pt is far below a screen or print pixel; text positions to
 * 0.001), transform
 * coefficients to 1e-4, no space before path commands, no {@code clipPathUnits="userSpaceOnUse"}
 * (the default), no {@code xml:space="preserve"} on text without leading, trailing or repeated
 * white space, no clip to the whole canvas on elements drawn in the canvas's own coordinates
 * (the SVG viewport clips there anyway), no blanks in style declarations, and written without indentation.
 */
final class SvgCompactor {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern CLIP_REF = Pattern.compile("clip-path:url\\(#([^)]+)\\);\\s*");
    private static final Set<String> COORDINATES =
            Set.of("d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "points");

    private SvgCompactor() {}

    /** Compacts the tree under {@code root} (a Batik root of a {@code width × height} canvas) in place. */
    static void compact(Element root, int width, int height) {
        root.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
        root.setAttributeNS(XMLNS_NS, "xmlns:xlink", "http://www.w3.org/1999/xlink");
        // presentation attributes into style attributes, as Batik's own stream(useCss = true)
        SVGCSSStyler.style(root);
        Set<String> canvasClips = new HashSet<>();
        String canvas = "M0 0 L" + width + " 0 L" + width + " " + height + " L0 " + height + " L0 0 Z";
        for (Node n = root.getFirstChild(); n != null; n = next(n, root)) {
            if (n instanceof Element e && nameOf(e).equals("clipPath")) {
                Element only = firstElement(e);
                if (only != null
                        && only.getNextSibling() == null
                        && nameOf(only).equals("path")
                        && canvas.equals(only.getAttribute("d"))
                        && !only.hasAttribute("transform")) {
                    canvasClips.add(e.getAttribute("id"));
                }
            }
        }
        walk(root, canvasClips, false);
    }

    private static void walk(Element e, Set<String> canvasClips, boolean transformed) {
        boolean t = transformed || e.hasAttribute("transform");
        String name = nameOf(e);
        if (name.equals("clipPath") && "userSpaceOnUse".equals(e.getAttribute("clipPathUnits"))) {
            e.removeAttribute("clipPathUnits");
        }
        if (name.equals("text") && "preserve".equals(e.getAttribute("xml:space")) && plainText(e.getTextContent())) {
            e.removeAttribute("xml:space");
        }
        if (e.hasAttribute("style")) {
            String style = e.getAttribute("style");
            if (!t) {
                Matcher m = CLIP_REF.matcher(style);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(
                            sb, canvasClips.contains(m.group(1)) ? "" : Matcher.quoteReplacement(m.group()));
                }
                m.appendTail(sb);
                style = sb.toString();
            }
            // "fill:none; stroke:gray;" -> "fill:none;stroke:gray" (no ';' inside Batik's values)
            String s = style.replace("; ", ";").trim();
            if (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.isEmpty()) {
                e.removeAttribute("style");
            } else {
                e.setAttribute("style", s);
            }
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String n = a.getName();
            if (COORDINATES.contains(n)) {
                // text keeps a third decimal: browsers snap a baseline to whole pixels, and a
                // baseline moved by 0.003 pt across a pixel boundary shifts a whole line of text
                String v = round(a.getValue(), name.equals("text") || name.equals("tspan") ? 3 : 2);
                a.setValue(n.equals("d") ? v.replaceAll("\\s+([A-Za-z])", "$1") : v);
            } else if (n.equals("transform")) {
                a.setValue(round(a.getValue(), 4));
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                walk(ce, canvasClips, t);
            }
        }
    }

    /** Text whose white space renders the same with or without {@code xml:space="preserve"}. */
    static boolean plainText(String s) {
        return !s.isEmpty()
                && !Character.isWhitespace(s.charAt(0))
                && !Character.isWhitespace(s.charAt(s.length() - 1))
                && !s.contains("  ")
                && s.chars().noneMatch(ch -> ch == '\n' || ch == '\t' || ch == '\r');
    }

    /** Every number in {@code s} rounded to {@code decimals} places, trailing zeros dropped. */
    static String round(String s, int decimals) {
        Matcher m = NUMBER.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String num = m.group();
            String r;
            if (num.indexOf('.') < 0 && num.indexOf('e') < 0 && num.indexOf('E') < 0) {
                r = num;
            } else {
                r = new BigDecimal(num)
                        .setScale(decimals, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros()
                        .toPlainString();
                if (r.equals("-0")) {
                    r = "0";
                }
            }
            m.appendReplacement(sb, r);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The tree as SVG text, without indentation. */
    static String serialize(Element root) {
        StringBuilder sb = new StringBuilder(32 * 1024);
        write(root, sb);
        return sb.toString();
    }

    private static void write(Node n, StringBuilder sb) {
        switch (n.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                sb.append('<').append(n.getNodeName());
                NamedNodeMap attrs = n.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Node a = attrs.item(i);
                    sb.append(' ').append(a.getNodeName()).append("=\"");
                    escape(a.getNodeValue(), true, sb);
                    sb.append('"');
                }
                if (n.getFirstChild() == null) {
                    sb.append("/>");
                } else {
                    sb.append('>');
                    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                        write(c, sb);
                    }
                    sb.append("</").append(n.getNodeName()).append('>');
                }
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escape(n.getNodeValue(), false, sb);
            case Node.COMMENT_NODE -> sb.append("<!--").append(n.getNodeValue()).append("-->");
            default -> {
                // processing instructions and the like: Batik generates none
            }
        }
    }

    private static void escape(String s, boolean attribute, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    private static String nameOf(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static Element firstElement(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                return ce;
            }
        }
        return null;
    }

    /** Next node in document order under {@code root}, or null. */
    private static Node next(Node n, Node root) {
        if (n.getFirstChild() != null) {
            return n.getFirstChild();
        }
        Node cur = n;
        while (cur != null && cur != root) {
            if (cur.getNextSibling() != null) {
                return cur.getNextSibling();
            }
            cur = cur.getParentNode();
        }
        return null;
    }
}
