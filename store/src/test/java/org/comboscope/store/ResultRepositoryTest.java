package org.comboscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Stored results: round trips, paging, sorting and filtering, on every database. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ResultRepositoryTest extends StoreTestSupport {

    @Test
    void results_roundTripEveryKindWithOrderedValues() {
        Map<String, String> values = row(
                "block_id", "7",
                "drug1", "defactinib",
                "ZIP_synergy", "12.5",
                "HSA_synergy", "NA",
                "note", "quote \" backslash \\ newline \n tab \t ctrl \u0001 ünï €",
                "a_empty", "");
        BlockResult block = new BlockResult(
                "7",
                "defactinib",
                "avutometinib",
                OptionalDouble.of(12.5),
                OptionalDouble.empty(),
                OptionalDouble.of(-3.25),
                OptionalDouble.of(1e-300),
                OptionalDouble.of(42),
                values);
        // Cells inserted out of order; read back by conc1, then conc2.
        List<CellResult> cells = List.of(
                new CellResult("7", 1, 0.5, 30, row("c", "3")),
                new CellResult("7", 0, 1, 20, row("c", "2")),
                new CellResult("7", 0, 0, 0, row("c", "1")),
                new CellResult("8", 0, 0, 99, row("c", "other block")));
        List<CurveResult> curves = List.of(
                new CurveResult("7", 2, "avutometinib", row("IC50", "0.31")),
                new CurveResult("7", 1, "defactinib", row("IC50", "1.2", "model", "LL.4")));
        byte[] pdf = new byte[] {'%', 'P', 'D', 'F', 0, (byte) 0xff, (byte) 0x80};
        List<Artifact> artifacts = List.of(
                new Artifact("report.pdf", "application/pdf", pdf),
                new Artifact("blocks.csv", "text/csv", "block_id\n7\n".getBytes(StandardCharsets.UTF_8)));
        long id = completed(new AnalysisResults(List.of(block), cells, curves, artifacts));

        BlockResult back = store.results().block(id, "7").orElseThrow();
        assertThat(back).isEqualTo(block);
        assertThat(back.values().keySet())
                .containsExactly("block_id", "drug1", "ZIP_synergy", "HSA_synergy", "note", "a_empty");
        assertThat(store.results().cells(id, "7"))
                .extracting(c -> c.values().get("c"))
                .containsExactly("1", "2", "3");
        assertThat(store.results().cells(id, "7").get(2)).isEqualTo(cells.get(0));
        assertThat(store.results().curves(id, "7")).containsExactly(curves.get(1), curves.get(0));
        assertThat(store.results().artifact(id, "report.pdf").orElseThrow().content())
                .isEqualTo(pdf);
        assertThat(store.results().artifactNames(id)).containsExactly("blocks.csv", "report.pdf");
        assertThat(store.results().artifact(id, "../report.pdf")).isEmpty();
        assertThat(store.results().block(id, "nope")).isEmpty();
        assertThat(store.results().cells(id + 1, "7")).isEmpty();
    }

    @Test
    void blocks_paging_returnsSlicesAndTotal() {
        List<BlockResult> blocks = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            blocks.add(AnalysisRepositoryTest.block(String.valueOf(i), "d", "e", OptionalDouble.of(i)));
        }
        long id = completed(new AnalysisResults(blocks, List.of(), List.of(), List.of()));
        Page<BlockResult> first = store.results().blocks(id, new BlockQuery("", BlockSort.BLOCK_ID, false, 0, 10));
        Page<BlockResult> last = store.results().blocks(id, new BlockQuery("", BlockSort.BLOCK_ID, false, 20, 10));
        Page<BlockResult> beyond = store.results().blocks(id, new BlockQuery("", BlockSort.BLOCK_ID, false, 30, 10));
        assertThat(first.total()).isEqualTo(25);
        // BLOCK_ID keeps the analysis's order: "2" before "10".
        assertThat(first.items())
                .extracting(BlockResult::blockId)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(last.items()).extracting(BlockResult::blockId).containsExactly("21", "22", "23", "24", "25");
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
        Page<BlockResult> reversed = store.results().blocks(id, new BlockQuery("", BlockSort.BLOCK_ID, true, 0, 3));
        assertThat(reversed.items()).extracting(BlockResult::blockId).containsExactly("25", "24", "23");
    }

    @Test
    void blocks_sortByScore_naLastInBothDirections() {
        long id = completed(new AnalysisResults(
                List.of(
                        AnalysisRepositoryTest.block("a", "d", "e", OptionalDouble.of(5)),
                        AnalysisRepositoryTest.block("b", "d", "e", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("c", "d", "e", OptionalDouble.of(-2)),
                        AnalysisRepositoryTest.block("d", "d", "e", OptionalDouble.of(11)),
                        AnalysisRepositoryTest.block("e", "d", "e", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("f", "d", "e", OptionalDouble.of(5))),
                List.of(),
                List.of(),
                List.of()));
        assertThat(ids(id, new BlockQuery("", BlockSort.ZIP, false, 0, 100)))
                .containsExactly("c", "a", "f", "d", "b", "e");
        assertThat(ids(id, new BlockQuery("", BlockSort.ZIP, true, 0, 100)))
                .containsExactly("d", "a", "f", "c", "b", "e");
        // Every other score is NA everywhere: analysis order.
        assertThat(ids(id, new BlockQuery("", BlockSort.BLISS, true, 0, 100)))
                .containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(store.results()
                        .blocks(id, new BlockQuery("", BlockSort.ZIP, false, 0, 100))
                        .items()
                        .get(4)
                        .zip())
                .isEmpty();
    }

    @Test
    void blocks_sortByDrug_caseInsensitive() {
        long id = completed(new AnalysisResults(
                List.of(
                        AnalysisRepositoryTest.block("1", "trametinib", "x", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("2", "Defactinib", "y", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("3", "avutometinib", "z", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("4", "Zoledronate", "w", OptionalDouble.empty())),
                List.of(),
                List.of(),
                List.of()));
        assertThat(ids(id, new BlockQuery("", BlockSort.DRUG1, false, 0, 10))).containsExactly("3", "2", "1", "4");
        assertThat(ids(id, new BlockQuery("", BlockSort.DRUG2, true, 0, 10))).containsExactly("3", "2", "1", "4");
    }

    @Test
    void blocks_filter_caseInsensitiveSubstringOfIdOrEitherDrug() {
        long id = completed(new AnalysisResults(
                List.of(
                        AnalysisRepositoryTest.block("FAK-1", "Defactinib", "Paclitaxel", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("2", "VS-4718", "DEFACTINIB", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("3", "cisplatin", "gemcitabine", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("fak-4", "x", "y", OptionalDouble.empty())),
                List.of(),
                List.of(),
                List.of()));
        assertThat(ids(id, new BlockQuery("defact", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("FAK-1", "2");
        assertThat(ids(id, new BlockQuery("Fak-", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("FAK-1", "fak-4");
        assertThat(store.results()
                        .blocks(id, new BlockQuery("TAXEL", BlockSort.BLOCK_ID, false, 0, 10))
                        .total())
                .isEqualTo(1);
        assertThat(store.results()
                        .blocks(id, new BlockQuery("nothing", BlockSort.BLOCK_ID, false, 0, 10))
                        .total())
                .isZero();
    }

    @Test
    void blocks_filterWithSqlMetacharacters_takenLiterally() {
        long id = completed(new AnalysisResults(
                List.of(
                        AnalysisRepositoryTest.block("a%b", "x", "y", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("a_b", "x", "y", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("axb", "x", "y", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("o'neil", "x", "y", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("a!b", "x", "y", OptionalDouble.empty()),
                        AnalysisRepositoryTest.block("a\\b", "x", "y", OptionalDouble.empty())),
                List.of(),
                List.of(),
                List.of()));
        assertThat(ids(id, new BlockQuery("%", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("a%b");
        assertThat(ids(id, new BlockQuery("_", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("a_b");
        assertThat(ids(id, new BlockQuery("'", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("o'neil");
        assertThat(ids(id, new BlockQuery("!", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("a!b");
        assertThat(ids(id, new BlockQuery("\\", BlockSort.BLOCK_ID, false, 0, 10)))
                .containsExactly("a\\b");
        assertThat(ids(id, new BlockQuery("' OR 1=1 --", BlockSort.BLOCK_ID, false, 0, 10)))
                .isEmpty();
    }

    private List<String> ids(long analysisId, BlockQuery q) {
        return store.results().blocks(analysisId, q).items().stream()
                .map(BlockResult::blockId)
                .toList();
    }

    private long completed(AnalysisResults results) {
        long id = store.analyses().create(newDataset(), "synergy", "{}", "1").id();
        store.analyses().markRunning(id, results.blocks().size());
        store.analyses().complete(id, results, "");
        return id;
    }
}
