package dev.buildrunner.forge.status;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the {@link StatusOutbox} retries transient failures (5xx, timeouts, network errors) of one
 * status: after failure k (1-based) it waits {@code min(max, first * 2^(k-1))} plus a random
 * jitter of up to {@code jitter} times that wait, so that many outboxes do not hammer a forge
 * coming back in step; after failing for {@code giveUpAfter} since the first failure, the status
 * goes to the dead-letter file.
 *
 * @param first the wait after the first failure, positive
 * @param max the longest wait, not below {@code first}
 * @param jitter the largest jitter as a fraction of the wait, in [0, 1]
 * @param giveUpAfter how long a status may keep failing, positive
 */
public record Backoff(Duration first, Duration max, double jitter, Duration giveUpAfter) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfter.isNegative()
                || giveUpAfter.isZero() || !(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("expected 0 < first <= max, 0 <= jitter <= 1, giveUpAfter > 0, got: "
                    + first + ", " + max + ", " + jitter + ", " + giveUpAfter);
        }
    }

    /**
     * Waits of 1 s, 2 s, 4 s ... up to 15 min (plus up to 25%), for up to 24 h: a forge outage of a
     * day loses nothing, and a recovered forge sees each waiting status again within 19 minutes.
     */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(15), 0.25, Duration.ofHours(24));
    }

    /** The wait after failure number {@code failures} (1 = the first failure). */
    public Duration delay(int failures, RandomGenerator random) {
        if (failures < 1) {
            throw new IllegalArgumentException("expected failures >= 1, got: " + failures);
        }
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        if (d.compareTo(max) > 0) {
            d = max;
        }
        long jitterNanos = (long) (d.toNanos() * jitter * random.nextDouble());
        return d.plusNanos(jitterNanos);
    }
}
