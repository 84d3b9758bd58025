package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Heading features read by earlier parses, so that a parse after a one-feature edit reads only
 * the edited feature again. A feature's draft is a function of the format (names), the reading
 * mode and the text from its heading to the heading that ends it; when both headings start
 * chunks, that text is the texts of its chunks (the last one holding the ending heading's line),
 * which the key holds as the chunk cache's own strings, so keys compare fast.
 *
 * <p>Drafts are kept with lines relative to their heading line and handed out as shifted copies
 * (the linker changes the drafts it gets). Thread-safe (an {@link LruCache}).
 */
final class DraftCache {

    /** What a heading feature's draft is a function of; {@code toEnd}: it runs to the end of the text. */
    record Key(SpecFormat format, BodyReader.Mode mode, List<String> chunks, boolean toEnd) {
    }

    /** A draft read once, its lines relative to its heading line, and the diagnostics reading it gave. */
    private record Entry(FeatureDraft draft, List<Diagnostic> diagnostics) {
    }

    private final LruCache<Key, Entry> cache;

    /** @param entries at most this many features are kept, {@code >= 1} */
    DraftCache(int entries) {
        this.cache = new LruCache<>(entries, entries, k -> 1);
    }

    /**
     * The key of the feature headed by {@code h} and ended by {@code stop} (null: the end of the
     * text); null when a bound does not start a chunk (a setext heading, say), so it is not cached.
     */
    static Key key(MdDocument doc, SpecFormat format, BodyReader.Mode mode, MdBlock h, MdBlock stop) {
        List<String> chunks = doc.chunksBetween(h, stop);
        return chunks == null ? null : new Key(format, mode, chunks, stop == null);
    }

    /**
     * Adds the draft kept for {@code key}, moved to {@code line}, to {@code drafts} and its
     * diagnostics to {@code diags}.
     *
     * @return false when none is kept (nothing added)
     */
    boolean take(Key key, int line, List<FeatureDraft> drafts, List<Diagnostic> diags) {
        Entry e = cache.get(key);
        if (e == null) {
            return false;
        }
        drafts.add(e.draft().copy(line));
        for (Diagnostic x : e.diagnostics()) {
            diags.add(new Diagnostic(x.line() + line, x.severity(), x.code(), x.message()));
        }
        return true;
    }

    /** Keeps a copy of a freshly read draft whose heading is on {@code line}, with its diagnostics. */
    void keep(Key key, int line, FeatureDraft d, List<Diagnostic> diagnostics) {
        List<Diagnostic> relative = new ArrayList<>();
        for (Diagnostic x : diagnostics) {
            relative.add(new Diagnostic(x.line() - line, x.severity(), x.code(), x.message()));
        }
        cache.put(key, new Entry(d.copy(-line), List.copyOf(relative)));
    }

    int size() {
        return cache.size();
    }

    long misses() {
        return cache.misses();
    }
}
