package org.comboscope.core.invivo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.comboscope.core.error.InvalidInputException;

/**
 * The four arms of a 2x2 combination study, by group name. The order vehicle, drug A, drug B,
 * combination is the coefficient order b1..b4 of SynergyLMM.
 *
 * @param vehicle control group
 * @param drugA first monotherapy group
 * @param drugB second monotherapy group
 * @param combination the combination group
 */
public record Arms(String vehicle, String drugA, String drugB, String combination) {
    public Arms {
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(drugA, "drugA");
        Objects.requireNonNull(drugB, "drugB");
        Objects.requireNonNull(combination, "combination");
        List<String> all = List.of(vehicle, drugA, drugB, combination);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isBlank()) {
                throw new InvalidInputException(ArmRole.values()[i].label() + " group", "''", "must not be blank");
            }
            for (int j = 0; j < i; j++) {
                if (all.get(i).equals(all.get(j))) {
                    throw new InvalidInputException(
                            "group",
                            all.get(i),
                            "must have one role only, has " + ArmRole.values()[j].label() + " and "
                                    + ArmRole.values()[i].label());
                }
            }
        }
    }

    /** Group names in role order: vehicle, drug A, drug B, combination. */
    public List<String> groups() {
        return List.of(vehicle, drugA, drugB, combination);
    }

    /** The group playing {@code role}. */
    public String group(ArmRole role) {
        return groups().get(role.ordinal());
    }

    /** The role of {@code group}; empty if the group is not one of the four arms. */
    public Optional<ArmRole> roleOf(String group) {
        int i = groups().indexOf(group);
        return i < 0 ? Optional.empty() : Optional.of(ArmRole.values()[i]);
    }
}
