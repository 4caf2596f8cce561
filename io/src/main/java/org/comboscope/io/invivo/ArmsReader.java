package org.comboscope.io.invivo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.invivo.Arms;
import org.comboscope.core.invivo.ThreeDrugArms;

/**
 * Reads an arms file: columns {@code group, role}.
 *
 * <p>A 2x2 study uses the roles {@code vehicle, drugA, drugB, combination}, each exactly once. A
 * multi-arm study with several 2x2 designs sharing a control uses {@code vehicle}, {@code single}
 * for monotherapies and {@code combination X+Y} naming the two monotherapy groups of each
 * combination; every combination then yields one design. A remark in parentheses after the role is
 * ignored ({@code drugA (heregulin)}, {@code vehicle (shared)}). Three-drug roles ({@code drugC},
 * {@code triple combination}) are reported as unsupported.
 */
public final class ArmsReader {
    private ArmsReader() {}

    /** Reads all 2x2 designs of the file, in the order of their combination rows. */
    public static List<Arms> read(Path path) throws IOException {
        CsvSource src = CsvSource.read(path);
        int gc = src.require("group", "treatment");
        int rc = src.require("role");
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        Map<String, String> single = new LinkedHashMap<>(); // drugA/drugB/single -> group
        String vehicle = null;
        String drugA = null;
        String drugB = null;
        String plainCombination = null;
        List<String[]> combos = new ArrayList<>(); // group, components text, line
        for (CsvSource.Row r : src.records) {
            String g = src.field(r, gc);
            String roleText = src.field(r, rc);
            int line = src.line(r);
            if (g.isEmpty()) {
                throw new DataFormatException(src.file, line, src.header.get(gc), "group must not be empty");
            }
            Integer prev = lineOf.putIfAbsent(g, line);
            if (prev != null) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(gc),
                        "group '" + g + "' is listed twice (also line " + prev + ")");
            }
            String role = roleText.replaceAll("\\(.*\\)", "").strip();
            String lower = role.toLowerCase(Locale.ROOT);
            String once = null;
            if (lower.equals("vehicle") || lower.equals("control")) {
                once = vehicle;
                vehicle = g;
            } else if (lower.equals("druga")) {
                once = drugA;
                drugA = g;
                single.put(g, g);
            } else if (lower.equals("drugb")) {
                once = drugB;
                drugB = g;
                single.put(g, g);
            } else if (lower.equals("single")) {
                single.put(g, g);
            } else if (lower.equals("combination")) {
                once = plainCombination;
                plainCombination = g;
            } else if (lower.startsWith("combination ")) {
                combos.add(
                        new String[] {g, role.substring("combination ".length()).strip(), Integer.toString(line)});
            } else if (lower.equals("drugc") || lower.contains("triple")) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(rc),
                        "three-drug designs are not supported yet, role was '" + roleText + "'");
            } else {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(rc),
                        "role must be one of vehicle, drugA, drugB, combination (or single / combination X+Y), was '"
                                + roleText + "'");
            }
            if (once != null) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(rc),
                        "role '" + role + "' is given twice (also group '" + once + "')");
            }
        }
        if (vehicle == null) {
            throw new DataFormatException(src.file, 0, null, "no group has role 'vehicle'");
        }
        List<Arms> designs = new ArrayList<>();
        if (plainCombination != null) {
            if (drugA == null || drugB == null) {
                throw new DataFormatException(
                        src.file, 0, null, "a 'combination' role needs one 'drugA' and one 'drugB' group");
            }
            designs.add(new Arms(vehicle, drugA, drugB, plainCombination));
        }
        for (String[] c : combos) {
            int line = Integer.parseInt(c[2]);
            String[] parts = splitComponents(c[1], single);
            if (parts == null) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(rc),
                        "'combination " + c[1] + "' must name two monotherapy groups of this file joined by '+', "
                                + "monotherapies are " + single.keySet());
            }
            designs.add(new Arms(vehicle, parts[0], parts[1], c[0]));
        }
        if (designs.isEmpty()) {
            throw new DataFormatException(src.file, 0, null, "no group has role 'combination'");
        }
        return designs;
    }

    /**
     * Whether the arms file describes a three-drug design: some role is {@code drugC}, {@code ABC},
     * {@code AC}, {@code BC} or contains {@code triple}.
     */
    public static boolean isThreeDrug(Path path) throws IOException {
        CsvSource src = CsvSource.read(path);
        int rc = src.require("role");
        for (CsvSource.Row r : src.records) {
            String role = src.field(r, rc)
                    .replaceAll("\\(.*\\)", "")
                    .replace("+", "")
                    .replace(" ", "")
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (role.equals("drugc")
                    || role.equals("abc")
                    || role.equals("ac")
                    || role.equals("bc")
                    || role.contains("triple")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a three-drug arms file: columns {@code group, role} with the roles {@code vehicle} (or
     * {@code control}), {@code drugA}, {@code drugB}, {@code drugC}, {@code ABC} and, for a full
     * 2x2x2 design, {@code AB}, {@code AC}, {@code BC} (case-insensitive; {@code A+B}, {@code
     * triple}, {@code triple combination} and a remark in parentheses are accepted), each at most
     * once; the pair roles all three or none (SynergyLMM's three-drug design has none).
     *
     * @throws DataFormatException naming the line of an unknown or repeated role, or, for an
     *     incomplete design, the missing roles and the line of the combination that needs them
     */
    public static ThreeDrugArms readThreeDrug(Path path) throws IOException {
        CsvSource src = CsvSource.read(path);
        int gc = src.require("group", "treatment");
        int rc = src.require("role");
        List<String> roles = ThreeDrugArms.ROLES;
        String[] groups = new String[roles.size()];
        int[] lines = new int[roles.size()];
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (CsvSource.Row r : src.records) {
            String g = src.field(r, gc);
            String roleText = src.field(r, rc);
            int line = src.line(r);
            if (g.isEmpty()) {
                throw new DataFormatException(src.file, line, src.header.get(gc), "group must not be empty");
            }
            Integer prev = lineOf.putIfAbsent(g, line);
            if (prev != null) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(gc),
                        "group '" + g + "' is listed twice (also line " + prev + ")");
            }
            String role = roleText.replaceAll("\\(.*\\)", "")
                    .replace("+", "")
                    .replace(" ", "")
                    .strip()
                    .toLowerCase(Locale.ROOT);
            if (role.equals("control")) {
                role = "vehicle";
            } else if (role.equals("triple") || role.equals("triplecombination") || role.equals("combinationabc")) {
                role = "abc";
            }
            int k = -1;
            for (int i = 0; i < roles.size(); i++) {
                if (roles.get(i).toLowerCase(Locale.ROOT).equals(role)) {
                    k = i;
                }
            }
            if (k < 0) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(rc),
                        "role of a three-drug design must be one of " + roles + ", was '" + roleText + "'");
            }
            if (groups[k] != null) {
                throw new DataFormatException(
                        src.file,
                        line,
                        src.header.get(rc),
                        "role '" + roles.get(k) + "' is given twice (also group '" + groups[k] + "' on line " + lines[k]
                                + ")");
            }
            groups[k] = g;
            lines[k] = line;
        }
        boolean pairs = groups[4] != null || groups[5] != null || groups[6] != null;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            if (groups[i] == null && (pairs || i < 4 || i == 7)) {
                missing.add(roles.get(i));
            }
        }
        if (!missing.isEmpty()) {
            int abc = roles.size() - 1;
            int line = 0;
            String who = "the design";
            for (int i = abc; i >= 0; i--) {
                if (groups[i] != null && i >= 4) {
                    line = lines[i];
                    who = "'" + roles.get(i) + "' (group '" + groups[i] + "')";
                    break;
                }
            }
            throw new DataFormatException(
                    src.file,
                    line,
                    line == 0 ? null : src.header.get(rc),
                    "incomplete three-drug design: " + who + " needs vehicle, drugA, drugB, drugC, ABC"
                            + (pairs ? " and, as pair arms are given, AB, AC, BC" : "") + "; missing " + missing);
        }
        for (int i = 4; i < 7; i++) {
            if (groups[i] == null) {
                groups[i] = "";
            }
        }
        return new ThreeDrugArms(List.of(groups));
    }

    /** Splits "X+Y" at the '+' that leaves two known monotherapy groups; null if none does. */
    private static String[] splitComponents(String text, Map<String, String> single) {
        for (int i = text.indexOf('+'); i >= 0; i = text.indexOf('+', i + 1)) {
            String a = text.substring(0, i).strip();
            String b = text.substring(i + 1).strip();
            if (single.containsKey(a) && single.containsKey(b) && !a.equals(b)) {
                return new String[] {a, b};
            }
        }
        return null;
    }
}
