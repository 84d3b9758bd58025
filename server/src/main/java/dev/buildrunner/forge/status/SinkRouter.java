package dev.buildrunner.forge.status;

import java.util.Optional;

/**
 * Chooses the forge sink of a repository for the {@link StatusOutbox}. Called for every delivery
 * attempt, from the outbox's worker thread: it must be cheap and thread-safe, and answer the same
 * sink instance for the same forge account (rate limits are kept per instance).
 */
@FunctionalInterface
public interface SinkRouter {
    /** The sink for {@code repo}; empty when none is configured (the item is dead-lettered). */
    Optional<StatusSink> sinkFor(RepoCoordinates repo);

    /** A router that sends every repository to one sink. */
    static SinkRouter always(StatusSink sink) {
        Optional<StatusSink> s = Optional.of(sink);
        return repo -> s;
    }
}
