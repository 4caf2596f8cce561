package org.comboscope.core.plate;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import org.comboscope.core.error.InvalidInputException;

/**
 * The raw signals of one plate as exported by a plate reader (absorbance, luminescence, ...).
 *
 * @param plateId identifier (the title in the export, or derived from the file name)
 * @param source where the plate was read, e.g. {@code plates.csv:14} (file and first line)
 * @param format plate format
 * @param signal per well (row-major index) the raw signal; meaningful only where {@code state}
 *     is {@link WellState#MEASURED} (0 elsewhere)
 * @param state per well what was found
 */
public record PlateReadout(String plateId, String source, PlateFormat format, double[] signal, WellState[] state) {

    public PlateReadout {
        if (plateId == null || plateId.isBlank()) {
            throw new InvalidInputException("plateId", plateId, "must not be empty");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        if (signal.length != format.wells() || state.length != format.wells()) {
            throw new InvalidInputException(
                    "wells", signal.length + "/" + state.length, "must equal " + format.wells(), "plate " + plateId);
        }
        signal = signal.clone();
        state = state.clone();
        for (int i = 0; i < signal.length; i++) {
            Objects.requireNonNull(state[i], "state");
            if (state[i] == WellState.MEASURED && !Double.isFinite(signal[i])) {
                throw new InvalidInputException(
                        "signal", signal[i], "must be finite", "plate " + plateId + ", well " + format.wellName(i));
            }
            if (state[i] != WellState.MEASURED) {
                signal[i] = 0;
            }
        }
    }

    /** The signal of a well, or empty when it is missing or saturated. */
    public OptionalDouble value(int well) {
        return state[well] == WellState.MEASURED ? OptionalDouble.of(signal[well]) : OptionalDouble.empty();
    }

    /**
     * A copy in which every measured signal at or above {@code readerMax} (the reader's maximum) is
     * marked {@link WellState#OVERFLOW}: such a value is clipped, not measured.
     */
    public PlateReadout withSaturationAt(double readerMax) {
        WellState[] st = state.clone();
        for (int i = 0; i < st.length; i++) {
            if (st[i] == WellState.MEASURED && signal[i] >= readerMax) {
                st[i] = WellState.OVERFLOW;
            }
        }
        return new PlateReadout(plateId, source, format, signal, st);
    }

    public WellState state(int well) {
        return state[well];
    }

    /** Number of wells with a measured signal. */
    public int measuredCount() {
        return (int) Arrays.stream(state).filter(s -> s == WellState.MEASURED).count();
    }

    /** Number of wells with the given state. */
    public int count(WellState s) {
        return (int) Arrays.stream(state).filter(x -> x == s).count();
    }

    @Override
    public double[] signal() {
        return signal.clone();
    }

    @Override
    public WellState[] state() {
        return state.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlateReadout p
                && plateId.equals(p.plateId)
                && source.equals(p.source)
                && format == p.format
                && Arrays.equals(signal, p.signal)
                && Arrays.equals(state, p.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(plateId, format, Arrays.hashCode(signal));
    }

    @Override
    public String toString() {
        return "PlateReadout[" + plateId + ", " + format.wells() + " wells, " + measuredCount() + " measured]";
    }
}
