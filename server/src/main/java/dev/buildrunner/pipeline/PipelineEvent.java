package dev.buildrunner.pipeline;

import java.util.Objects;

/**
 * What the pipeline tells live listeners (the WebSocket stream): {@code spec_updated},
 * {@code plan_regenerated} or {@code status}, with the commit ids involved.
 *
 * @param type the event type
 * @param repository the repository
 * @param ref the pushed ref
 * @param commit the pushed (analysed) commit
 * @param stateCommit the new {@code buildrunner} commit for plan events, else empty
 * @param detail a one-line description (the status description, the plan summary)
 */
public record PipelineEvent(String type, RepositoryName repository, String ref, String commit, String stateCommit,
        String detail) {
    public PipelineEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(stateCommit, "stateCommit");
        Objects.requireNonNull(detail, "detail");
    }
}
