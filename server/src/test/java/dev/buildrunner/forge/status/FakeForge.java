package dev.buildrunner.forge.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.UriCompliance;

/**
 * An in-process forge on 127.0.0.1 that enforces the real status contracts, for the sink and
 * outbox tests. It serves GitHub ({@code /repos/...} and Enterprise's {@code /api/v3/repos/...}),
 * Gitea ({@code /api/v1/repos/...}) and GitLab ({@code /api/v4/projects/...}) and:
 * <ul>
 *   <li>checks the token header of each forge (401 otherwise);
 *   <li>validates each body against the request schema of its forge (GitHub, Gitea: 422 with
 *       GitHub's validation-error body; GitLab: 400), and rejects 4-byte UTF-8 in GitHub
 *       descriptions (not expressible in the schema);
 *   <li>answers GitHub's 422 after 1000 statuses per (sha, context);
 *   <li>runs GitLab's state machine: a post applies an event to the pending or running job of that
 *       name or starts a new job; an illegal event answers 400 "Cannot transition status via
 *       :enqueue from :pending" and is counted;
 *   <li>plays scripted answers first (5xx bursts, 403 + Retry-After, ...);
 *   <li>records every call with the injected clock's time.
 * </ul>
 * Thread-safe (Jetty serves requests on several threads).
 */
final class FakeForge implements AutoCloseable {
    static final String TOKEN = "t0ps3cret";

    /** One request as received. */
    record Call(Instant at, String method, String path, Map<String, String> headers, String body, int status,
            String response) {
    }

    /** A scripted answer. */
    record Scripted(int status, Map<String, String> headers, String body) {
    }

    /** An accepted status. */
    record Stored(long id, String forge, String sha, String context, String state, String description,
            String targetUrl) {
    }

    private final Clock clock;
    private final ContractSchemas schemas = new ContractSchemas();
    private final Javalin app;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Stored> stored = new ArrayList<>();
    private final Map<String, Integer> perContext = new HashMap<>();
    private final Map<String, String> gitLabJobs = new HashMap<>();
    private int illegalTransitions;
    private long nextId = 1;

