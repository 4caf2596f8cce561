package org.comboscope.io.synergyfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.matrix.ResponseScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SynergyFinderTableReader#stream}: the blocks, problems, warnings and errors of {@code read}. */
class SynergyFinderTableReaderStreamTest {
    @TempDir
    Path tmp;

    private static List<SynergyFinderTableReader.StreamedBlock> drain(Path p, ResponseScale scale, List<String> warn)
            throws IOException {
        List<SynergyFinderTableReader.StreamedBlock> out = new ArrayList<>();
        try (SynergyFinderTableReader.BlockStream s = SynergyFinderTableReader.stream(p, scale)) {
            Optional<SynergyFinderTableReader.StreamedBlock> b;
            while ((b = s.next()).isPresent()) {
                out.add(b.get());
            }
            warn.addAll(s.warnings());
            assertThat(s.bytesRead()).isEqualTo(p.toString().endsWith(".xlsx") ? 0 : Files.size(p));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "blank_lines.csv",
                "bom.csv",
                "camel_case.tsv",
                "quoted_crlf.csv",
                "three_drugs.txt",
                "mathews_two_sheets.xlsx"
            })
    void stream_contiguousFile_givesTheBlocksProblemsAndWarningsOfRead(String name) throws IOException {
        Path p = TestFiles.resource("synergyfinder/valid/" + name);
        TableReadResult r = SynergyFinderTableReader.read(p, ResponseScale.VIABILITY);
        List<String> warnings = new ArrayList<>();
        List<SynergyFinderTableReader.StreamedBlock> s = drain(p, ResponseScale.VIABILITY, warnings);
        assertThat(s).extracting(SynergyFinderTableReader.StreamedBlock::block).isEqualTo(r.blocks());
        for (SynergyFinderTableReader.StreamedBlock b : s) {
            assertThat(b.problems()).isEqualTo(r.problemsFor(b.block().blockId()));
            assertThat(b.attributes())
                    .isEqualTo(r.blockAttributes().get(b.block().blockId()));
        }
        assertThat(warnings).isEqualTo(r.warnings());
    }

    @Test
    void stream_reappearingBlock_throwsNamingLineAndColumn() {
        Path p = TestFiles.resource("synergyfinder/valid/problems.csv");
        assertThatThrownBy(() -> drain(p, ResponseScale.INHIBITION, new ArrayList<>()))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("problems.csv:13: column 'block_id': block b reappears after other blocks;"
                                    + " for streaming, the rows of each block must be contiguous (sort the file by"
                                    + " block_id)");
                    assertThat(e.line().orElse(0)).isEqualTo(13);
                });
    }

    static Stream<Path> invalidFiles() throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.resource("invalid"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void stream_invalidFile_throwsTheMessageOfRead(Path p) {
        Throwable expected = org.assertj.core.api.Assertions.catchThrowable(
                () -> SynergyFinderTableReader.read(p, ResponseScale.INHIBITION));
        assertThat(expected).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> drain(p, ResponseScale.INHIBITION, new ArrayList<>()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(expected.getMessage());
    }
}
