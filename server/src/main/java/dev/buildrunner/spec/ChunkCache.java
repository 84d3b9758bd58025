package dev.buildrunner.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded, least-recently-used map from the text of a chunk of Markdown to its parsed blocks
 * (templates, offsets relative to the chunk), so that parsing a spec again after a one-feature edit
 * hands only the edited chunk to flexmark.
 *
 * <p>Bounded twice: by entries and by the characters of the keys it holds (the blocks take about as
 * much memory again), so one huge chunk cannot pin much memory. The value is a pure function of the
 * key, so an entry never goes stale. Thread-safe: every access holds the instance's lock; parsing
 * happens outside it, so two threads may parse the same chunk once each.
 */
final class ChunkCache {

    /** Default bounds: room for a few 1,000-feature specs, at most about 16 M characters of keys. */
    static final int DEFAULT_ENTRIES = 4096;
    static final long DEFAULT_CHARS = 16L << 20;

    private final int maxEntries;
    private final long maxChars;
    private final LinkedHashMap<String, List<MdBlock>> map = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private long hits;
    private long misses;

    /**
     * @param maxEntries at most this many chunks are kept, {@code >= 1}
     * @param maxChars at most this many characters of chunk text are kept, {@code >= 1}
     */
    ChunkCache(int maxEntries, long maxChars) {
        if (maxEntries < 1 || maxChars < 1) {
            throw new IllegalArgumentException("expected maxEntries >= 1 and maxChars >= 1, got: " + maxEntries
                    + ", " + maxChars);
        }
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
    }

    /** The blocks of a chunk, or null when it is not held. */
    synchronized List<MdBlock> get(String chunk) {
        List<MdBlock> blocks = map.get(chunk);
        if (blocks == null) {
            misses++;
        } else {
            hits++;
        }
        return blocks;
    }

    /** Keeps a chunk's blocks, evicting the least recently used chunks beyond the bounds. */
    synchronized void put(String chunk, List<MdBlock> blocks) {
        if (chunk.length() > maxChars) {
            return;
        }
        List<MdBlock> old = map.put(chunk, blocks);
        if (old == null) {
            chars += chunk.length();
        }
        var it = map.entrySet().iterator();
        while ((map.size() > maxEntries || chars > maxChars) && it.hasNext()) {
            Map.Entry<String, List<MdBlock>> eldest = it.next();
            chars -= eldest.getKey().length();
            it.remove();
        }
    }

    synchronized int size() {
        return map.size();
    }

    /** Lookups that found their chunk, and those that did not, since this cache was made. */
    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }
}
