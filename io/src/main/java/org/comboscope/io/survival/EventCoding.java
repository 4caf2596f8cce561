package org.comboscope.io.survival;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/**
 * How the event column is coded.
 *
 * <ul>
 *   <li>{@link #ZERO_ONE}: 0 = censored, 1 = event (also {@code FALSE}/{@code TRUE}).
 *   <li>{@link #ONE_TWO}: 1 = censored, 2 = event, as R's {@code lung} data set codes
 *       {@code status}.
 *   <li>{@link #AUTO}: R's {@code Surv()} rule: if any value is 2 the column is read as 1/2 (and a
 *       0 is then an error), otherwise as 0/1.
 * </ul>
 */
public enum EventCoding {
    AUTO("auto"),
    ZERO_ONE("01"),
    ONE_TWO("12");

    private final String label;

    EventCoding(String label) {
        this.label = label;
    }

    /** The name used on the command line: {@code auto}, {@code 01}, {@code 12}. */
    public String label() {
        return label;
    }

    /**
     * Parses {@code auto}, {@code 01} or {@code 12} (also {@code 0/1}, {@code 1/2}).
     *
     * @throws InvalidInputException for any other text
     */
    public static EventCoding parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace("/", "");
        for (EventCoding c : values()) {
            if (c.label.equals(t)) {
                return c;
            }
        }
        throw new InvalidInputException("event-coding", text, "must be auto, 01 (0/1) or 12 (1/2)");
    }
}
