package dev.buildrunner.pipeline;

/**
 * Where the pipeline's commit statuses go: the embedded status store (git notes) for hosted
 * repositories, a forge's status API through the durable outbox for mirrors. Implementations
 * must be idempotent (skip a status equal to the latest of its context) and thread-safe.
 */
@FunctionalInterface
public interface StatusPublisher {
    /**
     * Records one status on a commit.
     *
     * @param repository the repository
     * @param sha the analysed commit (40 hex), never "the branch head now"
     * @param check the status
     */
    void publish(RepositoryName repository, String sha, CommitCheck check);
}
