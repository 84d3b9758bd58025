package dev.buildrunner.forge.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GitHub's combined status of a commit ({@code GET /repos/{owner}/{repo}/commits/{ref}/status}),
 * computed over the latest status of each context (contexts compared case-insensitively): {@code
 * failure} if any latest is {@code error} or {@code failure}; else {@code pending} if there is no
 * status or any latest is {@code pending}; else {@code success}. Rules from the OpenAPI operation
 * text (contracts README item 6); the recorded octokit fixture shows failure + success giving
 * failure.
 *
 * @param state {@link StatusState#PENDING}, {@link StatusState#SUCCESS} or {@link StatusState#FAILURE}, never ERROR
 * @param sha the commit
 * @param statuses the latest status of each context, oldest first (by id), as GitHub lists them
 */
public record CombinedStatus(StatusState state, String sha, List<CommitStatus> statuses) {
    public CombinedStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sha, "sha");
        if (state == StatusState.ERROR) {
            throw new IllegalArgumentException("a combined state is never error");
        }
        statuses = List.copyOf(statuses);
    }

    /**
     * Combines the statuses of one commit.
     *
     * @param sha the commit
     * @param all every status of the commit, in any order (ids decide which is latest)
     */
    public static CombinedStatus of(String sha, Collection<CommitStatus> all) {
        Map<String, CommitStatus> latest = new LinkedHashMap<>();
        for (CommitStatus s : all) {
            latest.merge(StatusLimits.contextKey(s.context()), s, (a, b) -> a.id() >= b.id() ? a : b);
        }
        List<CommitStatus> perContext = new ArrayList<>(latest.values());
        perContext.sort(Comparator.comparingLong(CommitStatus::id));
        return new CombinedStatus(combine(perContext), sha, perContext);
    }

    /** GitHub's rule over the latest status of each context (see the class comment). */
    static StatusState combine(List<CommitStatus> latestPerContext) {
        boolean pending = latestPerContext.isEmpty();
        for (CommitStatus s : latestPerContext) {
            if (s.state() == StatusState.FAILURE || s.state() == StatusState.ERROR) {
                return StatusState.FAILURE;
            }
            pending |= s.state() == StatusState.PENDING;
        }
        return pending ? StatusState.PENDING : StatusState.SUCCESS;
    }

    /** GitHub's {@code total_count}: the number of contexts. */
    public int totalCount() {
        return statuses.size();
    }
}
