package org.comboscope.report.synergy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.doseresponse.CurveModel;
import org.comboscope.core.doseresponse.DoseResponseCurve;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.synergy.SynergyMethod;

/**
 * Reads a {@code comboscope synergy} output directory back ({@code blocks.csv}, {@code
 * cells.csv}, {@code curves.csv}, {@code warnings.txt}, {@code provenance.csv}) so that a report
 * can be rebuilt without rerunning the analysis. Curve covariances come from the {@code cov_*}
 * columns of curves.csv; directories written before those columns existed give curves without
 * a confidence band.
 */
public final class SynergyOutputReader {
    /** The upper triangle of the (b, c, d, e) covariance, as curves.csv names it. */
    public static final List<String> COVARIANCE_COLUMNS = List.of(
            "cov_b_b", "cov_b_c", "cov_b_d", "cov_b_e", "cov_c_c", "cov_c_d", "cov_c_e", "cov_d_d", "cov_d_e",
            "cov_e_e");

    private SynergyOutputReader() {}

    /**
     * Reads the directory.
     *
     * @throws DataFormatException when a required file or column is missing or a number is bad
     */
    public static SynergyRun read(Path dir) {
        Table blocks = Table.read(dir.resolve("blocks.csv"));
        Table cells = Table.read(dir.resolve("cells.csv"));
        Table curves = Table.read(dir.resolve("curves.csv"));
        List<SynergyMethod> methods = new ArrayList<>();
        for (SynergyMethod m : SynergyMethod.values()) {
            if (blocks.header.contains(m.column() + "_synergy")) {
                methods.add(m);
            }
        }
        Map<String, GridBuilder> grids = new LinkedHashMap<>();
        Map<String, Boolean> threeDrug = new HashMap<>();
        boolean hasConc3 = cells.header.contains("conc3");
        for (int r = 0; r < cells.rows.size(); r++) {
            String id = cells.text(r, "block_id");
            GridBuilder g = grids.computeIfAbsent(id, GridBuilder::new);
            if (hasConc3 && cells.num(r, "conc3") != 0) {
                threeDrug.put(id, true);
            }
            Map<SynergyMethod, double[]> rs = new EnumMap<>(SynergyMethod.class);
            for (SynergyMethod m : methods) {
                rs.put(m, new double[] {cells.num(r, m.column() + "_ref"), cells.num(r, m.column() + "_synergy")});
            }
            g.add(new GridBuilder.Cell(
                    cells.num(r, "conc1"),
                    cells.num(r, "conc2"),
                    cells.num(r, "response"),
                    rs,
                    cells.num(r, "Loewe_ci")));
        }
        Map<String, List<GridBuilder.Curve>> curveMap = new HashMap<>();
        boolean hasCov = curves.header.containsAll(COVARIANCE_COLUMNS) && curves.header.contains("df_residual");
        for (int r = 0; r < curves.rows.size(); r++) {
            String id = curves.text(r, "block_id");
            String label = curves.text(r, "model");
            CurveModel model = label.equals("L.4") ? CurveModel.L4 : CurveModel.LL4;
            double logBase = curves.header.contains("log_base") && curves.num(r, "log_base") == 10.0 ? 10.0 : Math.E;
            DoseResponseCurve c = new DoseResponseCurve(
                    model, curves.num(r, "b"), curves.num(r, "c"), curves.num(r, "d"), curves.num(r, "e"), logBase);
            Optional<double[][]> cov = Optional.empty();
            int df = 0;
            if (hasCov) {
                double[][] m = new double[4][4];
                boolean finite = true;
                int k = 0;
                for (int a = 0; a < 4; a++) {
                    for (int b = a; b < 4; b++) {
                        double v = curves.num(r, COVARIANCE_COLUMNS.get(k++));
                        finite &= Double.isFinite(v);
                        m[a][b] = v;
                        m[b][a] = v;
                    }
                }
                cov = finite ? Optional.of(m) : Optional.empty();
                double dfv = curves.num(r, "df_residual");
                df = Double.isFinite(dfv) ? (int) dfv : 0;
            }
            double ic = curves.num(r, "ic50");
            String unit = curves.header.contains("conc_unit") ? curves.text(r, "conc_unit") : "";
            curveMap.computeIfAbsent(id, x -> new ArrayList<>())
                    .add(new GridBuilder.Curve(
                            curves.text(r, "drug"),
                            unit,
                            c,
                            cov,
                            df,
                            Double.isFinite(ic) ? OptionalDouble.of(ic) : OptionalDouble.empty()));
        }
        List<BlockView> views = new ArrayList<>();
        List<String> notAnalysed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int r = 0; r < blocks.rows.size(); r++) {
            String id = blocks.text(r, "block_id");
            GridBuilder g = grids.get(id);
            if (blocks.header.contains("drug3") || threeDrug.containsKey(id)) {
                notAnalysed.add("block " + id + ": not plotted: more than two drugs (plots need exactly two)");
                continue;
            }
            if (g == null) {
                throw new DataFormatException(
                        dir.resolve("cells.csv").toString(), 0, "block_id", "no cells for block " + id);
            }
            Map<SynergyMethod, BlockView.Summary> sums = new EnumMap<>(SynergyMethod.class);
            for (SynergyMethod m : methods) {
                double p = blocks.num(r, m.column() + "_synergy_p_value");
                sums.put(
                        m,
                        new BlockView.Summary(
                                blocks.num(r, m.column() + "_synergy"),
                                Double.isFinite(p) ? OptionalDouble.of(p) : OptionalDouble.empty()));
            }
            double css = blocks.header.contains("css") ? blocks.num(r, "css") : Double.NaN;
            String u1 = blocks.header.contains("conc_unit1") ? blocks.text(r, "conc_unit1") : "";
            String u2 = blocks.header.contains("conc_unit2") ? blocks.text(r, "conc_unit2") : "";
            views.add(g.build(
                    blocks.text(r, "drug1"),
                    blocks.text(r, "drug2"),
                    u1,
                    u2,
                    sums,
                    curveMap.getOrDefault(id, List.of()),
                    Double.isFinite(css) ? OptionalDouble.of(css) : OptionalDouble.empty()));
        }
        Path warn = dir.resolve("warnings.txt");
        if (Files.exists(warn)) {
            try {
                for (String line : Files.readAllLines(warn, StandardCharsets.UTF_8)) {
                    if (line.startsWith("not analysed: ")) {
                        notAnalysed.add(line.substring("not analysed: ".length()));
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        warnings.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SynergyRun(readProvenance(dir), views, notAnalysed, warnings);
    }

    private static Provenance readProvenance(Path dir) {
        Path p = dir.resolve("provenance.csv");
        if (!Files.exists(p)) {
            return new Provenance(
                    "not recorded", "not recorded", "not recorded", Map.of("source", dir.toString()), "not recorded");
        }
        Table t = Table.read(p);
        Map<String, String> kv = new LinkedHashMap<>();
        for (int r = 0; r < t.rows.size(); r++) {
            kv.put(t.text(r, "key"), t.text(r, "value"));
        }
        String input = kv.remove("input_file");
        String sha = kv.remove("input_sha256");
        String version = kv.remove("comboscope_version");
        String created = kv.remove("created");
        return new Provenance(
                input == null ? "not recorded" : input,
                sha == null ? "not recorded" : sha,
                version == null ? "not recorded" : version,
                kv,
                created == null ? "not recorded" : created);
    }

    /** A small CSV table with named columns and line numbers for error messages. */
    private static final class Table {
        final String file;
        final List<String> header;
        final List<String[]> rows = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();

        private Table(String file, List<String> header) {
            this.file = file;
            this.header = header;
        }

        static Table read(Path path) {
            if (!Files.exists(path)) {
                throw new DataFormatException(
                        path.toString(), 0, null, "missing; expected a comboscope synergy output directory");
            }
            try (CsvReader<CsvRecord> csv =
                    CsvReader.builder().skipEmptyLines(true).ofCsvRecord(path)) {
                Iterator<CsvRecord> it = csv.iterator();
                if (!it.hasNext()) {
                    throw new DataFormatException(path.toString(), 0, null, "file is empty; expected a header row");
                }
                Table t = new Table(path.toString(), List.copyOf(it.next().getFields()));
                while (it.hasNext()) {
                    CsvRecord r = it.next();
                    t.rows.add(r.getFields().toArray(String[]::new));
                    t.lines.add((int) r.getStartingLineNumber());
                }
                return t;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
                throw new DataFormatException(path.toString(), 0, null, e.getMessage(), e);
            }
        }

        private int col(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new DataFormatException(file, 1, name, "missing column " + name);
            }
            return i;
        }

        String text(int r, String name) {
            String[] row = rows.get(r);
            int i = col(name);
            if (i >= row.length) {
                throw new DataFormatException(file, lines.get(r), name, "row has too few fields");
            }
            return row[i];
        }

        /** The number in a cell; NA gives NaN (an undefined value in the file), Inf and -Inf infinities. */
        double num(int r, String name) {
            String s = text(r, name).strip();
            if (s.equals("NA") || s.isEmpty()) {
                return Double.NaN;
            }
            if (s.equals("Inf")) {
                return Double.POSITIVE_INFINITY;
            }
            if (s.equals("-Inf")) {
                return Double.NEGATIVE_INFINITY;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, lines.get(r), name, "not a number: '" + s + "'", e);
            }
        }
    }
}
