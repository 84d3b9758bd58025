package dev.buildrunner.forge.status;

import java.time.Instant;
import java.util.Objects;

/**
 * One status waiting in the {@link StatusOutbox}.
 *
 * @param seq the outbox's sequence number: unique, increasing in enqueue order
 * @param repo the repository on the forge
 * @param sha the full lower-case 40-hex commit id
 * @param request the status as enqueued (sinks clamp it)
 * @param enqueuedAt when it was enqueued
 */
public record OutboxItem(long seq, RepoCoordinates repo, String sha, StatusRequest request, Instant enqueuedAt) {
    public OutboxItem {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        sha = ForgeHttp.requireSha(sha);
    }

    /**
     * The coalescing key: (repository, sha, context as the sinks send it, case-insensitively).
     * Only the newest item of a key is ever sent.
     */
    String key() {
        return repo.path() + "\n" + sha + "\n" + StatusLimits.contextKey(StatusLimits.context(request.context()));
    }
}
