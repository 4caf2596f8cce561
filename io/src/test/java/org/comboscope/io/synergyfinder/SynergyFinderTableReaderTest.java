package org.comboscope.io.synergyfinder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.comboscope.core.matrix.DoseResponseBlock;
import org.comboscope.core.matrix.ResponseScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynergyFinderTableReaderTest {

    private static TableReadResult read(String name, ResponseScale scale) {
        return SynergyFinderTableReader.read(TestFiles.resource("synergyfinder/valid/" + name), scale);
    }

    @Test
    void read_utf8Bom_readsFirstColumnAndWarns() {
        TableReadResult r = read("bom.csv", ResponseScale.INHIBITION);
        assertThat(r.format()).isEqualTo(TableFormat.CSV);
        assertThat(r.blocks()).hasSize(1);
        assertThat(r.blocks().get(0).blockId()).isEqualTo("1");
        assertThat(r.rowCount()).isEqualTo(9);
        assertThat(r.warnings())
                .containsExactly("bom.csv: starts with a UTF-8 byte-order mark (BOM), which was skipped");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void read_blankLinesInside_skipsThemWithWarning_andIgnoresTrailingOnes() {
        TableReadResult r = read("blank_lines.csv", ResponseScale.INHIBITION);
        DoseResponseBlock b = r.blocks().get(0);
        assertThat(b.rowCount()).isEqualTo(9);
        assertThat(b.sourceLines()).containsExactly(2, 3, 5, 6, 8, 9, 10, 11, 12);
        assertThat(r.warnings())
                .containsExactly("blank_lines.csv: skipped 2 blank lines inside the table (lines 4, 7)");
    }

    @Test
    void read_quotedFieldsAndCrLf_keepsSeparatorsQuotesAndLineNumbers() {
        TableReadResult r = read("quoted_crlf.csv", ResponseScale.INHIBITION);
        DoseResponseBlock b = r.blocks().get(0);
        assertThat(b.blockId()).isEqualTo("x");
        assertThat(b.drugs()).containsExactly("5-FU, low", "Drug \"B\"");
        assertThat(b.concUnits()).containsExactly("uM", "uM");
        // the second record spans lines 3-4, so the next one starts on line 5
        assertThat(b.sourceLines()).containsExactly(2, 3, 5, 6, 7, 8, 9);
        assertThat(b.conc(4, 0)).isEqualTo(1.0);
        assertThat(r.warnings()).containsExactly("quoted_crlf.csv:1: ignored column: notes");
    }

    @Test
    void read_camelCaseAliasesWithViability_normalisesColumnsAndConvertsOnce() {
        TableReadResult r = read("camel_case.tsv", ResponseScale.VIABILITY);
        assertThat(r.format()).isEqualTo(TableFormat.TSV);
        assertThat(r.scale()).isEqualTo(ResponseScale.VIABILITY);
        DoseResponseBlock b = r.blocks().get(0);
        assertThat(b.blockId()).isEqualTo("7");
        assertThat(b.drugs()).containsExactly("A", "B");
        assertThat(b.concUnits()).containsExactly("nM", "uM");
        assertThat(b.inhibitionPercent()).containsExactly(0, 10, 20, 5, 30, 15, 70);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void read_threeDrugsInTxt_sniffsTabsAndUsesOneUnitForAllDrugs() {
        TableReadResult r = read("three_drugs.txt", ResponseScale.INHIBITION);
        assertThat(r.format()).isEqualTo(TableFormat.TSV);
        assertThat(r.drugCount()).isEqualTo(3);
        DoseResponseBlock b = r.blocks().get(0);
        assertThat(b.drugs()).containsExactly("A", "B", "C");
        assertThat(b.concUnits()).containsExactly("uM", "uM", "uM");
        assertThat(b.rowCount()).isEqualTo(27);
        assertThat(b.concentrations()[26]).containsExactly(2, 2, 50);
        assertThat(b.response(26)).isEqualTo(40.0);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void read_blocksInterleaved_keepsFirstAppearanceOrderRowOrderAndReplicates() {
        TableReadResult r = read("problems.csv", ResponseScale.INHIBITION);
        assertThat(r.blocks()).extracting(DoseResponseBlock::blockId).containsExactly("b", "a", "c");
        DoseResponseBlock b = r.block("b").orElseThrow();
        assertThat(b.sourceLines()).containsExactly(2, 3, 13, 14, 15, 16, 17);
        assertThat(b.inhibitionPercent()).containsExactly(0, 20, 5, 40, 15, 70, 72);
        assertThat(r.blockAttributes())
                .isEqualTo(Map.of(
                        "a", Map.of("cell_line", "X"), "b", Map.of("cell_line", "X"), "c", Map.of("cell_line", "Y")));
    }

    @Test
    void read_blockWithTooFewConcentrations_reportsBlockProblemsAndKeepsOthers() {
        TableReadResult r = read("problems.csv", ResponseScale.INHIBITION);
        assertThat(r.problems())
                .containsExactly(
                        new BlockProblem(
                                "b",
                                2,
                                "drug 'C' (conc2) has 2 distinct concentrations (0, 10); a dose-response curve needs at"
                                        + " least 3, 0 included"),
                        new BlockProblem(
                                "c",
                                18,
                                "drug 'D' (conc1) has 2 distinct concentrations on its single-drug curve (0, 1) where"
                                        + " every other drug is 0; a dose-response curve needs at least 3, 0 included"));
        assertThat(r.analysableBlocks()).extracting(DoseResponseBlock::blockId).containsExactly("a");
        assertThat(r.problemsFor("a")).isEmpty();
        assertThat(r.problems().get(0).message(r.sourceName()))
                .isEqualTo("problems.csv:2: block b cannot be analysed: drug 'C' (conc2) has 2 distinct concentrations"
                        + " (0, 10); a dose-response curve needs at least 3, 0 included");
    }

    @Test
    void read_xlsxBothSheets_giveTheSameInhibitionAsTheCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path xlsx = TestFiles.resource("synergyfinder/valid/mathews_two_sheets.xlsx");
        TableReadResult first = SynergyFinderTableReader.read(xlsx, ResponseScale.VIABILITY);
        TableReadResult second = SynergyFinderTableReader.read(xlsx, ResponseScale.INHIBITION, "inhibition");
        TableReadResult csv = SynergyFinderTableReader.read(
                TestFiles.gunzip("synergyfinder/data/mathews_screening_data.csv", dir), ResponseScale.VIABILITY);
        assertThat(first.format()).isEqualTo(TableFormat.XLSX);
        assertThat(first.warnings())
                .containsExactly(
                        "mathews_two_sheets.xlsx: read the first sheet 'viability' of 2 (viability," + " inhibition)");
        assertThat(second.warnings()).isEmpty();
        assertThat(first.blocks()).isEqualTo(csv.blocks());
        // second sheet: inhibition = 100 - viability computed in Java when writing, so equal to the bit
        for (int k = 0; k < 2; k++) {
            DoseResponseBlock a = first.blocks().get(k);
            DoseResponseBlock b = second.blocks().get(k);
            assertThat(b.blockId()).isEqualTo(a.blockId());
            assertThat(b.drugs()).isEqualTo(a.drugs());
            assertThat(b.concUnits()).isEqualTo(List.of("nM", "nM"));
            assertThat(b.concentrations()).isDeepEqualTo(a.concentrations());
            assertThat(b.inhibitionPercent()).containsExactly(a.inhibitionPercent());
        }
    }

    @Test
    void read_inhibitionColumnReadAsViability_warns() {
        java.nio.file.Path xlsx = TestFiles.resource("synergyfinder/valid/mathews_two_sheets.xlsx");
        TableReadResult r = SynergyFinderTableReader.read(xlsx, ResponseScale.VIABILITY, "inhibition");
        assertThat(r.warnings())
                .containsExactly("mathews_two_sheets.xlsx: the response column is named 'inhibition' but is read as"
                        + " viability (converted to 100 - value); check the data type");
    }

    @Test
    void normalise_followsSynergyFinderAdjustColumnName() {
        assertThat(ColumnLayout.normalise("BlockId")).isEqualTo("block_id");
        assertThat(ColumnLayout.normalise("PairIndex")).isEqualTo("block_id");
        assertThat(ColumnLayout.normalise("drugRow")).isEqualTo("drug1");
        assertThat(ColumnLayout.normalise("DRUG_COL")).isEqualTo("drug2");
        assertThat(ColumnLayout.normalise("ConcR")).isEqualTo("conc1");
        assertThat(ColumnLayout.normalise("conc_row")).isEqualTo("conc1");
        assertThat(ColumnLayout.normalise("concCol")).isEqualTo("conc2");
        assertThat(ColumnLayout.normalise("ConcRUnit")).isEqualTo("conc_unit1");
        assertThat(ColumnLayout.normalise("conc_c_unit")).isEqualTo("conc_unit2");
        assertThat(ColumnLayout.normalise(" Inhibition ")).isEqualTo("response");
        assertThat(ColumnLayout.normalise("CellLineName")).isEqualTo("cell_line_name");
        assertThat(ColumnLayout.normalise("Drug3")).isEqualTo("drug3");
    }

    @Test
    void parseDecimal_acceptsPlainDecimalsOnly() {
        assertThat(SynergyFinderTableReader.parseDecimal("1.5e-3")).isEqualTo(0.0015);
        assertThat(SynergyFinderTableReader.parseDecimal("+2")).isEqualTo(2.0);
        assertThat(SynergyFinderTableReader.parseDecimal(".5")).isEqualTo(0.5);
        for (String bad : new String[] {"", "NaN", "Infinity", "1d", "1f", "0x10", "1,5", "e", "-", "1e", "Inf"}) {
            assertThat(SynergyFinderTableReader.parseDecimal(bad)).as(bad).isNaN();
        }
    }

    @Test
    void read_workbookNamedCsv_readsItAsXlsxWithWarning(@TempDir Path dir) throws IOException {
        Path copy =
                Files.copy(TestFiles.resource("synergyfinder/valid/mathews_two_sheets.xlsx"), dir.resolve("data.csv"));
        TableReadResult r = SynergyFinderTableReader.read(copy, ResponseScale.VIABILITY);
        assertThat(r.format()).isEqualTo(TableFormat.XLSX);
        assertThat(r.blocks()).hasSize(2);
        assertThat(r.warnings()).startsWith("data.csv: is an Excel workbook despite its name; read as XLSX");
    }

    @Test
    void read_commaSeparatedUnknownExtension_sniffsCommas(@TempDir Path dir) throws IOException {
        Path copy = Files.copy(TestFiles.resource("synergyfinder/valid/problems.csv"), dir.resolve("problems.dat"));
        TableReadResult r = SynergyFinderTableReader.read(copy, ResponseScale.INHIBITION);
        assertThat(r.format()).isEqualTo(TableFormat.CSV);
        assertThat(r.blocks()).hasSize(3);
    }
}
