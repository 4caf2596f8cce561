package org.comboscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comboscope.core.synergy.ScreenSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during an analysis: after a restart on the same SQLite file the study is intact, the
 * analysis is marked failed (interrupted) with no half-written results, and the server works on.
 */
class CrashRecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void killDashNine_duringAnalysis_restartMarksItFailedAndKeepsTheStudy() throws Exception {
        Path input = tmp.resolve("screen.csv");
        writeScreen(input, 1500);
        byte[] bytes = Files.readAllBytes(input);
        Path db = tmp.resolve("crash.db");

        Process first = startServer(db);
        long analysisId;
        long datasetId;
        long projectId;
        try {
            TestHttp http = new TestHttp(baseUrl(first), "");
            TestHttp.Reply created = http.postJson("/api/projects", "{\"name\":\"crash\"}");
            assertThat(created.status())
                    .as(created.json() + " " + Files.readString(tmp.resolve("server-0.log")))
                    .isEqualTo(201);
            projectId = created.json().get("id").asLong();
            TestHttp.Reply exp = http.postJson(
                    "/api/projects/" + projectId + "/experiments", "{\"assay\":\"sim\",\"cellLine\":\"sim\"}");
            assertThat(exp.status())
                    .as(exp.json() + " " + Files.readString(tmp.resolve("server-0.log")))
                    .isEqualTo(201);
            long e = exp.json().get("id").asLong();
            TestHttp.Reply up = http.upload("/api/experiments/" + e + "/datasets", "screen.csv", bytes);
            assertThat(up.status()).as(String.valueOf(up.json())).isEqualTo(201);
            datasetId = up.json().get("id").asLong();
            analysisId = http.postJson("/api/datasets/" + datasetId + "/analyses", "{\"report\":false}")
                    .json()
                    .get("id")
                    .asLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            JsonNode a;
            do {
                Thread.sleep(50);
                a = http.get("/api/analyses/" + analysisId).json();
            } while (!(a.get("status").asText().equals("RUNNING")
                            && a.get("progressDone").asInt() > 0)
                    && System.nanoTime() < end);
            assertThat(a.get("status").asText()).as("still running when killed").isEqualTo("RUNNING");
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = startServer(db);
        try {
            TestHttp http = new TestHttp(baseUrl(second), "");
            JsonNode a = http.get("/api/analyses/" + analysisId).json();
            assertThat(a.get("status").asText()).isEqualTo("FAILED");
            assertThat(a.get("message").asText()).contains("interrupted");
            assertThat(http.get("/api/analyses/" + analysisId + "/blocks")
                            .json()
                            .get("total")
                            .asInt())
                    .as("no half-written results")
                    .isZero();
            JsonNode ds = http.get("/api/datasets/" + datasetId).json();
            assertThat(ds.get("sha256").asText())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(http.get("/api/projects/" + projectId).json().get("name").asText())
                    .isEqualTo("crash");
            // the restarted server analyses again (a small slice of the same screen)
            long e2 = http.postJson(
                            "/api/projects/" + projectId + "/experiments", "{\"assay\":\"again\",\"cellLine\":\"sim\"}")
                    .json()
                    .get("id")
                    .asLong();
            Path small = tmp.resolve("small.csv");
            writeScreen(small, 3);
            long ds2 = http.upload("/api/experiments/" + e2 + "/datasets", "small.csv", Files.readAllBytes(small))
                    .json()
                    .get("id")
                    .asLong();
            long again = http.postJson("/api/datasets/" + ds2 + "/analyses", "{\"report\":false}")
                    .json()
                    .get("id")
                    .asLong();
            assertThat(http.awaitAnalysis(again, 120).get("status").asText()).isEqualTo("SUCCEEDED");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private final List<String> urls = new ArrayList<>();

    private String baseUrl(Process p) {
        return urls.get(urls.size() - 1);
    }

    private Process startServer(Path db) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-cp",
                cp,
                ComboscopeServer.class.getName(),
                "--port",
                "0",
                "--db",
                "jdbc:sqlite:" + db,
                "--max-upload-mb",
                "100",
                "--work-dir",
                tmp.resolve("work").toString());
        pb.redirectError(tmp.resolve("server-" + urls.size() + ".log").toFile());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (http://\\S+)");
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                urls.add(m.group(1));
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // the process died
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new AssertionError("server did not start; see " + tmp.resolve("server-" + urls.size() + ".log"));
    }

    static void writeScreen(Path file, int blocks) throws IOException {
        ScreenSimulator sim = new ScreenSimulator(8, 5.0, 42);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("block_id,drug1,drug2,conc1,conc2,response,conc_unit\n");
            for (int b = 0; b < blocks; b++) {
                ScreenSimulator.Block blk = sim.next();
                for (int r = 0; r < blk.conc1Um().length; r++) {
                    w.write(blk.blockId() + "," + blk.drug1() + "," + blk.drug2() + "," + blk.conc1Um()[r] + ","
                            + blk.conc2Um()[r] + "," + blk.viabilityPercent()[r] + ",uM\n");
                }
            }
        }
    }
}
