package dev.buildrunner.forge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs ({@link JournalCrashMain}) append deliveries from four threads, and later also consume
 * them, and are killed with SIGKILL mid-stream. After each kill the journal is reopened here:
 * every delivery whose append had returned (printed {@code ack}) is there exactly once, with its
 * seq; a delivery whose {@code markDone} had returned never comes back; and a consumer that is
 * itself killed twice, processing idempotently per seq, processes every delivery exactly once.
 */
class DeliveryJournalCrashTest {
    private static final int THREADS = 4;

    @TempDir
    Path tmp;

    /** What a child printed before it died: acknowledged deliveries and acknowledged done marks. */
    private record Output(Map<String, Long> acked, Set<Long> done) {
    }

    @Test
    void everyAcknowledgedDeliverySurvivesKillsAndIsProcessedExactlyOnce() throws Exception {
        Path journalDir = tmp.resolve("journal");
        Path effects = tmp.resolve("effects.log");
        Random random = new Random(20_261_123);
        Map<String, Long> acked = new HashMap<>();

        // round 1: appends only
        Output first = runAndKill(journalDir, "r1", null, 150, 0, random);
        acked.putAll(first.acked());
        try (DeliveryJournal journal = DeliveryJournal.open(journalDir)) {
            List<JournalEntry> pending = journal.pending();
            assertThat(pending).extracting(JournalEntry::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, pending.size()).boxed().toList());
            Map<String, Long> byId = pending.stream()
                    .collect(Collectors.toMap(e -> e.event().deliveryId(), JournalEntry::seq));
            assertThat(byId).hasSize(pending.size()).containsAllEntriesOf(acked);
            for (Map.Entry<String, Long> a : first.acked().entrySet()) {
                PushEvent again = Fixtures.push(a.getKey().substring(0, a.getKey().lastIndexOf('-')),
                        Integer.parseInt(a.getKey().substring(a.getKey().lastIndexOf('-') + 1)));
                assertThat(again.deliveryId()).isEqualTo(a.getKey());
                assertThat(journal.append(again)).isEqualTo(new Duplicate(a.getValue(),
                        "delivery id " + a.getKey() + " already journaled as #" + a.getValue()));
            }
        }

        // rounds 2 and 3: appends while a consumer processes and marks done; the consumer dies too
        Set<Long> doneAcked = new HashSet<>();
        for (String round : List.of("r2", "r3")) {
            Output out = runAndKill(journalDir, round, effects, 100, 40, random);
            acked.putAll(out.acked());
            doneAcked.addAll(out.done());
            try (DeliveryJournal journal = DeliveryJournal.open(journalDir)) {
                Set<Long> pending = journal.pending().stream().map(JournalEntry::seq).collect(Collectors.toSet());
                assertThat(pending).as("marked done before the kill").doesNotContainAnyElementsOf(doneAcked);
                Set<Long> processed = new HashSet<>(EffectLog.read(effects));
                for (Map.Entry<String, Long> a : acked.entrySet()) {
                    assertThat(pending.contains(a.getValue()) || processed.contains(a.getValue()))
                            .as("acknowledged %s #%d is pending or processed", a.getKey(), a.getValue()).isTrue();
                }
                assertThat(processed).containsAll(doneAcked);
            }
            assertNoSeqProcessedTwice(effects);
        }

        // the consumer restarts here and finishes
        long next;
        try (DeliveryJournal journal = DeliveryJournal.open(journalDir); EffectLog log = EffectLog.open(effects)) {
            log.drain(journal, seq -> { });
            assertThat(journal.pending()).isEmpty();
            next = ((AppendResult.Appended) journal.append(Fixtures.push("after", 1))).seq();
        }
        List<Long> processed = EffectLog.read(effects);
        assertNoSeqProcessedTwice(effects);
        assertThat(processed).containsExactlyInAnyOrderElementsOf(LongStream.range(1, next).boxed().toList());
        assertThat(processed).containsAll(acked.values());
        // and the effect log names the right delivery for each acknowledged seq
        Map<Long, String> idBySeq = new HashMap<>();
        for (String line : Files.readAllLines(effects)) {
            idBySeq.put(Long.parseLong(line.substring(0, line.indexOf(' '))), line.substring(line.indexOf(' ') + 1));
        }
        acked.forEach((id, seq) -> assertThat(idBySeq.get(seq)).isEqualTo(id));
        System.out.println("journal crash test: " + acked.size() + " acknowledged deliveries over 3 kills, "
                + doneAcked.size() + " acknowledged done marks, " + (next - 1) + " processed once each");
    }

    private static void assertNoSeqProcessedTwice(Path effects) throws IOException {
        List<Long> seqs = EffectLog.read(effects);
        assertThat(new HashSet<>(seqs)).hasSize(seqs.size());
    }

    /**
     * Starts a child, waits until it printed {@code acks} new acknowledgements (and {@code dones}
     * done marks), lets it run a random moment more, kills it, and reads what it printed.
     */
    private Output runAndKill(Path journalDir, String prefix, Path effects, int acks, int dones, Random random)
            throws Exception {
        Path log = tmp.resolve(prefix + ".out");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), JournalCrashMain.class.getName(), journalDir.toString(), prefix,
                String.valueOf(THREADS)));
        if (effects != null) {
            command.add(effects.toString());
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                Output seen = parse(log);
                if (seen.acked().size() >= acks && seen.done().size() >= dones) {
                    break;
                }
                assertThat(child.isAlive()).as("child died: %s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("child too slow: %s", Files.readString(log)).isLessThan(deadline);
                Thread.sleep(10);
            }
            Thread.sleep(random.nextInt(200));
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(137);   // 128 + SIGKILL
        assertThat(Files.readString(log)).doesNotContain("error ");
        return parse(log);
    }

    /** The complete lines of a child's output (the last may have been cut by the kill). */
    private static Output parse(Path log) throws IOException {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        text = text.substring(0, text.lastIndexOf('\n') + 1);
        Map<String, Long> acked = new HashMap<>();
        Set<Long> done = new HashSet<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(" ");
            if (f[0].equals("ack")) {
                assertThat(acked.put(f[1], Long.parseLong(f[2]))).as("acknowledged twice: %s", line).isNull();
            } else if (f[0].equals("done")) {
                assertThat(done.add(Long.parseLong(f[1]))).as("done twice: %s", line).isTrue();
            }
        }
        return new Output(acked, done);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
