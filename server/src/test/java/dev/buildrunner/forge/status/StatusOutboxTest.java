package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable outbox against the fake forge, with a manual clock and scheduler: time passes only
 * when the scheduler moves the clock, so hours of backoff take milliseconds and nothing sleeps.
 */
class StatusOutboxTest {
    private static final String SHA1 = "3f786850e387550fdab836ed7e6dc881de23001b";
    private static final String SHA2 = "89e6c98d92887913cadf06b2adb97f26cde4849b";
    private static final RepoCoordinates REPO = new RepoCoordinates("acme", "app");
    private static final Duration TWO_DAYS = Duration.ofHours(48);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private FakeForge forge;
    private GitHubStatusSink github;

    @BeforeEach
    void start() {
        forge = new FakeForge(clock);
        github = new GitHubStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    private StatusOutbox outbox(StatusSink sink) {
        return new StatusOutbox(dir, SinkRouter.always(sink), clock, scheduler, Backoff.standard(), new Random(7));
    }

    @Test
    void deliversEverythingAfterAnOutageWithGrowingWaits() {
        StatusOutbox outbox = outbox(github);
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK"));
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/plan", "7 tasks"));
        outbox.enqueue(REPO, SHA2, StatusRequest.of(StatusState.FAILURE, "buildrunner/spec", "line 3: no title"));
        forge.failNext(8, 503);

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(outbox.pending()).isEmpty();
        assertThat(outbox.deadLetters()).isEmpty();
        assertThat(forge.stored()).extracting(s -> s.sha() + " " + s.context() + " " + s.state())
                .containsExactlyInAnyOrder(SHA1 + " buildrunner/spec success", SHA1 + " buildrunner/plan success",
                        SHA2 + " buildrunner/spec failure");
        assertThat(forge.calls()).extracting(FakeForge.Call::status).filteredOn(s -> s == 503).hasSize(8);
        assertThat(itemFiles()).isEmpty();

        // the oldest status went first and waited 1 s, 2 s, ... (+ up to 25%) between its attempts
        List<Instant> attempts = forge.calls().stream().filter(c -> c.body().contains("spec OK"))
                .map(FakeForge.Call::at).toList();
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.between(attempts.get(i - 1), attempts.get(i));
            long base = 1L << (i - 1);
            assertThat(gap).isBetween(Duration.ofSeconds(base), Duration.ofMillis(base * 1250));
        }
    }

