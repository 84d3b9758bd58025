package dev.buildrunner.forge.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link DeliveryJournal}.
 *
 * @param retainedKeys how many of the most recent deliveries keep their dedup keys after they are
 *     done (pending deliveries always keep theirs)
 * @param keyRetention how long a done delivery keeps its dedup keys at most; a redelivery after
 *     that is journaled again
 * @param compactAtBytes the journal file size from which it is rewritten without done records;
 *     it is only rewritten once it has also doubled since the last rewrite, so a large pending
 *     backlog does not cause a rewrite per delivery
 */
public record JournalOptions(int retainedKeys, Duration keyRetention, long compactAtBytes) {

    /**
     * The defaults: dedup keys of the last 10,000 deliveries, for at most 7 days, and compaction
     * from 4 MiB (about 13,000 delivery records). Why: GitHub lets a delivery be redelivered for
     * 3 days and GitLab retries within minutes, so 7 days covers every redelivery a forge makes;
     * the count bounds memory and the compacted file (10,000 keys are about 1.5 MB) whatever the
     * rate: at a few pushes a minute the 7 days decide, only at a sustained 200 deliveries/s (the
     * issue's benchmark rate) does the window shrink to under a minute.
     */
    public static JournalOptions defaults() {
        return new JournalOptions(10_000, Duration.ofDays(7), 4L << 20);
    }

    /** @throws IllegalArgumentException if a value is not positive */
    public JournalOptions {
        Objects.requireNonNull(keyRetention, "keyRetention");
        if (retainedKeys < 1 || keyRetention.isNegative() || keyRetention.isZero() || compactAtBytes < 1) {
            throw new IllegalArgumentException("expected positive options, got: retainedKeys=" + retainedKeys
                    + ", keyRetention=" + keyRetention + ", compactAtBytes=" + compactAtBytes);
        }
    }
}
