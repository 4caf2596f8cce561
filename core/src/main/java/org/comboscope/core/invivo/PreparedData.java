package org.comboscope.core.invivo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data prepared for the growth models exactly as SynergyLMM 1.1.2 {@code lmmModel()} does with its
 * defaults (time_start = first day, tum_vol_0 = "ignore", min_observations = 1):
 *
 * <ol>
 *   <li>only the four arms are kept; {@code timeStart} = the earliest day over all of them;
 *   <li>animals without a measurement at {@code timeStart}, or with 0 there, are dropped;
 *   <li>other zero measurements are dropped;
 *   <li>RTV = value / value at {@code timeStart}; the {@code timeStart} rows are removed from the
 *       fitted rows and time is re-based to {@code day - timeStart}.
 * </ol>
 *
 * @param timeStart the original day used as time 0
 * @param all every kept row including the time-0 rows (SynergyLMM's {@code dt1})
 * @param fitted the rows the models are fitted to (time > 0)
 * @param dropped human-readable notes about dropped animals and rows, in input order
 */
public record PreparedData(
        double timeStart, List<RelativeVolume> all, List<RelativeVolume> fitted, List<String> dropped) {
    public PreparedData {
        all = List.copyOf(all);
        fitted = List.copyOf(fitted);
        dropped = List.copyOf(dropped);
    }

    /** Prepares {@code study} for the arms given. */
    public static PreparedData of(TumourStudy study, Arms arms) {
        TumourStudy s = study.restrictedTo(arms.groups());
        double start = s.firstDay();
        Map<String, Double> baseline = new HashMap<>();
        for (TumourObservation o : s.observations()) {
            if (o.day() == start) {
                baseline.put(o.animalId(), o.value());
            }
        }
        List<String> dropped = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<RelativeVolume> all = new ArrayList<>();
        for (TumourObservation o : s.observations()) {
            Double b = baseline.get(o.animalId());
            if (b == null || b == 0) {
                if (seen.putIfAbsent(o.animalId(), Boolean.TRUE) == null) {
                    dropped.add("animal " + o.animalId() + " dropped: " + (b == null ? "no measurement" : "volume 0")
                            + " at the first day " + start);
                }
                continue;
            }
            if (o.value() == 0) {
                dropped.add("animal " + o.animalId() + " day " + o.day() + " dropped: volume 0");
                continue;
            }
            Optional<ArmRole> role = arms.roleOf(o.group());
            all.add(new RelativeVolume(
                    o.animalId(), o.group(), role.orElseThrow(), o.day(), o.day() - start, o.value(), b));
        }
        List<RelativeVolume> fitted =
                all.stream().filter(r -> r.originalDay() != start).toList();
        return new PreparedData(start, all, fitted, dropped);
    }

    /** Distinct re-based times of the fitted rows, ascending. */
    public double[] times() {
        return fitted.stream()
                .mapToDouble(RelativeVolume::time)
                .distinct()
                .sorted()
                .toArray();
    }
}
