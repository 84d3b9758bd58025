package dev.buildrunner.forge.status;

/**
 * Posts commit statuses to one forge account (GitHub, Gitea/Forgejo, GitLab). Implementations clamp
 * the request to the forge's limits ({@link StatusLimits}), skip a post when the last status they
 * posted for the same (repository, sha, context) says the same, and never throw for forge or
 * network problems: they answer a {@link SinkOutcome}.
 */
public interface StatusSink {
    /**
     * Posts one status.
     *
     * @param repo the repository on the forge
     * @param sha the full 40-hex id of the commit
     * @param status the status (clamped by the sink)
     * @return what happened; never null
     * @throws IllegalArgumentException when {@code sha} is not a 40-hex id (a programming error)
     */
    SinkOutcome post(RepoCoordinates repo, String sha, StatusRequest status);
}
