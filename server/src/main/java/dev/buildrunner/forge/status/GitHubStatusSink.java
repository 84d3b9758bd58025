package dev.buildrunner.forge.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;

/**
 * Posts statuses to GitHub or GitHub Enterprise Server: {@code POST
 * {base}/repos/{owner}/{repo}/statuses/{sha}} with {@code Authorization: Bearer TOKEN}, {@code
 * Accept: application/vnd.github+json} and {@code X-GitHub-Api-Version: 2022-11-28} (GitHub's
 * REST conventions; the token needs {@code repo:status}). The body carries {@code state} and
 * {@code context}, plus {@code description} and {@code target_url} when present, clamped with
 * {@link StatusLimits#clamp} so GitHub's 422 limits are never hit.
 *
 * <p>Idempotent per (repository, sha, context) within the process: a post saying the same as the
 * last one it posted is {@link SinkOutcome.Skipped}. Thread-safe; posts of one (sha, context)
 * should come from one thread at a time (the {@link StatusOutbox} does that).
 */
public final class GitHubStatusSink implements StatusSink {
    /** The API of github.com. */
    public static final URI GITHUB_COM = URI.create("https://api.github.com");
    /** The REST API version asked for. */
    public static final String API_VERSION = "2022-11-28";

    private final String base;
    private final String token;
    private final ForgeHttp http;
    private final LastPosted<StatusRequest> last = new LastPosted<>(LastPosted.DEFAULT_CAPACITY);

    /**
     * @param apiBase {@link #GITHUB_COM} or an Enterprise API ({@link #enterprise})
     * @param token a token allowed to write statuses; sent only in the Authorization header
     * @param client the HTTP client (connect timeout and proxy are its business)
     * @param clock the clock that rate-limit reset times are measured against
     */
    public GitHubStatusSink(URI apiBase, String token, HttpClient client, Clock clock) {
        this.base = ForgeHttp.base(Objects.requireNonNull(apiBase, "apiBase"));
        this.token = Objects.requireNonNull(token, "token");
        this.http = new ForgeHttp(client, clock);
    }

    /** The API base of a GitHub Enterprise Server: {@code https://HOST/api/v3}. */
    public static URI enterprise(String host) {
        return URI.create("https://" + host + "/api/v3");
    }

    @Override
    public SinkOutcome post(RepoCoordinates repo, String sha, StatusRequest status) {
        String id = ForgeHttp.requireSha(sha);
        StatusRequest s = StatusLimits.clamp(status);
        String key = LastPosted.key(repo, id, s.context());
        if (last.get(key).filter(s::saysSameAs).isPresent()) {
            return new SinkOutcome.Skipped("GitHub already has this status from us");
        }
        URI uri = URI.create(base + "/repos/" + ForgeHttp.segment(repo.owner()) + "/" + ForgeHttp.segment(repo.name())
                + "/statuses/" + id);
        HttpRequest request = http.postJson(uri, body(s))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .build();
        SinkOutcome outcome = http.send(request);
        if (outcome instanceof SinkOutcome.Posted) {
            last.put(key, s);
        }
        return outcome;
    }

    /** The request body (schema contracts/github/create-commit-status.request.schema.json). */
    static ObjectNode body(StatusRequest s) {
        ObjectNode o = ForgeHttp.object();
        o.put("state", s.state().json());
        if (s.targetUrl() != null) {
            o.put("target_url", s.targetUrl());
        }
        if (s.description() != null) {
            o.put("description", s.description());
        }
        o.put("context", s.context());
        return o;
    }

    @Override
    public String toString() {
        return "GitHubStatusSink[" + base + "]";
    }
}
