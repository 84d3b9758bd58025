package dev.buildrunner.forge.status;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A sink's memory of what it last posted per (repository, sha, context), for idempotency: a
 * bounded least-recently-used map (old commits fall out first). In memory only, so after a
 * restart the first post of a context is sent again (harmless on GitHub and Gitea; the GitLab
 * sink asks GitLab instead). Thread-safe.
 */
final class LastPosted<V> {
    /** Remembered contexts per sink: 10,000 keeps recent commits of busy servers; about 2 MB. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, V> map;

    LastPosted(int capacity) {
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The key of a (repository, sha, context); the context case-insensitively. */
    static String key(RepoCoordinates repo, String sha, String context) {
        return repo.path() + "\n" + sha.toLowerCase(Locale.ROOT) + "\n" + StatusLimits.contextKey(context);
    }

    synchronized Optional<V> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    synchronized void put(String key, V value) {
        map.put(key, value);
    }

    synchronized void remove(String key) {
        map.remove(key);
    }
}
