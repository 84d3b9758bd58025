package dev.buildrunner.forge.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;

/**
 * Posts statuses to Gitea or Forgejo: {@code POST {base}/api/v1/repos/{owner}/{repo}/statuses/{sha}}
 * with {@code Authorization: token TOKEN}; the body is GitHub's ({@code CreateStatusOption}: state,
 * target_url, description, context; absent values left out, as Gitea's schema has no nulls). Gitea's
 * answer names the state {@code status}, not {@code state} (FORGE-NOTES.md section B); only the
 * HTTP status is used here. Clamped with {@link StatusLimits#clamp} (Gitea stores longer text, but
 * its GitHub-compatible clients expect GitHub's limits).
 *
 * <p>Idempotent per (repository, sha, context) within the process, like {@link GitHubStatusSink}.
 * Thread-safe.
 */
public final class GiteaStatusSink implements StatusSink {
    private final String base;
    private final String token;
    private final ForgeHttp http;
    private final LastPosted<StatusRequest> last = new LastPosted<>(LastPosted.DEFAULT_CAPACITY);

    /**
     * @param baseUrl the server's root, e.g. {@code https://gitea.example.com} ({@code /api/v1} is added)
     * @param token an access token with repository write scope; sent only in the Authorization header
     * @param client the HTTP client
     * @param clock the clock that rate-limit reset times are measured against
     */
    public GiteaStatusSink(URI baseUrl, String token, HttpClient client, Clock clock) {
        this.base = ForgeHttp.base(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.token = Objects.requireNonNull(token, "token");
        this.http = new ForgeHttp(client, clock);
    }

    @Override
    public SinkOutcome post(RepoCoordinates repo, String sha, StatusRequest status) {
        String id = ForgeHttp.requireSha(sha);
        StatusRequest s = StatusLimits.clamp(status);
        String key = LastPosted.key(repo, id, s.context());
        if (last.get(key).filter(s::saysSameAs).isPresent()) {
            return new SinkOutcome.Skipped("Gitea already has this status from us");
        }
        URI uri = URI.create(base + "/api/v1/repos/" + ForgeHttp.segment(repo.owner()) + "/"
                + ForgeHttp.segment(repo.name()) + "/statuses/" + id);
        HttpRequest request = http.postJson(uri, GitHubStatusSink.body(s))
                .header("Authorization", "token " + token)
                .header("Accept", "application/json")
                .build();
        SinkOutcome outcome = http.send(request);
        if (outcome instanceof SinkOutcome.Posted) {
            last.put(key, s);
        }
        return outcome;
    }

    @Override
    public String toString() {
        return "GiteaStatusSink[" + base + "]";
    }
}
