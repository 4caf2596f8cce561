package org.comboscope.server;

import java.util.Locale;

/** Rules for uploaded file names: which formats are accepted and a safe local name for each. */
final class Uploads {
    private Uploads() {}

    /** The table format of an upload by its extension: csv, tsv or xlsx. */
    static String format(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return "csv";
        } else if (lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return "tsv";
        } else if (lower.endsWith(".xlsx")) {
            return "xlsx";
        }
        throw ApiException.badRequest(
                "file", "file '" + fileName + "' must be a SynergyFinder table ending in .csv, .tsv, .txt or .xlsx");
    }

    /**
     * The last path segment of a client-supplied name with anything but letters, digits, '.', '-' and
     * '_' replaced, so it can never leave the directory it is written to.
     */
    static String safeFileName(String name) {
        String base = name == null ? "" : name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : base.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        String s = sb.toString();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            s = "upload";
        }
        return s.length() > 200 ? s.substring(s.length() - 200) : s;
    }
}
