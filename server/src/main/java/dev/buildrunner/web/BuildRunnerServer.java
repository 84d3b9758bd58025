package dev.buildrunner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.pipeline.PipelineEvent;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.SarifWriter;
import dev.buildrunner.pipeline.AnalysisJobs;
import dev.buildrunner.pipeline.Analysers;
import dev.buildrunner.pipeline.PushPipeline;
import dev.buildrunner.pipeline.ReportStore;
import dev.buildrunner.support.BuildInfo;
import dev.buildrunner.pipeline.PushReport;
import dev.buildrunner.pipeline.RefChange;
import dev.buildrunner.pipeline.ReportLinks;
import dev.buildrunner.pipeline.Repositories;
import dev.buildrunner.pipeline.RepositoryLanes;
import dev.buildrunner.pipeline.RepositoryName;
import dev.buildrunner.pipeline.SpecCommits;
import dev.buildrunner.forge.status.StatusOutbox;
import dev.buildrunner.forge.webhook.DeliveryJournal;
import dev.buildrunner.forge.webhook.WebhookInbox;
import dev.buildrunner.forge.webhook.WebhookReceiver;
import dev.buildrunner.pipeline.Mirrors;
import dev.buildrunner.pipeline.StatusRouting;
import dev.buildrunner.pipeline.WebhookSecrets;
import dev.buildrunner.plan.AdaptivePlanner;
import dev.buildrunner.plan.Planner;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.State;
import dev.buildrunner.store.WriterLanes;
import dev.buildrunner.sync.PlanSync;
import dev.buildrunner.view.JsonViews;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code br serve}: wires the pipeline, the embedded git host and the API into one Javalin
 * server, and stops it gracefully (no new requests, queued pipeline work finished, repositories
 * closed). One instance per data directory.
 */
