package org.comboscope.io.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comboscope.io.plate.PlateInvalidCorpusTest.resource;

import java.util.List;
import java.util.Optional;
import org.comboscope.core.plate.PlateFormat;
import org.comboscope.core.plate.PlateMap;
import org.comboscope.core.plate.WellAssignment;
import org.comboscope.core.plate.WellRole;
import org.junit.jupiter.api.Test;

class PlateMapReaderTest {
    @Test
    void read_checkerboardMap_rolesDrugsAndConcentrations() {
        PlateMap m = PlateMapReader.read(resource("checkerboard_map.csv"), Optional.empty())
                .map();
        assertThat(m.format()).isEqualTo(PlateFormat.WELLS_96);
        assertThat(m.wellsWith(WellRole.SAMPLE)).hasSize(54);
        assertThat(m.wellsWith(WellRole.VEHICLE)).hasSize(26);
        assertThat(m.wellsWith(WellRole.BLANK)).hasSize(8);
        assertThat(m.wellsWith(WellRole.POSITIVE)).hasSize(8);
        WellAssignment c5 = m.well(PlateFormat.WELLS_96.wellIndex("C5").orElseThrow());
        assertThat(c5.role()).isEqualTo(WellRole.SAMPLE);
        assertThat(c5.drugs()).containsExactly("defactinib", "trametinib");
        assertThat(c5.concentrations()).containsExactly(30.0, 10.0);
        assertThat(c5.unit()).isEqualTo("nM");
        assertThat(c5.line()).isEqualTo(30);
        assertThat(m.drugCount()).isEqualTo(2);
    }

    @Test
    void read_xlsxMap_sameAsCsv() {
        PlateMap csv = PlateMapReader.read(resource("checkerboard_map.csv"), Optional.empty())
                .map();
        PlateMap xlsx = PlateMapReader.read(resource("checkerboard_map.xlsx"), Optional.empty())
                .map();
        for (int i = 0; i < 96; i++) {
            WellAssignment a = csv.well(i);
            WellAssignment b = xlsx.well(i);
            assertThat(List.of(b.role(), b.drugs(), b.concentrations(), b.unit(), b.replicate()))
                    .as("well %s", PlateFormat.WELLS_96.wellName(i))
                    .isEqualTo(List.of(a.role(), a.drugs(), a.concentrations(), a.unit(), a.replicate()));
        }
    }

    @Test
    void read_paddedWellNamesAndCapitalisedHeader_parsed() {
        PlateMapReader.Result r = PlateMapReader.read(resource("ctg3d_map.csv"), Optional.empty());
        PlateMap m = r.map();
        // Column 3 holds cisplatin 0.5 uM; rows F-G hold VS-4718 1 uM (replicates 1 and 2).
        WellAssignment b3 = m.well(PlateFormat.WELLS_96.wellIndex("B3").orElseThrow());
        assertThat(b3.drugs()).containsExactly("cisplatin", "VS-4718");
        assertThat(b3.concentrations()).containsExactly(0.5, 0.0);
        assertThat(b3.replicate()).isEqualTo("1");
        WellAssignment g11 = m.well(PlateFormat.WELLS_96.wellIndex("G11").orElseThrow());
        assertThat(g11.concentrations()).containsExactly(128.0, 1.0);
        assertThat(g11.replicate()).isEqualTo("2");
        assertThat(r.warnings()).isEmpty();
    }
}
