package org.comboscope.io.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.screen.CountTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountTableReaderTest {

    @Test
    void read_tsvWithDecimalIntegers_keepsRowOrderAndCounts() {
        CountTable t = CountTableReader.read(
                new StringReader("sgRNA\tGene\tT0\tT1\nb\tG2\t239.0\t0\na\tG1\t5\t7\n"), "x.tsv", '\t');
        assertThat(t.guides()).containsExactly("b", "a");
        assertThat(t.genes()).containsExactly("G2", "G1");
        assertThat(t.samples()).containsExactly("T0", "T1");
        assertThat(t.column("T0")).containsExactly(239, 5);
        assertThat(t.column("T1")).containsExactly(0, 7);
    }

    @Test
    void read_csvByFileName_usesCommas(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("counts.CSV");
        Files.writeString(f, "sgRNA,Gene,A,B\ng1,X,1,2\n\ng2,Y,3,4\n");
        CountTable t = CountTableReader.read(f);
        assertThat(t.guides()).containsExactly("g1", "g2");
        assertThat(t.column("B")).containsExactly(2, 4);
    }

    @Test
    void sampleIndex_unknownSample_namesOptionAndColumns() {
        CountTable t = CountTableReader.read(new StringReader("sgRNA\tGene\tA\tB\ng1\tX\t1\t2\n"), "x.tsv", '\t');
        assertThatThrownBy(() -> t.sampleIndex("C", "--control"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--control must name a sample column of the count table (columns: A, B), was C");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "duplicate_guide.tsv|duplicate_guide.tsv:4: column 'sgRNA': duplicate guide id 'g1' (first on line 2)",
                "fractional_count.tsv|fractional_count.tsv:3: column 'A': read count must be an integer, was '3.5'",
                "negative_count.tsv|negative_count.tsv:2: column 'B': read count must be >= 0, was '-2'",
                "text_count.tsv|text_count.tsv:3: column 'A': read count must be a number, was 'lots'",
                "ragged_row.tsv|ragged_row.tsv:3: row has 3 fields, the header has 4",
                "ragged_row.csv|ragged_row.csv:3: row has 5 fields, the header has 4",
                "duplicate_sample.tsv|duplicate_sample.tsv:1: column 'A': duplicate sample name (columns 3 and 4)",
                "no_guides.tsv|no_guides.tsv: no guide rows after the header"
            })
    void read_invalidFile_reportsFileLineAndColumn(String name, String message) throws Exception {
        Path f = Path.of(getClass().getResource("/screen/invalid/" + name).toURI());
        assertThatThrownBy(() -> CountTableReader.read(f))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(message);
    }

    @Test
    void read_invalidCorpus_everyFileIsCovered() throws Exception {
        Path dir = Path.of(getClass().getResource("/screen/invalid").toURI());
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of(
                            "duplicate_guide.tsv",
                            "duplicate_sample.tsv",
                            "fractional_count.tsv",
                            "negative_count.tsv",
                            "no_guides.tsv",
                            "ragged_row.csv",
                            "ragged_row.tsv",
                            "text_count.tsv"));
        }
    }
}
