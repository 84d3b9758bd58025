package dev.buildrunner.forge.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One delivery in the {@link DeliveryJournal}.
 *
 * @param seq the journal's sequence number, from 1, increasing by one per appended delivery and
 *     never reused (compaction keeps the counter)
 * @param appendedAt when it was appended (the journal's clock, millisecond precision)
 * @param event the verified push
 */
public record JournalEntry(long seq, Instant appendedAt, PushEvent event) {
    /** @throws IllegalArgumentException if {@code seq < 1} */
    public JournalEntry {
        Objects.requireNonNull(appendedAt, "appendedAt");
        Objects.requireNonNull(event, "event");
        if (seq < 1) {
            throw new IllegalArgumentException("expected seq >= 1, got: " + seq);
        }
    }
}
