package org.comboscope.core.survival;

import java.util.Locale;
import org.comboscope.core.error.InvalidInputException;

/**
 * The scale on which a pointwise Kaplan–Meier confidence interval is built, as R's
 * {@code survfit(conf.type = ...)}. With {@code z} the normal quantile and {@code se} the Greenwood
 * standard error of {@code log S}:
 *
 * <ul>
 *   <li>{@link #LOG} (R's default): {@code exp(log S ± z·se)}, upper bound capped at 1; undefined
 *       where {@code S = 0}.
 *   <li>{@link #LOG_LOG}: symmetric on {@code log(−log S)}; undefined where {@code S} is 0 or 1.
 *   <li>{@link #PLAIN}: {@code S ± z·se·S}, clipped to [0, 1].
 * </ul>
 */
public enum ConfType {
    LOG("log"),
    LOG_LOG("log-log"),
    PLAIN("plain");

    private final String label;

    ConfType(String label) {
        this.label = label;
    }

    /** The name R uses ({@code log}, {@code log-log}, {@code plain}). */
    public String label() {
        return label;
    }

    /**
     * Parses R's name (case-insensitive; {@code loglog} is accepted for {@code log-log}).
     *
     * @throws InvalidInputException for any other text
     */
    public static ConfType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ConfType c : values()) {
            if (c.label.equals(t) || c.label.replace("-", "").equals(t)) {
                return c;
            }
        }
        throw new InvalidInputException("conf-type", text, "must be one of log, log-log, plain");
    }
}
