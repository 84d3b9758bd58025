package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitHub sink against the fake forge, which enforces GitHub's request contract. */
class GitHubStatusSinkTest {
    private static final String SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
    private static final RepoCoordinates REPO = new RepoCoordinates("acme", "app");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ContractSchemas schemas = new ContractSchemas();
    private FakeForge forge;
    private GitHubStatusSink sink;

    @BeforeEach
    void start() {
        forge = new FakeForge(clock);
        sink = new GitHubStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    @Test
    void postsWithGitHubsHeadersAndAContractBody() {
        SinkOutcome o = sink.post(REPO, SHA, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec",
                "spec OK, 31 features", "http://127.0.0.1:7070/api/repos/acme/app/plan"));

        assertThat(o).isEqualTo(new SinkOutcome.Posted(201));
        FakeForge.Call call = forge.calls().get(0);
        assertThat(call.path()).isEqualTo("/repos/acme/app/statuses/" + SHA);
        assertThat(call.headers()).containsEntry("authorization", "Bearer " + FakeForge.TOKEN)
                .containsEntry("accept", "application/vnd.github+json")
                .containsEntry("x-github-api-version", "2022-11-28")
                .containsEntry("user-agent", "BuildRunner");
        assertThat(schemas.errors("github/create-commit-status.request.schema.json", call.body())).isEmpty();
        assertThat(forge.stored()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo("success");
            assertThat(s.context()).isEqualTo("buildrunner/spec");
            assertThat(s.targetUrl()).isEqualTo("http://127.0.0.1:7070/api/repos/acme/app/plan");
        });
    }

    @Test
    void anEnterpriseBaseKeepsItsApiPath() {
        assertThat(GitHubStatusSink.enterprise("ghe.example.com")).isEqualTo(URI.create("https://ghe.example.com/api/v3"));
        GitHubStatusSink ghe = new GitHubStatusSink(URI.create(forge.base() + "/api/v3/"), FakeForge.TOKEN, client,
                clock);

        assertThat(ghe.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", null)))
                .isEqualTo(new SinkOutcome.Posted(201));
        assertThat(forge.calls().get(0).path()).isEqualTo("/api/v3/repos/acme/app/statuses/" + SHA);
        assertThat(forge.calls().get(0).body()).isEqualTo("{\"state\":\"pending\",\"context\":\"buildrunner/plan\"}");
    }

    @Test
    void aStatusThatSaysTheSameAsTheLastPostIsSkipped() {
        StatusRequest ok = StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK");
        assertThat(sink.post(REPO, SHA, ok)).isInstanceOf(SinkOutcome.Posted.class);
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.SUCCESS, "BuildRunner/Spec", "spec OK")))
                .isInstanceOf(SinkOutcome.Skipped.class);
        assertThat(sink.post(REPO, SHA.toUpperCase(), ok)).isInstanceOf(SinkOutcome.Skipped.class);
        assertThat(forge.calls()).hasSize(1);

        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK, 2")))
                .isInstanceOf(SinkOutcome.Posted.class);
        assertThat(sink.post(new RepoCoordinates("acme", "other"), SHA, ok)).isInstanceOf(SinkOutcome.Posted.class);
        assertThat(forge.calls()).hasSize(3);
    }

    @Test
    void oversizedValuesAreClampedSoGitHubNeverAnswers422() {
        StatusRequest huge = new StatusRequest(StatusState.FAILURE, "buildrunner/" + "c".repeat(400),
                "line 12: " + "\uD83D\uDCA5".repeat(10) + "x".repeat(300), "not a url");

        assertThat(sink.post(REPO, SHA, huge)).isEqualTo(new SinkOutcome.Posted(201));
        FakeForge.Stored s = forge.stored().get(0);
        assertThat(s.description()).hasSize(140).startsWith("line 12: xxx");
        assertThat(s.context()).hasSize(255);
        assertThat(s.targetUrl()).isNull();
    }

    @Test
    void theFakeForgeAnswers422ForWhatTheSinkNeverSends() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                URI.create(forge.base() + "/repos/acme/app/statuses/" + SHA))
                .header("Authorization", "Bearer " + FakeForge.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"state\":\"success\",\"description\":\"" + "d".repeat(141) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(schemas.errors("github/validation-error.response.schema.json", r.body())).isEmpty();
        assertThat(forge.stored()).isEmpty();
    }

    @Test
    void theThousandAndFirstStatusIsPermanent() {
        forge.seedGitHub(SHA, "buildrunner/spec", 999);
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null)))
                .isEqualTo(new SinkOutcome.Posted(201));

        SinkOutcome o = sink.post(REPO, SHA, StatusRequest.of(StatusState.SUCCESS, "BUILDRUNNER/spec", null));

        assertThat(o).isInstanceOfSatisfying(SinkOutcome.Permanent.class, p -> assertThat(p.reason())
                .contains("HTTP 422").contains("This SHA and context has reached the maximum number of statuses."));
    }

    @Test
    void rateLimitsBecomeRetryAfterWithTheWaitTheForgeAsksFor() {
        StatusRequest s = StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null);
        forge.scriptNext(403, Map.of("Retry-After", "120"), "{\"message\":\"You have exceeded a secondary rate limit.\"}");
        assertThat(sink.post(REPO, SHA, s)).isInstanceOfSatisfying(SinkOutcome.RetryAfter.class, r -> {
            assertThat(r.delay()).isEqualTo(Duration.ofSeconds(120));
            assertThat(r.reason()).contains("403").contains("secondary rate limit");
        });

        long reset = clock.instant().plusSeconds(300).getEpochSecond();
        forge.scriptNext(403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset)),
                "{\"message\":\"API rate limit exceeded\"}");
        assertThat(sink.post(REPO, SHA, s)).isEqualTo(new SinkOutcome.RetryAfter(Duration.ofSeconds(301),
                "HTTP 403: API rate limit exceeded"));

        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(90).atZone(ZoneOffset.UTC));
        forge.scriptNext(429, Map.of("Retry-After", date), "{\"message\":\"slow down\"}");
        assertThat(sink.post(REPO, SHA, s)).isEqualTo(new SinkOutcome.RetryAfter(Duration.ofSeconds(90),
                "HTTP 429: slow down"));

        forge.scriptNext(429, Map.of(), "");
        assertThat(sink.post(REPO, SHA, s)).isEqualTo(new SinkOutcome.RetryAfter(Duration.ofSeconds(60),
                "HTTP 429: (no body)"));

        forge.scriptNext(403, Map.of("x-ratelimit-remaining", "4999"), "{\"message\":\"Resource not accessible by integration\"}");
        assertThat(sink.post(REPO, SHA, s)).isEqualTo(new SinkOutcome.Permanent(
                "HTTP 403: Resource not accessible by integration"));
        assertThat(forge.stored()).isEmpty();
    }

    @Test
    void serverErrorsAndNetworkFailuresAreTransientAndBadTokensPermanent() {
        StatusRequest s = StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null);
        forge.failNext(1, 502);
        assertThat(sink.post(REPO, SHA, s)).isEqualTo(new SinkOutcome.Transient("HTTP 502: Server Error"));

        GitHubStatusSink wrongToken = new GitHubStatusSink(forge.base(), "wrong", client, clock);
        assertThat(wrongToken.post(REPO, SHA, s)).isInstanceOfSatisfying(SinkOutcome.Permanent.class,
                p -> assertThat(p.reason()).isEqualTo("HTTP 401: Bad credentials").doesNotContain("wrong"));

        URI closed = forge.base();
        forge.close();
        assertThat(new GitHubStatusSink(closed, FakeForge.TOKEN, client, clock).post(REPO, SHA, s))
                .isInstanceOfSatisfying(SinkOutcome.Transient.class, t -> assertThat(t.reason()).contains("POST"));
    }

    @Test
    void theFakeForgeAnswersGitHubs201Body() {
        sink.post(REPO, SHA, StatusRequest.of(StatusState.ERROR, "buildrunner/plan", "planner crashed"));
        FakeForge.Call call = forge.calls().get(0);
        assertThat(call.status()).isEqualTo(201);
        assertThat(schemas.errors("github/commit-status.response.schema.json", call.response())).isEmpty();
        assertThat(call.response()).contains("\"state\":\"error\"");
    }
}
