package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Gitea/Forgejo sink against the fake forge, which enforces Gitea's request contract. */
class GiteaStatusSinkTest {
    private static final String SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
    private static final RepoCoordinates REPO = new RepoCoordinates("acme", "app");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ContractSchemas schemas = new ContractSchemas();
    private FakeForge forge;
    private GiteaStatusSink sink;

    @BeforeEach
    void start() {
        forge = new FakeForge(clock);
        sink = new GiteaStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    @Test
    void postsToApiV1WithATokenHeaderAndNoNulls() {
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null)))
                .isEqualTo(new SinkOutcome.Posted(201));
        assertThat(sink.post(REPO, SHA, new StatusRequest(StatusState.FAILURE, "buildrunner/spec", "line 7: no title",
                "https://br.example.com/r/acme/app"))).isEqualTo(new SinkOutcome.Posted(201));

        FakeForge.Call first = forge.calls().get(0);
        assertThat(first.path()).isEqualTo("/api/v1/repos/acme/app/statuses/" + SHA);
        assertThat(first.headers()).containsEntry("authorization", "token " + FakeForge.TOKEN);
        assertThat(first.body()).isEqualTo("{\"state\":\"pending\",\"context\":\"buildrunner/spec\"}");
        for (FakeForge.Call c : forge.calls()) {
            assertThat(schemas.errors("gitea/create-status-option.request.schema.json", c.body())).isEmpty();
            // Gitea answers the state as "status"
            assertThat(schemas.errors("gitea/commit-status.response.schema.json", c.response())).isEmpty();
        }
        assertThat(forge.calls().get(1).response()).contains("\"status\":\"failure\"");
        assertThat(forge.stored()).extracting(FakeForge.Stored::state).containsExactly("pending", "failure");
    }

    @Test
    void skipsRepeatsAndClassifiesFailures() {
        StatusRequest ok = StatusRequest.of(StatusState.SUCCESS, "buildrunner/plan", "7 tasks regenerated");
        assertThat(sink.post(REPO, SHA, ok)).isInstanceOf(SinkOutcome.Posted.class);
        assertThat(sink.post(REPO, SHA, ok)).isInstanceOf(SinkOutcome.Skipped.class);

        StatusRequest next = StatusRequest.of(StatusState.SUCCESS, "buildrunner/plan", "8 tasks regenerated");
        forge.failNext(1, 503);
        assertThat(sink.post(REPO, SHA, next)).isInstanceOf(SinkOutcome.Transient.class);
        forge.scriptNext(429, Map.of("Retry-After", "7"), "{\"message\":\"too many\"}");
        assertThat(sink.post(REPO, SHA, next)).isEqualTo(new SinkOutcome.RetryAfter(Duration.ofSeconds(7),
                "HTTP 429: too many"));
        forge.scriptNext(404, Map.of(), "{\"message\":\"repository does not exist\"}");
        assertThat(sink.post(REPO, SHA, next)).isEqualTo(new SinkOutcome.Permanent(
                "HTTP 404: repository does not exist"));
        // a failed post is not remembered: the same status is sent again
        assertThat(sink.post(REPO, SHA, next)).isEqualTo(new SinkOutcome.Posted(201));
        assertThat(new GiteaStatusSink(forge.base(), "nope", client, clock).post(REPO, SHA, ok))
                .isInstanceOf(SinkOutcome.Permanent.class);
    }
}
