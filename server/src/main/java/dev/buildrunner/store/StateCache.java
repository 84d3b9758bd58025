package dev.buildrunner.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small least-recently-used map from commit id to parsed {@link State}. Entries never go stale:
 * a commit id names immutable content (STYLE.md item 2, after Gerrit's ChangeNotesCache).
 * Thread-safe (one monitor; the work done under it is a map operation).
 */
final class StateCache {
    private final Map<String, State> states;

    /** @param capacity the most states kept, at least 1; a plan of 4,000 tasks is a few MB */
    StateCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("expected capacity >= 1, got: " + capacity);
        }
        this.states = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<State> get(String commitId) {
        return Optional.ofNullable(states.get(commitId));
    }

    synchronized void put(State state) {
        states.put(state.commitId(), state);
    }

    synchronized int size() {
        return states.size();
    }
}
