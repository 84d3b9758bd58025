package dev.buildrunner.store;

import dev.buildrunner.plan.Plan;
import java.time.Instant;
import java.util.Objects;

/**
 * One state of a project as parsed from one commit of the {@code buildrunner} branch. Immutable;
 * since commits are immutable a State for a commit id never goes stale.
 *
 * @param commitId the state commit's full hex id
 * @param time the commit time (git keeps whole seconds)
 * @param specText the spec text stored at {@link StateFormat#SPEC_PATH}
 * @param plan the plan stored under {@code plan/} ({@link StateFormat})
 * @param event the commit's {@code BuildRunner-Event}, empty for a commit written by hand
 * @param summary the commit's first line after "event: "
 * @param sourceCommit the commit's {@code Source-Commit}, empty for none
 * @param author the commit's {@code Author} trailer, empty when missing
 */
public record State(
        String commitId,
        Instant time,
        String specText,
        Plan plan,
        String event,
        String summary,
        String sourceCommit,
        String author) {

    public State {
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(specText, "specText");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(sourceCommit, "sourceCommit");
        Objects.requireNonNull(author, "author");
    }
}
