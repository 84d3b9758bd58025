package dev.buildrunner.store;

import java.util.Optional;

/**
 * A state change: a function from the current state to the next one. {@link StateStore#update}
 * may run it more than once (once per compare-and-swap attempt, each time on the freshly read
 * state), so it must have no side effects beyond computing its result.
 */
@FunctionalInterface
public interface StateChange {
    /**
     * @param current the state at the head of the branch, empty before the first commit
     * @return the state to commit, or empty when there is nothing to do (no commit is written)
     */
    Optional<Proposal> apply(Optional<State> current);
}
