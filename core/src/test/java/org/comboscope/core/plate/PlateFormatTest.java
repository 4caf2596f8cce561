package org.comboscope.core.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class PlateFormatTest {
    @Test
    void wellIndex_paddedAndUnpaddedNames_sameWell() {
        PlateFormat f = PlateFormat.WELLS_96;
        assertThat(f.wellIndex("A1")).contains(0);
        assertThat(f.wellIndex("A01")).contains(0);
        assertThat(f.wellIndex("a001")).contains(0);
        assertThat(f.wellIndex("H12")).contains(95);
        assertThat(f.wellName(95)).isEqualTo("H12");
        assertThat(f.wellName(13)).isEqualTo("B2");
    }

    @Test
    void wellIndex_outsideFormatOrMalformed_empty() {
        assertThat(PlateFormat.WELLS_96.wellIndex("A13")).isEmpty();
        assertThat(PlateFormat.WELLS_96.wellIndex("I1")).isEmpty();
        assertThat(PlateFormat.WELLS_96.wellIndex("A0")).isEmpty();
        assertThat(PlateFormat.WELLS_96.wellIndex("7")).isEmpty();
        assertThat(PlateFormat.WELLS_96.wellIndex("AB")).isEmpty();
        assertThat(PlateFormat.WELLS_384.wellIndex("P24")).contains(16 * 24 - 1);
    }

    @Test
    void rowLabels_1536_runToAF() {
        PlateFormat f = PlateFormat.WELLS_1536;
        assertThat(PlateFormat.rowLabel(26)).isEqualTo("AA");
        assertThat(PlateFormat.rowLabel(31)).isEqualTo("AF");
        assertThat(PlateFormat.rowIndex("AF")).isEqualTo(31);
        assertThat(PlateFormat.rowIndex("AG")).isEqualTo(-1);
        assertThat(f.wellIndex("AF48")).contains(f.wells() - 1);
        assertThat(f.wellName(f.wells() - 1)).isEqualTo("AF48");
    }

    @Test
    void of_andSmallestHolding_matchStandardSizes() {
        assertThat(PlateFormat.of(8, 12)).contains(PlateFormat.WELLS_96);
        assertThat(PlateFormat.of(16, 24)).contains(PlateFormat.WELLS_384);
        assertThat(PlateFormat.of(8, 11)).isEmpty();
        assertThat(PlateFormat.smallestHolding(7, 12)).contains(PlateFormat.WELLS_384);
        assertThat(PlateFormat.smallestHolding(40, 0)).isEqualTo(Optional.empty());
    }

    @Test
    void isEdge_outerRingOnly() {
        PlateFormat f = PlateFormat.WELLS_96;
        assertThat(f.isEdge(f.wellIndex("A5").orElseThrow())).isTrue();
        assertThat(f.isEdge(f.wellIndex("D12").orElseThrow())).isTrue();
        assertThat(f.isEdge(f.wellIndex("B2").orElseThrow())).isFalse();
        assertThat(f.isEdge(f.wellIndex("G11").orElseThrow())).isFalse();
    }

    @Test
    void parse_unknownSize_throwsWithRule() {
        assertThat(PlateFormat.parse("384")).isEqualTo(PlateFormat.WELLS_384);
        assertThatThrownBy(() -> PlateFormat.parse("48"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("plate format must be 96, 384 or 1536, was 48");
    }
}
