package dev.buildrunner.store;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.plan.Plan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare-and-swap on a real file repository. Two Repository instances on one directory, each
 * with its own {@link WriterLanes}, stand for two processes: their updates really race on the ref
 * (LOCK_FAILURE) and are retried; stores sharing one WriterLanes take turns and never conflict.
 */
class StateStoreConcurrencyTest {
    private static final Pattern MARKER = Pattern.compile("(?m)^- marker t(\\d)-(\\d+)$");

    @TempDir
    Path tmp;
    private Path gitDir;
    private final String spec = PlanFixtures.spec(PlanFixtures.BUILD_3A);
    private final Plan plan = PlanFixtures.fromSpec(spec);

    @BeforeEach
    void setUp() throws IOException {
        gitDir = tmp.resolve("state.git");
        try (Repository r = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build()) {
            r.create(true);
        }
    }

    @Test
    void eightThreadsTimesHundredUpdatesThroughTwoProcessesLoseNothing() throws Exception {
        int threads = 8;
        int perThread = 100;
        AtomicLong retries = new AtomicLong();
        try (Repository a = open(); Repository b = open()) {
            // a short real backoff with jitter, as between processes in production (RetryPolicy.standard()
            // scaled down): without it the two "processes" mostly destroy each other's attempts
            RetryPolicy backoff = new RetryPolicy(10_000, Duration.ofMillis(1), Duration.ofMillis(8),
                    Duration.ofMillis(3), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
            StateStore storeA = new StateStore(a, new WriterLanes(), Clock.systemUTC(), backoff);
            StateStore storeB = new StateStore(b, new WriterLanes(), Clock.systemUTC(), backoff);
            storeA.update(c -> Optional.of(proposal(spec, "base")));

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                StateStore store = t < threads / 2 ? storeA : storeB;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String line = "- marker t" + thread + "-" + i;
                        Committed c = store.update(current -> Optional.of(
                                proposal(current.orElseThrow().specText() + line + "\n", line)));
                        assertThat(c.changed()).isTrue();
                        retries.addAndGet(c.retries());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            State head = storeB.read().orElseThrow();
            List<int[]> markers = new ArrayList<>();
            for (Matcher m = MARKER.matcher(head.specText()); m.find(); ) {
                markers.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
            }
            assertThat(markers).hasSize(threads * perThread);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                // each thread's markers are all there, once each, in the order it wrote them
                assertThat(markers.stream().filter(m -> m[0] == thread).map(m -> m[1]).toList())
                        .containsExactlyElementsOf(range(perThread));
            }
            assertThat(firstParentChain(a, ObjectId.fromString(head.commitId()))).isEqualTo(threads * perThread + 1);
            assertThat(storeA.versions()).hasSize(threads * perThread + 1);
            assertThat(head.plan()).isEqualTo(plan);
        }
        // Not asserted: how often the two "processes" collided depends on scheduling
        System.out.println("8 x 100 updates through 2 repository instances: " + retries.get() + " retries");
    }

    @Test
    void aCommitBetweenReadAndUpdateIsALockFailureAndTheChangeRunsAgainOnTheNewHead() throws Exception {
        CountDownLatch racerHasRead = new CountDownLatch(1);
        CountDownLatch otherHasCommitted = new CountDownLatch(1);
        AtomicInteger hookCalls = new AtomicInteger();
        try (Repository a = open(); Repository b = open()) {
            StateStore other = new StateStore(b, new WriterLanes());
            StateStore racer = new StateStore(a, new WriterLanes(), Clock.systemUTC(), RetryPolicy.immediate(5), () -> {
                if (hookCalls.getAndIncrement() == 0) {
                    racerHasRead.countDown();
                    await(otherHasCommitted);
                }
            });
            other.update(c -> Optional.of(proposal(spec, "base")));
            Thread otherThread = new Thread(() -> {
                await(racerHasRead);
                other.update(c -> Optional.of(proposal(c.orElseThrow().specText() + "- from other\n", "other")));
                otherHasCommitted.countDown();
            });
            otherThread.start();

            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Committed c = racer.update(current -> {
                seen.add(current.orElseThrow().summary());
                return Optional.of(proposal(current.get().specText() + "- from racer\n", "racer"));
            });
            otherThread.join(10_000);

            assertThat(c.attempts()).isEqualTo(2);
            assertThat(c.retries()).isEqualTo(1);
            assertThat(seen).containsExactly("base", "other");
            assertThat(racer.read().orElseThrow().specText()).endsWith("- from other\n- from racer\n");
            assertThat(racer.versions()).extracting(Version::summary).containsExactly("racer", "other", "base");
        }
    }

