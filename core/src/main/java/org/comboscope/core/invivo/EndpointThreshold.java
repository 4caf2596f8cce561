package org.comboscope.core.invivo;

import org.comboscope.core.error.InvalidInputException;

/**
 * The tumour-burden level whose first reach is the "event" of a time-to-endpoint analysis.
 *
 * @param relative {@code false}: {@code value} is an absolute burden (mm³ or RLU, e.g. 1000 mm³);
 *     {@code true}: {@code value} is a multiple of the animal's baseline (RTV, e.g. 4 = quadrupling)
 * @param value the threshold, finite and {@code > 0}
 * @param interpolate {@code false} (default): the event time is the first measurement day with
 *     burden {@code >= threshold}; {@code true}: linear interpolation between that measurement and
 *     the previous one (below the threshold) on the burden scale
 */
public record EndpointThreshold(boolean relative, double value, boolean interpolate) {
    public EndpointThreshold {
        if (!Double.isFinite(value) || value <= 0) {
            throw new InvalidInputException(
                    relative ? "endpoint RTV" : "endpoint volume", value, "must be finite and > 0");
        }
    }

    /** An absolute threshold, first measurement at or above it, no interpolation. */
    public static EndpointThreshold absolute(double value) {
        return new EndpointThreshold(false, value, false);
    }

    /** A threshold as a multiple of each animal's baseline burden, no interpolation. */
    public static EndpointThreshold rtv(double multiple) {
        return new EndpointThreshold(true, multiple, false);
    }

    /** The same threshold with linear interpolation switched on or off. */
    public EndpointThreshold withInterpolation(boolean on) {
        return new EndpointThreshold(relative, value, on);
    }

    /** Human-readable label, e.g. {@code volume >= 1000} or {@code RTV >= 4}. */
    public String label() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
        return (relative ? "RTV >= " : "volume >= ") + v + (interpolate ? " (interpolated)" : "");
    }
}
