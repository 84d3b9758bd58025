package dev.buildrunner.forge.status;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored commit status, as {@link NoteStatusStore} keeps it and GitHub returns it.
 *
 * @param id unique in the repository and increasing in posting order, from 1
 * @param sha the full hex id of the commit the status is about (lower case)
 * @param state the state
 * @param context the context as posted (case preserved)
 * @param description nullable
 * @param targetUrl nullable; an absolute http(s) URL when present
 * @param createdAt when it was posted, whole seconds (GitHub's timestamps have no fraction)
 * @param updatedAt equal to {@code createdAt}: statuses are never edited, only superseded
 * @param creator the login of whoever posted it
 */
public record CommitStatus(long id, String sha, StatusState state, String context, String description,
        String targetUrl, Instant createdAt, Instant updatedAt, String creator) {

    public CommitStatus {
        if (id < 1) {
            throw new IllegalArgumentException("expected id >= 1, got: " + id);
        }
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(creator, "creator");
    }

    /** The write this status records (state, context, description, target URL). */
    public StatusRequest request() {
        return new StatusRequest(state, context, description, targetUrl);
    }
}
