package org.comboscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Projects, experiments and datasets, on every database. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class EntityRepositoriesTest extends StoreTestSupport {

    @Test
    void open_reportsKindAndUrl() {
        assertThat(store.databaseKind()).isEqualTo(database.name().toLowerCase(java.util.Locale.ROOT));
        assertThat(store.jdbcUrl()).startsWith("jdbc:" + store.databaseKind() + ":");
    }

    @Test
    void open_secondTime_migrationsIdempotentAndDataKept() {
        Project p = store.projects().create("kept", "d");
        try (Store again = Store.open(store.jdbcUrl())) {
            assertThat(again.projects().find(p.id())).contains(p);
            assertThat(again.projects().list()).containsExactly(p);
        }
    }

    @Test
    void projects_create_roundTripsThroughFindAndList() {
        Instant before = Instant.now().minusSeconds(1);
        Project a = store.projects().create("FAK combos", "defactinib × partners\nline 2 'quoted'");
        Project b = store.projects().create("Second", "");
        assertThat(a.id()).isPositive();
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(a.createdAt()).isAfter(before);
        assertThat(store.projects().find(a.id())).contains(a);
        assertThat(store.projects().list()).containsExactly(a, b);
        assertThat(store.projects().find(b.id() + 1000)).isEmpty();
    }

    @Test
    void projects_blankName_throwsInvalidInputNamingField() {
        assertThatThrownBy(() -> store.projects().create("  ", ""))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> store.projects().create("x".repeat(201), ""))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.rule()).contains("at most 200"));
        assertThat(store.projects().list()).isEmpty();
    }

    @Test
    void experiments_createWithAndWithoutDate_roundTrip() {
        Project p = store.projects().create("p", "");
        Experiment dated = store.experiments()
                .create(p.id(), "CellTiter-Glo", "MDA-MB-231", Optional.of(LocalDate.of(2024, 2, 29)), "n");
        Experiment undated = store.experiments().create(p.id(), "Annexin", "A549", Optional.empty(), "");
        Project other = store.projects().create("other", "");
        store.experiments().create(other.id(), "x", "y", Optional.empty(), "");
        assertThat(store.experiments().find(dated.id())).contains(dated);
        assertThat(store.experiments().find(undated.id()).orElseThrow().date()).isEmpty();
        assertThat(store.experiments().listByProject(p.id())).containsExactly(dated, undated);
        assertThat(store.experiments().listByProject(999_999)).isEmpty();
    }

    @Test
    void experiments_missingProject_throwsInvalidInputNamingProjectId() {
        assertThatThrownBy(() -> store.experiments().create(424242, "a", "b", Optional.empty(), ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("projectId");
                    assertThat(e.value()).isEqualTo("424242");
                });
    }

    @Test
    void datasets_nonUtf8Bytes_keptByteExactWithSha256() throws Exception {
        long experiment = newExperiment();
        byte[] bytes = new byte[256 * 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i; // every byte value, including 0x00 and invalid UTF-8 like 0xC0, 0xFF
        }
        Dataset d = store.datasets().create(experiment, "plate 1 (ä).xlsx", "xlsx", new ByteArrayInputStream(bytes));
        assertThat(d.sizeBytes()).isEqualTo(bytes.length);
        assertThat(d.sha256()).isEqualTo(sha256(bytes));
        assertThat(store.datasets().content(d.id())).isEqualTo(bytes);
        assertThat(store.datasets().find(d.id())).contains(d);
        assertThat(store.datasets().listByExperiment(experiment)).containsExactly(d);
    }

    @Test
    void datasets_fiveMegabytes_streamedAndReadBackByteExact() throws Exception {
        long experiment = newExperiment();
        byte[] bytes = new byte[5 * 1024 * 1024 + 17]; // more than one chunk, last chunk partial
        new Random(7).nextBytes(bytes);
        // A stream that hands out small pieces, as a network upload does.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        Dataset d = store.datasets().create(experiment, "big.csv", "csv", trickle);
        assertThat(d.sizeBytes()).isEqualTo(bytes.length);
        assertThat(d.sha256()).isEqualTo(sha256(bytes));
        try (InputStream in = store.datasets().openContent(d.id())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = store.datasets().openContent(d.id())) {
            byte[] first = new byte[3];
            assertThat(in.read()).isEqualTo(bytes[0] & 0xff);
            assertThat(in.read(first, 0, 3)).isEqualTo(3);
            assertThat(first).containsExactly(bytes[1], bytes[2], bytes[3]);
        }
    }

    @Test
    void datasets_empty_storedWithSizeZeroAndEmptySha() throws Exception {
        long experiment = newExperiment();
        Dataset d = store.datasets().create(experiment, "empty.csv", "csv", InputStream.nullInputStream());
        assertThat(d.sizeBytes()).isZero();
        assertThat(d.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(store.datasets().content(d.id())).isEmpty();
    }

    @Test
    void datasets_missingExperiment_throwsInvalidInputAndStoresNothing() {
        assertThatThrownBy(() -> store.datasets().create(777, "a.csv", "csv", new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("experimentId"));
        Long rows = store.db().read("count", h -> h.createQuery("SELECT COUNT(*) FROM dataset_chunk")
                .mapTo(Long.class)
                .one());
        assertThat(rows).isZero();
    }

    @Test
    void datasets_fileNameWithPathSeparator_rejected() {
        long experiment = newExperiment();
        for (String bad : new String[] {"../etc/passwd", "a\\b.csv", "..", "a\nb.csv", ""}) {
            assertThatThrownBy(() -> store.datasets().create(experiment, bad, "csv", InputStream.nullInputStream()))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                            .isEqualTo("fileName"));
        }
    }

    @Test
    void datasets_failingStream_throwsAndStoresNothing() {
        long experiment = newExperiment();
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 10) {
                    throw new IOException("client went away");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.datasets().create(experiment, "a.csv", "csv", broken))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("client went away");
        assertThat(store.datasets().listByExperiment(experiment)).isEmpty();
    }

    @Test
    void datasets_unknownId_contentThrowsInvalidInput() {
        assertThatThrownBy(() -> store.datasets().openContent(99))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("datasetId"));
        assertThat(store.datasets().find(99)).isEmpty();
    }

    @Test
    void foreignKeys_enforcedByTheDatabaseItself() {
        // Below the repositories' own checks: the schema refuses orphans on every connection.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> store.db().write("orphan", h -> h.createUpdate(
                                    "INSERT INTO experiment (project_id, assay, cell_line, notes, created_at)"
                                            + " VALUES (31337, 'a', 'b', '', 0)")
                            .execute()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("nothing was written");
        }
        assertThat(store.experiments().listByProject(31337)).isEmpty();
    }

    private long newExperiment() {
        Project p = store.projects().create("p", "");
        return store.experiments()
                .create(p.id(), "CTG", "MCF7", Optional.empty(), "")
                .id();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
