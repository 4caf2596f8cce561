package org.comboscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's records and its JSON codec, without a database. */
class ValuesTest {

    @Test
    void artifact_copiesContentInAndOut() {
        byte[] bytes = {1, 2, 3};
        Artifact a = new Artifact("x.bin", "application/octet-stream", bytes);
        bytes[0] = 9;
        assertThat(a.content()).containsExactly(1, 2, 3);
        a.content()[1] = 9;
        assertThat(a.content()).containsExactly(1, 2, 3);
        assertThat(a).isEqualTo(new Artifact("x.bin", "application/octet-stream", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> new Artifact("../x", "t", new byte[0]))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void blockResult_valuesKeepInsertionOrderAndAreUnmodifiable() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("z", "1");
        row.put("a", "2");
        row.put("m", "3");
        BlockResult b = new BlockResult(
                "1",
                "d",
                "e",
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                row);
        row.put("late", "4");
        assertThat(b.values().keySet()).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> b.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blockResult_nonFiniteScore_rejectedNamingField() {
        assertThatThrownBy(() -> new BlockResult(
                        "1",
                        "d",
                        "e",
                        OptionalDouble.of(Double.NaN),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("zip"));
    }

    @Test
    void blockQuery_limitOutOfRange_rejected() {
        assertThatThrownBy(() -> new BlockQuery("", BlockSort.ZIP, false, 0, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BlockQuery("", BlockSort.ZIP, false, 0, 10_001))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BlockQuery("", BlockSort.ZIP, false, -1, 10))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BlockQuery("", null, false, 0, 10)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void analysis_progressAboveTotal_rejected() {
        assertThatThrownBy(() -> new Analysis(
                        1,
                        1,
                        "synergy",
                        "{}",
                        "1",
                        AnalysisStatus.RUNNING,
                        3,
                        2,
                        "",
                        Instant.EPOCH,
                        Optional.of(Instant.EPOCH),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("progressDone"));
    }

    @Test
    void page_totalSmallerThanItems_rejected() {
        assertThatThrownBy(() -> new Page<>(List.of("a", "b"), 1)).isInstanceOf(InvalidInputException.class);
        assertThat(new Page<>(List.of("a"), 5).total()).isEqualTo(5);
    }

    @Test
    void text_withNul_rejected() {
        assertThatThrownBy(() -> new CurveResult("a\0b", 1, "d", Map.of())).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20_261_122})
    void flatJson_randomStrings_roundTripExactlyInOrder(long seed) {
        Random random = new Random(seed);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            map.put(randomString(random) + i, randomString(random));
        }
        String json = FlatJson.write(map);
        Map<String, String> back = FlatJson.read(json);
        assertThat(back).as("seed %d", seed).containsExactlyEntriesOf(map);
        assertThat(json).doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void flatJson_readsStandardEscapesAndWhitespace() {
        assertThat(FlatJson.read(" { \"a\\/b\" : \"\\u00e9\\n\" , \"\" : \"\" } "))
                .containsExactly(Map.entry("a/b", "é\n"), Map.entry("", ""));
        assertThat(FlatJson.read("{}")).isEmpty();
        assertThatThrownBy(() -> FlatJson.read("{\"a\":1}")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FlatJson.read("{\"a\":\"b\"} x")).isInstanceOf(IllegalStateException.class);
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(5);
            s.append(
                    switch (kind) {
                        case 0 -> (char) random.nextInt(0x20); // control characters
                        case 1 -> "\"\\/".charAt(random.nextInt(3));
                        case 2 -> (char) ('a' + random.nextInt(26));
                        case 3 -> (char) (0xA0 + random.nextInt(0x2000));
                        default -> "😀";
                    });
        }
        return s.toString();
    }
}
