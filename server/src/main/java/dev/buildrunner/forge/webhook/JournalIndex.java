package dev.buildrunner.forge.webhook;

import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import dev.buildrunner.forge.webhook.JournalCodec.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The journal's state in memory: pending deliveries in sequence order, the dedup keys of pending
 * and recently done deliveries, and the last sequence number. Not thread-safe: {@link
 * DeliveryJournal} guards it with one lock.
 *
 * <p>Retention of a done delivery's keys ({@link JournalOptions}): dropped once it is more than
 * {@code retainedKeys} deliveries old or was appended more than {@code keyRetention} ago. A
 * pending delivery keeps its keys until it is done.
 */
final class JournalIndex {
    private final JournalOptions options;
    private final TreeMap<Long, JournalEntry> pending = new TreeMap<>();
    private final TreeMap<Long, Key> done = new TreeMap<>();
    private final Map<String, Long> byDelivery = new HashMap<>();
    private final Map<String, Long> byPush = new HashMap<>();
    private long lastSeq;

    JournalIndex(JournalOptions options, long baseSeq) {
        this.options = options;
        this.lastSeq = baseSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The earlier delivery {@code event} repeats, by delivery id first, then by push key. */
    Optional<Duplicate> duplicateOf(PushEvent event) {
        Long seq = byDelivery.get(event.deliveryId());
        if (seq != null) {
            return Optional.of(new Duplicate(seq,
                    "delivery id " + event.deliveryId() + " already journaled as #" + seq));
        }
        seq = byPush.get(event.pushKey());
        if (seq != null) {
            return Optional.of(new Duplicate(seq, "push " + event.describe() + " already journaled as #" + seq));
        }
        return Optional.empty();
    }

    /** Adds a pending delivery; a sequence number already known is ignored (returns false). */
    boolean addPending(JournalEntry entry) {
        if (pending.containsKey(entry.seq()) || done.containsKey(entry.seq())) {
            return false;
        }
        pending.put(entry.seq(), entry);
        byDelivery.put(entry.event().deliveryId(), entry.seq());
        byPush.put(entry.event().pushKey(), entry.seq());
        lastSeq = Math.max(lastSeq, entry.seq());
        return true;
    }

    /** Adds a done delivery's keys (read from a compacted file). */
    void addDone(Key key) {
        if (pending.containsKey(key.seq()) || done.containsKey(key.seq())) {
            return;
        }
        done.put(key.seq(), key);
        byDelivery.put(key.deliveryId(), key.seq());
        byPush.put(key.pushKey(), key.seq());
        lastSeq = Math.max(lastSeq, key.seq());
    }

    /** Moves a pending delivery to done; false if it is not pending (unknown or done already). */
    boolean markDone(long seq) {
        JournalEntry e = pending.remove(seq);
        if (e == null) {
            return false;
        }
        done.put(seq, new Key(seq, e.appendedAt(), e.event().deliveryId(), e.event().pushKey()));
        return true;
    }

    boolean isPending(long seq) {
        return pending.containsKey(seq);
    }

    /**
     * Drops the keys of done deliveries beyond the retention window, oldest first; a key is kept
     * while an older one is (sequence order and append time agree unless the clock stepped back).
     */
    void evict(Instant now) {
        Instant oldest = now.minus(options.keyRetention());
        long firstKept = lastSeq - options.retainedKeys() + 1;
        while (!done.isEmpty()) {
            Key k = done.firstEntry().getValue();
            if (k.seq() >= firstKept && !k.appendedAt().isBefore(oldest)) {
                break;
            }
            done.pollFirstEntry();
            byDelivery.remove(k.deliveryId(), k.seq());
            byPush.remove(k.pushKey(), k.seq());
        }
    }

    /** Pending deliveries with {@code seq <= upTo}, in sequence order. */
    List<JournalEntry> pending(long upTo) {
        return List.copyOf(pending.headMap(upTo, true).values());
    }

    int pendingCount() {
        return pending.size();
    }

    /** The records that restore this state: done keys, then pending appends, in sequence order. */
    List<JournalCodec.Record> snapshot() {
        List<JournalCodec.Record> records = new ArrayList<>(done.size() + pending.size());
        records.addAll(done.values());
        pending.values().forEach(e -> records.add(new JournalCodec.Append(e)));
        return records;
    }
}
