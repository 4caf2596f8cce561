package org.comboscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Analysis life cycle, atomic completion and concurrent writers, on every database. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AnalysisRepositoryTest extends StoreTestSupport {

    @Test
    void create_queuedWithParametersKeptVerbatim() {
        long dataset = newDataset();
        String params = "{ \"models\" : [\"ZIP\",\"Bliss\"], \"note\": \"ünïcode \\\" quote\" }";
        Analysis a = store.analyses().create(dataset, "synergy", params, "0.1.0-SNAPSHOT");
        assertThat(a.status()).isEqualTo(AnalysisStatus.QUEUED);
        assertThat(a.startedAt()).isEmpty();
        assertThat(a.finishedAt()).isEmpty();
        assertThat(a.elapsedMillis()).isEmpty();
        assertThat(store.analyses().find(a.id())).contains(a);
        assertThat(store.analyses().listByDataset(dataset)).containsExactly(a);
    }

    @Test
    void create_missingDataset_throwsInvalidInputNamingDatasetId() {
        assertThatThrownBy(() -> store.analyses().create(5555, "synergy", "{}", "1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("datasetId");
                    assertThat(e.value()).isEqualTo("5555");
                });
    }

    @Test
    void lifecycle_runProgressComplete_recordsTimesProgressAndMessage() {
        long id = store.analyses().create(newDataset(), "synergy", "{}", "1").id();
        store.analyses().markRunning(id, 10);
        Analysis running = store.analyses().find(id).orElseThrow();
        assertThat(running.status()).isEqualTo(AnalysisStatus.RUNNING);
        assertThat(running.progressTotal()).isEqualTo(10);
        assertThat(running.progressDone()).isZero();
        assertThat(running.startedAt()).isPresent();
        store.analyses().progress(id, 4);
        assertThat(store.analyses().find(id).orElseThrow().progressDone()).isEqualTo(4);
        store.analyses().complete(id, AnalysisResults.empty(), "2 blocks had warnings");
        Analysis done = store.analyses().find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(AnalysisStatus.SUCCEEDED);
        assertThat(done.progressDone()).isEqualTo(10);
        assertThat(done.message()).isEqualTo("2 blocks had warnings");
        assertThat(done.finishedAt()).isPresent();
        assertThat(done.finishedAt().get()).isAfterOrEqualTo(done.startedAt().get());
        assertThat(done.elapsedMillis().getAsLong())
                .isEqualTo(done.finishedAt().get().toEpochMilli()
                        - done.startedAt().get().toEpochMilli());
    }

    @Test
    void illegalTransitions_throwIllegalStateNamingIdAndStates() {
        long id = store.analyses().create(newDataset(), "synergy", "{}", "1").id();
        assertThatThrownBy(() -> store.analyses().complete(id, AnalysisResults.empty(), ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("analysis " + id)
                .hasMessageContaining("QUEUED")
                .hasMessageContaining("must be RUNNING");
        assertThatThrownBy(() -> store.analyses().progress(id, 1)).isInstanceOf(IllegalStateException.class);
        store.analyses().fail(id, "bad parameters");
        assertThatThrownBy(() -> store.analyses().complete(id, AnalysisResults.empty(), ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is FAILED, must be RUNNING");
        assertThatThrownBy(() -> store.analyses().markRunning(id, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is FAILED, must be QUEUED");
        assertThatThrownBy(() -> store.analyses().fail(id, "again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be QUEUED or RUNNING");
        Analysis a = store.analyses().find(id).orElseThrow();
        assertThat(a.status()).isEqualTo(AnalysisStatus.FAILED);
        assertThat(a.message()).isEqualTo("bad parameters");
        assertThat(a.startedAt()).isEmpty();
        assertThat(a.finishedAt()).isPresent();
    }

    @Test
    void succeeded_isFinal() {
        long id = store.analyses().create(newDataset(), "synergy", "{}", "1").id();
        store.analyses().markRunning(id, 0);
        assertThatThrownBy(() -> store.analyses().markRunning(id, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is RUNNING");
        store.analyses().complete(id, AnalysisResults.empty(), "");
        assertThatThrownBy(() -> store.analyses().fail(id, "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is SUCCEEDED");
        assertThat(store.analyses().failInterrupted("crash")).isZero();
        assertThat(store.analyses().find(id).orElseThrow().status()).isEqualTo(AnalysisStatus.SUCCEEDED);
    }

    @Test
    void progress_beyondTotal_throwsInvalidInput() {
        long id = store.analyses().create(newDataset(), "synergy", "{}", "1").id();
        store.analyses().markRunning(id, 5);
        assertThatThrownBy(() -> store.analyses().progress(id, 6))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("progressDone"));
        assertThatThrownBy(() -> store.analyses().progress(id, -1)).isInstanceOf(InvalidInputException.class);
        assertThat(store.analyses().find(id).orElseThrow().progressDone()).isZero();
    }

    @Test
    void unknownAnalysis_everyTransitionThrowsInvalidInputNamingAnalysisId() {
        List<Runnable> calls = List.of(
                () -> store.analyses().markRunning(999, 1),
                () -> store.analyses().progress(999, 0),
                () -> store.analyses().complete(999, AnalysisResults.empty(), ""),
                () -> store.analyses().fail(999, "x"));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                    .isEqualTo("analysisId"));
        }
        assertThat(store.analyses().find(999)).isEmpty();
    }

    @Test
    void failInterrupted_marksOnlyQueuedAndRunning() {
        long dataset = newDataset();
        long queued = store.analyses().create(dataset, "synergy", "{}", "1").id();
        long running = store.analyses().create(dataset, "synergy", "{}", "1").id();
        long succeeded = store.analyses().create(dataset, "synergy", "{}", "1").id();
        long failed = store.analyses().create(dataset, "synergy", "{}", "1").id();
        store.analyses().markRunning(running, 3);
        store.analyses().markRunning(succeeded, 3);
        store.analyses().complete(succeeded, AnalysisResults.empty(), "ok");
        store.analyses().fail(failed, "own reason");

        assertThat(store.analyses().failInterrupted("server restarted during the analysis"))
                .isEqualTo(2);

        assertThat(store.analyses().find(queued).orElseThrow().status()).isEqualTo(AnalysisStatus.FAILED);
        Analysis r = store.analyses().find(running).orElseThrow();
        assertThat(r.status()).isEqualTo(AnalysisStatus.FAILED);
        assertThat(r.message()).isEqualTo("server restarted during the analysis");
        assertThat(r.finishedAt()).isPresent();
        assertThat(store.analyses().find(succeeded).orElseThrow().message()).isEqualTo("ok");
        assertThat(store.analyses().find(failed).orElseThrow().message()).isEqualTo("own reason");
        assertThat(store.analyses().failInterrupted("again")).isZero();
    }

    @Test
    void listByProject_newestFirstAndOnlyThatProject() {
        Project p = store.projects().create("p", "");
        Experiment e1 = store.experiments().create(p.id(), "a", "b", Optional.empty(), "");
        Experiment e2 = store.experiments().create(p.id(), "a", "c", Optional.empty(), "");
        long d1 = store.datasets()
                .create(e1.id(), "1.csv", "csv", java.io.InputStream.nullInputStream())
                .id();
        long d2 = store.datasets()
                .create(e2.id(), "2.csv", "csv", java.io.InputStream.nullInputStream())
                .id();
        long a1 = store.analyses().create(d1, "synergy", "{}", "1").id();
        long a2 = store.analyses().create(d2, "synergy", "{}", "1").id();
        long a3 = store.analyses().create(d1, "fit", "{}", "1").id();
        store.analyses().create(newDataset(), "synergy", "{}", "1"); // another project
        assertThat(store.analyses().listByProject(p.id()))
                .extracting(Analysis::id)
                .containsExactly(a3, a2, a1);
        assertThat(store.analyses().listByDataset(d1)).extracting(Analysis::id).containsExactly(a1, a3);
    }

    @Test
    void complete_failureMidInsert_writesNothingAndStaysRunning() {
        long id = store.analyses().create(newDataset(), "synergy", "{}", "1").id();
        store.analyses().markRunning(id, 50);
        List<BlockResult> blocks = new ArrayList<>();
        List<CellResult> cells = new ArrayList<>();
        for (int b = 1; b <= 50; b++) {
            blocks.add(block(String.valueOf(b), "A", "B", OptionalDouble.of(b)));
            cells.add(new CellResult(String.valueOf(b), 0, 0, 1.5, row("response", "1.5")));
        }
        Artifact report = new Artifact("report.html", "text/html", "<html>".getBytes(StandardCharsets.UTF_8));
        // Blocks, cells and the first artifact go in before the duplicate artifact name fails the insert.
        AnalysisResults bad = new AnalysisResults(blocks, cells, List.of(), List.of(report, report));

        assertThatThrownBy(() -> store.analyses().complete(id, bad, "done"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("complete analysis " + id)
                .hasMessageContaining("nothing was written");

        Analysis after = store.analyses().find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(AnalysisStatus.RUNNING);
        assertThat(after.finishedAt()).isEmpty();
        for (String table : List.of("block_result", "cell_result", "curve_result", "artifact")) {
            Long rows = store.db().read("count", h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                    .mapTo(Long.class)
                    .one());
            assertThat(rows).as(table).isZero();
        }
        // The caller can still record the failure, or complete with sound results.
        store.analyses().complete(id, new AnalysisResults(blocks, cells, List.of(), List.of(report)), "done");
        assertThat(store.results().blocks(id, BlockQuery.firstPage(100)).total())
                .isEqualTo(50);
        assertThat(store.results().artifactNames(id)).containsExactly("report.html");
    }

    @Test
    void concurrentWriters_sixteenThreads_allCompleteWithoutBusyErrors() throws Exception {
        long dataset = newDataset();
        int threads = 16;
        int perThread = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads * perThread; t++) {
                int n = t;
                futures.add(pool.submit(() -> {
                    long id = store.analyses()
                            .create(dataset, "synergy", "{\"n\":" + n + "}", "1")
                            .id();
                    store.analyses().markRunning(id, 20);
                    List<BlockResult> blocks = new ArrayList<>();
                    List<CellResult> cells = new ArrayList<>();
                    for (int b = 0; b < 20; b++) {
                        store.analyses().progress(id, b);
                        blocks.add(block("b" + b, "d" + n, "e", OptionalDouble.of(n + b)));
                        for (int c = 0; c < 16; c++) {
                            cells.add(new CellResult("b" + b, c / 4, c % 4, c, row("i", String.valueOf(c))));
                        }
                    }
                    store.results().blocks(id, BlockQuery.firstPage(5)); // readers interleave
                    store.analyses()
                            .complete(
                                    id,
                                    new AnalysisResults(
                                            blocks,
                                            cells,
                                            List.of(),
                                            List.of(new Artifact("n.txt", "text/plain", new byte[] {(byte) n}))),
                                    "");
                    return id;
                }));
            }
            for (Future<Long> f : futures) {
                long id = f.get();
                assertThat(store.analyses().find(id).orElseThrow().status()).isEqualTo(AnalysisStatus.SUCCEEDED);
                assertThat(store.results().blocks(id, BlockQuery.firstPage(100)).total())
                        .isEqualTo(20);
                assertThat(store.results().cells(id, "b7")).hasSize(16);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.analyses().listByDataset(dataset)).hasSize(threads * perThread);
    }

    static BlockResult block(String id, String drug1, String drug2, OptionalDouble zip) {
        return new BlockResult(
                id,
                drug1,
                drug2,
                zip,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                row("block_id", id, "ZIP_synergy", zip.isPresent() ? String.valueOf(zip.getAsDouble()) : "NA"));
    }
}
