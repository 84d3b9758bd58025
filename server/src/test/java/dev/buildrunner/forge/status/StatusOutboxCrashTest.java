package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process enqueuing statuses is killed with SIGKILL at a random moment: every status whose
 * {@code enqueue} returned is read back by the next outbox on the directory, and no half-written
 * item is ever read (temp file, forced, atomic rename).
 */
class StatusOutboxCrashTest {
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    void everyAcknowledgedEnqueueSurvivesAKill() throws Exception {
        Random random = new Random(20_261_123);
        int expected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path log = logs.resolve("child-" + round + ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    OutboxCrashMain.class.getName(), dir.toString(), "round" + round)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged(log).size() < 20 && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(100));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(137);

            Set<String> acked = acknowledged(log);
            assertThat(acked).hasSizeGreaterThanOrEqualTo(20);
            StatusOutbox next = new StatusOutbox(dir, repo -> Optional.empty(), Clock.systemUTC(),
                    (task, delay) -> () -> { }, Backoff.standard(), new Random(1));
            Set<String> waiting = next.pending().stream().map(i -> i.request().context()).collect(Collectors.toSet());
            // everything acknowledged is there; at most the one enqueue in progress at the kill is extra
            assertThat(waiting).containsAll(acked);
            assertThat(waiting.size()).isBetween(expected + acked.size(), expected + acked.size() + 1);
            expected = waiting.size();
            for (OutboxItem item : next.pending()) {
                int n = Integer.parseInt(item.request().context().replaceAll(".*/", ""));
                assertThat(item.request().description()).isEqualTo("status " + n + " " + "x".repeat(n % 100));
            }
            try (Stream<Path> files = Files.list(dir.resolve(OutboxFiles.ITEMS))) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertThat(names).allMatch(n -> n.matches("\\d{19}\\.json")).hasSize(expected);
            }
        }
    }

    private static Set<String> acknowledged(Path log) throws Exception {
        if (!Files.exists(log)) {
            return Set.of();
        }
        // the last line may be torn by the kill: only complete lines count
        String text = Files.readString(log);
        int end = text.lastIndexOf('\n');
        return end < 0 ? Set.of() : text.substring(0, end).lines().filter(l -> l.startsWith("ok "))
                .map(l -> l.substring(3)).collect(Collectors.toSet());
    }
}
