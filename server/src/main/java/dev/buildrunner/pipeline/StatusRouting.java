package dev.buildrunner.pipeline;

import dev.buildrunner.forge.status.NoteStatusStore;
import dev.buildrunner.forge.status.RepoCoordinates;
import dev.buildrunner.forge.status.StatusOutbox;
import dev.buildrunner.forge.status.StatusRequest;
import dev.buildrunner.forge.status.StatusState;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Repository;

/**
 * The production {@link StatusPublisher}: every status goes into the repository's own git notes
 * ({@link NoteStatusStore}, readable through the GitHub-shaped API), and for a forge mirror it is
 * also queued in the durable {@link StatusOutbox}, which posts it to the forge. One
 * {@link NoteStatusStore} per repository, so its in-process lock serialises the writers.
 */
public final class StatusRouting implements StatusPublisher {
    /** The creator recorded on statuses BuildRunner posts. */
    public static final String CREATOR = "buildrunner";

    private final Repositories repositories;
    private final Optional<StatusOutbox> outbox;
    private final Map<RepositoryName, NoteStatusStore> stores = new ConcurrentHashMap<>();

    /** @param outbox the forge outbox, empty when no forge is configured */
    public StatusRouting(Repositories repositories, Optional<StatusOutbox> outbox) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** The status store of a repository; IllegalArgumentException when there is no such repository. */
    public NoteStatusStore store(RepositoryName name) {
        return stores.computeIfAbsent(name, n -> {
            Repository repo = repositories.open(n)
                    .orElseThrow(() -> new IllegalArgumentException("no repository " + n));
            return new NoteStatusStore(repo);
        });
    }

    @Override
    public void publish(RepositoryName repository, String sha, CommitCheck check) {
        StatusState state = StatusState.fromJson(check.state())
                .orElseThrow(() -> new IllegalArgumentException("unknown status state: " + check.state()));
        StatusRequest request = new StatusRequest(state, check.context(), check.description(), check.targetUrl());
        store(repository).post(sha, request, CREATOR);
        if (outbox.isPresent() && repositories.isMirror(repository)) {
            outbox.get().enqueue(new RepoCoordinates(repository.owner(), repository.name()), sha, request);
        }
    }
}
