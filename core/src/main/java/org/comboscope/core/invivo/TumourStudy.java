package org.comboscope.core.invivo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.comboscope.core.error.InvalidInputException;

/**
 * A set of tumour-burden measurements: at most one per animal and day, each animal in one group.
 *
 * @param name study name (may be empty)
 * @param measurement what the values measure
 * @param observations measurements in input order
 */
public record TumourStudy(String name, Measurement measurement, List<TumourObservation> observations) {
    public TumourStudy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measurement, "measurement");
        observations = List.copyOf(observations);
        Map<String, String> groupOf = new HashMap<>();
        Map<String, TreeSet<Double>> daysOf = new HashMap<>();
        for (TumourObservation o : observations) {
            String g = groupOf.putIfAbsent(o.animalId(), o.group());
            if (g != null && !g.equals(o.group())) {
                throw new InvalidInputException(
                        "group",
                        o.group(),
                        "must be the same for every row of an animal (also " + g + ")",
                        "animal " + o.animalId());
            }
            if (!daysOf.computeIfAbsent(o.animalId(), k -> new TreeSet<>()).add(o.day())) {
                throw new InvalidInputException("day", o.day(), "must occur once per animal", "animal " + o.animalId());
            }
        }
    }

    /** The earliest day of the study (SynergyLMM's {@code time_start}). */
    public double firstDay() {
        return observations.stream().mapToDouble(TumourObservation::day).min().orElse(0);
    }

    /** Only the observations of the given groups. */
    public TumourStudy restrictedTo(List<String> groups) {
        return new TumourStudy(
                name,
                measurement,
                observations.stream().filter(o -> groups.contains(o.group())).toList());
    }
}