    @Test
    void whenEveryAttemptLosesTheRefIsLeftToTheWinnerAndTheErrorSaysSo() throws Exception {
        List<Duration> slept = new ArrayList<>();
        try (Repository a = open(); Repository b = open()) {
            StateStore other = new StateStore(b, new WriterLanes());
            RetryPolicy three = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(15), Duration.ZERO,
                    slept::add);
            StateStore loser = new StateStore(a, new WriterLanes(), Clock.systemUTC(), three,
                    () -> other.update(c -> Optional.of(proposal(c.orElseThrow().specText() + "-\n", "winner"))));
            other.update(c -> Optional.of(proposal(spec, "base")));

            assertThatThrownBy(() -> loser.update(c -> Optional.of(proposal(spec, "loser"))))
                    .isInstanceOf(LockFailureException.class)
                    .hasMessage("failed to update refs/heads/buildrunner: LOCK_FAILURE after 3 attempts")
                    .satisfies(e -> assertThat(((LockFailureException) e).attempts()).isEqualTo(3));
            assertThat(slept).containsExactly(Duration.ofMillis(10), Duration.ofMillis(15));
            assertThat(other.versions()).extracting(Version::summary)
                    .containsExactly("winner", "winner", "winner", "base");
        }
    }

    @Test
    void storesSharingWriterLanesTakeTurnsInsteadOfConflicting() throws Exception {
        WriterLanes lanes = new WriterLanes();
        try (Repository a = open(); Repository b = open()) {
            StateStore second = new StateStore(b, lanes);
            AtomicInteger calls = new AtomicInteger();
            List<Committed> secondResult = Collections.synchronizedList(new ArrayList<>());
            Thread[] secondThread = new Thread[1];
            StateStore first = new StateStore(a, lanes, Clock.systemUTC(), RetryPolicy.immediate(1), () -> {
                if (calls.getAndIncrement() == 1) {
                    // between this store's read and its ref update, the other store tries to write
                    secondThread[0] = new Thread(() -> secondResult.add(second.update(c -> Optional.of(
                            proposal(c.orElseThrow().specText() + "- second\n", "second")))));
                    secondThread[0].start();
                    waitUntilQueued(lanes.laneFor(b), secondThread[0]);
                }
            });
            first.update(c -> Optional.of(proposal(spec, "base")));

            Committed c = first.update(cur -> Optional.of(proposal(cur.orElseThrow().specText() + "- first\n", "first")));
            secondThread[0].join(10_000);

            // RetryPolicy.immediate(1) would have thrown on any conflict
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(secondResult).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
            assertThat(first.read().orElseThrow().specText()).endsWith("- first\n- second\n");
        }
    }

    @Test
    void aLockFileLeftByACrashBlocksUpdatesUntilRemovedAsStale() throws Exception {
        try (Repository a = open()) {
            StateStore store = new StateStore(a, new WriterLanes(), Clock.systemUTC(), RetryPolicy.immediate(3));
            store.update(c -> Optional.of(proposal(spec, "base")));
            Path lock = gitDir.resolve("refs/heads/buildrunner.lock");
            java.nio.file.Files.writeString(lock, "");   // what a writer killed inside the lock window leaves

            assertThatThrownBy(() -> store.update(c -> Optional.of(proposal(spec + "x\n", "blocked"))))
                    .isInstanceOf(LockFailureException.class)
                    .hasMessageStartingWith("failed to update refs/heads/buildrunner: LOCK_FAILURE after 3 attempts"
                            + " (lock file " + lock)
                    .hasMessageContaining("see StateStore.removeStaleLock");

            assertThat(store.removeStaleLock(Duration.ofMinutes(10))).isFalse();   // too young: may be a live writer
            assertThat(lock).exists();
            java.nio.file.Files.setLastModifiedTime(lock,
                    java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(Duration.ofHours(1))));
            assertThat(store.removeStaleLock(Duration.ofMinutes(10))).isTrue();
            assertThat(lock).doesNotExist();
            assertThat(store.update(c -> Optional.of(proposal(spec + "x\n", "after"))).changed()).isTrue();
            assertThat(store.removeStaleLock(Duration.ZERO)).isFalse();
        }
    }

    private Proposal proposal(String specText, String summary) {
        return new Proposal(specText, plan, "sync", summary, "", "tester");
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static int firstParentChain(Repository repo, ObjectId head) throws IOException {
        int n = 0;
        try (RevWalk walk = new RevWalk(repo)) {
            for (RevCommit c = walk.parseCommit(head); ; c = walk.parseCommit(c.getParent(0))) {
                n++;
                if (c.getParentCount() == 0) {
                    return n;
                }
            }
        }
    }

    private static void waitUntilQueued(java.util.concurrent.locks.ReentrantLock lane, Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!lane.hasQueuedThread(t)) {
            assertThat(System.nanoTime()).as("second writer never queued on the lane").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
