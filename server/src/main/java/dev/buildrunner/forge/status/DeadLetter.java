package dev.buildrunner.forge.status;

import java.time.Instant;
import java.util.Objects;

/**
 * A status the {@link StatusOutbox} gave up on, kept in its dead-letter file with the reason.
 *
 * @param item the status
 * @param reason the forge's answer (e.g. {@code HTTP 422: Validation Failed}) or why the outbox gave up
 * @param at when it was given up
 */
public record DeadLetter(OutboxItem item, String reason, Instant at) {
    public DeadLetter {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
