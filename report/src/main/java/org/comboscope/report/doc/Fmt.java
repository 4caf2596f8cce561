package org.comboscope.report.doc;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.comboscope.core.response.Interval;

/** Number formats of the report tables: 4 significant digits, {@code NA} for undefined values. */
public final class Fmt {
    private Fmt() {}

    /** Four significant digits; exponent form outside [1e-3, 1e5). */
    public static String g(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains("e")) {
                return s;
            }
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    public static String g(OptionalDouble v) {
        return v.isPresent() ? g(v.getAsDouble()) : "NA";
    }

    /** A p-value: 2 significant digits, exponent form below 1e-3. */
    public static String p(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        return v < 1e-3 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    /** Fixed decimals. */
    public static String f(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "NA";
    }

    /** An interval as {@code lower – upper}, or {@code NA}. */
    public static String range(double lower, double upper) {
        return Double.isFinite(lower) && Double.isFinite(upper) ? g(lower) + " – " + g(upper) : "NA";
    }

    public static String range(OptionalDouble lower, OptionalDouble upper) {
        return lower.isPresent() && upper.isPresent() ? range(lower.getAsDouble(), upper.getAsDouble()) : "NA";
    }

    public static String range(Optional<Interval> i) {
        return i.map(x -> range(x.lower(), x.upper())).orElse("NA");
    }
}