    @Test
    void honoursRetryAfterForEveryStatusOfThatForge() {
        StatusOutbox outbox = outbox(github);
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null));
        outbox.enqueue(REPO, SHA2, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null));
        forge.scriptNext(403, Map.of("Retry-After", "120"), "{\"message\":\"You have exceeded a secondary rate limit\"}");
        Instant t0 = clock.instant();

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        List<FakeForge.Call> calls = forge.calls();
        assertThat(calls).extracting(FakeForge.Call::status).containsExactly(403, 201, 201);
        assertThat(calls.get(0).at()).isEqualTo(t0);
        assertThat(calls.get(1).at()).isEqualTo(t0.plusSeconds(120));
        assertThat(calls.get(2).at()).isEqualTo(t0.plusSeconds(120));
        assertThat(outbox.pending()).isEmpty();
    }

    @Test
    void honoursAnExhaustedPrimaryRateLimitUntilItsReset() {
        StatusOutbox outbox = outbox(github);
        Instant t0 = clock.instant();
        forge.scriptNext(403, Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset",
                String.valueOf(t0.plusSeconds(1800).getEpochSecond())), "{\"message\":\"API rate limit exceeded\"}");
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null));

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.calls()).extracting(FakeForge.Call::at).containsExactly(t0, t0.plusSeconds(1801));
        assertThat(forge.stored()).hasSize(1);
    }

    @Test
    void onlyTheNewestWaitingStatusOfAContextIsSent() {
        StatusOutbox outbox = outbox(github);
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"));
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "planning"));
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "BuildRunner/Spec", "spec OK"));
        assertThat(outbox.pending()).extracting(i -> i.request().description()).containsExactly("planning", "spec OK");
        assertThat(itemFiles()).hasSize(2);

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.stored()).extracting(FakeForge.Stored::description).containsExactly("planning", "spec OK");
    }

    @Test
    void aStatusEnqueuedWhileItsPredecessorIsPostedIsSentAfterIt() {
        List<String> order = new ArrayList<>();
        StatusOutbox[] box = new StatusOutbox[1];
        StatusSink racing = (repo, sha, s) -> {
            order.add(s.state().json());
            if (order.size() == 1) {
                box[0].enqueue(repo, sha, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK"));
            }
            return github.post(repo, sha, s);
        };
        box[0] = outbox(racing);
        box[0].enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"));

        box[0].start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(order).containsExactly("pending", "success");
        assertThat(forge.stored()).extracting(FakeForge.Stored::state).containsExactly("pending", "success");
        assertThat(box[0].pending()).isEmpty();
        assertThat(itemFiles()).isEmpty();
    }

    @Test
    void aNewOutboxOnTheSameDirectoryDeliversWhatWasWaiting() throws IOException {
        StatusOutbox first = outbox(github);
        forge.failNext(3, 500);
        first.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"));
        first.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "planning"));
        first.enqueue(REPO, SHA2, new StatusRequest(StatusState.ERROR, "buildrunner/spec", "crashed",
                "https://br.example.com/r/2"));
        first.start();
        scheduler.runUntilIdle(Duration.ZERO);
        first.close();
        List<OutboxItem> waiting = first.pending();
        assertThat(waiting).hasSize(3);
        assertThat(forge.stored()).isEmpty();

        // a crash mid-write leaves a temp file; one mid-coalesce leaves an older item of a key
        Files.writeString(dir.resolve("items/.99.tmp"), "{\"v\":1,\"se");
        Path older = dir.resolve("items/" + OutboxFiles.fileName(0));
        byte[] olderBytes = Files.readAllBytes(older);
        OutboxItem newer = first.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "ok"));
        Files.write(older, olderBytes);
        Files.writeString(dir.resolve("items/" + OutboxFiles.fileName(77)), "not json");

        StatusOutbox second = outbox(github);
        assertThat(second.pending()).extracting(OutboxItem::seq).containsExactly(1L, 2L, newer.seq());
        assertThat(second.pending().get(1)).isEqualTo(waiting.get(2));
        second.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.stored()).extracting(s -> s.context() + " " + s.state() + " " + s.description())
                .containsExactlyInAnyOrder("buildrunner/plan pending planning", "buildrunner/spec error crashed",
                        "buildrunner/spec success ok");
        assertThat(forge.stored()).filteredOn(s -> s.state().equals("error")).singleElement()
                .extracting(FakeForge.Stored::targetUrl).isEqualTo("https://br.example.com/r/2");
        assertThat(itemFiles()).containsExactly(OutboxFiles.fileName(77) + ".bad");
        assertThat(second.pending()).isEmpty();
    }

    @Test
    void permanentFailuresGoToTheDeadLetterFileWithTheReason() {
        StatusOutbox outbox = outbox(github);
        forge.scriptNext(422, Map.of(), "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Status\","
                + "\"code\":\"custom\",\"message\":\"No commit found for SHA: " + SHA1 + "\"}]}");
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", null));
        outbox.enqueue(REPO, SHA2, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", null));

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.stored()).extracting(FakeForge.Stored::sha).containsExactly(SHA2);
        List<DeadLetter> dead = outbox(github).deadLetters();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.item().sha()).isEqualTo(SHA1);
            assertThat(d.reason()).isEqualTo("HTTP 422: Validation Failed; No commit found for SHA: " + SHA1);
            assertThat(d.at()).isEqualTo(clock.instant());
        });
        assertThat(itemFiles()).isEmpty();
    }

    @Test
    void aRepositoryWithoutASinkIsDeadLettered() {
        StatusOutbox outbox = new StatusOutbox(dir, repo -> repo.owner().equals("acme") ? Optional.of(github)
                : Optional.empty(), clock, scheduler, Backoff.standard(), new Random(7));
        outbox.enqueue(new RepoCoordinates("other", "app"), SHA1, StatusRequest.of(StatusState.SUCCESS, "c", null));
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "c", null));
        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.stored()).hasSize(1);
        assertThat(outbox.deadLetters()).singleElement().extracting(DeadLetter::reason)
                .isEqualTo("no status sink is configured for other/app");
    }

    @Test
    void givesUpAfterTheBackoffLimitAndKeepsTheStatusAsADeadLetter() {
        Backoff hour = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), 0, Duration.ofHours(1));
        StatusOutbox outbox = new StatusOutbox(dir, SinkRouter.always(github), clock, scheduler, hour, new Random(7));
        forge.failNext(1000, 500);
        Instant t0 = clock.instant();
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK"));

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        // waits of 1, 2, 4 ... 512 s (10 attempts in 17 min), then 600 s each until an hour has passed
        List<Instant> at = forge.calls().stream().map(FakeForge.Call::at).toList();
        assertThat(at).hasSize(16);
        assertThat(at.get(9)).isEqualTo(t0.plusSeconds(511));
        assertThat(at.get(10)).isEqualTo(t0.plusSeconds(1023));
        assertThat(Duration.between(at.get(14), at.get(15))).isEqualTo(Duration.ofMinutes(10));
        assertThat(at.get(14)).isBefore(t0.plus(Duration.ofHours(1)));
        assertThat(at.get(15)).isAfterOrEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(outbox.deadLetters()).singleElement().satisfies(d -> assertThat(d.reason())
                .startsWith("gave up after failing for PT1H (16 attempts); last: HTTP 500"));
        assertThat(outbox.pending()).isEmpty();
        assertThat(scheduler.nextDue()).isNull();
    }

    @Test
    void oversizedStatusesAreClampedSoTheForgeNeverRefusesThem() {
        StatusOutbox outbox = outbox(github);
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(REPO, SHA1, new StatusRequest(StatusState.FAILURE, "buildrunner/" + i + "/" + "c".repeat(300),
                    "\uD83D\uDEA8 line " + i + ": " + "x".repeat(500), "http://127.0.0.1:7070/r/" + i));
        }
        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.calls()).extracting(FakeForge.Call::status).containsOnly(201).hasSize(5);
        assertThat(forge.stored()).allSatisfy(s -> {
            assertThat(s.description().length()).isLessThanOrEqualTo(140);
            assertThat(s.context().length()).isLessThanOrEqualTo(255);
        });
        assertThat(outbox.deadLetters()).isEmpty();
    }

    @Test
    void gitLabTransitionsStayLegalAcrossBatchesAndRestarts() {
        GitLabStatusSink gitlab = new GitLabStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
        StatusOutbox outbox = outbox(gitlab);
        outbox.start();
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"));
        scheduler.runUntilIdle(TWO_DAYS);
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "still parsing"));
        scheduler.runUntilIdle(TWO_DAYS);
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK"));
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "planning"));
        scheduler.runUntilIdle(TWO_DAYS);
        outbox.close();

        // after a restart the sink remembers nothing and asks GitLab
        GitLabStatusSink restarted = new GitLabStatusSink(forge.base(), FakeForge.TOKEN, client, clock);
        StatusOutbox again = outbox(restarted);
        again.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "planning again"));
        again.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", "spec OK again"));
        again.start();
        scheduler.runUntilIdle(TWO_DAYS);

        assertThat(forge.illegalTransitions()).isZero();
        assertThat(forge.gitLabJob(SHA1, "buildrunner/spec")).isEqualTo("success");
        assertThat(forge.gitLabJob(SHA1, "buildrunner/plan")).isEqualTo("pending");
        assertThat(again.pending()).isEmpty();
        assertThat(again.deadLetters()).isEmpty();
    }

    @Test
    void aStoppedOutboxKeepsItsStatusesUntilStartedAgain() {
        StatusOutbox outbox = outbox(github);
        outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null));
        scheduler.runUntilIdle(TWO_DAYS);
        assertThat(forge.calls()).isEmpty();

        outbox.start();
        outbox.stop();
        scheduler.runUntilIdle(TWO_DAYS);
        assertThat(forge.calls()).isEmpty();
        assertThat(itemFiles()).hasSize(1);

        outbox.start();
        scheduler.runUntilIdle(TWO_DAYS);
        assertThat(forge.stored()).hasSize(1);
    }

    @Test
    void theProductionWorkerThreadDeliversAndStopsOnClose() throws Exception {
        GitHubStatusSink sink = new GitHubStatusSink(forge.base(), FakeForge.TOKEN, client, java.time.Clock.systemUTC());
        // other tests in this JVM may own outboxes of their own: only this outbox's thread counts
        java.util.Set<Thread> before = outboxThreads();
        java.util.Set<Thread> ours;
        try (StatusOutbox outbox = StatusOutbox.open(dir, SinkRouter.always(sink))) {
            outbox.start();
            ours = outboxThreads();
            ours.removeAll(before);
            for (int i = 0; i < 5; i++) {
                outbox.enqueue(REPO, SHA1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/c" + i, null));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!outbox.pending().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(outbox.pending()).isEmpty();
        }
        assertThat(forge.stored()).hasSize(5);
        assertThat(itemFiles()).isEmpty();
        assertThat(ours).isNotEmpty();
        for (Thread t : ours) {
            t.join(5_000);
        }
        assertThat(ours).noneMatch(Thread::isAlive);
    }

    private static java.util.Set<Thread> outboxThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("status-outbox") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    private List<String> itemFiles() {
        try (Stream<Path> files = Files.list(dir.resolve(OutboxFiles.ITEMS))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
