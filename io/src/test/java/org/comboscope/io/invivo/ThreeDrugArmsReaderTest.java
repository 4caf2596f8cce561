package org.comboscope.io.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.invivo.SynergyReference;
import org.comboscope.core.invivo.ThreeDrugArms;
import org.comboscope.core.invivo.ThreeDrugSynergy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreeDrugArmsReaderTest {

    @Test
    void readThreeDrug_synergyLmmTripleDesign_fiveArmsWithoutPairs() throws Exception {
        ThreeDrugArms a = ArmsReader.readThreeDrug(TumourTableReaderTest.resource("u87mg_triple_arms.csv"));
        assertThat(a.hasPairs()).isFalse();
        assertThat(a.presentGroups()).containsExactly("None", "Tagrisso", "AZD2014", "DOC", "Triple");
    }

    @Test
    void readThreeDrug_full2x2x2_pairRolesInAnySpelling() throws Exception {
        ThreeDrugArms a = ArmsReader.readThreeDrug(TumourTableReaderTest.resource("triple_2x2x2_arms.csv"));
        assertThat(a.hasPairs()).isTrue();
        assertThat(a.groups()).containsExactly("Veh", "X", "Y", "Z", "XY", "XZ", "YZ", "XYZ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "invalid/triple_incomplete_arms.csv|triple_incomplete_arms.csv:7: column 'role': incomplete three-drug design: 'ABC' (group 'XYZ') needs vehicle, drugA, drugB, drugC, ABC and, as pair arms are given, AB, AC, BC; missing [AC, BC]",
                "invalid/triple_no_c_arms.csv|triple_no_c_arms.csv:5: column 'role': incomplete three-drug design: 'ABC' (group 'XYZ') needs vehicle, drugA, drugB, drugC, ABC; missing [drugC]",
                "invalid/triple_twice_arms.csv|triple_twice_arms.csv:7: column 'role': role 'drugC' is given twice (also group 'Z' on line 5)",
                "invalid/arms_bad_role.csv|arms_bad_role.csv:4: column 'role': role of a three-drug design must be one of [vehicle, drugA, drugB, drugC, AB, AC, BC, ABC], was 'drug_b'"
            })
    void readThreeDrug_invalid_failsNamingTheLine(String file, String message) {
        Path p = TumourTableReaderTest.resource(file);
        assertThatThrownBy(() -> ArmsReader.readThreeDrug(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(p.getParent() + "/" + message);
    }

    /** SynergyLMM's U87MG triple BLI study (no reference outputs for it in ../shared): runs end to end. */
    @Test
    void threeDrugSynergy_u87mgTriple_computesEveryTimeWithFiniteScores() throws Exception {
        ThreeDrugArms a = ArmsReader.readThreeDrug(TumourTableReaderTest.resource("u87mg_triple_arms.csv"));
        TumourTable t = TumourTableReader.readLong(TumourTableReaderTest.resource("u87mg_triple_long.csv"));
        ThreeDrugSynergy.Result r = ThreeDrugSynergy.compute(t.study(), a, 0);
        assertThat(r.fullFit().rates()).hasSize(5);
        assertThat(r.estimates()).isNotEmpty();
        assertThat(r.estimates())
                .allMatch(e -> Double.isFinite(e.estimate().estimate())
                        && e.estimate().pValue() >= 0
                        && e.estimate().pValue() <= 1);
        List<ThreeDrugSynergy.Estimate> hsa = r.estimates().stream()
                .filter(e -> e.estimate().reference() == SynergyReference.HSA)
                .toList();
        assertThat(hsa)
                .isNotEmpty()
                .allMatch(e -> a.presentGroups().subList(1, 4).contains(e.comparator()));
        double[] b = r.fullFit().rates();
        System.out.printf(
                "U87MG triple rates V %.5f A %.5f B %.5f C %.5f ABC %.5f; last Bliss SS %s%n",
                b[0], b[1], b[2], b[3], b[4], r.estimates().get(r.estimates().size() - 3));
    }
}
