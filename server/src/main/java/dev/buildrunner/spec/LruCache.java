package dev.buildrunner.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A bounded, least-recently-used map, bounded twice: by entries and by the total weight of the
 * keys it holds (for chunks of text: their length), so that one huge entry cannot pin much memory.
 * The parser's caches use it for values that are pure functions of their keys, so an entry never
 * goes stale.
 *
 * <p>Thread-safe: every access holds the instance's lock. Callers compute a missing value outside
 * the lock, so two threads may compute the same value once each; the last one put is kept.
 *
 * @param <K> key type, with value-based equals and hashCode
 * @param <V> value type, immutable (shared between parses and threads)
 */
final class LruCache<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<K> weigher;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;
    private long hits;
    private long misses;

    /**
     * @param maxEntries at most this many entries are kept, {@code >= 1}
     * @param maxWeight at most this total key weight is kept, {@code >= 1}
     * @param weigher a key's weight, {@code >= 0}
     */
    LruCache(int maxEntries, long maxWeight, ToLongFunction<K> weigher) {
        if (maxEntries < 1 || maxWeight < 1) {
            throw new IllegalArgumentException("expected maxEntries >= 1 and maxWeight >= 1, got: " + maxEntries
                    + ", " + maxWeight);
        }
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The value held for a key, or null; a hit makes the entry the most recently used. */
    synchronized V get(K key) {
        V v = map.get(key);
        if (v == null) {
            misses++;
        } else {
            hits++;
        }
        return v;
    }

    /** Keeps a value, evicting the least recently used entries beyond the bounds. */
    synchronized void put(K key, V value) {
        long w = weigher.applyAsLong(key);
        if (w > maxWeight) {
            return;
        }
        if (map.put(key, value) == null) {
            weight += w;
        }
        var it = map.entrySet().iterator();
        while ((map.size() > maxEntries || weight > maxWeight) && it.hasNext()) {
            Map.Entry<K, V> eldest = it.next();
            weight -= weigher.applyAsLong(eldest.getKey());
            it.remove();
        }
    }

    synchronized int size() {
        return map.size();
    }

    /** Lookups that found their key since this cache was made. */
    synchronized long hits() {
        return hits;
    }

    /** Lookups that did not find their key since this cache was made. */
    synchronized long misses() {
        return misses;
    }
}
