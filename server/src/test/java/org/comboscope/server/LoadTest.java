package org.comboscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 clients at once, each uploading a real table and running an analysis, on loopback against a real
 * SQLite store: every upload and every analysis must succeed, and no result may go to the wrong
 * analysis. Throughput and latency are printed for the record, never asserted.
 */
class LoadTest {

    @TempDir
    Path tmp;

    @Test
    void fiftyConcurrentUploadsAndAnalyses_allSucceedWithTheirOwnResults() throws Exception {
        byte[] table;
        try (InputStream in = LoadTest.class.getResourceAsStream("/mathews/mathews_screening_data.csv")) {
            table = in.readAllBytes();
        }
        int clients = 50;
        try (ComboscopeServer server = ComboscopeServer.start(ComboscopeServer.Config.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + tmp.resolve("load.db"))
                .withWorkDir(tmp.resolve("work")))) {
            TestHttp http = new TestHttp(server.baseUrl(), "");
            long p = http.postJson("/api/projects", "{\"name\":\"load\"}")
                    .json()
                    .get("id")
                    .asLong();
            long e = http.postJson("/api/projects/" + p + "/experiments", "{\"assay\":\"MTT\",\"cellLine\":\"X\"}")
                    .json()
                    .get("id")
                    .asLong();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                Callable<long[]> task = () -> {
                    TestHttp c = new TestHttp(server.baseUrl(), "");
                    long s = System.nanoTime();
                    TestHttp.Reply up = c.upload("/api/experiments/" + e + "/datasets", "m" + client + ".csv", table);
                    long uploadNanos = System.nanoTime() - s;
                    assertThat(up.status()).as(String.valueOf(up.json())).isEqualTo(201);
                    long ds = up.json().get("id").asLong();
                    s = System.nanoTime();
                    TestHttp.Reply q = c.postJson(
                            "/api/datasets/" + ds + "/analyses", "{\"report\":false,\"seed\":" + (100 + client) + "}");
                    long submitNanos = System.nanoTime() - s;
                    assertThat(q.status()).isEqualTo(202);
                    JsonNode a = c.awaitAnalysis(q.json().get("id").asLong(), 600);
                    assertThat(a.get("status").asText()).as(a.toString()).isEqualTo("SUCCEEDED");
                    assertThat(a.get("datasetId").asLong()).isEqualTo(ds);
                    assertThat(a.get("parameters").asText()).contains("\"seed\":" + (100 + client));
                    JsonNode blocks = c.get("/api/analyses/" + a.get("id").asLong() + "/blocks")
                            .json();
                    assertThat(blocks.get("total").asInt()).isEqualTo(2);
                    assertThat(blocks.get("items").get(0).get("zip").asDouble())
                            // The same input gives the same ZIP in every analysis: SynergyFinder
                            // 3.15's value (summary.csv), to the last bit.
                            .isEqualTo(19.570812344286505);
                    return new long[] {uploadNanos, submitNanos, System.nanoTime() - t0};
                };
                futures.add(pool.submit(task));
            }
            long[] upload = new long[clients];
            long[] submit = new long[clients];
            long last = 0;
            for (int i = 0; i < clients; i++) {
                long[] r = futures.get(i).get();
                upload[i] = r[0];
                submit[i] = r[1];
                last = Math.max(last, r[2]);
            }
            pool.shutdown();
            assertThat(server.store().datasets().listByExperiment(e)).hasSize(clients);
            Arrays.sort(upload);
            Arrays.sort(submit);
            System.out.printf(
                    "load: %d uploads + analyses in %.1f s (%.2f analyses/s); upload latency p50 %.0f ms, p95 %.0f ms,"
                            + " max %.0f ms; submit p95 %.0f ms; %d cores%n",
                    clients,
                    last / 1e9,
                    clients / (last / 1e9),
                    upload[clients / 2] / 1e6,
                    upload[(int) Math.ceil(0.95 * clients) - 1] / 1e6,
                    upload[clients - 1] / 1e6,
                    submit[(int) Math.ceil(0.95 * clients) - 1] / 1e6,
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
