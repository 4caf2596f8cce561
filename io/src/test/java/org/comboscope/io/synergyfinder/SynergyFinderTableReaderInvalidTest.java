package org.comboscope.io.synergyfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.matrix.ResponseScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code invalid/} corpus: every file must fail with exactly this message and location. */
class SynergyFinderTableReaderInvalidTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                // whole file
                Arguments.of("empty.csv", 0, null, "empty.csv: file is empty"),
                Arguments.of("blank_only.csv", 0, null, "blank_only.csv: file is empty: it holds only blank lines"),
                Arguments.of("header_only.csv", 1, null, "header_only.csv:1: file has a header but no data rows"),
                Arguments.of("utf16.csv", 0, null, "utf16.csv: is UTF-16 encoded; save it as UTF-8"),
                Arguments.of(
                        "legacy.xls",
                        0,
                        null,
                        "legacy.xls: is a legacy Excel (.xls) file, which is not supported; save it as .xlsx or CSV"),
                Arguments.of(
                        "text_named.xlsx",
                        0,
                        null,
                        "text_named.xlsx: is named .xlsx but is not an Excel workbook (it is not a zip archive)"),
                // delimiters
                Arguments.of(
                        "semicolon.csv",
                        1,
                        null,
                        "semicolon.csv:1: wrong delimiter: the header is separated by ';', but a .csv file must be"
                                + " separated by ',' (re-export it with ',' as separator and '.' as decimal mark)"),
                Arguments.of(
                        "tabs_named.csv",
                        1,
                        null,
                        "tabs_named.csv:1: wrong delimiter: the header is separated by tabs, but a .csv file must be"
                                + " separated by ',' (name a tab-separated file .tsv)"),
                Arguments.of(
                        "commas_named.tsv",
                        1,
                        null,
                        "commas_named.tsv:1: wrong delimiter: the header is separated by ',', but a .tsv file must"
                                + " be separated by tabs (name a comma-separated file .csv)"),
                // quoting and encoding
                Arguments.of(
                        "unclosed_quote.csv",
                        4,
                        null,
                        "unclosed_quote.csv:4: malformed quoting: Unclosed quoted field at end of input"),
                Arguments.of(
                        "junk_after_quote.csv",
                        3,
                        null,
                        "junk_after_quote.csv:3: malformed quoting: Unexpected character after closing quote: 'x'"
                                + " (0x78)"),
                Arguments.of(
                        "latin1_unit.csv",
                        5,
                        "conc_unit",
                        "latin1_unit.csv:5: column 'conc_unit': text is not valid UTF-8 (block 1); save the file as"
                                + " UTF-8"),
                // header
                Arguments.of(
                        "missing_response.csv",
                        1,
                        null,
                        "missing_response.csv:1: missing required column response; found 6 columns: block_id, drug1,"
                                + " drug2, conc1, conc2, conc_unit"),
                Arguments.of(
                        "missing_drug2_conc2.csv",
                        1,
                        null,
                        "missing_drug2_conc2.csv:1: missing required columns drug2, conc2; found 5 columns: block_id,"
                                + " drug1, conc1, response, conc_unit"),
                Arguments.of(
                        "viability_column.csv",
                        1,
                        null,
                        "viability_column.csv:1: missing required column response; found 7 columns: block_id, drug1,"
                                + " drug2, conc1, conc2, viability, conc_unit (rename 'viability' to 'response' and"
                                + " read with data type viability)"),
                Arguments.of(
                        "duplicate_alias.csv",
                        1,
                        "drug1",
                        "duplicate_alias.csv:1: column 'drug1': duplicate column: 'drug_row' (column 2) and 'drug1'"
                                + " (column 7) both mean 'drug1'"),
                Arguments.of(
                        "duplicate_name.csv",
                        1,
                        "response",
                        "duplicate_name.csv:1: column 'response': duplicate column: columns 6 and 7 have the same"
                                + " name"),
                Arguments.of(
                        "drug0.csv",
                        1,
                        "drug0",
                        "drug0.csv:1: column 'drug0': unknown column: drugs are numbered from 1 (drug1, conc1, ...)"),
                Arguments.of(
                        "drug_numbering_gap.csv",
                        1,
                        "drug4",
                        "drug_numbering_gap.csv:1: column 'drug4': unknown column: drug columns must be numbered"
                                + " 1..2 without gaps, but there is no drug3/conc3"),
                Arguments.of(
                        "drug3_without_conc3.csv",
                        1,
                        "drug3",
                        "drug3_without_conc3.csv:1: column 'drug3': drug column without a matching concentration"
                                + " column conc3"),
                Arguments.of(
                        "unit_beyond_drugs.csv",
                        1,
                        "conc_unit3",
                        "unit_beyond_drugs.csv:1: column 'conc_unit3': unknown column: a unit for drug 3, but the"
                                + " table has 2 drugs"),
                // rows
                Arguments.of(
                        "ragged_short.csv",
                        4,
                        null,
                        "ragged_short.csv:4: ragged row: it has 6 fields but the header has 7"),
                Arguments.of(
                        "ragged_long.csv",
                        10,
                        null,
                        "ragged_long.csv:10: ragged row: it has 8 fields but the header has 7"),
                Arguments.of(
                        "empty_block_id.csv",
                        6,
                        "block_id",
                        "empty_block_id.csv:6: column 'block_id': block_id must not be empty"),
                Arguments.of(
                        "empty_drug.csv",
                        5,
                        "drug1",
                        "empty_drug.csv:5: column 'drug1': drug name must not be empty (block 1)"),
                // concentrations
                Arguments.of(
                        "conc_negative.csv",
                        6,
                        "conc1",
                        "conc_negative.csv:6: column 'conc1': concentration must be a finite number >= 0, was '-1'"
                                + " (block 1)"),
                Arguments.of(
                        "conc_text.csv",
                        4,
                        "conc2",
                        "conc_text.csv:4: column 'conc2': concentration must be a finite number >= 0, was 'ten'"
                                + " (block 1)"),
                Arguments.of(
                        "conc_na.csv",
                        8,
                        "conc1",
                        "conc_na.csv:8: column 'conc1': concentration must be a finite number >= 0, was 'NA'"
                                + " (block 1)"),
                Arguments.of(
                        "conc_inf.csv",
                        10,
                        "conc1",
                        "conc_inf.csv:10: column 'conc1': concentration must be a finite number >= 0, was 'Inf'"
                                + " (block 1)"),
                Arguments.of(
                        "conc_nan.tsv",
                        3,
                        "conc2",
                        "conc_nan.tsv:3: column 'conc2': concentration must be a finite number >= 0, was 'NaN'"
                                + " (block 1)"),
                Arguments.of(
                        "conc_empty.csv",
                        5,
                        "conc1",
                        "conc_empty.csv:5: column 'conc1': concentration must be a finite number >= 0, was empty"
                                + " (block 1)"),
                Arguments.of(
                        "conc_decimal_comma.tsv",
                        6,
                        "conc1",
                        "conc_decimal_comma.tsv:6: column 'conc1': concentration must be a finite number >= 0, was"
                                + " '0,5' (block 1); use '.' as the decimal mark"),
                // responses
                Arguments.of(
                        "response_na.csv",
                        7,
                        "response",
                        "response_na.csv:7: column 'response': response must be a finite number, was 'NA' (block 1)"),
                Arguments.of(
                        "response_empty.csv",
                        3,
                        "response",
                        "response_empty.csv:3: column 'response': response must be a finite number, was empty"
                                + " (block 1)"),
                Arguments.of(
                        "response_overflow.csv",
                        9,
                        "response",
                        "response_overflow.csv:9: column 'response': response must be a finite number, was '1e999'"
                                + " (block 1)"),
                // block consistency
                Arguments.of(
                        "block_mixes_drugs.csv",
                        14,
                        "drug2",
                        "block_mixes_drugs.csv:14: column 'drug2': block 2 mixes drugs: 'D' here but 'C' on line"
                                + " 11; each block must hold one drug combination"),
                Arguments.of(
                        "unit_changes.csv",
                        7,
                        "conc_unit",
                        "unit_changes.csv:7: column 'conc_unit': block 1 gives drug 'A' in 'nM' here but in 'uM' on"
                                + " line 2; each drug must have one concentration unit within a block"),
                Arguments.of(
                        "cell_line_changes.csv",
                        8,
                        "cell_line",
                        "cell_line_changes.csv:8: column 'cell_line': block 1 mixes values: 'HeLa' here but 'A549'"
                                + " on line 2; cell_line must be constant within a block"),
                // workbooks
                Arguments.of(
                        "merged_header.xlsx",
                        1,
                        null,
                        "merged_header.xlsx:1: merged header cells B1:C1; unmerge them so that every column has its"
                                + " own name"),
                Arguments.of(
                        "merged_title.xlsx",
                        1,
                        null,
                        "merged_title.xlsx:1: merged header cells A1:G1; unmerge them so that every column has its"
                                + " own name"),
                Arguments.of(
                        "merged_data.xlsx",
                        2,
                        null,
                        "merged_data.xlsx:2: merged cells A2:A10; a data table needs one value per cell (unmerge"
                                + " them and fill in the values)"),
                Arguments.of(
                        "xlsx_missing_conc2.xlsx",
                        1,
                        null,
                        "xlsx_missing_conc2.xlsx:1: missing required column conc2; found 6 columns: block_id, drug1,"
                                + " drug2, conc1, response, conc_unit"),
                Arguments.of(
                        "xlsx_header_only.xlsx",
                        1,
                        null,
                        "xlsx_header_only.xlsx:1: file has a header but no data rows"),
                Arguments.of(
                        "xlsx_conc_text.xlsx",
                        4,
                        "conc1",
                        "xlsx_conc_text.xlsx:4: column 'conc1': concentration must be a finite number >= 0, was"
                                + " '0.0 uM' (block 1)"),
                Arguments.of(
                        "xlsx_conc_negative.xlsx",
                        9,
                        "conc2",
                        "xlsx_conc_negative.xlsx:9: column 'conc2': concentration must be a finite number >= 0, was"
                                + " '-1' (block 1)"),
                Arguments.of(
                        "xlsx_error_cell.xlsx",
                        7,
                        "response",
                        "xlsx_error_cell.xlsx:7: column 'response': response must be a finite number, was '#DIV/0!'"
                                + " (block 1)"),
                Arguments.of(
                        "xlsx_outside_table.xlsx",
                        6,
                        null,
                        "xlsx_outside_table.xlsx:6: cell H6 lies outside the table: the header has 7 columns"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void read_invalidFile_throwsExactLocatedMessage(String file, int line, String column, String message) {
        Path path = TestFiles.resource("invalid/" + file);
        assertThatThrownBy(() -> SynergyFinderTableReader.read(path, ResponseScale.INHIBITION))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line().orElse(0)).isEqualTo(line);
                    assertThat(e.column().orElse(null)).isEqualTo(column);
                });
    }

    @Test
    void corpus_coversEveryFileInInvalidFolder_andHasAtLeast25() throws IOException {
        Set<String> listed = corpus().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> present;
        try (Stream<Path> files = Files.list(TestFiles.resource("invalid"))) {
            present = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(listed).isEqualTo(present);
        assertThat(present.size()).isGreaterThanOrEqualTo(25);
        assertThat(present.stream().filter(n -> n.endsWith(".xlsx")).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void read_sheetNameMissingFromWorkbook_listsSheets() {
        Path path = TestFiles.resource("synergyfinder/valid/mathews_two_sheets.xlsx");
        assertThatThrownBy(() -> SynergyFinderTableReader.read(path, ResponseScale.VIABILITY, "Data"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("mathews_two_sheets.xlsx: has no sheet named 'Data'; its sheets are: viability,"
                        + " inhibition");
    }

    @Test
    void read_sheetNameForTextFile_throws() {
        Path path = TestFiles.resource("synergyfinder/valid/bom.csv");
        assertThatThrownBy(() -> SynergyFinderTableReader.read(path, ResponseScale.VIABILITY, "Sheet1"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("bom.csv: a sheet name ('Sheet1') was given, but this is a text file");
    }

    @Test
    void read_missingFile_throwsDataFormatException(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> SynergyFinderTableReader.read(dir.resolve("nope.csv"), ResponseScale.INHIBITION))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("nope.csv: cannot be read: no such file");
    }
}
