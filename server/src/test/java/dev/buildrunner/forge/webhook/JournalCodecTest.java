package dev.buildrunner.forge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record format: seeded random deliveries read back equal, and a journal file cut at any byte
 * (a crash mid-write) reopens to exactly the records wholly before the cut.
 */
class JournalCodecTest {
    private static final long SEED = 20_261_123L;

    @TempDir
    Path tmp;

    private static String text(Random r, int max) {
        int length = r.nextInt(max + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = r.nextInt(10);
            // ASCII, Latin-1 letters, and emoji (4 bytes in UTF-8)
            b.appendCodePoint(kind < 7 ? 'a' + r.nextInt(26) : kind < 9 ? 0xe0 + r.nextInt(30)
                    : 0x1f600 + r.nextInt(50));
        }
        return b.toString();
    }

    static PushEvent randomEvent(Random r) {
        boolean sha256 = r.nextInt(5) == 0;
        String before = r.nextInt(4) == 0 ? "0".repeat(sha256 ? 64 : 40) : hex(r, sha256 ? 64 : 40);
        String after = hex(r, sha256 ? 64 : 40);
        Forge forge = Forge.values()[r.nextInt(3)];
        return new PushEvent(forge, "d-" + r.nextLong(), "o" + r.nextInt(100) + "/r" + r.nextInt(100),
                "https://forge.example/" + text(r, 12) + ".git",
                r.nextBoolean() ? Optional.of("main") : Optional.empty(),
                (r.nextBoolean() ? "refs/heads/" : "refs/tags/") + "x" + r.nextInt(1000), before, after,
                PushEvent.isZeroId(before), false,
                r.nextInt(3) == 0 ? Optional.empty() : Optional.of(r.nextBoolean()), text(r, 20));
    }

    private static String hex(Random r, int digits) {
        StringBuilder b = new StringBuilder();
        while (b.length() < digits) {
            b.append(Character.forDigit(r.nextInt(16), 16));
        }
        return b.toString();
    }

    @Test
    void randomDeliveriesReadBackEqual() {
        Random r = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            JournalEntry entry = new JournalEntry(1 + r.nextInt(1_000_000), Instant.ofEpochMilli(r.nextLong() >>> 22),
                    randomEvent(r));
            List<JournalCodec.Record> records = List.of(new JournalCodec.Append(entry),
                    new JournalCodec.Done(entry.seq()),
                    new JournalCodec.Key(entry.seq(), entry.appendedAt(), entry.event().deliveryId(),
                            entry.event().pushKey()));
            byte[] file = JournalFiles.encode(7, records);
            assertThat(JournalCodec.readHeader(file)).contains(7L);
            int offset = JournalCodec.HEADER_BYTES;
            for (JournalCodec.Record expected : records) {
                JournalCodec.Read read = JournalCodec.read(file, offset);
                assertThat(read.record()).contains(expected);
                offset = read.next();
            }
            assertThat(offset).isEqualTo(file.length);
        }
    }

    @Test
    void aFileCutAtAnyByteReopensToTheWholeRecordsBeforeTheCut() throws IOException {
        Path source = tmp.resolve("source");
        Random r = new Random(SEED);
        List<PushEvent> events = new ArrayList<>();
        try (DeliveryJournal j = DeliveryJournal.open(source)) {
            for (int i = 0; i < 6; i++) {
                PushEvent e = randomEvent(r);
                events.add(e);
                j.append(e);
            }
            j.markDone(2);
            j.markDone(5);
        }
        byte[] file = Files.readAllBytes(source.resolve(JournalFiles.JOURNAL));
        List<Integer> ends = new ArrayList<>();   // offset after each record: A1..A6, D2, D5
        for (int offset = JournalCodec.HEADER_BYTES; offset < file.length; ) {
            offset = JournalCodec.read(file, offset).next();
            ends.add(offset);
        }
        assertThat(ends).hasSize(8).last().isEqualTo(file.length);

        TreeSet<Integer> cuts = new TreeSet<>();
        for (int end : ends) {
            for (int d = -4; d <= 4; d++) {
                cuts.add(end + d);
            }
        }
        for (int c = JournalCodec.HEADER_BYTES; c < file.length; c += 37) {
            cuts.add(c);
        }
        cuts.removeIf(c -> c < JournalCodec.HEADER_BYTES || c > file.length);
        for (int cut : cuts) {
            Path dir = tmp.resolve("cut-" + cut);
            Files.createDirectories(dir);
            Files.write(dir.resolve(JournalFiles.JOURNAL), Arrays.copyOf(file, cut));
            int whole = (int) ends.stream().filter(e -> e <= cut).count();
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= Math.min(whole, 6); s++) {
                boolean done = (s == 2 && whole >= 7) || (s == 5 && whole >= 8);
                if (!done) {
                    expected.add(s);
                }
            }
            try (DeliveryJournal j = DeliveryJournal.open(dir)) {
                assertThat(j.pending()).as("cut at %d", cut).extracting(JournalEntry::seq)
                        .containsExactlyElementsOf(expected);
                j.pending().forEach(e -> assertThat(e.event()).isEqualTo(events.get((int) e.seq() - 1)));
                int validEnd = whole == 0 ? JournalCodec.HEADER_BYTES : ends.get(whole - 1);
                assertThat(j.recovery().validBytes()).isEqualTo(validEnd);
                assertThat(j.recovery().discardedBytes()).isEqualTo(cut - validEnd);
            }
        }
    }
}