public final class BuildRunnerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BuildRunnerServer.class);

    private final Javalin app;
    private final Repositories repositories;
    private final ExecutorService workers;
    private final PushPipeline pipeline;
    private final RepositoryLanes lanes;
    private final LiveStream stream;
    private final ObjectMapper json = new ObjectMapper();

    private final DeliveryJournal journal;
    private final Optional<StatusOutbox> outbox;
    private final StatusRouting statuses;
    private final WebhookRoutes webhooks;
    private final ExecutorService analysisExecutor;
    private final AnalysisJobs analysis;

    private BuildRunnerServer(ServerConfig config, AdminToken token, Clock clock) throws IOException {
        Credentials credentials = new Credentials(token);
        this.repositories = new Repositories(config.dataDir().resolve("repos"));
        this.journal = DeliveryJournal.open(config.dataDir().resolve("journal"));
        // the journal's lock makes this process the data directory's only user: lock files in the
        // repositories are left by a killed server, and would block every later write of their file
        repositories.removeStaleLocks()
                .forEach(f -> LOG.warn("removed stale lock file {} (left by a killed server)", f));
        this.outbox = config.forgeSinks().isEmpty() ? Optional.empty()
                : Optional.of(StatusOutbox.open(config.dataDir().resolve("status-outbox"), repo ->
                        forgeOf(repo).map(config.forgeSinks()::get)));
        this.statuses = new StatusRouting(repositories, outbox);
        WebhookSecrets secrets = new WebhookSecrets(config.dataDir().resolve("webhook-secrets"), config.webhookSecret());
        this.workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.lanes = new RepositoryLanes(workers);
        this.stream = new LiveStream(json, new Credentials(token));
        SpecParser parser = new SpecParser();
        PlanSync sync = new PlanSync(parser, new Planner(clock), new AdaptivePlanner(clock), clock);
        String base = config.publicUrl().isEmpty() ? null : config.publicUrl();
        GitHost git = new GitHost(repositories, credentials, this::submit);
        ReportLinksHolder links = new ReportLinksHolder(base);
        ReportStore reports = new ReportStore(config.dataDir().resolve("reports"));
        this.analysisExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "analysis");
            t.setDaemon(true);
            return t;
        });
        this.analysis = new AnalysisJobs(Analysers.forServer(config.analysers()), reports,
                BlobCache.at(config.dataDir().resolve("analysis-cache"), json), parser, statuses, links::links,
                stream::publish, json, new SarifWriter(BuildInfo.VERSION, BuildInfo.HOME_PAGE), analysisExecutor);
        this.pipeline = new PushPipeline(repositories, parser, sync, new WriterLanes(), statuses, tracked(config.trackedRefs()),
                links::links, stream::publish, analysis::schedule);
        this.webhooks = new WebhookRoutes(new WebhookInbox(new WebhookReceiver(), secrets, journal),
                journal, new Mirrors(repositories, config.fetchToken()), pipeline, lanes);
        StatusRoutes statusRoutes = new StatusRoutes(repositories, statuses, links::links);
        this.app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = WebhookReceiver.MAX_BODY_BYTES;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.jetty.modifyServletContextHandler(h -> {
                h.addFilter(new FilterHolder(git.authFilter()), "/git/*", null);
                h.addServlet(new ServletHolder(git.servlet()), "/git/*");
            });
            cfg.routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
            cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
            cfg.routes.before("/api/*", ctx -> {
                if (!ctx.path().equals("/api/openapi.json") && !credentials.accepts(ctx.header("Authorization"))) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    ctx.status(401).json(new ApiError("authentication required: Authorization: Bearer TOKEN", null));
                    ctx.skipRemainingHandlers();
                }
            });
            cfg.routes.post("/api/repos", this::createRepository);
            cfg.routes.get("/api/repos", ctx -> ctx.json(repositories.list().stream().map(this::repoView).toList()));
            cfg.routes.get("/api/repos/{owner}/{name}/plan", ctx -> withState(ctx, s ->
                    ctx.json(JsonViews.PlanView.of(s.plan(), List.of()))));
            cfg.routes.get("/api/repos/{owner}/{name}/tasks", ctx -> withState(ctx, s ->
                    ctx.json(s.plan().tasks().stream().map(JsonViews.TaskView::of).toList())));
            cfg.routes.ws("/api/repos/{owner}/{name}/stream", stream::configure);
            new PrdRoutes(repositories, new SpecCommits(clock), parser, pipeline::store, this::submit, json)
                    .register(cfg.routes);
            statusRoutes.register(cfg.routes);
            new ReportRoutes(reports, analysis, json).register(cfg.routes);
            webhooks.register(cfg.routes);
            cfg.routes.put("/api/repos/{owner}/{name}/webhook-secret", ctx -> {
                JsonNode body = json.readTree(ctx.bodyAsBytes());
                if (body == null || !body.hasNonNull("secret")) {
                    ctx.status(400).json(new ApiError("missing string field 'secret'", "secret"));
                    return;
                }
                try {
                    secrets.set(new RepositoryName(ctx.pathParam("owner"), ctx.pathParam("name")), body.get("secret").asText());
                } catch (IllegalArgumentException e) {
                    ctx.status(400).json(new ApiError(e.getMessage(), "secret"));
                    return;
                }
                ctx.status(204);
            });
            cfg.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(400).json(new ApiError(e.getMessage(), null)));
        });
        links.setApp(app);
    }

    /**
     * Starts a server: opens the data directory, starts the forge outbox, listens, and replays the
     * webhook deliveries acknowledged but not finished before the last stop.
     *
     * @throws IOException when the data directory cannot be used (for example another server holds
     *     the journal's lock)
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public static BuildRunnerServer start(ServerConfig config, AdminToken token, Clock clock) throws IOException {
        BuildRunnerServer server = new BuildRunnerServer(config, token, clock);
        server.outbox.ifPresent(StatusOutbox::start);
        server.app.start();
        int replayed = server.webhooks.replayPending();
        LOG.info("BuildRunner listening on port {}, data in {}, {} deliveries replayed", server.app.port(),
                config.dataDir(), replayed);
        return server;
    }

    /** Refs matching any glob (a {@code *} stays within one path segment, {@code **} crosses them). */
    static java.util.function.Predicate<RefChange> tracked(List<String> globs) {
        List<java.nio.file.PathMatcher> matchers = globs.stream()
                .map(g -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        return change -> matchers.stream().anyMatch(m -> m.matches(java.nio.file.Path.of(change.ref())));
    }

    /** The forge a mirror came from ({@code buildrunner.forge} in its config), if it is a mirror. */
    private Optional<String> forgeOf(dev.buildrunner.forge.status.RepoCoordinates repo) {
        RepositoryName name = new RepositoryName(repo.owner(), repo.name());
        return repositories.open(name).map(r -> r.getConfig().getString("buildrunner", null, "forge"));
    }

    private static byte[] openApi() throws java.io.IOException {
        try (var in = BuildRunnerServer.class.getResourceAsStream("/web/openapi.json")) {
            if (in == null) {
                throw new java.io.IOException("resource /web/openapi.json missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The live stream, for measuring its fan-out ({@link StreamFanOut}). */
    LiveStream stream() {
        return stream;
    }

    /** The repositories this server hosts. */
    public Repositories repositories() {
        return repositories;
    }

    /** Queues a ref change behind the repository's earlier work; the future gives its report. */
    CompletableFuture<PushReport> submit(RefChange change) {
        return lanes.submit(change.repository(), () -> pipeline.process(change));
    }

    private void createRepository(Context ctx) throws java.io.IOException {
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(400).json(new ApiError("body is not JSON: " + e.getOriginalMessage(), null));
            return;
        }
        for (String field : List.of("owner", "name")) {
            if (body == null || !body.hasNonNull(field) || !body.get(field).isTextual()) {
                ctx.status(400).json(new ApiError("missing string field '" + field + "'", field));
                return;
            }
        }
        RepositoryName name;
        try {
            name = new RepositoryName(body.get("owner").asText(), body.get("name").asText());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("owner") ? "owner" : "name";
            ctx.status(400).json(new ApiError(e.getMessage(), field));
            return;
        }
        if (!repositories.create(name)) {
            ctx.status(409).json(new ApiError("repository " + name + " exists", "name"));
            return;
        }
        ctx.status(201).json(repoView(name));
    }

    /** A repository as the API shows it. */
    record RepoView(String owner, String name, String fullName, String cloneUrl) {
    }

    private RepoView repoView(RepositoryName n) {
        return new RepoView(n.owner(), n.name(), n.toString(), baseUrl() + "/git/" + n + ".git");
    }

    private String baseUrl() {
        return "http://localhost:" + app.port();
    }

    @FunctionalInterface
    private interface StateHandler {
        void handle(State state) throws Exception;
    }

    private void withState(Context ctx, StateHandler handler) throws Exception {
        RepositoryName name = new RepositoryName(ctx.pathParam("owner"), ctx.pathParam("name"));
        Optional<Repository> repo = repositories.open(name);
        if (repo.isEmpty()) {
            ctx.status(404).json(new ApiError("no repository " + name, null));
            return;
        }
        Optional<State> state = pipeline.store(repo.get()).read();
        if (state.isEmpty()) {
            ctx.status(404).json(new ApiError("no plan yet for " + name + ": push a " + PushPipeline.SPEC_PATH, null));
            return;
        }
        handler.handle(state.get());
    }

    /** Stops accepting requests, finishes queued pipeline work (up to 30 s), closes repositories. */
    @Override
    public void close() {
        app.stop();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("pipeline work still running after 30 s; stopping it");
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        analysisExecutor.shutdown();
        try {
            if (!analysisExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("analysis still running after 10 s; stopping it (its statuses stay pending until the next push)");
                analysisExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            analysisExecutor.shutdownNow();
        }
        stream.close();
        outbox.ifPresent(StatusOutbox::close);
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("closing the delivery journal failed", e);
        }
        repositories.close();
    }

    /** Resolves the report base URL once the port is known. */
    private static final class ReportLinksHolder {
        private final String configured;
        private Javalin app;

        ReportLinksHolder(String configured) {
            this.configured = configured;
        }

        void setApp(Javalin app) {
            this.app = Objects.requireNonNull(app, "app");
        }

        ReportLinks links() {
            return new ReportLinks(configured != null ? configured : "http://localhost:" + app.port());
        }
    }
}
