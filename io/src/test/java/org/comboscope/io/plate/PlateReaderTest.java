package org.comboscope.io.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.comboscope.io.plate.PlateInvalidCorpusTest.resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.comboscope.core.plate.PlateFormat;
import org.comboscope.core.plate.PlateReadout;
import org.comboscope.core.plate.WellState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateReaderTest {
    @TempDir
    Path tmp;

    private static double at(PlateReadout p, String well) {
        return p.value(p.format().wellIndex(well).orElseThrow()).getAsDouble();
    }

    @Test
    void read_readerCsvWithTitlesAndLabels_threePlatesExactly() {
        PlateReadResult r = PlateReader.read(resource("mtt_defactinib_trametinib_3plates.csv"), Optional.empty());
        assertThat(r.layout()).isEqualTo(PlateLayout.GRID);
        assertThat(r.plates()).extracting(PlateReadout::plateId).containsExactly("MTT_rep1", "MTT_rep2", "MTT_rep3");
        PlateReadout p1 = r.plates().get(0);
        assertThat(p1.format()).isEqualTo(PlateFormat.WELLS_96);
        assertThat(p1.measuredCount()).isEqualTo(96);
        assertThat(at(p1, "A1")).isEqualTo(0.077);
        assertThat(at(p1, "B6")).isEqualTo(0.623);
        assertThat(at(p1, "H12")).isEqualTo(0.079);
        assertThat(at(r.plates().get(1), "A5")).isEqualTo(1.292);
        assertThat(r.details().get(0))
                .isEqualTo("plate 'MTT_rep1' (mtt_defactinib_trametinib_3plates.csv:6): 8x12 grid at lines 6-14"
                        + " (column numbers, row letters), 96 wells: 96 measured, 0 empty, 0 saturated");
        assertThat(r.warnings())
                .containsExactly("mtt_defactinib_trametinib_3plates.csv: skipped 3 text rows that are neither plate"
                        + " titles nor grid rows (lines 1, 2, 3)");
    }

    @Test
    void read_workbookOnePlatePerSheet_sameValuesAsCsv() {
        PlateReadResult csv = PlateReader.read(resource("mtt_defactinib_trametinib_3plates.csv"), Optional.empty());
        PlateReadResult xlsx = PlateReader.read(resource("mtt_defactinib_trametinib.xlsx"), Optional.empty());
        assertThat(xlsx.layout()).isEqualTo(PlateLayout.GRID);
        assertThat(xlsx.plates()).extracting(PlateReadout::plateId).containsExactly("MTT_rep1", "MTT_rep2", "MTT_rep3");
        for (int k = 0; k < 3; k++) {
            assertThat(xlsx.plates().get(k).signal())
                    .containsExactly(csv.plates().get(k).signal());
        }
        assertThat(xlsx.details().get(2))
                .isEqualTo("plate 'MTT_rep3' (mtt_defactinib_trametinib.xlsx[MTT_rep3]:3): 8x12 grid at lines 3-10"
                        + " (no column numbers, no row letters), 96 wells: 96 measured, 0 empty, 0 saturated");
    }

    @Test
    void read_unlabelledTsv_namedAfterFile() {
        PlateReadResult r = PlateReader.read(resource("mtt_edge_effect.tsv"), Optional.of(PlateFormat.WELLS_96));
        assertThat(r.plates()).hasSize(1);
        assertThat(r.plates().get(0).plateId()).isEqualTo("mtt_edge_effect");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void read_longLuminescenceTable_twoPlatesA01Names() {
        PlateReadResult r = PlateReader.read(resource("ctg3d_cisplatin_vs4718_long.csv"), Optional.empty());
        assertThat(r.layout()).isEqualTo(PlateLayout.LONG);
        assertThat(r.plates()).extracting(PlateReadout::plateId).containsExactly("CTG3D_OVCAR3_1", "CTG3D_OVCAR3_2");
        PlateReadout p = r.plates().get(0);
        assertThat(p.format()).isEqualTo(PlateFormat.WELLS_96);
        assertThat(at(p, "A1")).isEqualTo(837);
        assertThat(r.details().get(1))
                .isEqualTo("plate 'CTG3D_OVCAR3_2' (ctg3d_cisplatin_vs4718_long.csv:98): long table, 96 rows from"
                        + " line 98 (columns 'Well', 'Luminescence (RLU)', 'Plate'), 96 wells: 96 measured, 0 empty,"
                        + " 0 saturated");
    }

    @Test
    void read_overflowMarkersAndEmptyCells_flaggedNotDefaulted() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 12; c++) {
                String v = "0.5";
                if (r == 0 && c == 0) {
                    v = "OVER";
                } else if (r == 0 && c == 1) {
                    v = "####";
                } else if (r == 0 && c == 2) {
                    v = ">3.5";
                } else if (r == 1 && c == 0) {
                    v = "";
                }
                sb.append(c == 0 ? "" : ",").append(v);
            }
            sb.append('\n');
        }
        Path f = tmp.resolve("over.csv");
        Files.writeString(f, sb.toString());
        PlateReadout p = PlateReader.read(f, Optional.empty()).plates().get(0);
        assertThat(p.state(0)).isEqualTo(WellState.OVERFLOW);
        assertThat(p.state(1)).isEqualTo(WellState.OVERFLOW);
        assertThat(p.state(2)).isEqualTo(WellState.OVERFLOW);
        assertThat(p.state(12)).isEqualTo(WellState.MISSING);
        assertThat(p.value(12)).isEmpty();
        assertThat(p.count(WellState.MEASURED)).isEqualTo(92);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void read_seeded384GridsWithoutTitles_roundTripExactly(long seed) throws Exception {
        // Two 16 x 24 plates without labels, separated by a blank line: named file_1, file_2.
        Random rnd = new Random(seed);
        double[][] want = new double[2][384];
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 2; k++) {
            for (int r = 0; r < 16; r++) {
                for (int c = 0; c < 24; c++) {
                    double v = Math.round(rnd.nextDouble() * 4e5) / 1.0;
                    want[k][r * 24 + c] = v;
                    sb.append(c == 0 ? "" : "\t").append(String.format(Locale.ROOT, "%.0f", v));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        Path f = tmp.resolve("lum384.txt");
        Files.writeString(f, sb.toString());
        PlateReadResult r = PlateReader.read(f, Optional.of(PlateFormat.WELLS_384));
        assertThat(r.plates())
                .extracting(PlateReadout::plateId)
                .as("seed %d", seed)
                .containsExactly("lum384_1", "lum384_2");
        for (int k = 0; k < 2; k++) {
            assertThat(r.plates().get(k).signal()).containsExactly(want[k]);
        }
    }

    @Test
    void read_platesSeparatedOnlyByColumnHeaderRows_splitCorrectly() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 2; k++) {
            sb.append("<>");
            for (int c = 1; c <= 12; c++) {
                sb.append(',').append(c);
            }
            sb.append('\n');
            for (int r = 0; r < 8; r++) {
                sb.append((char) ('A' + r));
                for (int c = 0; c < 12; c++) {
                    sb.append(',')
                            .append(k + 1)
                            .append('.')
                            .append(r)
                            .append(c < 10 ? "0" : "")
                            .append(c);
                }
                sb.append('\n');
            }
        }
        Path f = tmp.resolve("two.csv");
        Files.writeString(f, sb.toString());
        PlateReadResult r = PlateReader.read(f, Optional.empty());
        assertThat(r.plates()).hasSize(2);
        assertThat(at(r.plates().get(1), "H12")).isEqualTo(2.711);
        assertThat(at(r.plates().get(0), "B3")).isEqualTo(1.102);
    }
}
