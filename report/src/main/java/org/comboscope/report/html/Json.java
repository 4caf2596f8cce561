package org.comboscope.report.html;

import java.util.Locale;

/**
 * A minimal JSON writer for the report's data island. Non-finite numbers are written as {@code
 * null} (JSON has no NaN); {@code <} is escaped so the text can sit inside a script element.
 */
final class Json {
    private final StringBuilder sb;
    private boolean needComma;

    Json(StringBuilder sb) {
        this.sb = sb;
    }

    private void sep() {
        if (needComma) {
            sb.append(',');
        }
        needComma = false;
    }

    Json begin() {
        sep();
        sb.append('{');
        return this;
    }

    Json end() {
        sb.append('}');
        needComma = true;
        return this;
    }

    Json beginArray() {
        sep();
        sb.append('[');
        return this;
    }

    Json endArray() {
        sb.append(']');
        needComma = true;
        return this;
    }

    Json key(String k) {
        sep();
        string(sb, k);
        sb.append(':');
        return this;
    }

    Json str(String s) {
        sep();
        string(sb, s);
        needComma = true;
        return this;
    }

    Json num(double x) {
        sep();
        sb.append(number(x));
        needComma = true;
        return this;
    }

    Json integer(long x) {
        sep();
        sb.append(x);
        needComma = true;
        return this;
    }

    Json nums(double[] xs) {
        beginArray();
        for (double x : xs) {
            num(x);
        }
        return endArray();
    }

    Json grid(double[][] g) {
        beginArray();
        for (double[] row : g) {
            nums(row);
        }
        return endArray();
    }

    /** Six significant digits: plenty for plotting, and it keeps 500-block reports small. */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            return "null";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return trim(p[0]) + "e" + Integer.parseInt(p[1]);
        }
        return trim(s);
    }

    private static String trim(String s) {
        if (!s.contains(".")) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
