package org.comboscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.comboscope.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Deleting projects, experiments, datasets and analyses with everything below them, on every database. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CascadeTest extends StoreTestSupport {

    /** One project's records: experiments → datasets → analyses (all finished, with results). */
    record Tree(long project, List<Long> experiments, List<Long> datasets, List<Long> analyses) {}

    /**
     * A project with two experiments: the first has datasets 0 (two chunks of bytes) and 1, the second
     * dataset 2; datasets 0 and 2 have two analyses each (one SUCCEEDED with blocks, cells, curves
     * and files, one FAILED), dataset 1 one SUCCEEDED analysis.
     */
    Tree tree(String name) {
        Project p = store.projects().create(name, "");
        List<Long> experiments = new ArrayList<>();
        List<Long> datasets = new ArrayList<>();
        List<Long> analyses = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            experiments.add(store.experiments()
                    .create(p.id(), "CTG", name + " line " + e, Optional.empty(), "")
                    .id());
        }
        datasets.add(dataset(experiments.get(0), name + "-0.csv", DatasetRepository.CHUNK_BYTES + 100));
        datasets.add(dataset(experiments.get(0), name + "-1.csv", 10));
        datasets.add(dataset(experiments.get(1), name + "-2.csv", 10));
        analyses.add(succeeded(datasets.get(0), name));
        analyses.add(failed(datasets.get(0)));
        analyses.add(succeeded(datasets.get(1), name));
        analyses.add(succeeded(datasets.get(2), name));
        analyses.add(failed(datasets.get(2)));
        return new Tree(p.id(), experiments, datasets, analyses);
    }

    private long dataset(long experiment, String fileName, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return store.datasets()
                .create(experiment, fileName, "csv", new ByteArrayInputStream(bytes))
                .id();
    }

    private long succeeded(long dataset, String drug) {
        long id = store.analyses().create(dataset, "synergy", "{}", "1").id();
        store.analyses().markRunning(id, 2);
        List<BlockResult> blocks = new ArrayList<>();
        List<CellResult> cells = new ArrayList<>();
        List<CurveResult> curves = new ArrayList<>();
        for (int b = 1; b <= 2; b++) {
            blocks.add(AnalysisRepositoryTest.block(String.valueOf(b), drug, "B", OptionalDouble.of(b)));
            for (int c = 0; c < 4; c++) {
                cells.add(new CellResult(String.valueOf(b), c / 2, c % 2, c, row("response", String.valueOf(c))));
            }
            curves.add(new CurveResult(String.valueOf(b), 1, drug, row("drug", drug)));
        }
        List<Artifact> files = List.of(
                new Artifact("blocks.csv", "text/csv", ("block_id\n1\n2\n" + drug).getBytes(StandardCharsets.UTF_8)),
                new Artifact("report.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}));
        store.analyses().complete(id, new AnalysisResults(blocks, cells, curves, files), "2 of 2 blocks");
        return id;
    }

    private long failed(long dataset) {
        long id = store.analyses().create(dataset, "synergy", "{}", "1").id();
        store.analyses().fail(id, "bad file");
        return id;
    }

    /** Row count of every table of the schema (except Flyway's own), found in the database's catalogue. */
    Map<String, Long> rowCounts() {
        return store.db().read("count rows", h -> {
            String catalogue = store.databaseKind().equals("sqlite")
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                            + " AND table_type = 'BASE TABLE'";
            Map<String, Long> counts = new TreeMap<>();
            for (String table : h.createQuery(catalogue).mapTo(String.class).list()) {
                if (!table.equalsIgnoreCase("flyway_schema_history")) {
                    counts.put(
                            table,
                            h.createQuery("SELECT COUNT(*) FROM " + table)
                                    .mapTo(Long.class)
                                    .one());
                }
            }
            return counts;
        });
    }

    /** Everything a reader can see of a tree, for comparing before and after deleting something else. */
    Map<String, Object> view(Tree t) {
        Map<String, Object> v = new TreeMap<>();
        v.put("project", store.projects().find(t.project()));
        v.put("experiments", store.experiments().listByProject(t.project()));
        for (long e : t.experiments()) {
            v.put("datasets of " + e, store.datasets().listByExperiment(e));
        }
        for (long d : t.datasets()) {
            v.put(
                    "bytes of " + d,
                    java.util.HexFormat.of().formatHex(store.datasets().content(d)));
            v.put("analyses of " + d, store.analyses().listByDataset(d));
        }
        for (long a : t.analyses()) {
            v.put("blocks of " + a, store.results().blocks(a, BlockQuery.firstPage(100)));
            v.put("cells of " + a, store.results().cells(a, "2"));
            v.put("curves of " + a, store.results().curves(a, "1"));
            v.put("files of " + a, store.results().artifactNames(a));
            v.put("pdf of " + a, store.results().artifact(a, "report.pdf"));
        }
        return v;
    }

    @Test
    void deleteProject_removesEveryRowBelowIt_andLeavesOtherProjectsUntouched() {
        Tree kept = tree("kept");
        Map<String, Long> before = rowCounts();
        Map<String, Object> keptView = view(kept);
        Tree doomed = tree("doomed");
        assertThat(rowCounts()).isNotEqualTo(before);

        Deletion d = store.projects().delete(doomed.project());

        assertThat(d).isEqualTo(new Deletion(1, 2, 3, 5));
        // Every table, dataset_chunk and the result tables included, is back where it was.
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(before.keySet())
                .contains(
                        "project",
                        "experiment",
                        "dataset",
                        "dataset_chunk",
                        "analysis",
                        "block_result",
                        "cell_result",
                        "curve_result",
                        "artifact");
        assertThat(view(kept)).isEqualTo(keptView);
        assertThat(store.projects().find(doomed.project())).isEmpty();
        assertThat(store.projects().list()).extracting(Project::id).containsExactly(kept.project());
        for (long e : doomed.experiments()) {
            assertThat(store.experiments().find(e)).isEmpty();
        }
        for (long ds : doomed.datasets()) {
            assertThat(store.datasets().find(ds)).isEmpty();
            assertThatThrownBy(() -> store.datasets().openContent(ds)).isInstanceOf(InvalidInputException.class);
        }
        for (long a : doomed.analyses()) {
            assertThat(store.analyses().find(a)).isEmpty();
            assertThat(store.results().blocks(a, BlockQuery.firstPage(10)).total())
                    .isZero();
            assertThat(store.results().artifactNames(a)).isEmpty();
        }
    }

    @Test
    void deleteExperiment_removesItsDatasetsAndAnalyses_keepsSiblingsAndProject() {
        Tree other = tree("other");
        Map<String, Object> otherView = view(other);
        Tree t = tree("t");
        long doomed = t.experiments().get(0);

        Deletion d = store.experiments().delete(doomed);

        assertThat(d).isEqualTo(new Deletion(0, 1, 2, 3));
        assertThat(store.experiments().find(doomed)).isEmpty();
        assertThat(store.experiments().listByProject(t.project()))
                .extracting(Experiment::id)
                .containsExactly(t.experiments().get(1));
        assertThat(store.datasets().find(t.datasets().get(0))).isEmpty();
        assertThat(store.datasets().find(t.datasets().get(1))).isEmpty();
        assertThat(store.datasets().content(t.datasets().get(2))).hasSize(10);
        assertThat(store.analyses().listByProject(t.project()))
                .extracting(Analysis::id)
                .containsExactlyInAnyOrder(t.analyses().get(3), t.analyses().get(4));
        assertThat(view(other)).isEqualTo(otherView);
        // Deleting the rest of the project leaves exactly the other project's rows.
        Map<String, Long> otherOnly = rowCounts();
        store.projects().delete(t.project());
        assertThat(rowCounts().get("analysis")).isEqualTo(5);
        assertThat(rowCounts().get("dataset_chunk")).isEqualTo(otherOnly.get("dataset_chunk") - 1);
    }

    @Test
    void deleteDataset_removesBytesAndAnalyses_keepsSiblingDataset() {
        Tree t = tree("t");
        Map<String, Long> before = rowCounts();
        long doomed = t.datasets().get(0); // two chunks, two analyses

        Deletion d = store.datasets().delete(doomed);

        assertThat(d).isEqualTo(new Deletion(0, 0, 1, 2));
        Map<String, Long> after = rowCounts();
        assertThat(after.get("dataset_chunk")).isEqualTo(before.get("dataset_chunk") - 2);
        assertThat(after.get("analysis")).isEqualTo(before.get("analysis") - 2);
        assertThat(after.get("block_result")).isEqualTo(before.get("block_result") - 2);
        assertThat(after.get("cell_result")).isEqualTo(before.get("cell_result") - 8);
        assertThat(after.get("curve_result")).isEqualTo(before.get("curve_result") - 2);
        assertThat(after.get("artifact")).isEqualTo(before.get("artifact") - 2);
        assertThat(store.datasets().listByExperiment(t.experiments().get(0)))
                .extracting(Dataset::id)
                .containsExactly(t.datasets().get(1));
        assertThat(store.analyses().find(t.analyses().get(2)).orElseThrow().status())
                .isEqualTo(AnalysisStatus.SUCCEEDED);
    }

    @Test
    void deleteAnalysis_removesItsResultsOnly_keepsDatasetAndOtherAnalysis() {
        Tree t = tree("t");
        long doomed = t.analyses().get(0);
        long sibling = t.analyses().get(2);
        Map<String, Object> siblingBlocks = Map.of("b", store.results().blocks(sibling, BlockQuery.firstPage(10)));

        Deletion d = store.analyses().delete(doomed);

        assertThat(d).isEqualTo(new Deletion(0, 0, 0, 1));
        assertThat(store.analyses().find(doomed)).isEmpty();
        assertThat(store.results().blocks(doomed, BlockQuery.firstPage(10)).total())
                .isZero();
        assertThat(store.results().cells(doomed, "1")).isEmpty();
        assertThat(store.results().curves(doomed, "1")).isEmpty();
        assertThat(store.results().artifact(doomed, "report.pdf")).isEmpty();
        assertThat(store.analyses().listByDataset(t.datasets().get(0)))
                .extracting(Analysis::id)
                .containsExactly(t.analyses().get(1));
        assertThat(store.datasets().content(t.datasets().get(0))).hasSize(DatasetRepository.CHUNK_BYTES + 100);
        assertThat(Map.of("b", store.results().blocks(sibling, BlockQuery.firstPage(10))))
                .isEqualTo(siblingBlocks);
        assertThat(store.results().artifactNames(sibling)).containsExactly("blocks.csv", "report.pdf");
    }

    @Test
    void delete_withRunningOrQueuedAnalysis_refusedAtEveryLevelAndNothingDeleted() {
        Tree t = tree("t");
        long dataset = t.datasets().get(1);
        long running = store.analyses().create(dataset, "synergy", "{}", "1").id();
        store.analyses().markRunning(running, 3);
        long queued = store.analyses().create(dataset, "synergy", "{}", "1").id();
        Map<String, Long> before = rowCounts();
        Map<String, Object> view = view(t);

        record Case(String entity, long id, LongFunction<Deletion> delete) {}
        for (Case c : List.of(
                new Case("project", t.project(), store.projects()::delete),
                new Case("experiment", t.experiments().get(0), store.experiments()::delete),
                new Case("dataset", dataset, store.datasets()::delete))) {
            assertThatThrownBy(() -> c.delete().apply(c.id()))
                    .as(c.entity())
                    .isInstanceOfSatisfying(StoreConflictException.class, e -> {
                        assertThat(e.entity()).isEqualTo(c.entity());
                        assertThat(e.id()).isEqualTo(c.id());
                        assertThat(e.rule()).isEqualTo("must have no QUEUED or RUNNING analysis");
                        assertThat(e.blockingAnalyses()).containsExactly(running, queued);
                    })
                    .hasMessage("cannot delete " + c.entity() + " " + c.id()
                            + ": it must have no QUEUED or RUNNING analysis, has analysis " + running
                            + " (RUNNING), analysis " + queued + " (QUEUED); wait for them to finish or fail");
        }
        assertThatThrownBy(() -> store.analyses().delete(running))
                .isInstanceOfSatisfying(StoreConflictException.class, e -> {
                    assertThat(e.entity()).isEqualTo("analysis");
                    assertThat(e.rule()).isEqualTo("must be SUCCEEDED or FAILED");
                    assertThat(e.blockingAnalyses()).containsExactly(running);
                })
                .hasMessage("cannot delete analysis " + running
                        + ": it must be SUCCEEDED or FAILED, is RUNNING; wait for it to finish or fail");
        assertThatThrownBy(() -> store.analyses().delete(queued))
                .isInstanceOf(StoreConflictException.class)
                .hasMessageContaining("is QUEUED");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(view(t)).isEqualTo(view);

        // A sibling experiment without active analyses can go; once both finish, the project can too.
        assertThat(store.experiments().delete(t.experiments().get(1)).analyses())
                .isEqualTo(2);
        store.analyses().complete(running, AnalysisResults.empty(), "");
        assertThatThrownBy(() -> store.projects().delete(t.project()))
                .isInstanceOfSatisfying(StoreConflictException.class, e -> assertThat(e.blockingAnalyses())
                        .containsExactly(queued));
        store.analyses().fail(queued, "cancelled");
        assertThat(store.projects().delete(t.project())).isEqualTo(new Deletion(1, 1, 2, 5));
        assertThat(rowCounts().values()).containsOnly(0L);
    }

    @Test
    void delete_unknownIds_throwInvalidInputNamingTheIdField() {
        Tree t = tree("t");
        Map<String, Long> before = rowCounts();
        record Case(String field, LongFunction<Deletion> delete) {}
        for (Case c : List.of(
                new Case("projectId", store.projects()::delete),
                new Case("experimentId", store.experiments()::delete),
                new Case("datasetId", store.datasets()::delete),
                new Case("analysisId", store.analyses()::delete))) {
            assertThatThrownBy(() -> c.delete().apply(987_654))
                    .as(c.field())
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo(c.field());
                        assertThat(e.value()).isEqualTo("987654");
                        assertThat(e.rule()).startsWith("must name an existing ");
                    });
        }
        assertThat(rowCounts()).isEqualTo(before);
        // Deleting twice: the second time the record is unknown.
        store.analyses().delete(t.analyses().get(0));
        assertThatThrownBy(() -> store.analyses().delete(t.analyses().get(0)))
                .isInstanceOf(InvalidInputException.class);
    }

    /**
     * A dataset deleted while an analysis of it is being queued: either the delete wins (the queueing
     * fails, nothing is left) or the queueing wins (the delete is refused, the analysis stays). Never
     * both: a queued analysis must not vanish under its worker.
     */
    @Test
    void deleteDataset_racingNewAnalysis_neverDeletesAQueuedAnalysis() throws Exception {
        long experiment = store.experiments()
                .create(store.projects().create("race", "").id(), "a", "b", Optional.empty(), "")
                .id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int deleted = 0;
        int refused = 0;
        try {
            for (int round = 0; round < 30; round++) {
                long ds = store.datasets()
                        .create(experiment, "r.csv", "csv", new ByteArrayInputStream(new byte[] {1}))
                        .id();
                CountDownLatch go = new CountDownLatch(1);
                Future<Object> create = pool.submit(() -> {
                    go.await();
                    try {
                        return store.analyses().create(ds, "synergy", "{}", "1");
                    } catch (InvalidInputException | StoreException e) {
                        return e;
                    }
                });
                Future<Object> delete = pool.submit(() -> {
                    go.await();
                    try {
                        return store.datasets().delete(ds);
                    } catch (StoreConflictException e) {
                        return e;
                    }
                });
                go.countDown();
                Object created = create.get();
                Object removed = delete.get();
                if (removed instanceof Deletion) {
                    deleted++;
                    assertThat(created).as("round " + round).isInstanceOf(RuntimeException.class);
                    assertThat(store.datasets().find(ds)).isEmpty();
                } else {
                    refused++;
                    assertThat(created).as("round " + round).isInstanceOf(Analysis.class);
                    Analysis a = (Analysis) created;
                    assertThat(store.analyses().find(a.id())).isPresent();
                    store.analyses().fail(a.id(), "race test");
                    store.datasets().delete(ds);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(deleted + refused).isEqualTo(30);
        assertThat(rowCounts().get("analysis")).isZero();
        assertThat(rowCounts().get("dataset")).isZero();
    }
}
