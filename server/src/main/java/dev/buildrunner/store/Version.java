package dev.buildrunner.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the branch's first-parent history, without its (possibly large) content.
 *
 * @param number position in the history, 1 for the oldest (orphan) commit; never reused, since
 *     the history is only appended to (a rollback is a new version)
 * @param commitId full hex id of the state commit
 * @param time the commit time
 * @param event the {@code BuildRunner-Event} trailer, empty when missing
 * @param summary the first line after "event: "
 * @param sourceCommit the {@code Source-Commit} trailer, empty for none
 * @param author the {@code Author} trailer, empty when missing
 */
public record Version(
        int number, String commitId, Instant time, String event, String summary, String sourceCommit,
        String author) {

    public Version {
        if (number < 1) {
            throw new IllegalArgumentException("expected version number >= 1, got: " + number);
        }
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(sourceCommit, "sourceCommit");
        Objects.requireNonNull(author, "author");
    }
}
