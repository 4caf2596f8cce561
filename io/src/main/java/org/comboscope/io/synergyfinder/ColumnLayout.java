package org.comboscope.io.synergyfinder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.DataFormatException;

/**
 * The meaning of each column of a SynergyFinder table, worked out from the header as
 * SynergyFinder's {@code .AdjustColumnName} does: camelCase to snake_case ({@code [a-z][A-Z]} gets an
 * underscore; as an extension, so does the end of an upper-case run, {@code ConcRUnit → conc_r_unit},
 * which SynergyFinder would turn into {@code conc_runit}), lower case, then the aliases {@code drug_row→drug1}, {@code drug_col→drug2},
 * {@code conc_r}/{@code conc_row→conc1}, {@code conc_c}/{@code conc_col→conc2},
 * {@code pair_index→block_id}, {@code conc_unit}/{@code conc_r_unit→conc_unit1},
 * {@code conc_c_unit→conc_unit2}, {@code inhibition→response}.
 *
 * <p>Columns {@code drugN}, {@code concN}, {@code conc_unitN} (N ≥ 1) are structural and must form
 * a gap-free set 1..n. Other columns whose name starts with {@code drug} or {@code cell} (e.g.
 * {@code cell_line}) identify the block's experiment: they must be constant within a block. All
 * remaining columns are ignored (with a warning).
 */
