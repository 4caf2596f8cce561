package org.comboscope.io.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.survival.SurvivalSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurvivalCsvReaderTest {

    private static Path resource(String name) {
        try {
            return Path.of(
                    SurvivalCsvReaderTest.class.getResource("/survival/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void read_lung_groupsSortedWithCountsOfR() {
        SurvivalTable t =
                new SurvivalCsvReader("time", "event", "group", EventCoding.AUTO).read(resource("lung_input.csv"));
        assertThat(t.levels()).containsExactly("female", "male");
        assertThat(t.rows()).isEqualTo(228);
        assertThat(t.coding()).isEqualTo(EventCoding.ZERO_ONE);
        SurvivalSample female = t.groups().get("female");
        assertThat(female.size()).isEqualTo(90);
        assertThat(female.events()).isEqualTo(53);
        assertThat(t.groups().get("male").events()).isEqualTo(112);
    }

    @Test
    void read_status12_autoDetectsRCoding() {
        SurvivalTable t =
                new SurvivalCsvReader("time", "status", "sex", EventCoding.AUTO).read(resource("lung_status12.csv"));
        assertThat(t.coding()).isEqualTo(EventCoding.ONE_TWO);
        SurvivalSample s = t.groups().get("1");
        assertThat(s.event()).containsExactly(true, true, false, true, true, false);
    }

    @Test
    void read_status12_forcedZeroOne_rejectsTheTwo() {
        assertThatThrownBy(() -> new SurvivalCsvReader("time", "status", "sex", EventCoding.ZERO_ONE)
                        .read(resource("lung_status12.csv")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageEndingWith(
                        "lung_status12.csv:2: column 'status': event must be 0 (censored) or 1 (event), was '2'");
    }

    @Test
    void read_noGroupColumn_singleGroupAll() {
        SurvivalTable t =
                new SurvivalCsvReader("time", "event", null, EventCoding.AUTO).read(resource("lung_input.csv"));
        assertThat(t.levels()).containsExactly("all");
        assertThat(t.groups().get("all").size()).isEqualTo(228);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "time_not_numeric.csv|3|time|time must be a number, was 'abc'",
                "time_negative.csv|4|time|time must be finite and >= 0, was '-2'",
                "event_code.csv|3|event|event must be 0 (censored) or 1 (event), was '3'",
                "event_zero_in_12.csv|3|event|event must be 1 (censored) or 2 (event), because the column contains a 2 (R's Surv rule), was '0'",
                "group_missing.csv|3|group|group is missing (''); every row needs one",
                "no_event_column.csv|1|event|no such event column; the header has time, status, group"
            })
    void read_invalidFile_locatedError(String file, int line, String column, String detail) {
        assertThatThrownBy(() -> new SurvivalCsvReader("time", "event", "group", EventCoding.AUTO)
                        .read(resource("invalid/" + file)))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).hasValue(line);
                    assertThat(e.column()).hasValue(column);
                    assertThat(e.detail()).isEqualTo(detail);
                    assertThat(e.getMessage()).contains(file + ":" + line + ": column '" + column + "'");
                });
    }

    @Test
    void parse_eventCoding_acceptsSlashForms() {
        assertThat(EventCoding.parse("1/2")).isEqualTo(EventCoding.ONE_TWO);
        assertThat(EventCoding.parse("0/1")).isEqualTo(EventCoding.ZERO_ONE);
        assertThat(EventCoding.parse("AUTO")).isEqualTo(EventCoding.AUTO);
    }
}
