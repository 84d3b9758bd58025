package dev.buildrunner.forge.status;

import java.time.Duration;

/**
 * Runs tasks later, for the {@link StatusOutbox}'s worker. Production uses one daemon thread
 * ({@link StatusOutbox#open}); tests pass a scheduler that runs due tasks on the test thread and
 * moves a manual clock instead of sleeping.
 */
public interface Scheduler {
    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Stops the task from starting; no effect once it started. */
        void cancel();
    }

    /**
     * Runs {@code task} once, {@code delay} from now (at once when zero or negative).
     *
     * @return a handle to cancel it
     */
    Cancellable schedule(Runnable task, Duration delay);
}
