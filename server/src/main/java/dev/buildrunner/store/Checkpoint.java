package dev.buildrunner.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A named state: a tag {@code refs/tags/buildrunner/checkpoints/<name>} pointing at a state commit.
 *
 * @param name the part of the ref name after {@link StateFormat#CHECKPOINT_PREFIX}
 * @param commitId full hex id of the state commit it points at
 * @param time when it was made: the tagger time of an annotated tag, else the commit time
 * @param author the tag message's {@code Author} trailer; empty for a lightweight tag
 * @param message the tag message's first line; empty for a lightweight tag
 */
public record Checkpoint(String name, String commitId, Instant time, String author, String message) {

    public Checkpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(message, "message");
    }
}
