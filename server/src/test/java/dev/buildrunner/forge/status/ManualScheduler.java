package dev.buildrunner.forge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link Scheduler} for tests: tasks wait in a list; {@link #runUntilIdle} runs them on the test
 * thread in due order, moving the {@link ManualClock} to each task's time instead of sleeping.
 */
final class ManualScheduler implements Scheduler {
    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private long order;

    private static final class Task {
        final Instant due;
        final long order;
        final Runnable run;
        boolean cancelled;

        Task(Instant due, long order, Runnable run) {
            this.due = due;
            this.order = order;
            this.run = run;
        }
    }

    ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), order++, task);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                t.cancelled = true;
            }
        };
    }

    /**
     * Runs due tasks, advancing the clock to each, until none is left or the next is later than
     * {@code horizon} from now.
     *
     * @return how many tasks ran
     */
    int runUntilIdle(Duration horizon) {
        Instant limit = clock.instant().plus(horizon);
        int ran = 0;
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled);
                next = tasks.stream().min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order))
                        .orElse(null);
                if (next == null || next.due.isAfter(limit)) {
                    return ran;
                }
                tasks.remove(next);
            }
            clock.advanceTo(next.due);
            next.run.run();
            ran++;
        }
    }

    /** When the next live task is due, if any. */
    synchronized Instant nextDue() {
        return tasks.stream().filter(t -> !t.cancelled).map(t -> t.due).min(Comparator.naturalOrder()).orElse(null);
    }
}
