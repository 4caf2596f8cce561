package org.comboscope.io.synergyfinder;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.CurveFit;
import org.comboscope.core.doseresponse.CurveModel;
import org.comboscope.core.synergy.BlockStatistics;
import org.comboscope.core.synergy.BlockSynergy;
import org.comboscope.core.synergy.CellScore;
import org.comboscope.core.synergy.SynergyMethod;
import org.comboscope.io.table.CsvTable;

/**
 * The layout of the synergy result tables ({@code blocks.csv}, {@code cells.csv}, {@code
 * curves.csv}) shared by {@code comboscope synergy} and {@code comboscope batch}: one place for
 * headers and rows so both commands write identical bytes for the same block.
 *
 * <p>The only column that depends on other blocks is {@code *_synergy_fdr} (Benjamini-Hochberg over
 * every analysed block); {@link #blocksHeader(int, boolean)} and {@link #blockRow} can leave it out
 * so that a streaming writer can add it once all p-values are known.
 */
public final class SynergyTables {
    private SynergyTables() {}

    /** The {@code cssA_ic50B} column names for {@code k} drugs, in output order. */
    public static List<String> cssNames(int k) {
        List<String> cssNames = new ArrayList<>();
        for (int a = 1; a <= k; a++) {
            for (int b = a + 1; b <= k; b++) {
                cssNames.add("css" + a + "_ic50" + b);
                cssNames.add("css" + b + "_ic50" + a);
            }
        }
        return cssNames;
    }

    /** Header of {@code blocks.csv} for {@code k} drugs; without the FDR columns unless {@code withFdr}. */
    public static List<String> blocksHeader(int k, boolean withFdr) {
        List<String> h = new ArrayList<>();
        h.add("block_id");
        for (int d = 1; d <= k; d++) {
            h.add("drug" + d);
        }
        for (SynergyMethod m : SynergyMethod.values()) {
            h.add(m.column() + "_synergy");
        }
        for (SynergyMethod m : SynergyMethod.values()) {
            h.add(m.column() + "_synergy_p_value");
        }
        for (int d = 1; d <= k; d++) {
            h.add("ic50_" + d);
        }
        for (int d = 1; d <= k; d++) {
            h.add("ri_" + d);
        }
        h.addAll(cssNames(k));
        h.add("css");
        for (int d = 1; d <= k; d++) {
            h.add("conc_unit" + d);
        }
        h.add("input_type");
        h.add("ZIP_class");
        h.add("n_combination_cells");
        for (SynergyMethod m : SynergyMethod.values()) {
            h.add(m.column() + "_synergy_ci_lower");
            h.add(m.column() + "_synergy_ci_upper");
            if (withFdr) {
                h.add(m.column() + "_synergy_fdr");
            }
        }
        return h;
    }

    /** The p-value of one method's block score; empty when the method was not run or is undefined. */
    public static OptionalDouble pValue(BlockSynergy b, SynergyMethod m) {
        BlockSynergy.Summary s = b.summaries().get(m);
        return s == null ? OptionalDouble.empty() : s.pValue();
    }

    /**
     * Writes one row of {@code blocks.csv}.
     *
     * @param k number of drugs (columns drug1..drugk)
     * @param inputType the label of the input scale ({@code input_type} column)
     * @param ciLevel level of the bootstrap intervals of block scores, in (0, 1)
     * @param seed seed of the interval bootstrap
     * @param fdr FDR per method in {@link SynergyMethod#values()} order, or {@code null} to leave
     *     the FDR columns out (for a header made with {@code withFdr = false})
     */
    public static void blockRow(
            CsvTable t, BlockSynergy b, int k, String inputType, double ciLevel, long seed, OptionalDouble[] fdr) {
        t.text(b.blockId());
        for (int d = 0; d < k; d++) {
            t.text(b.drugs().get(d));
        }
        for (SynergyMethod m : SynergyMethod.values()) {
            BlockSynergy.Summary s = b.summaries().get(m);
            t.num(s == null ? Double.NaN : s.mean());
        }
        for (SynergyMethod m : SynergyMethod.values()) {
            t.num(pValue(b, m));
        }
        for (int d = 0; d < k; d++) {
            t.num(b.ic50()[d]);
        }
        for (int d = 0; d < k; d++) {
            t.num(b.ri()[d]);
        }
        for (String c : cssNames(k)) {
            Double v = b.css().get(c);
            t.num(v == null ? Double.NaN : v);
        }
        t.num(b.cssMean());
        for (int d = 0; d < k; d++) {
            t.text(b.concUnits().get(d));
        }
        t.text(inputType);
        BlockSynergy.Summary zip = b.summaries().get(SynergyMethod.ZIP);
        t.text(zip == null ? "NA" : classify(zip.mean()));
        BlockSynergy.Summary any = b.summaries().values().iterator().next();
        t.integer(any.cells());
        SynergyMethod[] methods = SynergyMethod.values();
        for (int mi = 0; mi < methods.length; mi++) {
            SynergyMethod m = methods[mi];
            if (b.summaries().containsKey(m)) {
                var ci = BlockStatistics.summaryInterval(b, m, ciLevel, 2000, seed);
                t.num(ci.map(BlockStatistics.Interval::lower).orElse(Double.NaN));
                t.num(ci.map(BlockStatistics.Interval::upper).orElse(Double.NaN));
            } else {
                t.num(Double.NaN).num(Double.NaN);
            }
            if (fdr != null) {
                t.num(fdr[mi]);
            }
        }
        t.end();
    }

