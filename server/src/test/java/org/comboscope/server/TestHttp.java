package org.comboscope.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** A small JSON/multipart HTTP client for the server tests (JDK HttpClient). */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode json, byte[] body, String contentType, HttpHeaders headers) {}

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    TestHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Reply get(String path) {
        return send(request(path).GET().build());
    }

    Reply postJson(String path, String json) {
        return send(request(path)
                .header(ComboscopeServer.CSRF_HEADER, "1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Reply delete(String path) {
        return send(
                request(path).header(ComboscopeServer.CSRF_HEADER, "1").DELETE().build());
    }

    Reply upload(String path, String fileName, byte[] content) {
        String boundary = "----comboscope" + UUID.randomUUID();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            b.write(content);
            b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path)
                .header(ComboscopeServer.CSRF_HEADER, "1")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray()))
                .build());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (!token.isEmpty()) {
            r.header("Authorization", "Bearer " + token);
        }
        return r;
    }

    Reply send(HttpRequest req) {
        try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.startsWith("application/json")) {
                json = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r.body(), type, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls an analysis until it is SUCCEEDED or FAILED (at most {@code seconds}). */
    JsonNode awaitAnalysis(long id, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode a = get("/api/analyses/" + id).json();
            String s = a.get("status").asText();
            if (s.equals("SUCCEEDED") || s.equals("FAILED")) {
                return a;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("analysis " + id + " did not finish within " + seconds + " s");
    }
}
