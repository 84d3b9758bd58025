package dev.buildrunner.forge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.forge.webhook.AppendResult.Appended;
import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight request threads append at once while a consumer marks deliveries done and the file compacts
 * itself under them: every delivery gets one sequence number, a push delivered by every thread
 * (eight hooks, eight delivery ids) is journaled once, and nothing is lost or revived on reopen.
 */
class DeliveryJournalConcurrencyTest {
    private static final int THREADS = 8;
    private static final int OWN = 120;
    private static final int SHARED = 40;

    @TempDir
    Path dir;

    @Test
    void eightThreadsAppendWhileAConsumerMarksDoneAndTheFileCompacts() throws Exception {
        JournalOptions options = new JournalOptions(10_000, Duration.ofDays(7), 16 * 1024);
        Map<Long, String> appended = new ConcurrentHashMap<>();   // seq -> delivery id
        Map<Integer, Set<String>> sharedWinners = new ConcurrentHashMap<>();
        Set<Long> done = ConcurrentHashMap.newKeySet();
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try (DeliveryJournal journal = DeliveryJournal.open(dir, options, Clock.systemUTC())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> appenders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < OWN + SHARED; i++) {
                        PushEvent e;
                        int shared = -1;
                        if (i % 4 == 3 && i / 4 < SHARED) {
                            shared = i / 4;   // the same push as every other thread, under this thread's delivery id
                            e = Fixtures.push("hook" + thread + "-shared-" + shared, "acme/widgets", "refs/heads/main",
                                    Fixtures.hex40(99, shared), Fixtures.hex40(99, shared + 1));
                        } else {
                            e = Fixtures.push("own" + thread, i);
                        }
                        AppendResult r = journal.append(e);
                        if (r instanceof Appended a) {
                            assertThat(appended.putIfAbsent(a.seq(), e.deliveryId())).isNull();
                            if (shared >= 0) {
                                sharedWinners.computeIfAbsent(shared, k -> ConcurrentHashMap.newKeySet())
                                        .add(e.deliveryId());
                            }
                        } else {
                            assertThat(shared).as("only shared pushes repeat: %s", r).isNotNegative();
                            assertThat(((Duplicate) r).reason()).startsWith("push acme/widgets refs/heads/main");
                        }
                    }
                    return null;
                }));
            }
            Future<?> consumer = pool.submit(() -> {
                while (appending.get() || !journal.pending().isEmpty()) {
                    for (JournalEntry e : journal.pending()) {
                        if (e.seq() % 3 != 0) {
                            assertThat(journal.markDone(e.seq())).isTrue();
                            done.add(e.seq());
                        }
                    }
                    if (journal.pending().stream().allMatch(e -> e.seq() % 3 == 0)) {
                        if (!appending.get()) {
                            break;
                        }
                        Thread.sleep(1);
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<?> f : appenders) {
                f.get(60, TimeUnit.SECONDS);
            }
            appending.set(false);
            consumer.get(60, TimeUnit.SECONDS);

            int total = THREADS * OWN + SHARED;
            assertThat(appended.keySet()).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(sharedWinners).hasSize(SHARED);
            sharedWinners.values().forEach(ids -> assertThat(ids).hasSize(1));
            Set<Long> expectedPending = appended.keySet().stream().filter(s -> !done.contains(s))
                    .collect(Collectors.toSet());
            assertThat(journal.pending()).extracting(JournalEntry::seq)
                    .containsExactlyInAnyOrderElementsOf(expectedPending);
            assertThat(expectedPending).allMatch(s -> s % 3 == 0);
        } finally {
            pool.shutdownNow();
        }
        // compaction ran under the appends: done deliveries live on as key records, fewer appends remain
        byte[] file = Files.readAllBytes(dir.resolve(JournalFiles.JOURNAL));
        int keys = 0;
        int appends = 0;
        for (int offset = JournalCodec.HEADER_BYTES; offset < file.length; ) {
            JournalCodec.Read read = JournalCodec.read(file, offset);
            JournalCodec.Record r = read.record().orElseThrow();
            keys += r instanceof JournalCodec.Key ? 1 : 0;
            appends += r instanceof JournalCodec.Append ? 1 : 0;
            offset = read.next();
        }
        assertThat(keys).isPositive();
        assertThat(appends).isLessThan(appended.size());

        try (DeliveryJournal journal = DeliveryJournal.open(dir, options, Clock.systemUTC())) {
            Set<Long> pending = new HashSet<>();
            for (JournalEntry e : journal.pending()) {
                assertThat(pending.add(e.seq())).isTrue();
                assertThat(e.event().deliveryId()).isEqualTo(appended.get(e.seq()));
            }
            assertThat(pending).doesNotContainAnyElementsOf(done);
            Set<Long> union = new HashSet<>(pending);
            union.addAll(done);
            assertThat(union).isEqualTo(appended.keySet());
            // every delivery is known after reopening: appending any again is a duplicate
            for (int t = 0; t < THREADS; t++) {
                assertThat(journal.append(Fixtures.push("own" + t, OWN / 2))).isInstanceOf(Duplicate.class);
            }
            assertThat(journal.append(Fixtures.push("late-hook", "acme/widgets", "refs/heads/main",
                    Fixtures.hex40(99, 0), Fixtures.hex40(99, 1)))).isInstanceOf(Duplicate.class);
        }
    }
}
