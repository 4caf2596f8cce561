package org.comboscope.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON text for flat string → string maps (the stored CSV rows): an object whose values are all
 * strings. Writes RFC 8259 escapes; reads exactly what it writes (and any other flat object of
 * strings), keeping the key order.
 */
final class FlatJson {
    private FlatJson() {}

    static String write(Map<String, String> map) {
        StringBuilder out = new StringBuilder(16 + 24 * map.size()).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            string(out, e.getValue());
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // Control characters, and lone surrogates PostgreSQL text would reject, as \\u escapes.
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static Map<String, String> read(String json) {
        Reader r = new Reader(json);
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        r.skipSpace();
        r.expect('{');
        r.skipSpace();
        if (r.peek() == '}') {
            r.pos++;
        } else {
            while (true) {
                r.skipSpace();
                String key = r.string();
                r.skipSpace();
                r.expect(':');
                r.skipSpace();
                map.put(key, r.string());
                r.skipSpace();
                char c = r.next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw r.error("expected ',' or '}'");
                }
            }
        }
        r.skipSpace();
        if (r.pos != json.length()) {
            throw r.error("unexpected text after the object");
        }
        return map;
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                pos--;
                throw error("expected '" + c + "'");
            }
        }

        void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'");
                }
            }
        }

        IllegalStateException error(String what) {
            return new IllegalStateException("stored JSON is corrupt at offset " + pos + ": " + what);
        }
    }
}
