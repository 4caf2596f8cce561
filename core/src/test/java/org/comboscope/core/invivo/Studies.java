package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.List;

/** Small hand-built studies for tests. */
final class Studies {
    static final Arms ARMS = new Arms("V", "A", "B", "AB");

    private Studies() {}

    /** Builder: {@code animal(id, group, day0, v0, day1, v1, ...)}. */
    static final class Builder {
        private final List<TumourObservation> obs = new ArrayList<>();

        Builder animal(String id, String group, double... dayValue) {
            for (int i = 0; i < dayValue.length; i += 2) {
                obs.add(new TumourObservation(id, group, dayValue[i], dayValue[i + 1]));
            }
            return this;
        }

        TumourStudy build() {
            return new TumourStudy("test", Measurement.VOLUME_MM3, obs);
        }
    }

    static Builder builder() {
        return new Builder();
    }
}
