package org.comboscope.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same web application on PostgreSQL ({@code --db jdbc:postgresql://...}): upload, analyse,
 * browse, delete, on a fresh database. Needs {@code COMBOSCOPE_TEST_PG_URL} (set by {@code .ci/run}); skipped
 * without it locally, failed without it under {@code CI=true}.
 */
class PostgresServerTest {

    @TempDir
    Path tmp;

    @Test
    void uploadAnalyseBrowse_onPostgresql_givesSynergyFinderScores() throws Exception {
        String base = System.getenv("COMBOSCOPE_TEST_PG_URL");
        if (base == null || base.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but COMBOSCOPE_TEST_PG_URL is not set");
            }
            Assumptions.abort("COMBOSCOPE_TEST_PG_URL is not set: PostgreSQL server test skipped");
        }
        Matcher m =
                Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$").matcher(base);
        assertThat(m.matches()).as(base).isTrue();
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = "comboscope_srv_" + HexFormat.of().formatHex(random);
        execute(base, "CREATE DATABASE " + name);
        String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
        try {
            byte[] table;
            try (InputStream in = getClass().getResourceAsStream("/mathews/mathews_screening_data.csv")) {
                table = in.readAllBytes();
            }
            try (ComboscopeServer s = ComboscopeServer.start(
                    ComboscopeServer.Config.defaults().withPort(0).withDb(url).withWorkDir(tmp))) {
                assertThat(s.store().databaseKind()).isEqualTo("postgresql");
                TestHttp http = new TestHttp(s.baseUrl(), "");
                long p = http.postJson("/api/projects", "{\"name\":\"pg\"}")
                        .json()
                        .get("id")
                        .asLong();
                long e = http.postJson("/api/projects/" + p + "/experiments", "{\"assay\":\"MTT\",\"cellLine\":\"X\"}")
                        .json()
                        .get("id")
                        .asLong();
                long ds = http.upload("/api/experiments/" + e + "/datasets", "m.csv", table)
                        .json()
                        .get("id")
                        .asLong();
                assertThat(s.store().datasets().content(ds)).isEqualTo(table);
                long a = http.postJson("/api/datasets/" + ds + "/analyses", "{}")
                        .json()
                        .get("id")
                        .asLong();
                JsonNode done = http.awaitAnalysis(a, 300);
                assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
                JsonNode blocks =
                        http.get("/api/analyses/" + a + "/blocks?sort=loewe").json();
                assertThat(blocks.get("items").get(0).get("blockId").asText()).isEqualTo("2");
                // SynergyFinder 3.15 reference (summary.csv): block 1 ZIP 19.570812344286505
                assertThat(blocks.get("items").get(1).get("zip").asDouble())
                        .isCloseTo(19.570812344286505, within(1e-9));
                assertThat(http.get("/api/analyses/" + a + "/files/report.pdf").body())
                        .startsWith('%', 'P', 'D', 'F');
                assertThat(http.delete("/api/projects/" + p).status()).isEqualTo(204);
                assertThat(http.get("/api/analyses/" + a).status()).isEqualTo(404);
                assertThat(http.get("/api/datasets/" + ds).status()).isEqualTo(404);
                assertThat(s.store().projects().list()).isEmpty();
            }
        } finally {
            execute(base, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
