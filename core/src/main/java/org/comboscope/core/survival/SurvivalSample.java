package org.comboscope.core.survival;

import java.util.Arrays;
import org.comboscope.core.error.InvalidInputException;

/**
 * Right-censored observations of one group: follow-up time and whether the event was observed.
 *
 * @param time follow-up time of each subject, finite and {@code >= 0}, in the study's time unit
 * @param event {@code true} when the event was observed at {@code time}, {@code false} when the
 *     subject was censored there
 */
public record SurvivalSample(double[] time, boolean[] event) {

    /**
     * @throws InvalidInputException if the arrays differ in length, are empty, or a time is
     *     negative or not finite
     */
    public SurvivalSample {
        if (time.length != event.length) {
            throw new InvalidInputException(
                    "time/event", time.length + "/" + event.length, "must have the same length", null);
        }
        if (time.length == 0) {
            throw new InvalidInputException("time", 0, "must hold at least one observation", null);
        }
        for (int i = 0; i < time.length; i++) {
            if (!Double.isFinite(time[i]) || time[i] < 0) {
                throw new InvalidInputException("time", time[i], "must be finite and >= 0", "observation " + (i + 1));
            }
        }
        time = time.clone();
        event = event.clone();
    }

    /** Number of subjects. */
    public int size() {
        return time.length;
    }

    /** Number of observed events. */
    public int events() {
        int k = 0;
        for (boolean e : event) {
            if (e) {
                k++;
            }
        }
        return k;
    }

    /** The same subjects with events and censorings swapped (the reverse Kaplan–Meier input). */
    public SurvivalSample reversed() {
        boolean[] flipped = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            flipped[i] = !event[i];
        }
        return new SurvivalSample(time, flipped);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public boolean[] event() {
        return event.clone();
    }

    double timeAt(int i) {
        return time[i];
    }

    boolean eventAt(int i) {
        return event[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurvivalSample s && Arrays.equals(time, s.time) && Arrays.equals(event, s.event);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(time) + Arrays.hashCode(event);
    }

    @Override
    public String toString() {
        return "SurvivalSample[n=" + time.length + ", events=" + events() + "]";
    }
}