    /** The seeds' convention: ZIP > 10 synergistic, < -10 antagonistic, otherwise additive. */
    public static String classify(double zip) {
        if (!Double.isFinite(zip)) {
            return "NA";
        }
        return zip > 10 ? "synergistic" : zip < -10 ? "antagonistic" : "additive";
    }

    /** Header of {@code cells.csv} for {@code k} drugs. */
    public static List<String> cellsHeader(int k) {
        List<String> h = new ArrayList<>();
        h.add("block_id");
        for (int d = 1; d <= k; d++) {
            h.add("conc" + d);
        }
        h.addAll(List.of(
                "response",
                "ZIP_fit",
                "ZIP_ref",
                "ZIP_synergy",
                "HSA_ref",
                "HSA_synergy",
                "Bliss_ref",
                "Bliss_synergy",
                "Loewe_ref",
                "Loewe_synergy",
                "Loewe_ci",
                "imputed"));
        return h;
    }

    /** Writes the rows of {@code cells.csv} for one block. */
    public static void cellRows(CsvTable t, int k, BlockSynergy b) {
        for (CellScore c : b.cells()) {
            t.text(b.blockId());
            for (int d = 0; d < k; d++) {
                t.num(c.conc(d));
            }
            t.num(c.response());
            t.num(c.zipFit());
            t.num(c.reference(SynergyMethod.ZIP));
            t.num(c.synergy(SynergyMethod.ZIP));
            t.num(c.reference(SynergyMethod.HSA));
            t.num(c.synergy(SynergyMethod.HSA));
            t.num(c.reference(SynergyMethod.BLISS));
            t.num(c.synergy(SynergyMethod.BLISS));
            t.num(c.reference(SynergyMethod.LOEWE));
            t.num(c.synergy(SynergyMethod.LOEWE));
            t.num(c.loeweCi());
            t.text(c.imputed() ? "true" : "false");
            t.end();
        }
    }

    /** The upper triangle of the covariance of (b, c, d, e) in {@code curves.csv}, row by row. */
    public static final List<String> COVARIANCE_COLUMNS = List.of(
            "cov_b_b", "cov_b_c", "cov_b_d", "cov_b_e", "cov_c_c", "cov_c_d", "cov_c_e", "cov_d_d", "cov_d_e",
            "cov_e_e");

    /** Header of {@code curves.csv}. */
    public static List<String> curvesHeader() {
        List<String> h = new ArrayList<>(List.of(
                "block_id", "drug_index", "drug", "model", "b", "c", "d", "e", "rss", "ic50", "n", "conc_unit"));
        h.add("log_base");
        h.add("df_residual");
        h.addAll(COVARIANCE_COLUMNS);
        return h;
    }

    /** Writes the rows of {@code curves.csv} for one block. */
    public static void curveRows(CsvTable t, BlockSynergy b) {
        for (int d = 0; d < b.curves().size(); d++) {
            CurveFit f = b.curves().get(d);
            t.text(b.blockId())
                    .integer(d + 1)
                    .text(b.drugs().get(d))
                    .text(f.curve().model().label());
            t.num(f.curve().b())
                    .num(f.curve().c())
                    .num(f.curve().d())
                    .num(f.curve().e());
            t.num(f.rss()).num(b.ic50()[d]).integer(f.n()).text(b.concUnits().get(d));
            t.num(f.curve().model() == CurveModel.L4 ? f.curve().logBase() : Double.NaN);
            t.integer(f.residualDf());
            java.util.Optional<double[][]> cov = f.covariance();
            for (int a = 0; a < 4; a++) {
                for (int c = a; c < 4; c++) {
                    t.num(cov.isPresent() ? cov.get()[a][c] : Double.NaN);
                }
            }
            t.end();
        }
    }

    /**
     * The value type of a column of {@code blocks.csv}, {@code cells.csv} or {@code curves.csv}
     * (for Parquet and Spark output): names, units and labels are text, counts are integers,
     * {@code imputed} is boolean, everything else is a double.
     */
    public static org.comboscope.io.table.ColumnKind kind(String column) {
        if (column.equals("block_id")
                || column.equals("model")
                || column.equals("input_type")
                || column.equals("ZIP_class")
                || column.startsWith("drug") && !column.equals("drug_index")
                || column.startsWith("conc_unit")) {
            return org.comboscope.io.table.ColumnKind.TEXT;
        }
        if (column.equals("n_combination_cells")
                || column.equals("drug_index")
                || column.equals("n")
                || column.equals("df_residual")) {
            return org.comboscope.io.table.ColumnKind.INTEGER;
        }
        if (column.equals("imputed")) {
            return org.comboscope.io.table.ColumnKind.BOOLEAN;
        }
        return org.comboscope.io.table.ColumnKind.REAL;
    }
}
