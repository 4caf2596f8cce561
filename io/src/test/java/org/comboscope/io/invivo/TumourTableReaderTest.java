package org.comboscope.io.invivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.invivo.Arms;
import org.comboscope.core.invivo.Measurement;
import org.comboscope.core.invivo.TumourObservation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TumourTableReaderTest {

    static Path resource(String name) {
        try {
            return Path.of(
                    TumourTableReaderTest.class.getResource("/invivo/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("missing test resource " + name, e);
        }
    }

    @Test
    void readLong_sw837_readsEveryRow() throws Exception {
        TumourTable t = TumourTableReader.readLong(resource("sw837_long.csv"));
        assertThat(t.study().name()).isEqualTo("SW837");
        assertThat(t.study().measurement()).isEqualTo(Measurement.VOLUME_MM3);
        assertThat(t.study().observations()).hasSize(120);
        assertThat(t.study().observations().get(0))
                .isEqualTo(new TumourObservation("SW837_m13", "Irinotecan", -1, 367.67));
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void readLong_bliColumn_readsRlu() throws Exception {
        TumourTable t = TumourTableReader.readLong(resource("u87mg_bli_long.csv"));
        assertThat(t.study().measurement()).isEqualTo(Measurement.BLI_RLU);
        assertThat(t.study().observations().get(0).value()).isEqualTo(305100);
    }

    @Test
    void readLong_calipers_volumeIsLengthTimesWidthSquaredOverTwo() throws Exception {
        TumourTable t = TumourTableReader.readLong(resource("calipers.csv"));
        assertThat(t.study().measurement()).isEqualTo(Measurement.CALIPER_VOLUME_MM3);
        assertThat(t.study().observations())
                .extracting(TumourObservation::value)
                .containsExactly(10 * 8 * 8 / 2.0, 12 * 9 * 9 / 2.0);
        assertThat(t.notes()).singleElement().asString().contains("calipers.csv:4:");
    }

    @Test
    void readWide_dayColumns_becomeLongRows() throws Exception {
        TumourTable t = TumourTableReader.readWide(resource("wide.csv"), Measurement.VOLUME_MM3);
        assertThat(t.study().observations())
                .containsExactly(
                        new TumourObservation("1", "Vehicle", 0, 100),
                        new TumourObservation("1", "Vehicle", 3, 150),
                        new TumourObservation("1", "Vehicle", 7, 220),
                        new TumourObservation("2", "DrugA", 0, 110),
                        new TumourObservation("2", "DrugA", 7, 130));
    }

    @Test
    void readWide_xlsxFirstSheet_numericDayHeadersAndFullPrecision(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path x = tmp.resolve("wide.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.createSheet("tv");
            org.apache.poi.ss.usermodel.Row h = sh.createRow(0);
            h.createCell(0).setCellValue("Treatment");
            h.createCell(1).setCellValue("Mouse");
            h.createCell(2).setCellValue(0);
            h.createCell(3).setCellValue(3.5);
            org.apache.poi.ss.usermodel.Row r = sh.createRow(1);
            r.createCell(0).setCellValue("Vehicle");
            r.createCell(1).setCellValue(7);
            r.createCell(2).setCellValue(123.456789012345);
            r.createCell(3).setCellFormula("C2*2");
            try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(x)) {
                wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
                wb.write(o);
            }
        }
        TumourTable t = TumourTableReader.readWide(x, Measurement.VOLUME_MM3);
        assertThat(t.study().observations())
                .containsExactly(
                        new TumourObservation("7", "Vehicle", 0, 123.456789012345),
                        new TumourObservation("7", "Vehicle", 3.5, 2 * 123.456789012345));
    }

    @Test
    void readLong_xlsxBadCell_errorNamesSpreadsheetRow(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path x = tmp.resolve("long.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.createSheet();
            String[][] cells = {
                {"animal_id", "group", "day", "volume_mm3"}, {"m1", "V", "0", "100"}, {"m1", "V", "3", "n/a"}
            };
            for (int i = 0; i < cells.length; i++) {
                org.apache.poi.ss.usermodel.Row r = sh.createRow(i);
                for (int j = 0; j < cells[i].length; j++) {
                    r.createCell(j).setCellValue(cells[i][j]);
                }
            }
            try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(x)) {
                wb.write(o);
            }
        }
        assertThatThrownBy(() -> TumourTableReader.readLong(x))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(x + ":3: column 'volume_mm3': volume_mm3 must be a finite number >= 0, was 'n/a'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad_number.csv|bad_number.csv:3: column 'volume_mm3': volume_mm3 must be a finite number >= 0, was 'abc'",
                "negative.csv|negative.csv:3: column 'volume_mm3': volume_mm3 must be >= 0, was '-5'",
                "duplicate_day.csv|duplicate_day.csv:3: column 'day': animal 'm1' has a second measurement for day 0.0 (first on line 2)",
                "two_groups.csv|two_groups.csv:3: animal 'm1' is in group 'A' here but in group 'V' on line 2; an animal must stay in one group",
                "no_measure.csv|no_measure.csv:1: missing measurement column: need 'volume_mm3', or 'length_mm' and 'width_mm', or 'bli_rlu'; header is [study, animal_id, group, day, size]",
                "no_animal.csv|no_animal.csv:1: missing column 'animal_id' (also accepted: mouse, animal, SampleID, animal id); header is [study, mouse_name, group, day, volume_mm3]"
            })
    void readLong_invalidFile_failsWithLocatedMessage(String file, String message) {
        Path p = resource("invalid/" + file);
        assertThatThrownBy(() -> TumourTableReader.readLong(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(p.toString().replace(file, "") + message);
    }

    @Test
    void readArms_twoByTwo_returnsOneDesign() throws Exception {
        assertThat(ArmsReader.read(resource("sw837_arms.csv")))
                .containsExactly(new Arms("Vehicle", "Rabusertib", "Irinotecan", "Irinotecan + Rabusertib"));
    }

    @Test
    void readArms_multiArm_returnsOneDesignPerCombination() throws Exception {
        List<Arms> d = ArmsReader.read(resource("mas98_multiarm_arms.csv"));
        assertThat(d)
                .containsExactly(
                        new Arms("Ctrl", "EGF", "Fulv", "EGF_Fulv"),
                        new Arms("Ctrl", "Fulv", "Trast", "Fulv_Trast"),
                        new Arms("Ctrl", "Her", "Fulv", "Her_Fulv"),
                        new Arms("Ctrl", "Her", "Trast", "Her_Trast"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "u87mg_triple_arms.csv|u87mg_triple_arms.csv:5: column 'role': three-drug designs are not supported yet, role was 'drugC (docetaxel)'",
                "invalid/arms_bad_role.csv|arms_bad_role.csv:4: column 'role': role must be one of vehicle, drugA, drugB, combination (or single / combination X+Y), was 'drug_b'",
                "invalid/arms_twice.csv|arms_twice.csv:4: column 'role': role 'drugA' is given twice (also group 'A')",
                "invalid/arms_dup_group.csv|arms_dup_group.csv:5: column 'group': group 'A' is listed twice (also line 3)"
            })
    void readArms_invalid_failsWithLocatedMessage(String file, String message) {
        Path p = resource(file);
        assertThatThrownBy(() -> ArmsReader.read(p))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(p.getParent() + "/" + message);
    }
}
