package dev.buildrunner.forge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.forge.webhook.AppendResult.Appended;
import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on real files: append, pending, done, reopen, dedup, retention, torn tails, compaction. */
class DeliveryJournalTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private DeliveryJournal open(JournalOptions options) throws IOException {
        return DeliveryJournal.open(dir, options, clock);
    }

    private DeliveryJournal open() throws IOException {
        return open(JournalOptions.defaults());
    }

    private Path file() {
        return dir.resolve(JournalFiles.JOURNAL);
    }

    private static long seq(AppendResult r) {
        assertThat(r).isInstanceOf(Appended.class);
        return ((Appended) r).seq();
    }

    private static List<Long> seqs(DeliveryJournal j) {
        return j.pending().stream().map(JournalEntry::seq).toList();
    }

    @Test
    void appendedDeliveriesArePendingUntilDoneAndSurviveReopening() throws IOException {
        PushEvent plain = Fixtures.push("a", 1);
        PushEvent gitea = new PushEvent(Forge.GITEA, "gitea-1", "alice/demo", "http://gitea.local:3000/alice/demo.git",
                Optional.empty(), "refs/tags/v1.0", Fixtures.ZERO, Fixtures.hex40(7, 7), true, false, Optional.empty(),
                "");
        PushEvent forced = new PushEvent(Forge.GITLAB, "gl-1", "group/sub/project", "https://gitlab.example/g/s/p.git",
                Optional.of("develop"), "refs/heads/develop", Fixtures.hex40(1, 2), Fixtures.hex40(3, 4), false, false,
                Optional.of(true), "Jöhn Smïth");
        try (DeliveryJournal j = open()) {
            assertThat(j.recovery()).isEqualTo(new DeliveryJournal.Recovery(0, 16, 0, ""));
            assertThat(seq(j.append(plain))).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(seq(j.append(gitea))).isEqualTo(2);
            assertThat(seq(j.append(forced))).isEqualTo(3);
            assertThat(j.pending()).containsExactly(new JournalEntry(1, T0, plain),
                    new JournalEntry(2, T0.plusSeconds(1), gitea), new JournalEntry(3, T0.plusSeconds(1), forced));
            assertThat(j.markDone(2)).isTrue();
            assertThat(j.markDone(2)).isFalse();
            assertThat(j.markDone(99)).isFalse();
            assertThat(seqs(j)).containsExactly(1L, 3L);
        }
        try (DeliveryJournal j = open()) {
            assertThat(j.recovery().pending()).isEqualTo(2);
            assertThat(j.recovery().discardedBytes()).isZero();
            assertThat(j.pending()).containsExactly(new JournalEntry(1, T0, plain),
                    new JournalEntry(3, T0.plusSeconds(1), forced));
            assertThat(seq(j.append(Fixtures.push("a", 2)))).isEqualTo(4);
        }
    }

    @Test
    void duplicatesByDeliveryIdAndByPushKeyEvenAfterDoneAndReopen() throws IOException {
        String main = "refs/heads/main";
        PushEvent first = Fixtures.push("id-1", "acme/widgets", main, Fixtures.hex40(1, 1), Fixtures.hex40(1, 2));
        PushEvent sameId = Fixtures.push("id-1", "acme/widgets", main, Fixtures.hex40(1, 2), Fixtures.hex40(1, 3));
        PushEvent samePushOtherHook = Fixtures.push("id-2", "ACME/Widgets", "refs/heads/main", Fixtures.hex40(1, 1),
                Fixtures.hex40(1, 2));
        PushEvent otherRef = Fixtures.push("id-3", "acme/widgets", "refs/heads/dev", Fixtures.hex40(1, 1),
                Fixtures.hex40(1, 2));
        try (DeliveryJournal j = open()) {
            assertThat(seq(j.append(first))).isEqualTo(1);
            assertThat(j.append(sameId)).isEqualTo(new Duplicate(1, "delivery id id-1 already journaled as #1"));
            assertThat(j.append(samePushOtherHook)).isEqualTo(new Duplicate(1,
                    "push ACME/Widgets refs/heads/main " + Fixtures.hex40(1, 1).substring(0, 7) + ".."
                            + Fixtures.hex40(1, 2).substring(0, 7) + " already journaled as #1"));
            assertThat(seq(j.append(otherRef))).isEqualTo(2);
            assertThat(j.markDone(1)).isTrue();
            assertThat(j.append(sameId)).isInstanceOf(Duplicate.class);
        }
        try (DeliveryJournal j = open()) {
            assertThat(j.append(sameId)).isInstanceOf(Duplicate.class);
            assertThat(j.append(samePushOtherHook)).isInstanceOf(Duplicate.class);
            assertThat(seqs(j)).containsExactly(2L);
        }
    }

    @Test
    void doneKeysAreKeptForTheLastNDeliveriesAndForAtMostTheRetentionTime() throws IOException {
        JournalOptions options = new JournalOptions(3, Duration.ofHours(1), 1L << 30);
        try (DeliveryJournal j = open(options)) {
            for (int n = 1; n <= 5; n++) {
                assertThat(seq(j.append(Fixtures.push("r", n)))).isEqualTo(n);
            }
            assertThat(j.markDone(1)).isTrue();
            assertThat(j.markDone(2)).isTrue();
            assertThat(j.markDone(4)).isTrue();
            // seq 1 and 2 are more than 3 deliveries old: their keys are gone, so they journal again
            assertThat(seq(j.append(Fixtures.push("r", 1)))).isEqualTo(6);
            assertThat(j.append(Fixtures.push("r", 4))).isInstanceOf(Duplicate.class);
            // 3 and 5 are pending: they keep their keys however old
            clock.advance(Duration.ofHours(2));
            assertThat(j.markDone(6)).isTrue();
            assertThat(j.append(Fixtures.push("r", 3))).isInstanceOf(Duplicate.class);
            assertThat(seq(j.append(Fixtures.push("r", 4)))).isEqualTo(7);   // done, and older than an hour
        }
        try (DeliveryJournal j = open(options)) {
            assertThat(j.append(Fixtures.push("r", 3))).isInstanceOf(Duplicate.class);
            assertThat(j.append(Fixtures.push("r", 4))).isInstanceOf(Duplicate.class);
            assertThat(seq(j.append(Fixtures.push("r", 2)))).isEqualTo(8);
            assertThat(seqs(j)).containsExactly(3L, 5L, 7L, 8L);
        }
    }

    @Test
    void aTornLastRecordIsIgnoredWithAWarningAndTheJournalGoesOn() throws IOException {
        try (DeliveryJournal j = open()) {
            for (int n = 1; n <= 3; n++) {
                j.append(Fixtures.push("t", n));
            }
        }
        long whole = Files.size(file());
        try (var ch = Files.newByteChannel(file(), StandardOpenOption.WRITE)) {
            ch.truncate(whole - 5);   // the last write reached the disk only in part
        }
        long third;
        try (DeliveryJournal j = open()) {
            DeliveryJournal.Recovery r = j.recovery();
            assertThat(seqs(j)).containsExactly(1L, 2L);
            assertThat(r.discardReason()).contains("cut short");
            third = whole - 5 - r.validBytes();
            assertThat(r.discardedBytes()).isEqualTo(third);
            assertThat(Files.size(file())).isEqualTo(r.validBytes());
            assertThat(seq(j.append(Fixtures.push("t", 3)))).isEqualTo(3);
            assertThat(seq(j.append(Fixtures.push("t", 4)))).isEqualTo(4);
        }
        try (DeliveryJournal j = open()) {
            assertThat(j.recovery().discardedBytes()).isZero();
            assertThat(seqs(j)).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void aLastRecordFailingItsChecksumOrZerosAfterTheEndAreDiscarded() throws IOException {
        try (DeliveryJournal j = open()) {
            j.append(Fixtures.push("c", 1));
            j.append(Fixtures.push("c", 2));
        }
        byte[] bytes = Files.readAllBytes(file());
        bytes[bytes.length - 3] ^= 0x20;   // one bit of the last record's pusher name
        Files.write(file(), bytes);
        try (DeliveryJournal j = open()) {
            assertThat(j.recovery().discardReason()).startsWith("checksum mismatch");
            assertThat(seqs(j)).containsExactly(1L);
        }
        // a file system that extended the file but not its data leaves zeros
        Files.write(file(), new byte[4096], StandardOpenOption.APPEND);
        try (DeliveryJournal j = open()) {
            assertThat(j.recovery().discardReason()).isEqualTo("invalid record length 0");
            assertThat(j.recovery().discardedBytes()).isEqualTo(4096);
            assertThat(seqs(j)).containsExactly(1L);
        }
    }

    @Test
    void compactionKeepsPendingDeliveriesKeysAndTheSequence() throws IOException {
        try (DeliveryJournal j = open()) {
            for (int n = 1; n <= 50; n++) {
                j.append(Fixtures.push("k", n));
            }
            for (long s = 1; s <= 50; s++) {
                if (s % 10 != 0) {
                    j.markDone(s);
                }
            }
            long before = Files.size(file());
            j.compact();
            assertThat(Files.size(file())).isLessThan(before);
            assertThat(seqs(j)).containsExactly(10L, 20L, 30L, 40L, 50L);
            assertThat(j.append(Fixtures.push("k", 7))).isInstanceOf(Duplicate.class);
            assertThat(seq(j.append(Fixtures.push("k", 51)))).isEqualTo(51);
            assertThat(j.markDone(20)).isTrue();
        }
        try (DeliveryJournal j = open()) {
            assertThat(seqs(j)).containsExactly(10L, 30L, 40L, 50L, 51L);
            assertThat(j.append(Fixtures.push("k", 20))).isInstanceOf(Duplicate.class);
            assertThat(j.append(Fixtures.push("k", 1))).isInstanceOf(Duplicate.class);
            assertThat(seq(j.append(Fixtures.push("k", 52)))).isEqualTo(52);
            j.compact();
            // everything done and compacted away: numbering still goes on
            for (long s : List.of(10L, 30L, 40L, 50L, 51L, 52L)) {
                j.markDone(s);
            }
        }
        JournalOptions fewKeys = new JournalOptions(1, Duration.ofDays(1), 1L << 30);
        try (DeliveryJournal j = open(fewKeys)) {
            j.compact();
            assertThat(j.pending()).isEmpty();
        }
        try (DeliveryJournal j = open(fewKeys)) {
            assertThat(seq(j.append(Fixtures.push("k", 1)))).isEqualTo(53);
        }
    }

    @Test
    void theFileCompactsItselfAndStaysSmall() throws IOException {
        JournalOptions options = new JournalOptions(20, Duration.ofDays(7), 8192);
        long total = 0;
        try (DeliveryJournal j = open(options)) {
            for (int n = 1; n <= 200; n++) {
                long s = seq(j.append(Fixtures.push("auto", n)));
                if (n % 25 != 0) {
                    j.markDone(s);
                }
                total = Math.max(total, Files.size(file()));
            }
            assertThat(seqs(j)).containsExactly(25L, 50L, 75L, 100L, 125L, 150L, 175L, 200L);
        }
        assertThat(total).as("largest size seen").isLessThan(3 * 8192);
        try (DeliveryJournal j = open(options)) {
            assertThat(seqs(j)).hasSize(8);
            assertThat(j.append(Fixtures.push("auto", 199))).isInstanceOf(Duplicate.class);
            assertThat(seq(j.append(Fixtures.push("auto", 1)))).isEqualTo(201);
        }
    }

    @Test
    void aTemporaryFileLeftByACrashedCompactionIsDeleted() throws IOException {
        try (DeliveryJournal j = open()) {
            j.append(Fixtures.push("tmp", 1));
        }
        Files.write(dir.resolve(JournalFiles.TEMPORARY), new byte[] {'B', 'R', 'J', '1', 0, 0});
        try (DeliveryJournal j = open()) {
            assertThat(seqs(j)).containsExactly(1L);
            assertThat(dir.resolve(JournalFiles.TEMPORARY)).doesNotExist();
        }
    }

    @Test
    void aDamagedHeaderIsMovedAsideAndANewJournalStarted() throws IOException {
        Files.write(file(), "not a journal at all".getBytes());
        try (DeliveryJournal j = open()) {
            assertThat(j.pending()).isEmpty();
            assertThat(seq(j.append(Fixtures.push("h", 1)))).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.equals(JournalFiles.JOURNAL + ".corrupt-" + T0.toEpochMilli()));
        }
    }

    @Test
    void oneOwnerAtATimeAndNoUseAfterClose() throws IOException {
        DeliveryJournal j = open();
        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("already open");
        j.close();
        j.close();
        assertThatThrownBy(() -> j.append(Fixtures.push("x", 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> j.markDone(1)).isInstanceOf(IllegalStateException.class);
        try (DeliveryJournal again = open()) {
            assertThat(again.pending()).isEmpty();
        }
    }
}
