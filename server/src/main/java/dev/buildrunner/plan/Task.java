package dev.buildrunner.plan;

import java.util.List;
import java.util.Objects;

/**
 * One atomic unit of work, sized at 1-2 hours (seeds 001 and 003).
 *
 * @param id stable id: the same feature requirement yields the same id in every regeneration
 * @param featureId id of the feature it comes from
 * @param title what to do, one line
 * @param domain its area of work; a batch holds one domain only
 * @param complex true when the task is complex enough to be batched alone (seed 003)
 * @param estimateMinutes estimated effort in minutes, 60-120 for a fresh task
 * @param status where it stands
 * @param dependsOn ids of tasks that must be done first, within this plan
 * @param files repository-relative files the task creates or changes, possibly empty
 * @param fingerprint hash of the spec content the task was generated from; a change of it is
 *     what makes the adaptive planner rewrite a pending task or add a follow-up to a done one
 * @param followUpOf id of the done task this one revises, empty when it revises none
 * @param history events in time order, oldest first
 */
public record Task(
        String id,
        String featureId,
        String title,
        Domain domain,
        boolean complex,
        int estimateMinutes,
        TaskStatus status,
        List<String> dependsOn,
        List<String> files,
        String fingerprint,
        String followUpOf,
        List<TaskEvent> history) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(domain, "domain");
        if (estimateMinutes <= 0) {
            throw new IllegalArgumentException("task " + id + ": expected estimateMinutes > 0, got: " + estimateMinutes);
        }
        Objects.requireNonNull(status, "status");
        dependsOn = List.copyOf(dependsOn);
        files = List.copyOf(files);
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(followUpOf, "followUpOf");
        history = List.copyOf(history);
    }

    /** Returns a copy in another status with the event appended to its history. */
    public Task withStatus(TaskStatus newStatus, TaskEvent event) {
        List<TaskEvent> h = new java.util.ArrayList<>(history);
        h.add(event);
        return new Task(id, featureId, title, domain, complex, estimateMinutes, newStatus, dependsOn, files,
                fingerprint, followUpOf, h);
    }
}
