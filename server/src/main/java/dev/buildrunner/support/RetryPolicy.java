package dev.buildrunner.support;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently {@link StateStore} retries a lost compare-and-swap: at most
 * {@code maxAttempts} attempts; before retry k (1-based) it waits {@code min(maxWait, firstWait *
 * 2^(k-1))} plus a uniform random jitter in {@code [0, maxJitter]} so that competing processes
 * drift apart. The shape is Gerrit's RepoSequence retryer (exponential wait plus 0-50 ms jitter,
 * STYLE.md item 6); the cap is lower because one update takes milliseconds, not seconds.
 *
 * @param maxAttempts attempts in total, at least 1 (1 = never retry)
 * @param firstWait wait before the first retry, not negative
 * @param maxWait the largest exponential wait, not below {@code firstWait}
 * @param maxJitter the largest random addition to each wait, not negative
 * @param sleeper how to wait; tests pass one that returns at once
 */
public record RetryPolicy(int maxAttempts, Duration firstWait, Duration maxWait, Duration maxJitter, Sleeper sleeper) {

    /** Waits for a duration; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits {@code duration}; throws InterruptedException when the thread is interrupted. */
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
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

    /**
     * The production policy: 20 attempts, waits 10 ms, 20 ms, ... up to 1 s, plus 0-50 ms jitter
     * (about 14 s in the worst case before giving up, under Gerrit's 30 s).
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(20, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMillis(50),
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** A policy that retries up to {@code maxAttempts} attempts in total without ever waiting. */
    public static RetryPolicy immediate(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> { });
    }

    /**
     * The wait before retry number {@code retry}.
     *
     * @param retry 1 for the first retry (the second attempt)
     * @param random source of the jitter
     */
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
        long jitterNanos = maxJitter.isZero() ? 0 : random.nextLong(maxJitter.toNanos() + 1);
        return exp.plusNanos(jitterNanos);
    }

    /** Waits before retry number {@code retry} (1-based) with a thread-local random jitter. */
    public void pause(int retry) throws InterruptedException {
        Duration d = waitBefore(retry, ThreadLocalRandom.current());
        if (!d.isZero()) {
            sleeper.sleep(d);
        }
    }
}
