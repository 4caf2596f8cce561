package org.comboscope.io.evidence;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.comboscope.core.evidence.Contrast;
import org.comboscope.core.evidence.EvidenceBase;
import org.comboscope.core.evidence.EvidenceQuery;
import org.comboscope.core.evidence.EvidenceRecord;
import org.comboscope.core.evidence.ModelSystem;
import org.comboscope.core.response.ArmComparison;
import org.comboscope.core.response.ResponseRate;
import org.comboscope.io.table.CsvTable;
import org.comboscope.io.table.Numbers;

/**
 * The evidence base as tables (CSV or JSON): the records matching a query with their derived exact and
 * Wilson intervals, or the arm-versus-arm contrasts. Shared by {@code comboscope evidence} and the web
 * application.
 */
public final class EvidenceTables {
    private EvidenceTables() {}

    /**
     * The query of the {@code evidence} filters; a {@code null} filter is no filter.
     *
     * @throws org.comboscope.core.error.InvalidInputException for an unknown model system
     */
    public static EvidenceQuery query(String drug, String indication, String endpoint, String modelSystem) {
        EvidenceQuery q = EvidenceQuery.all();
        if (drug != null) {
            q = q.withDrug(drug);
        }
        if (indication != null) {
            q = q.withIndication(indication);
        }
        if (endpoint != null) {
            q = q.withEndpoint(endpoint);
        }
        if (modelSystem != null) {
            q = q.withModelSystem(ModelSystem.parse(modelSystem));
        }
        return q;
    }

    /** Rows of the records matching {@code query}, intervals at {@code level}. */
    public static List<Map<String, Optional<String>>> records(EvidenceBase base, EvidenceQuery query, double level) {
        List<Map<String, Optional<String>>> rows = new ArrayList<>();
        for (EvidenceRecord r : base.query(query)) {
            rows.add(recordRow(r, level));
        }
        return rows;
    }

    /** Rows of the contrasts with at least one arm matching {@code query}. */
    public static List<Map<String, Optional<String>>> contrasts(EvidenceBase base, EvidenceQuery query, double level) {
        List<Map<String, Optional<String>>> rows = new ArrayList<>();
        for (Contrast c : base.contrasts(level)) {
            if (query.matches(c.armA()) || query.matches(c.armB())) {
                rows.add(contrastRow(c, level));
            }
        }
        return rows;
    }

    private static final List<String> DERIVED = List.of(
            "rate", "exact_lower", "exact_upper", "wilson_lower", "wilson_upper", "level", "percent_matches_count");

    public static final List<String> CONTRAST_COLUMNS = List.of(
            "contrast",
            "study",
            "endpoint",
            "unit",
            "arm_a_id",
            "arm_a_regimen",
            "arm_a_setting",
            "arm_a_value",
            "arm_b_id",
            "arm_b_regimen",
            "arm_b_setting",
            "arm_b_value",
            "difference",
            "ratio",
            "rate_difference",
            "rate_difference_lower",
            "rate_difference_upper",
            "fisher_p",
            "level");

    public static List<String> recordColumns() {
        List<String> cols = new ArrayList<>(EvidenceBase.COLUMNS);
        cols.addAll(DERIVED);
        return cols;
    }

