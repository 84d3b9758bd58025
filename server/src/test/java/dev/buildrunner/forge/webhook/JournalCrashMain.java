package dev.buildrunner.forge.webhook;

import dev.buildrunner.forge.webhook.AppendResult.Appended;
import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link DeliveryJournalCrashTest}, run until it is killed:
 * {@code <journal dir> <prefix> <threads> [<effect log>]}. Each thread appends deliveries
 * {@code <prefix>-<thread>-<n>} and prints {@code ack <delivery id> <seq>} after the append
 * returned (the moment the web layer would answer 2xx), then pauses a little. With an effect
 * log, a consumer thread also processes pending deliveries ({@link EffectLog}) and prints
 * {@code done <seq>} after each {@code markDone} returned.
 */
public final class JournalCrashMain {
    /** Keeps the backlog the test drains afterwards small: about 4 x 150 appends/s. */
    private static final long PAUSE_MS = 4;

    private JournalCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        DeliveryJournal journal = DeliveryJournal.open(dir);
        for (int t = 0; t < threads; t++) {
            String name = prefix + "-" + t;
            Thread appender = new Thread(() -> {
                try {
                    for (int n = 1; ; n++) {
                        PushEvent e = Fixtures.push(name, n);
                        AppendResult r = journal.append(e);
                        long seq = r instanceof Appended a ? a.seq() : ((Duplicate) r).seq();
                        emit(out, "ack " + e.deliveryId() + " " + seq);
                        Thread.sleep(PAUSE_MS);
                    }
                } catch (Exception e) {
                    emit(out, "error " + e);
                }
            });
            appender.start();
        }
        if (args.length > 3) {
            try (EffectLog effects = EffectLog.open(Path.of(args[3]))) {
                while (true) {
                    if (effects.drain(journal, seq -> emit(out, "done " + seq)) == 0) {
                        Thread.sleep(2);
                    }
                }
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** One whole line per write, so a kill never leaves half a line but the last. */
    private static void emit(PrintStream out, String line) {
        synchronized (out) {
            out.print(line + "\n");
            out.flush();
        }
    }
}
