package dev.buildrunner.forge.webhook;

import java.util.Objects;

/** What {@link DeliveryJournal#append} did. Both outcomes are durable when returned. */
public sealed interface AppendResult permits AppendResult.Appended, AppendResult.Duplicate {

    /**
     * The delivery is new and its record is on disk: acknowledge it and process it.
     *
     * @param entry the journaled delivery, with its sequence number for {@link DeliveryJournal#markDone}
     */
    record Appended(JournalEntry entry) implements AppendResult {
        /** Checks that the entry is present. */
        public Appended {
            Objects.requireNonNull(entry, "entry");
        }

        /** The new delivery's sequence number. */
        public long seq() {
            return entry.seq();
        }
    }

    /**
     * The delivery was journaled before, by delivery id or by (repository, ref, before, after):
     * acknowledge it and do nothing. The earlier record is on disk.
     *
     * @param seq the sequence number of the earlier delivery
     * @param reason which key matched, for example {@code delivery id 0b98... already journaled as #12}
     */
    record Duplicate(long seq, String reason) implements AppendResult {
        /** Checks that the reason is present. */
        public Duplicate {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
