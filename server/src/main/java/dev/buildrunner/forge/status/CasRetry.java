package dev.buildrunner.forge.status;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How {@link NoteStatusStore} retries a lost compare-and-swap on the notes ref: at most {@code
 * maxAttempts} attempts; before retry k (1-based) it waits {@code min(maxWait, firstWait *
 * 2^(k-1))} plus a uniform jitter in {@code [0, maxJitter]}. The shape is Gerrit's RepoSequence
 * retryer (STYLE.md item 6: exponential waits plus 0-50 ms jitter).
 *
 * @param maxAttempts attempts in total, at least 1
 * @param firstWait wait before the first retry, not negative
 * @param maxWait the largest exponential wait, not below {@code firstWait}
 * @param maxJitter the largest random addition to a wait, not negative
 * @param sleeper how to wait; tests pass one that returns at once
 */
public record CasRetry(int maxAttempts, Duration firstWait, Duration maxWait, Duration maxJitter, Sleeper sleeper) {

    /** Waits for a duration; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code duration}; throws InterruptedException when the thread is interrupted. */
        void sleep(Duration duration) throws InterruptedException;
    }

    public CasRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("expected maxAttempts >= 1, got: " + maxAttempts);
        }
        Objects.requireNonNull(firstWait, "firstWait");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxJitter, "maxJitter");
        Objects.requireNonNull(sleeper, "sleeper");
        if (firstWait.isNegative() || maxJitter.isNegative() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("expected 0 <= firstWait <= maxWait and maxJitter >= 0, got: "
                    + firstWait + ", " + maxWait + ", " + maxJitter);
        }
    }

    /** 20 attempts, waits 10 ms doubling up to 1 s, plus 0-50 ms jitter: at most about 14 s in all. */
    public static CasRetry standard() {
        return new CasRetry(20, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(50),
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** Up to {@code maxAttempts} attempts without ever waiting (tests). */
    public static CasRetry immediate(int maxAttempts) {
        return new CasRetry(maxAttempts, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> { });
    }

    /** The wait before retry number {@code retry} (1 = the second attempt). */
    public Duration waitBefore(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("expected retry >= 1, got: " + retry);
        }
        Duration exp = firstWait;
        for (int i = 1; i < retry && exp.compareTo(maxWait) < 0; i++) {
            exp = exp.multipliedBy(2);
        }
        if (exp.compareTo(maxWait) > 0) {
            exp = maxWait;
        }
        long jitter = maxJitter.isZero() ? 0 : random.nextLong(maxJitter.toNanos() + 1);
        return exp.plusNanos(jitter);
    }
}
