package org.comboscope.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.comboscope.core.error.DataFormatException;
import org.comboscope.core.error.InvalidInputException;
import org.comboscope.core.evidence.EvidenceBase;
import org.comboscope.core.evidence.EvidenceQuery;
import org.comboscope.core.matrix.ResponseScale;
import org.comboscope.io.evidence.EvidenceTables;
import org.comboscope.io.synergyfinder.SynergyFinderTableReader;
import org.comboscope.io.synergyfinder.TableReadResult;
import org.comboscope.store.Analysis;
import org.comboscope.store.AnalysisStatus;
import org.comboscope.store.Artifact;
import org.comboscope.store.BlockQuery;
import org.comboscope.store.BlockResult;
import org.comboscope.store.BlockSort;
import org.comboscope.store.Dataset;
import org.comboscope.store.Deletion;
import org.comboscope.store.Experiment;
import org.comboscope.store.Page;
import org.comboscope.store.Project;
import org.comboscope.store.Store;
import org.comboscope.store.StoreConflictException;
import org.comboscope.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The comboscope web application: JSON API under {@code /api}, browser UI at {@code /}, Plotly from
 * its WebJar. Start with {@link #start(Config)}; {@link #close()} stops the server, the analysis
 * workers and the store.
 */
public final class ComboscopeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComboscopeServer.class);

    /** Header every state-changing request must carry (a cross-site form cannot set it). */
    public static final String CSRF_HEADER = "X-Comboscope-Request";

    /** Room for the multipart envelope (boundaries, part headers) around an upload of maximal size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** Largest unread request body an error answer reads and discards to keep the connection. */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    /**
     * Server settings.
     *
     * @param host interface to bind, e.g. 127.0.0.1
     * @param port TCP port; 0 = any free port
     * @param dbUrl JDBC URL of the store; "" = the default SQLite file
     * @param token bearer token every API request must present; "" = no authentication
     * @param maxUploadBytes largest accepted upload, in bytes (&gt; 0)
     * @param concurrentAnalyses analyses run at once (&gt; 0)
     * @param workDir scratch directory for uploads being checked and analyses running
     */
    public record Config(
            String host,
            int port,
            String dbUrl,
            String token,
            long maxUploadBytes,
            int concurrentAnalyses,
            Path workDir) {
        public Config {
            if (host == null || host.isBlank()) {
                throw new InvalidInputException("host", host, "must be a host name or address");
            }
            if (port < 0 || port > 65535) {
                throw new InvalidInputException("port", port, "must be in 0..65535");
            }
            dbUrl = dbUrl == null ? "" : dbUrl;
            token = token == null ? "" : token;
            if (maxUploadBytes <= 0) {
                throw new InvalidInputException("maxUploadBytes", maxUploadBytes, "must be > 0");
            }
            if (concurrentAnalyses <= 0) {
                throw new InvalidInputException("concurrentAnalyses", concurrentAnalyses, "must be > 0");
            }
            if (workDir == null) {
                throw new InvalidInputException("workDir", "null", "must be a directory");
            }
        }

        /** Defaults: loopback, port 8080, default SQLite store, no token, 50 MB uploads. */
        public static Config defaults() {
            return new Config(
                    "127.0.0.1",
                    8080,
                    "",
                    "",
                    50L * 1024 * 1024,
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    Path.of(System.getProperty("java.io.tmpdir"), "comboscope-server"));
        }

        public Config withPort(int p) {
            return new Config(host, p, dbUrl, token, maxUploadBytes, concurrentAnalyses, workDir);
        }

        public Config withDb(String url) {
            return new Config(host, port, url, token, maxUploadBytes, concurrentAnalyses, workDir);
        }

        public Config withToken(String t) {
            return new Config(host, port, dbUrl, t, maxUploadBytes, concurrentAnalyses, workDir);
        }

        public Config withHost(String h) {
            return new Config(h, port, dbUrl, token, maxUploadBytes, concurrentAnalyses, workDir);
        }

        public Config withMaxUploadBytes(long b) {
            return new Config(host, port, dbUrl, token, b, concurrentAnalyses, workDir);
        }

        public Config withConcurrentAnalyses(int n) {
            return new Config(host, port, dbUrl, token, maxUploadBytes, n, workDir);
        }

        public Config withWorkDir(Path d) {
            return new Config(host, port, dbUrl, token, maxUploadBytes, concurrentAnalyses, d);
        }
    }

    private final Config config;
    private final Store store;
    private final AnalysisRunner runner;
    private final Javalin app;
    private final ObjectMapper json = new ObjectMapper();
    private final int interruptedAtStart;

    private ComboscopeServer(Config config) throws IOException {
        this.config = config;
        Files.createDirectories(config.workDir());
        this.store = config.dbUrl().isEmpty() ? Store.openDefault() : Store.open(config.dbUrl());
        try {
            // Whatever was queued or running when a previous process died is failed, not left hanging.
            this.interruptedAtStart = store.analyses()
                    .failInterrupted("interrupted: the server stopped during the analysis; run it again");
            this.runner = new AnalysisRunner(
                    store, config.workDir(), version(), config.concurrentAnalyses(), Math.max(1, cores() / 2));
            this.app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jetty.host = config.host();
                cfg.jetty.port = config.port();
                cfg.jetty.multipartConfig.cacheDirectory(config.workDir().toString());
                cfg.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxTotalRequestSize(
                        config.maxUploadBytes() + MULTIPART_OVERHEAD, SizeUnit.BYTES);
                cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
                cfg.http.maxRequestSize = 1_000_000L;
                cfg.staticFiles.enableWebjars();
                cfg.staticFiles.add("/org/comboscope/server/web", Location.CLASSPATH);
                routes(cfg.routes);
            });
            app.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Starts a server; throws if the store cannot be opened or the port cannot be bound. */
    public static ComboscopeServer start(Config config) throws IOException {
        return new ComboscopeServer(config);
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    public Store store() {
        return store;
    }

    /** Analyses found queued or running at start (left by a crashed process) and marked failed. */
    public int interruptedAtStart() {
        return interruptedAtStart;
    }

    @Override
    public void close() {
        app.stop();
        runner.close();
        store.close();
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String version() {
        String v = ComboscopeServer.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    // ---------------------------------------------------------------- routes

    private void routes(io.javalin.config.RoutesConfig r) {
        r.before("/api/*", this::guard);
        r.get("/api/health", ctx -> send(ctx, 200, Map.of("status", "ok", "database", store.databaseKind())));
        r.get("/api/openapi.json", ctx -> {
            try (InputStream in = getClass().getResourceAsStream("openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        r.get(
                "/api/projects",
                ctx -> send(
                        ctx,
                        200,
                        store.projects().list().stream().map(Views::project).toList()));
        r.post("/api/projects", this::createProject);
        r.get("/api/projects/{projectId}", ctx -> send(ctx, 200, projectDetail(id(ctx, "projectId"))));
        r.delete("/api/projects/{projectId}", ctx -> delete(ctx, "project", store.projects()::delete));
        r.post("/api/projects/{projectId}/experiments", this::createExperiment);
        r.get("/api/projects/{projectId}/analyses", ctx -> {
            long pid = project(id(ctx, "projectId")).id();
            send(
                    ctx,
                    200,
                    store.analyses().listByProject(pid).stream()
                            .map(Views::analysis)
                            .toList());
        });
        r.delete("/api/experiments/{experimentId}", ctx -> delete(ctx, "experiment", store.experiments()::delete));
        r.post("/api/experiments/{experimentId}/datasets", this::upload);
        r.get("/api/datasets/{datasetId}", ctx -> send(ctx, 200, Views.dataset(dataset(id(ctx, "datasetId")))));
        r.delete("/api/datasets/{datasetId}", ctx -> delete(ctx, "dataset", store.datasets()::delete));
        r.post("/api/datasets/{datasetId}/analyses", this::analyse);
        r.get("/api/analyses/{analysisId}", ctx -> send(ctx, 200, analysisDetail(id(ctx, "analysisId"))));
        r.delete("/api/analyses/{analysisId}", ctx -> delete(ctx, "analysis", store.analyses()::delete));
        r.get("/api/analyses/{analysisId}/blocks", this::blocks);
        r.get("/api/analyses/{analysisId}/blocks/{blockId}", this::block);
        r.get("/api/analyses/{analysisId}/files/{name}", this::download);
        r.get("/api/analyses/{analysisId}/compare/{otherId}", this::compare);
        r.get("/api/evidence", this::evidence);
        r.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.field(), e.getMessage()));
        r.exception(InvalidInputException.class, (e, ctx) -> {
            Map<String, Object> body = errorBody("invalid_input", e.field(), e.getMessage());
            body.put("value", e.value());
            body.put("rule", e.rule());
            e.location().ifPresent(l -> body.put("location", l));
            send(ctx, 400, body);
        });
        r.exception(DataFormatException.class, (e, ctx) -> {
            Map<String, Object> body = errorBody("data_format", e.column().orElse("file"), e.getMessage());
            body.put("file", e.file());
            e.line().ifPresent(l -> body.put("line", l));
            send(ctx, 400, body);
        });
        r.exception(
                JsonProcessingException.class,
                (e, ctx) -> error(
                        ctx, 400, "invalid_json", "body", "request body is not valid JSON: " + e.getOriginalMessage()));
        r.exception(StoreConflictException.class, (e, ctx) -> {
            Map<String, Object> body = errorBody("conflict", e.entity() + "Id", e.getMessage());
            body.put("entity", e.entity());
            body.put("id", e.id());
            body.put("rule", e.rule());
            body.put("analyses", e.blockingAnalyses());
            send(ctx, 409, body);
        });
        r.exception(StoreException.class, (e, ctx) -> {
            LOG.error("store failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 503, "store_unavailable", "", "the database failed: " + e.getMessage());
        });
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(
                    ctx,
                    500,
                    "internal_error",
                    "",
                    "internal error: " + e.getClass().getSimpleName());
        });
        r.error(404, ctx -> {
            if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                error(ctx, 404, "not_found", "path", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /** Authentication (optional bearer token), CSRF header on state changes, security headers. */
    private void guard(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        if (!config.token().isEmpty() && !ctx.path().equals("/api/health")) {
            String auth = ctx.header("Authorization");
            String presented = auth != null && auth.startsWith("Bearer ")
                    ? auth.substring(7).trim()
                    : "";
            if (!MessageDigest.isEqual(
                    presented.getBytes(StandardCharsets.UTF_8), config.token().getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(401, "unauthorized", "Authorization", "a valid bearer token is required");
            }
        }
        HandlerType m = ctx.method();
        if (m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS) {
            if (ctx.header(CSRF_HEADER) == null) {
                throw new ApiException(
                        403, "csrf", CSRF_HEADER, "state-changing requests must carry the " + CSRF_HEADER + " header");
            }
            String origin = ctx.header("Origin");
            String host = ctx.header("Host");
            if (origin != null
                    && host != null
                    && !origin.equals("http://" + host)
                    && !origin.equals("https://" + host)) {
                throw new ApiException(403, "csrf", "Origin", "cross-origin request refused: " + origin);
            }
        }
    }

    // ---------------------------------------------------------------- handlers

    private void createProject(Context ctx) throws IOException {
        JsonNode body = body(ctx);
        Project p = store.projects().create(requiredText(body, "name"), optionalText(body, "description"));
        send(ctx, 201, Views.project(p));
    }

    private void createExperiment(Context ctx) throws IOException {
        Project p = project(id(ctx, "projectId"));
        JsonNode body = body(ctx);
        Optional<LocalDate> date = Optional.empty();
        String d = optionalText(body, "date");
        if (!d.isEmpty()) {
            try {
                date = Optional.of(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", d, "must be an ISO date like 2026-12-06");
            }
        }
        Experiment e = store.experiments()
                .create(
                        p.id(),
                        requiredText(body, "assay"),
                        optionalText(body, "cellLine"),
                        date,
                        optionalText(body, "notes"));
        send(ctx, 201, Views.experiment(e));
    }

    /**
     * Multipart upload (field {@code file}). The table is read and checked before anything is kept:
     * an invalid file answers 400 naming the line and rule and leaves no dataset.
     */
    private void upload(Context ctx) throws IOException {
        Experiment experiment = store.experiments()
                .find(id(ctx, "experimentId"))
                .orElseThrow(() -> ApiException.notFound("experiment", ctx.pathParam("experimentId")));
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.maxUploadBytes() + MULTIPART_OVERHEAD) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length", "Content-Length is not a number: " + length);
            }
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty throws the checked ServletException through Kotlin code
            // The multipart parser stopped part-way: the rest of the body cannot be drained.
            ctx.header("Connection", "close");
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (m.contains("size") || m.contains("exceed") || m.contains("too large")) {
                    throw tooLarge();
                }
            }
            throw ApiException.badRequest("file", "could not read the multipart upload: " + e.getMessage());
        }
        if (file == null) {
            throw ApiException.badRequest("file", "multipart field 'file' is missing");
        }
        if (file.size() > config.maxUploadBytes()) {
            throw tooLarge();
        }
        String name = Uploads.safeFileName(file.filename());
        String format = Uploads.format(name);
        Path dir = Files.createTempDirectory(config.workDir(), "upload-");
        try {
            Path local = dir.resolve(name);
            try (InputStream in = file.content()) {
                Files.copy(in, local);
            }
            TableReadResult table;
            try {
                table = SynergyFinderTableReader.read(local, ResponseScale.VIABILITY);
            } catch (DataFormatException e) {
                throw new DataFormatException(
                        name,
                        e.line().orElse(0),
                        e.column().orElse(null),
                        e.detail().replace(local.toString(), name),
                        e);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        e.field(),
                        e.value(),
                        e.rule(),
                        e.location().orElse(name).replace(local.toString(), name));
            }
            if (table.blocks().isEmpty()) {
                throw ApiException.badRequest("file", "file '" + name + "' holds no dose-response block");
            }
            Dataset ds;
            try (InputStream in = Files.newInputStream(local)) {
                ds = store.datasets().create(experiment.id(), name, format, in);
            }
            Map<String, Object> v = Views.dataset(ds);
            v.put("blocks", table.blocks().size());
            v.put("rows", table.rowCount());
            v.put(
                    "warnings",
                    table.warnings().stream()
                            .map(w -> w.replace(local.toString(), name))
                            .toList());
            send(ctx, 201, v);
        } finally {
            AnalysisRunner.deleteTree(dir);
        }
    }

    /**
     * {@code DELETE} of a project, experiment, dataset or analysis ({@code entity}, path parameter
     * {@code entity + "Id"}) with everything below it: 204, 404 for an unknown id, 409 (via {@link
     * StoreConflictException}) while an analysis in it is queued or running.
     */
    private void delete(Context ctx, String entity, LongFunction<Deletion> deleter) {
        String field = entity + "Id";
        long id = id(ctx, field);
        Deletion d;
        try {
            d = deleter.apply(id);
        } catch (InvalidInputException e) {
            if (e.field().equals(field)) {
                throw ApiException.notFound(entity, id);
            }
            throw e;
        }
        LOG.info(
                "deleted {} {}: {} experiment(s), {} dataset(s), {} analysis(es)",
                entity,
                id,
                d.experiments(),
                d.datasets(),
                d.analyses());
        ctx.status(204);
    }

    private ApiException tooLarge() {
        return new ApiException(
                413, "too_large", "file", "upload exceeds the limit of " + config.maxUploadBytes() + " bytes");
    }

    private void analyse(Context ctx) throws IOException {
        Dataset ds = dataset(id(ctx, "datasetId"));
        AnalysisRequest request = AnalysisRequest.fromJson(body(ctx));
        String params = json.writeValueAsString(request.toJson(json));
        Analysis a = runner.submit(ds, request, params);
        send(ctx, 202, Views.analysis(a));
    }

    private void blocks(Context ctx) {
        Analysis a = analysis(id(ctx, "analysisId"));
        String sortText = Optional.ofNullable(ctx.queryParam("sort")).orElse("block_id");
        BlockSort sort =
                switch (sortText.toLowerCase(Locale.ROOT)) {
                    case "block_id" -> BlockSort.BLOCK_ID;
                    case "drug1" -> BlockSort.DRUG1;
                    case "drug2" -> BlockSort.DRUG2;
                    case "zip" -> BlockSort.ZIP;
                    case "hsa" -> BlockSort.HSA;
                    case "bliss" -> BlockSort.BLISS;
                    case "loewe" -> BlockSort.LOEWE;
                    case "css" -> BlockSort.CSS;
                    default ->
                        throw new InvalidInputException(
                                "sort", sortText, "must be one of block_id, drug1, drug2, zip, hsa, bliss, loewe, css");
                };
        boolean desc = "true".equalsIgnoreCase(ctx.queryParam("desc"));
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(ctx, "limit", 50, 1, 1000);
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        Page<BlockResult> page = store.results().blocks(a.id(), new BlockQuery(q, sort, desc, offset, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("items", page.items().stream().map(Views::block).toList());
        send(ctx, 200, body);
    }

    private void block(Context ctx) {
        Analysis a = analysis(id(ctx, "analysisId"));
        String blockId = ctx.pathParam("blockId");
        BlockResult b =
                store.results().block(a.id(), blockId).orElseThrow(() -> ApiException.notFound("block", blockId));
        Map<String, Object> body = Views.block(b);
        body.put(
                "cells",
                store.results().cells(a.id(), blockId).stream()
                        .map(c -> c.values())
                        .toList());
        body.put(
                "curves",
                store.results().curves(a.id(), blockId).stream()
                        .map(c -> c.values())
                        .toList());
        send(ctx, 200, body);
    }

    /** Downloads only files the analysis stored, by exact name: no path ever reaches the file system. */
    private void download(Context ctx) {
        Analysis a = analysis(id(ctx, "analysisId"));
        String name = ctx.pathParam("name");
        Artifact f = store.results().artifact(a.id(), name).orElseThrow(() -> ApiException.notFound("file", name));
        ctx.header("Content-Disposition", "attachment; filename=\"" + Uploads.safeFileName(f.name()) + "\"");
        ctx.header("Content-Security-Policy", "sandbox");
        ctx.contentType(f.mediaType()).result(f.content());
    }

    private void compare(Context ctx) {
        Analysis a = analysis(id(ctx, "analysisId"));
        Analysis b = analysis(id(ctx, "otherId"));
        List<BlockResult> left = allBlocks(a.id());
        Map<String, BlockResult> right = new LinkedHashMap<>();
        for (BlockResult r : allBlocks(b.id())) {
            right.put(r.blockId(), r);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BlockResult l : left) {
            BlockResult r = right.get(l.blockId());
            if (r == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("blockId", l.blockId());
            row.put("drug1", l.drug1());
            row.put("drug2", l.drug2());
            Views.delta(row, "zip", l.zip(), r.zip());
            Views.delta(row, "hsa", l.hsa(), r.hsa());
            Views.delta(row, "bliss", l.bliss(), r.bliss());
            Views.delta(row, "loewe", l.loewe(), r.loewe());
            Views.delta(row, "css", l.css(), r.css());
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("left", Views.analysis(a));
        body.put("right", Views.analysis(b));
        body.put("blocks", rows);
        send(ctx, 200, body);
    }

    private List<BlockResult> allBlocks(long analysisId) {
        List<BlockResult> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<BlockResult> p = store.results()
                    .blocks(analysisId, new BlockQuery("", BlockSort.BLOCK_ID, false, offset, BlockQuery.MAX_LIMIT));
            out.addAll(p.items());
            offset += p.items().size();
            if (p.items().isEmpty() || offset >= p.total()) {
                return out;
            }
        }
    }

    /**
     * The seed documents' evidence base: {@code drug}, {@code indication}, {@code endpoint}, {@code
     * modelSystem} filters, {@code contrasts=true} for arm-versus-arm contrasts, {@code format=json|csv}.
     */
    private void evidence(Context ctx) throws IOException {
        // the page sends every filter; an empty one means no filter
        EvidenceQuery q = EvidenceTables.query(
                nonBlank(ctx.queryParam("drug")),
                nonBlank(ctx.queryParam("indication")),
                nonBlank(ctx.queryParam("endpoint")),
                nonBlank(ctx.queryParam("modelSystem")));
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("format", format, "must be json or csv");
        }
        boolean contrasts = "true".equalsIgnoreCase(ctx.queryParam("contrasts"));
        EvidenceBase base = EvidenceBase.load();
        List<Map<String, Optional<String>>> rows =
                contrasts ? EvidenceTables.contrasts(base, q, 0.95) : EvidenceTables.records(base, q, 0.95);
        List<String> header = contrasts ? EvidenceTables.CONTRAST_COLUMNS : EvidenceTables.recordColumns();
        java.io.StringWriter text = new java.io.StringWriter();
        if (format.equals("csv")) {
            EvidenceTables.writeCsv(text, header, rows);
            ctx.header("Content-Disposition", "attachment; filename=\"evidence.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(text.toString());
        } else {
            EvidenceTables.writeJson(text, header, rows);
            ctx.contentType("application/json").result(text.toString());
        }
    }

    // ---------------------------------------------------------------- lookups and helpers

    private Map<String, Object> projectDetail(long id) {
        Project p = project(id);
        Map<String, Object> body = Views.project(p);
        List<Map<String, Object>> experiments = new ArrayList<>();
        for (Experiment e : store.experiments().listByProject(p.id())) {
            Map<String, Object> ev = Views.experiment(e);
            List<Map<String, Object>> datasets = new ArrayList<>();
            for (Dataset d : store.datasets().listByExperiment(e.id())) {
                Map<String, Object> dv = Views.dataset(d);
                dv.put(
                        "analyses",
                        store.analyses().listByDataset(d.id()).stream()
                                .map(Views::analysis)
                                .toList());
                datasets.add(dv);
            }
            ev.put("datasets", datasets);
            experiments.add(ev);
        }
        body.put("experiments", experiments);
        return body;
    }

    private Map<String, Object> analysisDetail(long id) {
        Analysis a = analysis(id);
        Map<String, Object> body = Views.analysis(a);
        body.put(
                "files",
                a.status() == AnalysisStatus.SUCCEEDED ? store.results().artifactNames(a.id()) : List.of());
        Dataset d = dataset(a.datasetId());
        body.put("dataset", Views.dataset(d));
        store.experiments().find(d.experimentId()).ifPresent(e -> body.put("projectId", e.projectId()));
        return body;
    }

    private Project project(long id) {
        return store.projects().find(id).orElseThrow(() -> ApiException.notFound("project", id));
    }

    private Dataset dataset(long id) {
        return store.datasets().find(id).orElseThrow(() -> ApiException.notFound("dataset", id));
    }

    private Analysis analysis(long id) {
        return store.analyses().find(id).orElseThrow(() -> ApiException.notFound("analysis", id));
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static long id(Context ctx, String name) {
        String v = ctx.pathParam(name);
        try {
            long id = Long.parseLong(v);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, v, "must be a positive integer id");
        }
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, v, "must be an integer in " + min + ".." + max);
        }
    }

    private JsonNode body(Context ctx) throws IOException {
        String text = ctx.body();
        if (text.isBlank()) {
            return json.missingNode();
        }
        return json.readTree(text);
    }

    private static String requiredText(JsonNode body, String field) {
        String v = optionalText(body, field);
        if (v.isBlank()) {
            throw new InvalidInputException(field, v, "is required and must not be blank");
        }
        return v;
    }

    private static String optionalText(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            if (body != null && !body.isMissingNode()) {
                throw new InvalidInputException("body", body.getNodeType(), "must be a JSON object");
            }
            return "";
        }
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new InvalidInputException(field, v, "must be a string");
        }
        return v.asText();
    }

    private static Map<String, Object> errorBody(String code, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("field", field);
        body.put("message", message);
        return body;
    }

    private void error(Context ctx, int status, String code, String field, String message) {
        drainUnreadBody(ctx);
        send(ctx, status, errorBody(code, field, message));
    }

    /**
     * A request refused before its body was read (too large, no CSRF header, no token) still has that
     * body on the wire. Left there, Jetty closes the connection, and clients that pool connections
     * (the JDK's, browsers') either fail writing the rest or have their next request cut off ("header
     * parser received no bytes"). So a body of up to {@link #DRAIN_LIMIT} bytes is read and discarded,
     * which keeps the connection usable; anything larger, or unreadable, is answered with {@code
     * Connection: close}.
     */
    private static void drainUnreadBody(Context ctx) {
        String length = ctx.header("Content-Length");
        boolean chunked = ctx.header("Transfer-Encoding") != null;
        if (!chunked && (length == null || length.trim().equals("0"))
                || "close".equals(ctx.res().getHeader("Connection"))) {
            return;
        }
        try {
            long declared = chunked ? -1 : Long.parseLong(length.trim());
            if (declared > DRAIN_LIMIT) {
                ctx.header("Connection", "close");
                return;
            }
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[16 * 1024];
            long read = 0;
            for (int n; (n = in.read(sink)) >= 0; ) {
                read += n;
                if (read > DRAIN_LIMIT) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) { // consumed already, malformed length, or cut off
            ctx.header("Connection", "close");
        }
    }

    private void send(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON encoding failed", e);
        }
    }

    // ---------------------------------------------------------------- command line

    /** A new random bearer token (256 bits, hex). */
    public static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Runs the server until the process ends: {@code --host H --port P --db URL --auth none|token
     * --max-upload-mb N}. Prints the address (and the token) on standard output.
     */
    public static void main(String[] args) throws IOException {
        Config c = Config.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (a) {
                case "--host" -> c = c.withHost(v);
                case "--port" -> c = c.withPort(Integer.parseInt(v));
                case "--db" -> c = c.withDb(v);
                case "--auth" -> c = c.withToken(v.equals("token") ? newToken() : "");
                case "--max-upload-mb" -> c = c.withMaxUploadBytes(Long.parseLong(v) * 1024 * 1024);
                case "--work-dir" -> c = c.withWorkDir(Path.of(v));
                default -> throw new InvalidInputException("argument", a, "is not an option of the server");
            }
            i++;
        }
        ComboscopeServer s = start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        announce(s, c, System.out);
    }

    /** The start-up lines the CLI prints. */
    public static void announce(ComboscopeServer s, Config c, PrintStream out) {
        out.println("comboscope serve: listening on " + s.baseUrl() + " (store: "
                + s.store().jdbcUrl() + ")");
        if (s.interruptedAtStart() > 0) {
            out.println("comboscope serve: " + s.interruptedAtStart()
                    + " analysis(es) interrupted by an earlier stop were marked failed");
        }
        if (!c.token().isEmpty()) {
            out.println("comboscope serve: token authentication on; open " + s.baseUrl() + "/?token=" + c.token());
        }
        out.flush();
    }
}
