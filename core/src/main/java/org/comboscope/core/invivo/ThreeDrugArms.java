package org.comboscope.core.invivo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.comboscope.core.error.InvalidInputException;

/**
 * The arms of a three-drug combination study, by group name: a full 2x2x2 design (vehicle, A, B, C,
 * AB, AC, BC, ABC) or SynergyLMM's three-drug design without the pairs (vehicle, A, B, C, ABC). The
 * order is the coefficient order of {@link ThreeDrugSynergy}.
 *
 * @param groups the group of each role, in {@link #ROLES} order; the three pair roles are all
 *     empty strings when the design has no pair arms
 */
public record ThreeDrugArms(List<String> groups) {
    /** Role labels as used in arms files, in coefficient order. */
    public static final List<String> ROLES = List.of("vehicle", "drugA", "drugB", "drugC", "AB", "AC", "BC", "ABC");

    public ThreeDrugArms {
        groups = List.copyOf(groups);
        if (groups.size() != ROLES.size()) {
            throw new InvalidInputException(
                    "groups", Integer.toString(groups.size()), "a 2x2x2 design has exactly 8 arms " + ROLES);
        }
        boolean pairs = !groups.get(4).isBlank();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (i >= 4 && i < 7 && !pairs) {
                if (!g.isBlank()) {
                    throw new InvalidInputException(
                            ROLES.get(i) + " group", g, "pair arms must be given all three or none");
                }
                continue;
            }
            if (g.isBlank()) {
                throw new InvalidInputException(
                        ROLES.get(i) + " group",
                        "''",
                        i >= 4 && i < 7 ? "pair arms must be given all three or none" : "must not be blank");
            }
            if (!seen.add(g)) {
                throw new InvalidInputException("group", g, "must have one role only");
            }
        }
    }

    /** Whether the design has the three pair arms (full 2x2x2). */
    public boolean hasPairs() {
        return !groups.get(4).isBlank();
    }

    /** Role indices of the arms present, ascending. */
    public int[] present() {
        return hasPairs() ? new int[] {0, 1, 2, 3, 4, 5, 6, 7} : new int[] {0, 1, 2, 3, 7};
    }

    /** Group names of the arms present, in role order. */
    public List<String> presentGroups() {
        return java.util.Arrays.stream(present()).mapToObj(groups::get).toList();
    }

    /** Index of {@code group} in role order, or -1. */
    public int indexOf(String group) {
        return groups.indexOf(group);
    }
}
