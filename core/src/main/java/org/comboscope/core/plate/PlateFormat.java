package org.comboscope.core.plate;

import java.util.Locale;
import java.util.Optional;
import org.comboscope.core.error.InvalidInputException;

/**
 * Standard microplate formats (ANSI/SLAS 1-2004): 96, 384 and 1536 wells. Wells are indexed
 * row-major from 0 ({@code A1} = 0, {@code A2} = 1, ...); rows are lettered {@code A..Z, AA..AF}.
 */
public enum PlateFormat {
    /** 8 rows (A–H) × 12 columns. */
    WELLS_96(8, 12),
    /** 16 rows (A–P) × 24 columns. */
    WELLS_384(16, 24),
    /** 32 rows (A–AF) × 48 columns. */
    WELLS_1536(32, 48);

    private final int rows;
    private final int columns;

    PlateFormat(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Number of wells (rows × columns). */
    public int wells() {
        return rows * columns;
    }

    /** The format with exactly this many rows and columns, if any. */
    public static Optional<PlateFormat> of(int rows, int columns) {
        for (PlateFormat f : values()) {
            if (f.rows == rows && f.columns == columns) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The smallest format that holds a well at 0-based {@code row} and {@code column}. */
    public static Optional<PlateFormat> smallestHolding(int row, int column) {
        for (PlateFormat f : values()) {
            if (row < f.rows && column < f.columns) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code 96}, {@code 384} or {@code 1536}. */
    public static PlateFormat parse(String text) {
        String t = text == null ? "" : text.strip();
        for (PlateFormat f : values()) {
            if (Integer.toString(f.wells()).equals(t)) {
                return f;
            }
        }
        throw new InvalidInputException("plate format", text, "must be 96, 384 or 1536");
    }

    /** Rows A–H, columns 1–12 style description for messages. */
    public String describe() {
        return wells() + "-well plate (rows A-" + rowLabel(rows - 1) + ", columns 1-" + columns + ")";
    }

    /** Row letters for a 0-based row: 0 → A, 25 → Z, 26 → AA, 31 → AF. */
    public static String rowLabel(int row) {
        if (row < 26) {
            return String.valueOf((char) ('A' + row));
        }
        return "A" + (char) ('A' + row - 26);
    }

    /** 0-based row for a row label (A, B, ..., AF), or -1 if {@code label} is not a row label. */
    public static int rowIndex(String label) {
        String s = label.strip().toUpperCase(Locale.ROOT);
        if (s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z') {
            return s.charAt(0) - 'A';
        }
        if (s.length() == 2 && s.charAt(0) == 'A' && s.charAt(1) >= 'A' && s.charAt(1) <= 'F') {
            return 26 + s.charAt(1) - 'A';
        }
        return -1;
    }

    /** Well name such as {@code A1} or {@code C12} for a 0-based index. */
    public String wellName(int index) {
        return rowLabel(index / columns) + (index % columns + 1);
    }

    /** 0-based row of a well index. */
    public int row(int index) {
        return index / columns;
    }

    /** 0-based column of a well index. */
    public int column(int index) {
        return index % columns;
    }

    /** Whether the well lies on the outermost ring of the plate. */
    public boolean isEdge(int index) {
        int r = row(index);
        int c = column(index);
        return r == 0 || c == 0 || r == rows - 1 || c == columns - 1;
    }

    /**
     * Index of a well named like {@code A1}, {@code A01}, {@code a001} or {@code AF48}; empty when
     * the text is not a well name or lies outside this format.
     */
    public Optional<Integer> wellIndex(String name) {
        return WellName.parse(name).filter(w -> w[0] < rows && w[1] < columns).map(w -> w[0] * columns + w[1]);
    }

    /** Parsing of well names independent of the plate format. */
    public static final class WellName {
        private WellName() {}

        /** {row, column} (0-based) of a well name such as {@code B07}, or empty if malformed. */
        public static Optional<int[]> parse(String name) {
            if (name == null) {
                return Optional.empty();
            }
            String s = name.strip().toUpperCase(Locale.ROOT);
            int i = 0;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == 0 || i > 2 || i == s.length() || s.length() - i > 3) {
                return Optional.empty();
            }
            int row = rowIndex(s.substring(0, i));
            if (row < 0) {
                return Optional.empty();
            }
            int col = 0;
            for (int k = i; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch < '0' || ch > '9') {
                    return Optional.empty();
                }
                col = col * 10 + (ch - '0');
            }
            if (col < 1) {
                return Optional.empty();
            }
            return Optional.of(new int[] {row, col - 1});
        }
    }
}