    private static Optional<String> text(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<String> num(double x) {
        return Optional.of(Numbers.format(x));
    }

    private static Map<String, Optional<String>> recordRow(EvidenceRecord r, double level) {
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("id", text(r.id()));
        m.put("seed", text(r.seed()));
        m.put(
                "ref",
                text(String.join(";", r.refs().stream().map(String::valueOf).toList())));
        m.put("study", text(r.study()));
        m.put("nct", text(r.nct()));
        m.put("phase", text(r.phase()));
        m.put("indication", text(r.indication()));
        m.put("population", text(r.population()));
        m.put("drugs", text(String.join(";", r.drugs())));
        m.put("doses", text(r.doses()));
        m.put("schedule", text(r.schedule()));
        m.put("setting", text(r.setting().code()));
        m.put("model_system", text(r.modelSystem().code()));
        m.put("model", text(r.model()));
        m.put("endpoint", text(r.endpoint()));
        m.put("endpoint_detail", text(r.endpointDetail()));
        m.put("value", text(r.valueText()));
        m.put("unit", text(r.unit()));
        m.put("n", r.count().map(c -> String.valueOf(c.events())));
        m.put("N", r.count().map(c -> String.valueOf(c.total())));
        m.put("comparator", text(r.comparator()));
        m.put("contrast", text(r.contrast()));
        m.put("note", text(r.note()));
        m.put("quote", text(r.quote()));
        Optional<ResponseRate> rate = r.rate(level);
        m.put("rate", rate.flatMap(x -> num(x.rate())));
        m.put("exact_lower", rate.flatMap(x -> num(x.exact().lower())));
        m.put("exact_upper", rate.flatMap(x -> num(x.exact().upper())));
        m.put("wilson_lower", rate.flatMap(x -> num(x.wilson().lower())));
        m.put("wilson_upper", rate.flatMap(x -> num(x.wilson().upper())));
        m.put("level", rate.flatMap(x -> num(level)));
        m.put("percent_matches_count", r.percentMatchesCount().map(String::valueOf));
        return m;
    }

    private static Map<String, Optional<String>> contrastRow(Contrast c, double level) {
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("contrast", text(c.key()));
        m.put("study", text(c.armA().study()));
        m.put("endpoint", text(c.armA().endpoint()));
        m.put("unit", text(c.armA().unit()));
        m.put("arm_a_id", text(c.armA().id()));
        m.put("arm_a_regimen", text(c.armA().regimen()));
        m.put("arm_a_setting", text(c.armA().setting().code()));
        m.put("arm_a_value", text(c.armA().valueText()));
        m.put("arm_b_id", text(c.armB().id()));
        m.put("arm_b_regimen", text(c.armB().regimen()));
        m.put("arm_b_setting", text(c.armB().setting().code()));
        m.put("arm_b_value", text(c.armB().valueText()));
        m.put("difference", num(c.difference()));
        m.put("ratio", c.ratio().isPresent() ? num(c.ratio().getAsDouble()) : Optional.empty());
        Optional<ArmComparison> cmp = c.comparison();
        m.put("rate_difference", cmp.flatMap(x -> num(x.difference())));
        m.put(
                "rate_difference_lower",
                cmp.flatMap(x -> num(x.differenceInterval().lower())));
        m.put(
                "rate_difference_upper",
                cmp.flatMap(x -> num(x.differenceInterval().upper())));
        m.put("fisher_p", cmp.flatMap(x -> num(x.fisherP())));
        m.put("level", cmp.flatMap(x -> num(level)));
        return m;
    }

    /** CSV: absent values are empty cells for text, NA for derived numbers. */
    public static void writeCsv(Writer w, List<String> header, List<Map<String, Optional<String>>> rows)
            throws IOException {
        try (CsvTable t = CsvTable.csv(w, header)) {
            for (Map<String, Optional<String>> row : rows) {
                for (String col : header) {
                    t.text(row.get(col).orElse(isNumeric(col) ? Numbers.NA : ""));
                }
                t.end();
            }
        }
    }

    /** Columns whose values are numbers or booleans (NA in CSV and bare in JSON). */
    private static final java.util.Set<String> NUMERIC = java.util.Set.of(
            "rate",
            "exact_lower",
            "exact_upper",
            "wilson_lower",
            "wilson_upper",
            "level",
            "percent_matches_count",
            "difference",
            "ratio",
            "rate_difference",
            "rate_difference_lower",
            "rate_difference_upper",
            "fisher_p");

    private static boolean isNumeric(String col) {
        return NUMERIC.contains(col);
    }

    /** JSON: an array of objects; absent values are {@code null}; derived numbers are JSON numbers. */
    public static void writeJson(Writer w, List<String> header, List<Map<String, Optional<String>>> rows)
            throws IOException {
        w.write("[");
        for (int i = 0; i < rows.size(); i++) {
            w.write(i == 0 ? "\n  {" : ",\n  {");
            Map<String, Optional<String>> row = rows.get(i);
            for (int j = 0; j < header.size(); j++) {
                String col = header.get(j);
                w.write(j == 0 ? "" : ", ");
                w.write(quote(col));
                w.write(": ");
                Optional<String> v = row.get(col);
                if (v.isEmpty()) {
                    w.write("null");
                } else if (isNumeric(col) || col.equals("n") || col.equals("N")) {
                    w.write(v.get());
                } else {
                    w.write(quote(v.get()));
                }
            }
            w.write("}");
        }
        w.write(rows.isEmpty() ? "]\n" : "\n]\n");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
