package dev.buildrunner.forge.status;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one {@link StatusSink#post}: the forge took it, it was not needed, or why not
 * and what to do next. {@link StatusOutbox} acts on it (done, done, wait, back off, dead letter).
 */
public sealed interface SinkOutcome {

    /** The forge answered 2xx: the status is on the commit. Final. */
    record Posted(int httpStatus) implements SinkOutcome {
    }

    /** Nothing was sent because the forge already shows this (idempotency, or a GitLab transition that would be illegal). Final. */
    record Skipped(String reason) implements SinkOutcome {
        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The forge is rate limiting (403 or 429 with {@code Retry-After}, or {@code
     * x-ratelimit-remaining: 0} with {@code x-ratelimit-reset}): send nothing to it before {@code
     * delay} has passed, then try again. Not final.
     */
    record RetryAfter(Duration delay, String reason) implements SinkOutcome {
        public RetryAfter {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(reason, "reason");
            if (delay.isNegative()) {
                delay = Duration.ZERO;
            }
        }
    }

    /** A 5xx answer, a timeout or an I/O error: try again later with backoff. Not final. */
    record Transient(String reason) implements SinkOutcome {
        public Transient {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Any other 4xx (422, 401, 404, ...): retrying cannot help. Final; the outbox dead-letters it. */
    record Permanent(String reason) implements SinkOutcome {
        public Permanent {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
