package org.comboscope.io.plate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.plate.PlateFormat;
import org.comboscope.core.plate.PlateMap;
import org.comboscope.core.plate.WellAssignment;
import org.comboscope.core.plate.WellRole;

/**
 * Reads a plate map: one row per used well, from CSV, TSV or XLSX (first non-empty sheet).
 *
 * <p>Columns (case-insensitive): {@code well} (A1 or A01) and {@code role} (blank, vehicle/dmso,
 * positive/kill, sample, empty) are required; {@code drug1, conc1, drug2, conc2, ...} (or {@code
 * drug, conc}) name each sample's drugs and concentrations; {@code unit} (or {@code conc_unit})
 * the concentration unit; {@code replicate} a free label. Wells the map does not list are empty.
 * Other columns are ignored (listed in {@link Result#warnings()}).
 *
 * <p>Rules, each a {@link DataFormatException} with file, line and column: every well name is
 * valid and appears once; roles are known; a sample names at least one drug, every named drug has
 * a concentration (finite, ≥ 0) and every concentration a drug; drugs are numbered without gaps;
 * controls carry no drugs; wells with the same drugs use the same unit; the map has vehicle and
 * sample wells.
 */
public final class PlateMapReader {
    private static final Pattern NUMBERED = Pattern.compile("(drug|conc|concentration)_?(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * A map and what was noticed while reading it.
     *
     * @param map the plate map
     * @param warnings ignored columns and other remarks
     */
    public record Result(PlateMap map, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private PlateMapReader() {}

    /**
     * Reads {@code file}.
     *
     * @param format the plate format, or empty to take the smallest standard format that holds
     *     every listed well
     */
    public static Result read(Path file, Optional<PlateFormat> format) {
        List<SheetRows.Table> tables = SheetRows.read(file);
        SheetRows.Table t = tables.stream()
                .filter(x -> x.lines().stream().anyMatch(l -> !l.blank()))
                .findFirst()
                .orElseThrow(() -> new DataFormatException(file.toString(), 0, null, "plate map is empty"));
        List<String> warnings = new ArrayList<>();
        int hi = 0;
        while (t.lines().get(hi).blank()) {
            hi++;
        }
        SheetRows.Line header = t.lines().get(hi);
        int well = -1;
        int role = -1;
        int unit = -1;
        int replicate = -1;
        Map<Integer, Integer> drugs = new TreeMap<>();
        Map<Integer, Integer> concs = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.cell(c).toLowerCase(Locale.ROOT).replace(' ', '_');
            Matcher m = NUMBERED.matcher(h);
            if (h.equals("well") || h.equals("well_id") || h.equals("well_position")) {
                well = c;
            } else if (h.equals("role") || h.equals("type") || h.equals("well_type")) {
                role = c;
            } else if (h.equals("unit") || h.equals("conc_unit") || h.equals("units")) {
                unit = c;
            } else if (h.equals("replicate") || h.equals("rep")) {
                replicate = c;
            } else if (h.equals("drug") || h.equals("compound")) {
                putUnique(drugs, 1, c, t, header);
            } else if (h.equals("conc") || h.equals("concentration") || h.equals("dose")) {
                putUnique(concs, 1, c, t, header);
            } else if (m.matches()) {
                int k = Integer.parseInt(m.group(2));
                if (k < 1) {
                    throw new DataFormatException(
                            t.name(),
                            header.line(),
                            header.cell(c),
                            "unknown column: drugs are numbered from 1 (drug1, conc1, ...)");
                }
                putUnique(m.group(1).equals("drug") ? drugs : concs, k, c, t, header);
            } else if (!h.isEmpty()) {
                ignored.add(header.cell(c));
            }
        }
        List<String> missing = new ArrayList<>();
        if (well < 0) {
            missing.add("well");
        }
        if (role < 0) {
            missing.add("role");
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(
                    t.name(),
                    header.line(),
                    null,
                    "plate map needs column"
                            + (missing.size() == 1 ? " " : "s ") + String.join(" and ", missing) + "; found: "
                            + String.join(", ", header.cells().subList(0, header.size())));
        }
        int nDrugs = 0;
        while (drugs.containsKey(nDrugs + 1) || concs.containsKey(nDrugs + 1)) {
            nDrugs++;
            if (!drugs.containsKey(nDrugs)) {
                throw new DataFormatException(
                        t.name(),
                        header.line(),
                        header.cell(concs.get(nDrugs)),
                        "concentration column without a matching drug column drug" + nDrugs);
            }
            if (!concs.containsKey(nDrugs)) {
                throw new DataFormatException(
                        t.name(),
                        header.line(),
                        header.cell(drugs.get(nDrugs)),
                        "drug column without a matching concentration column conc" + nDrugs);
            }
        }
        if (drugs.size() > nDrugs || concs.size() > nDrugs) {
            throw new DataFormatException(
                    t.name(),
                    header.line(),
                    null,
                    "drug and conc columns must be numbered 1.." + (nDrugs + 1) + " without gaps");
        }
        if (!ignored.isEmpty()) {
            warnings.add(t.name() + ":" + header.line() + ": ignored column" + (ignored.size() == 1 ? " " : "s ")
                    + String.join(", ", ignored));
        }
        record Entry(int line, int row, int col, WellAssignment a) {}
        List<Entry> entries = new ArrayList<>();
        int maxRow = 0;
        int maxCol = 0;
        Map<String, String> unitOf = new HashMap<>();
        Map<String, Integer> unitLine = new HashMap<>();
        for (int i = hi + 1; i < t.lines().size(); i++) {
            SheetRows.Line l = t.lines().get(i);
            if (l.blank()) {
                continue;
            }
            String wname = l.cell(well);
            Optional<int[]> rc = PlateFormat.WellName.parse(wname);
            if (rc.isEmpty()) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        header.cell(well),
                        wname.isEmpty() ? "well name is empty" : "'" + wname + "' is not a well name (like A1 or A01)");
            }
            String rtext = l.cell(role);
            Optional<WellRole> parsedRole = WellRole.parse(rtext);
            if (parsedRole.isEmpty()) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        header.cell(role),
                        (rtext.isEmpty() ? "role is empty" : "unknown role '" + rtext + "'") + " for well " + wname
                                + "; use " + WellRole.accepted());
            }
            WellRole r = parsedRole.get();
            List<String> ds = new ArrayList<>();
            List<Double> cs = new ArrayList<>();
            int lastDrug = 0;
            for (int k = 1; k <= nDrugs; k++) {
                String d = l.cell(drugs.get(k));
                String c = l.cell(concs.get(k));
                if (d.isEmpty() && c.isEmpty()) {
                    continue;
                }
                if (d.isEmpty()) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            header.cell(drugs.get(k)),
                            "well " + wname + " has a concentration (" + header.cell(concs.get(k)) + " = " + c
                                    + ") but no drug");
                }
                if (c.isEmpty()) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            header.cell(concs.get(k)),
                            "well " + wname + ": drug '" + d + "' has no concentration");
                }
                if (k != lastDrug + 1) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            header.cell(drugs.get(k)),
                            "well " + wname + " names drug" + k + " but not drug" + (lastDrug + 1)
                                    + "; fill drug columns from drug1 on");
                }
                if (!NUMBER.matcher(c).matches() || Double.parseDouble(c) < 0) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            header.cell(concs.get(k)),
                            "well " + wname + ": concentration must be a finite number >= 0, was '" + c + "'");
                }
                lastDrug = k;
                ds.add(d);
                cs.add(Double.parseDouble(c));
            }
            if (r == WellRole.SAMPLE && ds.isEmpty()) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        nDrugs > 0 ? header.cell(drugs.get(1)) : null,
                        "sample well " + wname + " names no drug and concentration"
                                + (nDrugs == 0 ? " (the map has no drug1/conc1 columns)" : ""));
            }
            if (r != WellRole.SAMPLE && !ds.isEmpty()) {
                throw new DataFormatException(
                        t.name(),
                        l.line(),
                        header.cell(drugs.get(1)),
                        r.label() + " well " + wname + " names drug '" + ds.get(0)
                                + "'; only sample wells carry drugs (give it role sample, or clear the drug)");
            }
            String u = unit >= 0 ? l.cell(unit) : "";
            if (!ds.isEmpty()) {
                String key = String.join("\u0000", ds);
                String before = unitOf.putIfAbsent(key, u);
                unitLine.putIfAbsent(key, l.line());
                if (before != null && !before.equals(u)) {
                    throw new DataFormatException(
                            t.name(),
                            l.line(),
                            header.cell(unit),
                            "well " + wname + ": unit '" + u + "' differs from '" + before + "' (line "
                                    + unitLine.get(key) + ") for the same drugs " + ds);
                }
            }
            WellAssignment a;
            try {
                a = new WellAssignment(r, ds, cs, u, replicate >= 0 ? l.cell(replicate) : "", l.line());
            } catch (InvalidInputException e) {
                throw new DataFormatException(t.name(), l.line(), null, e.getMessage(), e);
            }
            entries.add(new Entry(l.line(), rc.get()[0], rc.get()[1], a));
            maxRow = Math.max(maxRow, rc.get()[0]);
            maxCol = Math.max(maxCol, rc.get()[1]);
        }
        if (entries.isEmpty()) {
            throw new DataFormatException(t.name(), header.line(), null, "plate map lists no wells");
        }
        PlateFormat f;
        if (format.isPresent()) {
            f = format.get();
        } else {
            int mr = maxRow;
            int mc = maxCol;
            f = PlateFormat.smallestHolding(maxRow, maxCol)
                    .orElseThrow(() -> new DataFormatException(
                            t.name(),
                            0,
                            header.cell(0),
                            "well names reach row " + PlateFormat.rowLabel(mr) + ", column " + (mc + 1)
                                    + ", beyond a 1536-well plate"));
        }
        List<WellAssignment> wells = new ArrayList<>();
        int[] lineOf = new int[f.wells()];
        for (int i = 0; i < f.wells(); i++) {
            wells.add(WellAssignment.empty());
        }
        for (Entry e : entries) {
            if (e.row() >= f.rows() || e.col() >= f.columns()) {
                throw new DataFormatException(
                        t.name(),
                        e.line(),
                        header.cell(well),
                        "unknown well " + PlateFormat.rowLabel(e.row()) + (e.col() + 1) + " for a " + f.describe());
            }
            int idx = e.row() * f.columns() + e.col();
            if (lineOf[idx] > 0) {
                throw new DataFormatException(
                        t.name(),
                        e.line(),
                        header.cell(well),
                        "duplicate well " + f.wellName(idx) + " (first at line " + lineOf[idx] + ")");
            }
            lineOf[idx] = e.line();
            wells.set(idx, e.a());
        }
        try {
            return new Result(new PlateMap(t.name(), f, wells), warnings);
        } catch (InvalidInputException e) {
            throw new DataFormatException(t.name(), 0, null, "plate map: " + e.getMessage(), e);
        }
    }

    private static void putUnique(Map<Integer, Integer> m, int k, int c, SheetRows.Table t, SheetRows.Line header) {
        Integer before = m.putIfAbsent(k, c);
        if (before != null) {
            throw new DataFormatException(
                    t.name(),
                    header.line(),
                    header.cell(c),
                    "duplicate column: means the same as '" + header.cell(before) + "' (column " + (before + 1) + ")");
        }
    }
}
