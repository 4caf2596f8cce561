package org.comboscope.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;

/** Validation shared by the store's records and repositories; messages name field, value and rule. */
final class Checks {
    static final int NAME_MAX = 200;
    static final int TEXT_MAX = 100_000;
    static final int RESULT_TEXT_MAX = 1000;

    private Checks() {}

    static String text(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(field, "null", "must not be null");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(
                    field, shorten(value.replace('\0', '?')), "must not contain NUL characters");
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(
                    field,
                    shorten(value),
                    "must have at most " + maxLength + " characters (had " + value.length() + ")");
        }
        return value;
    }

    static String nonBlank(String field, String value, int maxLength) {
        text(field, value, maxLength);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "'" + value + "'", "must not be blank");
        }
        return value;
    }

    /** A name that may end up in a file name or URL: no path separators, no control characters. */
    static String fileName(String field, String value) {
        nonBlank(field, value, 255);
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidInputException(field, value, "must not be '.' or '..'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw new InvalidInputException(
                        field, shorten(value), "must not contain '/', '\\' or control characters");
            }
        }
        return value;
    }

    static long id(String field, long value) {
        if (value <= 0) {
            throw new InvalidInputException(field, value, "must be > 0");
        }
        return value;
    }

    static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, value, "must be >= 0");
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, value, "must be finite");
        }
        return value;
    }

    static OptionalDouble finiteOrEmpty(String field, OptionalDouble value) {
        if (value == null) {
            throw new InvalidInputException(field, "null", "must not be null (use OptionalDouble.empty() for NA)");
        }
        if (value.isPresent()) {
            finite(field, value.getAsDouble());
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "null", "must not be null");
        }
        return value;
    }

    /** An unmodifiable copy that keeps the insertion order; null keys and values are rejected. */
    static Map<String, String> orderedCopy(String field, Map<String, String> values) {
        notNull(field, values);
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidInputException(
                        field, e.getKey() + "=" + e.getValue(), "must not hold null keys or values");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Long messages are cut rather than rejected: a failure must always be recordable. */
    static String message(String value) {
        Objects.requireNonNull(value, "message");
        return value.length() <= TEXT_MAX ? value : value.substring(0, TEXT_MAX - 1) + "…";
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? "'" + value + "'" : "'" + value.substring(0, 57) + "...'";
    }
}
