package dev.buildrunner.forge.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts statuses to GitLab: {@code POST {base}/api/v4/projects/{url-encoded path}/statuses/{sha}}
 * with {@code PRIVATE-TOKEN}, body {@code state}, {@code name} (the context), {@code description},
 * {@code target_url} (at most 255 characters, else left out: {@link StatusLimits#clampForGitLab}).
 * States: pending → {@code pending} (or {@code running} when so configured), success → {@code
 * success}, failure and error → {@code failed}.
 *
 * <p>GitLab's statuses are a state machine (FORGE-NOTES.md section B; GitLab's
 * {@code Ci::CreateCommitStatusService}): a post applies an event to the pending or running job of
 * that name, or starts a new job when there is none. Re-posting the state a job is in, or
 * {@code pending} to a running job, answers 400 "Cannot transition status via :enqueue from
 * :pending". This sink never sends such a post: it keeps the last state it posted per (sha,
 * context), and when it knows none (first post, or after a restart) it reads the latest status of
 * that name first ({@code GET .../repository/commits/{sha}/statuses?name=}). A post of the state
 * the forge already shows is {@link SinkOutcome.Skipped} even where GitLab would start a new job
 * (a finished job of the same state): the forge already says so. Should GitLab still answer the
 * transition error (another writer moved the job), the outcome is Skipped and the memory dropped.
 *
 * <p>Thread-safe; posts of one (sha, context) should come from one thread at a time.
 */
public final class GitLabStatusSink implements StatusSink {
    /** Start of GitLab's 400 message for an illegal transition. */
    static final String TRANSITION_ERROR = "Cannot transition status";

    private final String base;
    private final String token;
    private final boolean pendingAsRunning;
    private final ForgeHttp http;
    private final LastPosted<Known> last = new LastPosted<>(LastPosted.DEFAULT_CAPACITY);

    /** The GitLab state of a (sha, name) as far as this sink knows; {@code request} null when read from GitLab. */
    private record Known(String state, StatusRequest request) {
    }

    /** A sink that posts pending as {@code pending}. */
    public GitLabStatusSink(URI baseUrl, String token, HttpClient client, Clock clock) {
        this(baseUrl, token, client, clock, false);
    }

    /**
     * @param baseUrl the server's root, e.g. {@code https://gitlab.com} ({@code /api/v4} is added)
     * @param token a personal, project or group access token with {@code api} scope; sent only in {@code PRIVATE-TOKEN}
     * @param client the HTTP client
     * @param clock the clock that rate-limit reset times are measured against
     * @param pendingAsRunning post pending as {@code running} (GitLab shows a running job; Atlantis does this)
     */
    public GitLabStatusSink(URI baseUrl, String token, HttpClient client, Clock clock, boolean pendingAsRunning) {
        this.base = ForgeHttp.base(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.token = Objects.requireNonNull(token, "token");
        this.pendingAsRunning = pendingAsRunning;
        this.http = new ForgeHttp(client, clock);
    }

    /** GitLab's name of a state: {@code pending}/{@code running}, {@code success} or {@code failed}. */
    static String gitLabState(StatusState state, boolean pendingAsRunning) {
        switch (state) {
            case PENDING:
                return pendingAsRunning ? "running" : "pending";
            case SUCCESS:
                return "success";
            default:
                return "failed";
        }
    }

    /**
     * Whether a post moving the latest job of a name from {@code from} to {@code to} is sent:
     * never the same state again, never pending over running; anything after a finished job or
     * no job (a new job starts).
     *
     * @param from GitLab's current state, null when there is no status of that name
     */
    static boolean sends(String from, String to) {
        if (from == null) {
            return true;
        }
        if (from.equals(to)) {
            return false;
        }
        return !(from.equals("running") && to.equals("pending"));
    }

    @Override
    public SinkOutcome post(RepoCoordinates repo, String sha, StatusRequest status) {
        String id = ForgeHttp.requireSha(sha);
        StatusRequest s = StatusLimits.clampForGitLab(status);
        String key = LastPosted.key(repo, id, s.context());
        String to = gitLabState(s.state(), pendingAsRunning);
        Optional<Known> known = last.get(key);
        if (known.isPresent() && known.get().request() != null && known.get().request().saysSameAs(s)) {
            return new SinkOutcome.Skipped("GitLab already has this status from us");
        }
        String from;
        if (known.isPresent()) {
            from = known.get().state();
        } else {
            Current current = current(repo, id, s.context());
            if (current.failure() != null) {
                return current.failure();
            }
            from = current.state();
        }
        if (!sends(from, to)) {
            last.put(key, new Known(from, known.map(Known::request).orElse(null)));
            return new SinkOutcome.Skipped("GitLab job " + s.context() + " is " + from + "; posting " + to
                    + " would be an illegal or empty transition");
        }
        ObjectNode body = ForgeHttp.object();
        body.put("state", to);
        body.put("name", s.context());
        if (s.description() != null) {
            body.put("description", s.description());
        }
        if (s.targetUrl() != null) {
            body.put("target_url", s.targetUrl());
        }
        HttpRequest request = http.postJson(projectUri(repo, "/statuses/" + id), body)
                .header("PRIVATE-TOKEN", token)
                .build();
        SinkOutcome outcome = http.send(request);
        if (outcome instanceof SinkOutcome.Posted) {
            last.put(key, new Known(to, s));
        } else if (outcome instanceof SinkOutcome.Permanent p && p.reason().contains(TRANSITION_ERROR)) {
            last.remove(key);
            return new SinkOutcome.Skipped("GitLab refused the transition: " + p.reason());
        }
        return outcome;
    }

    /** GitLab's latest state of a (sha, name), or the outcome that prevented reading it. */
    private record Current(String state, SinkOutcome failure) {
    }

    private Current current(RepoCoordinates repo, String sha, String name) {
        URI uri = projectUri(repo, "/repository/commits/" + sha + "/statuses?name=" + ForgeHttp.segment(name));
        HttpRequest request = http.get(uri).header("PRIVATE-TOKEN", token).build();
        HttpResponse<String> r;
        try {
            r = http.exchange(request);
        } catch (IOException e) {
            return new Current(null, new SinkOutcome.Transient("GET " + uri + ": " + e));
        }
        if (r.statusCode() != 200) {
            SinkOutcome o = http.classify(r.statusCode(), r.headers(), r.body());
            return new Current(null, o instanceof SinkOutcome.Posted
                    ? new SinkOutcome.Transient("GET " + uri + ": unexpected HTTP " + r.statusCode()) : o);
        }
        Optional<JsonNode> json = ForgeHttp.parse(r.body());
        if (json.isEmpty() || !json.get().isArray()) {
            return new Current(null, new SinkOutcome.Transient("GET " + uri + ": the answer is no JSON array"));
        }
        JsonNode latest = null;
        for (JsonNode n : json.get()) {
            if (name.equals(n.path("name").asText()) && (latest == null || n.path("id").asLong() > latest.path("id").asLong())) {
                latest = n;
            }
        }
        return new Current(latest == null ? null : latest.path("status").asText(null), null);
    }

    private URI projectUri(RepoCoordinates repo, String rest) {
        return URI.create(base + "/api/v4/projects/" + ForgeHttp.segment(repo.path()) + rest);
    }

    @Override
    public String toString() {
        return "GitLabStatusSink[" + base + "]";
    }
}
