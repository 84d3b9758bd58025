package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GitLab sink against the fake forge, which runs GitLab's status state machine and counts
 * illegal transitions: the sink must never cause one.
 */
class GitLabStatusSinkTest {
    private static final String SHA = "3f786850e387550fdab836ed7e6dc881de23001b";
    private static final RepoCoordinates REPO = RepoCoordinates.parse("acme/tools/app");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ContractSchemas schemas = new ContractSchemas();
    private FakeForge forge;
    private GitLabStatusSink sink;

    @BeforeEach
    void start() {
        forge = new FakeForge(clock);
        sink = new GitLabStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    @Test
    void postsToTheUrlEncodedProjectWithGitLabsStateNames() {
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing")))
                .isEqualTo(new SinkOutcome.Posted(201));
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.ERROR, "buildrunner/spec", "crashed")))
                .isEqualTo(new SinkOutcome.Posted(201));

        List<FakeForge.Call> calls = forge.calls();
        // the first post of a context reads GitLab's current state first; the project path is one
        // url-encoded segment (the recorded request line keeps the %2F)
        assertThat(calls).extracting(FakeForge.Call::method).containsExactly("GET", "POST", "POST");
        assertThat(calls.get(0).path()).isEqualTo("/api/v4/projects/acme%2Ftools%2Fapp/repository/commits/" + SHA
                + "/statuses");
        assertThat(calls.get(1).path()).isEqualTo("/api/v4/projects/acme%2Ftools%2Fapp/statuses/" + SHA);
        assertThat(calls.get(1).headers()).containsEntry("private-token", FakeForge.TOKEN)
                .doesNotContainKey("authorization");
        assertThat(calls.get(1).body()).isEqualTo(
                "{\"state\":\"pending\",\"name\":\"buildrunner/spec\",\"description\":\"parsing\"}");
        for (FakeForge.Call c : calls.subList(1, 3)) {
            assertThat(schemas.errors("gitlab/commit-status.request.schema.json", c.body())).isEmpty();
            assertThat(schemas.errors("gitlab/commit-status.response.schema.json", c.response())).isEmpty();
        }
        assertThat(forge.gitLabJob(SHA, "buildrunner/spec")).isEqualTo("failed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // states in posting order | expected outcomes | GitLab's job state at the end
        "pending pending | posted skipped | pending",
        "pending success success | posted posted skipped | success",
        "pending failure pending | posted posted posted | pending",
        "success pending success | posted posted posted | success",
        "failure error | posted skipped | failed",
        "pending pending error | posted skipped posted | failed",
        "success success | posted skipped | success",
    })
    void neverPostsAnIllegalTransition(String states, String outcomes, String finalJob) {
        String[] s = states.split(" ");
        String[] expected = outcomes.split(" ");
        for (int i = 0; i < s.length; i++) {
            // a new description each time: only the state machine may make the sink skip
            SinkOutcome o = sink.post(REPO, SHA, StatusRequest.of(StatusState.valueOf(s[i].toUpperCase()),
                    "buildrunner/spec", "step " + i));
            assertThat(o.getClass().getSimpleName().toLowerCase()).as("post %d (%s)", i, s[i]).isEqualTo(expected[i]);
        }
        assertThat(forge.illegalTransitions()).isZero();
        assertThat(forge.gitLabJob(SHA, "buildrunner/spec")).isEqualTo(finalJob);
    }

    @Test
    void pendingAsRunningNeverPostsRunningTwiceOrPendingOverRunning() {
        GitLabStatusSink running = new GitLabStatusSink(forge.base(), FakeForge.TOKEN, client, clock, true);
        assertThat(running.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "a")))
                .isInstanceOf(SinkOutcome.Posted.class);
        assertThat(forge.gitLabJob(SHA, "buildrunner/plan")).isEqualTo("running");
        assertThat(running.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "b")))
                .isInstanceOf(SinkOutcome.Skipped.class);
        // a second sink (another process) posting plain pending reads that the job runs and skips
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "c")))
                .isInstanceOf(SinkOutcome.Skipped.class);
        assertThat(running.post(REPO, SHA, StatusRequest.of(StatusState.SUCCESS, "buildrunner/plan", "d")))
                .isInstanceOf(SinkOutcome.Posted.class);
        assertThat(forge.illegalTransitions()).isZero();
        assertThat(forge.gitLabJob(SHA, "buildrunner/plan")).isEqualTo("success");
    }

    @Test
    void aRestartedSinkAsksGitLabBeforeItsFirstPost() {
        sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"));
        GitLabStatusSink restarted = new GitLabStatusSink(forge.base(), FakeForge.TOKEN, client, clock);

        assertThat(restarted.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing")))
                .isInstanceOf(SinkOutcome.Skipped.class);
        assertThat(restarted.post(REPO, SHA, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "ok")))
                .isEqualTo(new SinkOutcome.Posted(201));
        assertThat(forge.illegalTransitions()).isZero();
        assertThat(forge.calls()).extracting(FakeForge.Call::method).containsExactly("GET", "POST", "GET", "POST");
    }

    @Test
    void aTransitionErrorCausedByAnotherWriterIsSkippedAndForgotten() {
        GitLabStatusSink other = new GitLabStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
        sink.post(REPO, SHA, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "ok"));
        other.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "re-run"));

        // our memory says success, GitLab says pending: GitLab refuses, the sink skips and forgets
        SinkOutcome o = sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "again"));
        assertThat(o).isInstanceOfSatisfying(SinkOutcome.Skipped.class, s -> assertThat(s.reason())
                .contains("Cannot transition status via :enqueue from :pending"));
        // next time it asks GitLab first and posts only what is legal
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "again")))
                .isInstanceOf(SinkOutcome.Skipped.class);
        assertThat(forge.illegalTransitions()).isEqualTo(1);
    }

    @Test
    void targetUrlsOver255CharactersAreLeftOut() {
        String longUrl = "https://br.example.com/" + "r".repeat(300);
        assertThat(sink.post(REPO, SHA, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec", "ok", longUrl)))
                .isEqualTo(new SinkOutcome.Posted(201));
        assertThat(forge.stored().get(0).targetUrl()).isNull();
        String shortUrl = "https://br.example.com/r/1";
        assertThat(sink.post(REPO, SHA, new StatusRequest(StatusState.FAILURE, "buildrunner/spec", "no", shortUrl)))
                .isEqualTo(new SinkOutcome.Posted(201));
        assertThat(forge.stored().get(1).targetUrl()).isEqualTo(shortUrl);
    }

    @Test
    void aFailedReadOfTheCurrentStateIsTransient() {
        forge.failNext(1, 500);
        assertThat(sink.post(REPO, SHA, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null)))
                .isInstanceOf(SinkOutcome.Transient.class);
        assertThat(forge.stored()).isEmpty();
        assertThat(new GitLabStatusSink(forge.base(), "bad", client, clock).post(REPO, SHA,
                StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null))).isEqualTo(
                new SinkOutcome.Permanent("HTTP 401: 401 Unauthorized"));
    }
}
