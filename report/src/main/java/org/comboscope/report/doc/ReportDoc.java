package org.comboscope.report.doc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.report.synergy.Provenance;
import org.jfree.chart.JFreeChart;

/**
 * A report as a sequence of sections of text, tables and charts, rendered the same way to a
 * self-contained HTML page ({@link org.comboscope.report.html.DocumentHtml}), a PDF ({@link
 * org.comboscope.report.pdf.DocumentPdf}) and static plot files. Used by the reports of the
 * {@code ci}, {@code survival}, {@code plate} and {@code screen} commands; the charts are the same
 * JFreeChart objects in every output.
 *
 * @param kind what the report is, e.g. {@code Chou-Talalay report} (the page heading)
 * @param summary one line under the heading (what was analysed)
 * @param provenance input file, hash, version, parameters
 * @param conventions how to read the numbers (sign conventions, units), one sentence each
 * @param sections the body, in order
 * @param warnings analysis notes and what could not be analysed, one line each
 */
public record ReportDoc(
        String kind,
        String summary,
        Provenance provenance,
        List<String> conventions,
        List<Section> sections,
        List<String> warnings) {
    public ReportDoc {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(provenance, "provenance");
        conventions = List.copyOf(conventions);
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /** The verdict shown with a section (plates): none, pass, warn or fail. */
    public enum Status {
        NONE,
        PASS,
        WARN,
        FAIL;

        /** Lower-case label, used as the CSS class and the badge text. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A section: a heading, an optional verdict badge and its parts. In the PDF a section with
     * {@code newPage} starts on a fresh page.
     *
     * @param id HTML anchor (letters, digits, '-' and '_')
     * @param title the heading
     * @param status verdict badge ({@link Status#NONE}: no badge)
     * @param newPage whether the PDF starts the section on a new page
     * @param parts the content
     * @param index for a section that repeats per item (a block, a plate): its row in the index of a
     *     long report, column name to value in column order (the first column links to the
     *     section); empty for the other sections. The HTML page lists such sections in an index
     *     and shows them a page at a time when there are more than {@code
     *     DocumentHtml.PAGED_SECTIONS} of them.
     */
    public record Section(
            String id, String title, Status status, boolean newPage, List<Part> parts, Map<String, String> index) {
        public Section {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            if (id == null || !id.matches("[A-Za-z0-9_-]+")) {
                throw new InvalidInputException("id", id, "must be letters, digits, '-' or '_'");
            }
            parts = List.copyOf(parts);
            index = Collections.unmodifiableMap(new LinkedHashMap<>(index));
        }

        /** A section that is not listed in an index. */
        public Section(String id, String title, Status status, boolean newPage, List<Part> parts) {
            this(id, title, status, newPage, parts, Map.of());
        }
    }

    /** Content of a section. */
    public sealed interface Part permits Heading, Text, Table, Figure {}

    /** A sub-heading inside a section. */
    public record Heading(String text) implements Part {}

    /** A paragraph (shown as a muted note when {@code note}). */
    public record Text(String text, boolean note) implements Part {}

    /**
     * A table of formatted cells.
     *
     * @param id identifier for tests and styles (data-table attribute)
     * @param caption shown above the table; may be empty
     * @param header column names
     * @param rows cells, each row as long as the header
     * @param rowStatus per row {@code pass}, {@code warn}, {@code fail} or {@link Status#NONE}
     */
    public record Table(String id, String caption, List<String> header, List<List<String>> rows, List<Status> rowStatus)
            implements Part {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            rowStatus = List.copyOf(rowStatus);
            if (rowStatus.size() != rows.size()) {
                throw new InvalidInputException("rowStatus", rowStatus.size(), "must have one entry per row");
            }
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new InvalidInputException(
                            "rows", r, "each row must have " + header.size() + " cells (table " + id + ")");
                }
            }
        }

        /** A table without row verdicts. */
        public static Table of(String id, String caption, List<String> header, List<List<String>> rows) {
            return new Table(
                    id,
                    caption,
                    header,
                    rows,
                    rows.stream().map(r -> Status.NONE).toList());
        }
    }

    /**
     * A chart.
     *
     * @param kind what it shows, e.g. {@code fa-ci} (the HTML data-plot attribute)
     * @param file file-name stem under {@code plots/} for static export, e.g. {@code B01_fa_ci};
     *     empty: not exported
     * @param chart the chart
     * @param widthPt drawing width, points
     * @param heightPt drawing height, points
     * @param raster whether the HTML embeds it as a PNG (charts with thousands of marks) rather
     *     than inline SVG
     */
    public record Figure(String kind, String file, JFreeChart chart, int widthPt, int heightPt, boolean raster)
            implements Part {
        public Figure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(chart, "chart");
            if (widthPt < 50 || heightPt < 50) {
                throw new InvalidInputException("size", widthPt + "x" + heightPt, "must be at least 50 x 50 points");
            }
        }
    }
}