    FakeForge(Clock clock) {
        this.clock = clock;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(server -> server.setStopTimeout(0));
            // GitLab's project ids are url-encoded paths (acme%2Fapp); Jetty refuses %2F by default
            cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
            cfg.jetty.modifyServletContextHandler(h -> h.getServletHandler().setDecodeAmbiguousURIs(true));
            cfg.routes.post("/repos/{owner}/{repo}/statuses/{sha}", ctx -> handle(ctx, "github"));
            cfg.routes.post("/api/v3/repos/{owner}/{repo}/statuses/{sha}", ctx -> handle(ctx, "github"));
            cfg.routes.post("/api/v1/repos/{owner}/{repo}/statuses/{sha}", ctx -> handle(ctx, "gitea"));
            cfg.routes.post("/api/v4/projects/{project}/statuses/{sha}", ctx -> handle(ctx, "gitlab"));
            cfg.routes.get("/api/v4/projects/{project}/repository/commits/{sha}/statuses", ctx -> handle(ctx, "gitlab-get"));
        }).start("127.0.0.1", 0);
    }

    /** {@code http://127.0.0.1:PORT}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Stored> stored() {
        return List.copyOf(stored);
    }

    synchronized int illegalTransitions() {
        return illegalTransitions;
    }

    /** Answers the next {@code n} requests with {@code status} and a JSON message. */
    synchronized void failNext(int n, int status) {
        for (int i = 0; i < n; i++) {
            script.add(new Scripted(status, Map.of(), "{\"message\":\"Server Error\"}"));
        }
    }

    /** Answers the next request as scripted. */
    synchronized void scriptNext(int status, Map<String, String> headers, String body) {
        script.add(new Scripted(status, headers, body));
    }

    /** Pretends {@code n} GitHub statuses of (sha, context) exist already. */
    synchronized void seedGitHub(String sha, String context, int n) {
        perContext.merge(key("github", sha, context), n, Integer::sum);
    }

    /** The latest GitLab job state of (sha, name), or null. */
    synchronized String gitLabJob(String sha, String name) {
        return gitLabJobs.get(sha + "\n" + name);
    }

    private void handle(Context ctx, String forge) throws IOException {
        Scripted answer;
        synchronized (this) {
            answer = script.poll();
        }
        if (answer != null) {
            answer.headers().forEach(ctx::header);
            reply(ctx, answer.status(), answer.body());
        } else {
            switch (forge) {
                case "github" -> github(ctx);
                case "gitea" -> gitea(ctx);
                case "gitlab" -> gitlab(ctx);
                default -> gitlabGet(ctx);
            }
        }
        Map<String, String> headers = new TreeMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        synchronized (this) {
            calls.add(new Call(clock.instant(), ctx.method().name(), ctx.path(), headers, ctx.body(),
                    ctx.statusCode(), ctx.result()));
        }
    }

    private void github(Context ctx) throws IOException {
        String auth = ctx.header("Authorization");
        if (!("Bearer " + TOKEN).equals(auth) && !("token " + TOKEN).equals(auth)) {
            reply(ctx, 401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            return;
        }
        JsonNode body = parse(ctx);
        if (body == null) {
            return;
        }
        List<Error> errors = schemas.errors("github/create-commit-status.request.schema.json", body);
        String description = body.path("description").asText("");
        if (!errors.isEmpty() || description.codePoints().anyMatch(cp -> cp > 0xFFFF)) {
            ArrayNode items = ContractSchemas.JSON.createArrayNode();
            errors.forEach(e -> items.addObject().put("resource", "Status").put("code", "custom")
                    .put("message", e.getMessage()));
            if (errors.isEmpty()) {
                items.addObject().put("resource", "Status").put("code", "custom").put("field", "description")
                        .put("message", "description contains 4-byte characters");
            }
            validationFailed(ctx, items);
            return;
        }
        String sha = ctx.pathParam("sha");
        String context = body.path("context").asText("default");
        synchronized (this) {
            if (perContext.getOrDefault(key("github", sha, context), 0) >= 1000) {
                ArrayNode items = ContractSchemas.JSON.createArrayNode();
                items.addObject().put("resource", "Status").put("code", "custom")
                        .put("message", "This SHA and context has reached the maximum number of statuses.");
                validationFailed(ctx, items);
                return;
            }
            perContext.merge(key("github", sha, context), 1, Integer::sum);
        }
        Stored s = store("github", sha, context, body.get("state").asText(), body);
        ObjectNode r = (ObjectNode) ContractSchemas.resource("github/examples/create-status.normalized-fixture.json")
                .get(0).get("response");
        r.put("id", s.id()).put("state", s.state()).put("description", s.description())
                .put("target_url", s.targetUrl()).put("context", s.context())
                .put("url", ctx.url()).put("created_at", GitHubStatusJson.timestamp(clock.instant()))
                .put("updated_at", GitHubStatusJson.timestamp(clock.instant()));
        ctx.header("Location", ctx.url());
        reply(ctx, 201, r.toString());
    }

    private void gitea(Context ctx) throws IOException {
        if (!("token " + TOKEN).equals(ctx.header("Authorization"))) {
            reply(ctx, 401, "{\"message\":\"token is required\"}");
            return;
        }
        JsonNode body = parse(ctx);
        if (body == null) {
            return;
        }
        List<Error> errors = schemas.errors("gitea/create-status-option.request.schema.json", body);
        if (!errors.isEmpty()) {
            reply(ctx, 422, "{\"message\":\"" + errors.get(0).getMessage().replace("\"", "'") + "\"}");
            return;
        }
        Stored s = store("gitea", ctx.pathParam("sha"), body.path("context").asText(""), body.get("state").asText(),
                body);
        ObjectNode r = ContractSchemas.JSON.createObjectNode();
        r.put("id", s.id()).put("status", s.state()).put("target_url", s.targetUrl() == null ? "" : s.targetUrl())
                .put("description", s.description() == null ? "" : s.description()).put("url", ctx.url())
                .put("context", s.context()).putNull("creator");
        r.put("created_at", GitHubStatusJson.timestamp(clock.instant()))
                .put("updated_at", GitHubStatusJson.timestamp(clock.instant()));
        reply(ctx, 201, r.toString());
    }

    private void gitlab(Context ctx) throws IOException {
        if (!TOKEN.equals(ctx.header("PRIVATE-TOKEN"))) {
            reply(ctx, 401, "{\"message\":\"401 Unauthorized\"}");
            return;
        }
        JsonNode body = parse(ctx);
        if (body == null) {
            return;
        }
        List<Error> errors = schemas.errors("gitlab/commit-status.request.schema.json", body);
        if (!errors.isEmpty()) {
            reply(ctx, 400, "{\"message\":\"" + errors.get(0).getMessage().replace("\"", "'") + "\"}");
            return;
        }
        String sha = ctx.pathParam("sha");
        String name = body.has("name") ? body.get("name").asText() : body.path("context").asText("default");
        String state = body.get("state").asText();
        synchronized (this) {
            String job = sha + "\n" + name;
            String current = gitLabJobs.get(job);
            // find the pending or running job of that name, else start a new one in "created"
            String from = "pending".equals(current) || "running".equals(current) ? current : "created";
            String event = switch (state) {
                case "pending" -> "enqueue";
                case "running" -> "run";
                case "success" -> "success";
                case "failed" -> "drop";
                default -> "cancel";
            };
            String to = transition(from, state);
            if (to == null) {
                illegalTransitions++;
                reply(ctx, 400, "{\"message\":\"Cannot transition status via :" + event + " from :" + from + "\"}");
                return;
            }
            gitLabJobs.put(job, to);
        }
        Stored s = store("gitlab", sha, name, state, body);
        ObjectNode r = ContractSchemas.JSON.createObjectNode();
        r.put("id", s.id()).put("sha", sha).put("ref", "main").put("status", state).put("name", name)
                .put("target_url", s.targetUrl()).put("description", s.description())
                .put("created_at", clock.instant().toString()).put("allow_failure", false);
        r.putObject("author").put("id", 1).put("username", "buildrunner");
        reply(ctx, 201, r.toString());
    }

    /** GitLab's CommitStatus events: the state reached, or null when the event is illegal from {@code from}. */
    private static String transition(String from, String state) {
        return switch (state) {
            case "pending" -> from.equals("created") ? "pending" : null;
            // enqueue (ignored when illegal) then run: from created or pending
            case "running" -> from.equals("created") || from.equals("pending") ? "running" : null;
            case "success", "failed", "canceled" -> state;
            default -> null;
        };
    }

    private void gitlabGet(Context ctx) {
        if (!TOKEN.equals(ctx.header("PRIVATE-TOKEN"))) {
            reply(ctx, 401, "{\"message\":\"401 Unauthorized\"}");
            return;
        }
        String sha = ctx.pathParam("sha");
        String name = ctx.queryParam("name");
        ArrayNode out = ContractSchemas.JSON.createArrayNode();
        synchronized (this) {
            Map<String, Stored> latest = new TreeMap<>();
            for (Stored s : stored) {
                if (s.forge().equals("gitlab") && s.sha().equals(sha) && (name == null || name.equals(s.context()))) {
                    latest.put(s.context(), s);
                }
            }
            for (Stored s : latest.values()) {
                out.addObject().put("id", s.id()).put("sha", sha).put("status", s.state()).put("name", s.context())
                        .put("description", s.description()).put("target_url", s.targetUrl());
            }
        }
        reply(ctx, 200, out.toString());
    }

    private synchronized Stored store(String forge, String sha, String context, String state, JsonNode body) {
        Stored s = new Stored(nextId++, forge, sha, context, state,
                body.hasNonNull("description") ? body.get("description").asText() : null,
                body.hasNonNull("target_url") ? body.get("target_url").asText() : null);
        stored.add(s);
        return s;
    }

    private JsonNode parse(Context ctx) {
        try {
            return ContractSchemas.JSON.readTree(ctx.body());
        } catch (IOException e) {
            reply(ctx, 400, "{\"message\":\"Problems parsing JSON\"}");
            return null;
        }
    }

    private static void validationFailed(Context ctx, ArrayNode errors) {
        ObjectNode o = ContractSchemas.JSON.createObjectNode();
        o.put("message", "Validation Failed");
        o.set("errors", errors);
        o.put("documentation_url", GitHubStatusJson.CREATE_STATUS_DOCS);
        reply(ctx, 422, o.toString());
    }

    private static void reply(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(json);
    }

    private static String key(String forge, String sha, String context) {
        return forge + "\n" + sha + "\n" + context.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        app.stop();
    }
}
