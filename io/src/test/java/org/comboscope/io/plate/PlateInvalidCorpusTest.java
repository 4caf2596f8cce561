package org.comboscope.io.plate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.plate.PlateFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every file in {@code plate/invalid/} with the exact error it must raise. */
class PlateInvalidCorpusTest {
    static Path resource(String name) {
        try {
            return Path.of(
                    PlateInvalidCorpusTest.class.getResource("/plate/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ragged_short_row.csv | ragged_short_row.csv:4: ragged grid: row C has 11 fields, but the plate has 12 columns (write an empty field for a well without a signal)
            ragged_long_row.csv | ragged_long_row.csv:5: ragged grid: row D has 13 values, but the plate has 12 columns
            text_signal.csv | text_signal.csv:4: well C7: signal 'abc' is not a number (empty = no signal; OVER, Overflow, #### = saturated)
            decimal_comma.tsv | decimal_comma.tsv:3: well B3: signal '0,512' is not a number (empty = no signal; OVER, Overflow, #### = saturated); use '.' as the decimal mark
            wrong_size.csv | wrong_size.csv:1: grid of 7 rows x 12 columns (lines 1-8) is not a plate: expected 8x12, 16x24 or 32x48 values
            row_order.csv | row_order.csv:4: row letter 'D' where 'C' was expected (rows must run A, B, C, ...)
            duplicate_title.csv | duplicate_title.csv: duplicate plate name 'Plate 1' (at duplicate_title.csv:2 and duplicate_title.csv:13); give each plate its own title
            header_only.csv | header_only.csv:1: column-number row without grid rows below it
            grid_384_for_96_map.csv | grid_384_for_96_map.csv:1: plate 'grid_384_for_96_map' is a 384-well plate (rows A-P, columns 1-24) but the plate map is a 96-well plate (rows A-H, columns 1-12)
            long_unknown_well.csv | long_unknown_well.csv:3: column 'Well': unknown well I1 for a 96-well plate (rows A-H, columns 1-12)
            long_bad_well.csv | long_bad_well.csv:3: column 'Well': 'X' is not a well name (like A1 or A01)
            long_duplicate_well.csv | long_duplicate_well.csv:4: column 'Well': duplicate well A1 in plate 'long_duplicate_well' (first at line 2)
            long_no_value.csv | long_no_value.csv:1: long plate table needs a value column (value, signal, absorbance, od, luminescence, rlu, fluorescence, counts) next to 'Well'; found: Well, Time, Temperature
            long_text_value.csv | long_text_value.csv:3: well A2: signal 'n/a' is not a number (empty = no signal; OVER, Overflow, #### = saturated)
            """)
    void readPlates_invalidFile_exactLocatedError(String file, String message) {
        assertThatThrownBy(() -> PlateReader.read(resource("invalid/" + file), Optional.of(PlateFormat.WELLS_96)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            map_unknown_role.csv | map_unknown_role.csv:5: column 'role': unknown role 'control' for well A3; use blank, vehicle (dmso), positive (kill), sample, empty
            map_sample_no_conc.csv | map_sample_no_conc.csv:5: column 'conc1': well B3: drug 'defactinib' has no concentration
            map_sample_no_drug.csv | map_sample_no_drug.csv:5: column 'drug1': sample well B4 names no drug and concentration
            map_no_vehicle.csv | map_no_vehicle.csv: plate map: vehicle wells must be at least one (role vehicle or dmso): % viability is relative to the vehicle mean, was 0 (map_no_vehicle.csv)
            map_duplicate_well.csv | map_duplicate_well.csv:5: column 'well': duplicate well B2 (first at line 4)
            map_missing_role_column.csv | map_missing_role_column.csv:1: plate map needs column role; found: well, drug1, conc1
            map_control_with_drug.csv | map_control_with_drug.csv:5: column 'drug1': vehicle well A4 names drug 'defactinib'; only sample wells carry drugs (give it role sample, or clear the drug)
            map_negative_conc.csv | map_negative_conc.csv:5: column 'conc1': well B5: concentration must be a finite number >= 0, was '-1'
            map_conc_without_drug.csv | map_conc_without_drug.csv:5: column 'drug2': well B6 has a concentration (conc2 = 1) but no drug
            map_unknown_well.csv | map_unknown_well.csv:5: column 'well': unknown well Q1 for a 96-well plate (rows A-H, columns 1-12)
            map_unit_mismatch.csv | map_unit_mismatch.csv:5: column 'unit': well B7: unit 'uM' differs from 'nM' (line 4) for the same drugs [defactinib, trametinib]
            """)
    void readMap_invalidFile_exactLocatedError(String file, String message) {
        assertThatThrownBy(() -> PlateMapReader.read(resource("invalid/" + file), Optional.of(PlateFormat.WELLS_96)))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(message);
    }
}
