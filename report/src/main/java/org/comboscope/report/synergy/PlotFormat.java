package org.comboscope.report.synergy;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;

/** Static plot file formats. */
public enum PlotFormat {
    SVG,
    PNG;

    /** Parses {@code svg,png} (case-insensitive); an empty text gives the empty set. */
    public static Set<PlotFormat> parseList(String s) {
        Set<PlotFormat> out = EnumSet.noneOf(PlotFormat.class);
        for (String part : s.split(",")) {
            String t = part.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            try {
                out.add(valueOf(t));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("plots", part.trim(), "must be svg, png or svg,png");
            }
        }
        return out;
    }

    /** File extension without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
