package org.comboscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --auth token}: every API call but health needs the bearer token. */
class TokenAuthTest {

    @TempDir
    Path tmp;

    @Test
    void api_withTokenAuth_refusesMissingAndWrongTokens() throws IOException {
        String token = ComboscopeServer.newToken();
        try (ComboscopeServer s = ComboscopeServer.start(ComboscopeServer.Config.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + tmp.resolve("s.db"))
                .withWorkDir(tmp.resolve("w"))
                .withToken(token))) {
            assertThat(new TestHttp(s.baseUrl(), "").get("/api/projects").status())
                    .isEqualTo(401);
            assertThat(new TestHttp(s.baseUrl(), token + "x")
                            .get("/api/projects")
                            .status())
                    .isEqualTo(401);
            assertThat(new TestHttp(s.baseUrl(), "").get("/api/health").status())
                    .isEqualTo(200);
            TestHttp ok = new TestHttp(s.baseUrl(), token);
            assertThat(ok.postJson("/api/projects", "{\"name\":\"p\"}").status())
                    .isEqualTo(201);
            assertThat(ok.get("/api/projects").json()).hasSize(1);
            long id = ok.get("/api/projects").json().get(0).get("id").asLong();
            assertThat(new TestHttp(s.baseUrl(), "")
                            .delete("/api/projects/" + id)
                            .status())
                    .isEqualTo(401);
            assertThat(s.store().projects().find(id)).isPresent();
            assertThat(ok.delete("/api/projects/" + id).status()).isEqualTo(204);
            assertThat(ok.get("/api/projects").json()).isEmpty();
            // the UI itself (no data in it) loads without a token
            assertThat(new TestHttp(s.baseUrl(), "").get("/").status()).isEqualTo(200);
        }
        assertThat(token).hasSize(64);
    }
}