final class ColumnLayout {
    static final String BLOCK_ID = "block_id";
    static final String RESPONSE = "response";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("drug_row", "drug1"),
            Map.entry("drug_col", "drug2"),
            Map.entry("conc_r", "conc1"),
            Map.entry("conc_row", "conc1"),
            Map.entry("conc_c", "conc2"),
            Map.entry("conc_col", "conc2"),
            Map.entry("pair_index", BLOCK_ID),
            Map.entry("conc_unit", "conc_unit1"),
            Map.entry("conc_r_unit", "conc_unit1"),
            Map.entry("conc_c_unit", "conc_unit2"),
            Map.entry("inhibition", RESPONSE));

    /** Header text as written, one per column. */
    final List<String> original;
    /** Number of columns in the header (data rows must have the same). */
    final int width;

    final int blockIdColumn;
    final int responseColumn;
    /** Per drug (0-based): column of the drug name, its concentration and its unit (-1: none). */
    final int[] drugColumns;

    final int[] concColumns;
    final int[] unitColumns;
    /** drug* or cell* columns that must be constant within a block, and their normalised names. */
    final int[] identityColumns;

    final List<String> identityNames;
    /** Original names of ignored columns (for a warning). */
    final List<String> ignored;

    final boolean responseFromInhibitionAlias;

    private ColumnLayout(
            List<String> original,
            int blockIdColumn,
            int responseColumn,
            int[] drugColumns,
            int[] concColumns,
            int[] unitColumns,
            int[] identityColumns,
            List<String> identityNames,
            List<String> ignored,
            boolean responseFromInhibitionAlias) {
        this.original = List.copyOf(original);
        this.width = original.size();
        this.blockIdColumn = blockIdColumn;
        this.responseColumn = responseColumn;
        this.drugColumns = drugColumns;
        this.concColumns = concColumns;
        this.unitColumns = unitColumns;
        this.identityColumns = identityColumns;
        this.identityNames = List.copyOf(identityNames);
        this.ignored = List.copyOf(ignored);
        this.responseFromInhibitionAlias = responseFromInhibitionAlias;
    }

    int drugCount() {
        return drugColumns.length;
    }

    /** SynergyFinder's column-name normalisation (see the class comment). */
    static String normalise(String raw) {
        String t = raw.strip();
        StringBuilder sb = new StringBuilder(t.length() + 4);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (i > 0 && isUpper(c)) {
                char p = t.charAt(i - 1);
                boolean acronymEnd = isUpper(p) && i + 1 < t.length() && isLower(t.charAt(i + 1));
                if (isLower(p) || acronymEnd) {
                    sb.append('_');
                }
            }
            sb.append(c);
        }
        String lower = sb.toString().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Index N ≥ 0 if {@code name} is {@code prefix} followed by 1 to 3 digits only, else -1. */
    private static int numbered(String name, String prefix) {
        if (!name.startsWith(prefix) || name.length() == prefix.length() || name.length() > prefix.length() + 3) {
            return -1;
        }
        int n = 0;
        for (int i = prefix.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Works out the layout from the header cells.
     *
     * @param line the header's 1-based line, for messages
     * @param warnings receives non-fatal remarks
     * @throws DataFormatException for duplicate, unknown or missing columns
     */
    static ColumnLayout of(String file, int line, List<String> header, List<String> warnings) {
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, Integer> drugs = new HashMap<>();
        Map<Integer, Integer> concs = new HashMap<>();
        Map<Integer, Integer> units = new HashMap<>();
        List<Integer> identity = new ArrayList<>();
        List<String> identityNames = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        int blockId = -1;
        int response = -1;
        boolean inhibitionAlias = false;
        for (int c = 0; c < header.size(); c++) {
            String raw = header.get(c);
            if (raw.isBlank()) {
                unnamed.add(Integer.toString(c + 1));
                continue;
            }
            String name = normalise(raw);
            Integer before = seen.putIfAbsent(name, c);
            if (before != null) {
                String orig = header.get(before).strip();
                String detail = orig.equals(raw.strip())
                        ? "duplicate column: columns " + (before + 1) + " and " + (c + 1) + " have the same name"
                        : "duplicate column: '" + orig + "' (column " + (before + 1) + ") and '" + raw.strip()
                                + "' (column " + (c + 1) + ") both mean '" + name + "'";
                throw new DataFormatException(file, line, raw.strip(), detail);
            }
            int d = numbered(name, "drug");
            int k = numbered(name, "conc");
            int u = numbered(name, "conc_unit");
            int index = Math.max(d, Math.max(k, u));
            if (index == 0) {
                throw new DataFormatException(
                        file, line, raw.strip(), "unknown column: drugs are numbered from 1 (drug1, conc1, ...)");
            }
            if (d > 0) {
                drugs.put(d, c);
            } else if (k > 0) {
                concs.put(k, c);
            } else if (u > 0) {
                units.put(u, c);
            } else if (name.equals(BLOCK_ID)) {
                blockId = c;
            } else if (name.equals(RESPONSE)) {
                response = c;
                inhibitionAlias = raw.strip().toLowerCase(Locale.ROOT).equals("inhibition");
            } else if (name.startsWith("drug") || name.startsWith("cell")) {
                identity.add(c);
                identityNames.add(name);
            } else {
                ignored.add(raw.strip());
            }
        }
        List<String> missing = new ArrayList<>();
        if (blockId < 0) {
            missing.add(BLOCK_ID);
        }
        for (int i = 1; i <= 2; i++) {
            if (!drugs.containsKey(i)) {
                missing.add("drug" + i);
            }
        }
        for (int i = 1; i <= 2; i++) {
            if (!concs.containsKey(i)) {
                missing.add("conc" + i);
            }
        }
        if (response < 0) {
            missing.add(RESPONSE);
        }
        if (!missing.isEmpty()) {
            StringBuilder found = new StringBuilder();
            for (String h : header) {
                found.append(found.length() == 0 ? "" : ", ").append(h.strip());
            }
            String detail = "missing required column" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + "; found " + header.size() + " column" + (header.size() == 1 ? "" : "s") + ": " + found;
            if (response < 0 && seen.containsKey("viability")) {
                detail += " (rename 'viability' to 'response' and read with data type viability)";
            }
            throw new DataFormatException(file, line, null, detail);
        }
        int n = 0;
        while (drugs.containsKey(n + 1) || concs.containsKey(n + 1)) {
            n++;
            if (!drugs.containsKey(n)) {
                throw new DataFormatException(
                        file,
                        line,
                        header.get(concs.get(n)).strip(),
                        "concentration column without a matching drug column drug" + n);
            }
            if (!concs.containsKey(n)) {
                throw new DataFormatException(
                        file,
                        line,
                        header.get(drugs.get(n)).strip(),
                        "drug column without a matching concentration column conc" + n);
            }
        }
        for (Map.Entry<Integer, Integer> e : units.entrySet()) {
            if (e.getKey() > n) {
                throw new DataFormatException(
                        file,
                        line,
                        header.get(e.getValue()).strip(),
                        "unknown column: a unit for drug " + e.getKey() + ", but the table has " + n + " drugs");
            }
        }
        for (Map<Integer, Integer> m : List.of(drugs, concs)) {
            for (Map.Entry<Integer, Integer> e : m.entrySet()) {
                if (e.getKey() > n) {
                    throw new DataFormatException(
                            file,
                            line,
                            header.get(e.getValue()).strip(),
                            "unknown column: drug columns must be numbered 1.." + n + " without gaps, but there is no"
                                    + " drug" + (n + 1) + "/conc" + (n + 1));
                }
            }
        }
        int[] drugCols = new int[n];
        int[] concCols = new int[n];
        int[] unitCols = new int[n];
        for (int i = 0; i < n; i++) {
            drugCols[i] = drugs.get(i + 1);
            concCols[i] = concs.get(i + 1);
            // One conc_unit column (conc_unit1) applies to every drug without its own.
            unitCols[i] = units.getOrDefault(i + 1, units.getOrDefault(1, -1));
        }
        if (units.isEmpty()) {
            warnings.add(file + ":" + line + ": no conc_unit column; concentration units are unknown");
        }
        if (!unnamed.isEmpty()) {
            warnings.add(
                    file + ":" + line + ": column" + (unnamed.size() == 1 ? " " : "s ") + String.join(", ", unnamed)
                            + " of the header " + (unnamed.size() == 1 ? "has" : "have") + " no name and "
                            + (unnamed.size() == 1 ? "is" : "are") + " ignored");
        }
        if (!ignored.isEmpty()) {
            warnings.add(file + ":" + line + ": ignored column" + (ignored.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", ignored));
        }
        return new ColumnLayout(
                header,
                blockId,
                response,
                drugCols,
                concCols,
                unitCols,
                identity.stream().mapToInt(Integer::intValue).toArray(),
                identityNames,
                ignored,
                inhibitionAlias);
    }
}
