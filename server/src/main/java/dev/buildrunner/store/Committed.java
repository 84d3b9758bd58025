package dev.buildrunner.store;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link StateStore#update}, {@link StateStore#restore} and
 * {@link StateStore#restoreCheckpoint}.
 *
 * @param changed true when a new commit was written; false when the change had nothing to do
 * @param state the state now at the head of the branch: the new commit's when {@code changed},
 *     else the current one (empty if the branch does not exist yet)
 * @param attempts compare-and-swap attempts made, at least 1; {@code attempts - 1} is the number
 *     of conflicts with other writers that were retried
 */
public record Committed(boolean changed, Optional<State> state, int attempts) {

    public Committed {
        Objects.requireNonNull(state, "state");
        if (changed && state.isEmpty()) {
            throw new IllegalArgumentException("a new commit must come with its state");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("expected attempts >= 1, got: " + attempts);
        }
    }

    /** The number of conflicts that were retried: {@code attempts - 1}. */
    public int retries() {
        return attempts - 1;
    }
}
