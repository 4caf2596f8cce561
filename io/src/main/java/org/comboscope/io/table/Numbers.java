package org.comboscope.io.table;

/**
 * Number formatting for every comboscope output file: full double precision (the text parses back
 * to the identical double), {@code .} as the decimal separator, lower-case {@code e} exponents, and
 * {@code NA} for an undefined value. {@code NaN} never appears in outputs.
 */
public final class Numbers {
    /** Text written for an undefined value. */
    public static final String NA = "NA";

    private Numbers() {}

    /**
     * Formats {@code x} so that {@link Double#parseDouble} returns exactly {@code x}; {@code NA} if
     * {@code x} is NaN (undefined); {@code Inf}/{@code -Inf} (as R writes them) for infinities. Integral values below 1e15 print without a fraction ({@code 2500}).
     */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return NA;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            if (x == 0 && 1 / x < 0) {
                return "0";
            }
            return Long.toString((long) x);
        }
        String s = Double.toString(x);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mant = s.substring(0, e);
        if (mant.endsWith(".0")) {
            mant = mant.substring(0, mant.length() - 2);
        }
        return mant + "e" + s.substring(e + 1);
    }

    /** Formats an {@link java.util.OptionalDouble}: the value, or {@code NA} when empty. */
    public static String format(java.util.OptionalDouble x) {
        return x.isPresent() ? format(x.getAsDouble()) : NA;
    }
}
