package org.comboscope.core.error;

import java.util.Optional;

/**
 * A value broke a documented rule: field, value, rule and (when known) location.
 *
 * <p>Message form: {@code concentration must be finite and >= 0, was -1.0 (block 3, row 17)}.
 */
public final class InvalidInputException extends ComboscopeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String rule;
    private final String location;

    /**
     * @param field the field or parameter name
     * @param value the offending value, rendered as text
     * @param rule the rule it broke, phrased as "must ..."
     * @param location where it happened (block, row, file), or {@code null} when not applicable
     */
    public InvalidInputException(String field, Object value, String rule, String location) {
        super(format(field, value, rule, location));
        this.field = field;
        this.value = String.valueOf(value);
        this.rule = rule;
        this.location = location;
    }

    /** Same as the four-argument form without a location. */
    public InvalidInputException(String field, Object value, String rule) {
        this(field, value, rule, null);
    }

    private static String format(String field, Object value, String rule, String location) {
        String base = field + " " + rule + ", was " + value;
        return location == null || location.isEmpty() ? base : base + " (" + location + ")";
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String rule() {
        return rule;
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }
}
