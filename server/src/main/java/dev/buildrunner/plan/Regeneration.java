package dev.buildrunner.plan;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AdaptivePlanner#regenerate} gives: the new plan and what changed.
 *
 * @param plan the regenerated plan
 * @param summary counts of what happened to the tasks, and which features changed
 */
public record Regeneration(Plan plan, Summary summary) {

    public Regeneration {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Counts per task of the new plan; each task is counted once, so the five counts add up to
     * {@code plan.tasks().size()}. A change of only the dependencies of a task of an unchanged
     * feature (its dependency's tasks changed) counts as unchanged.
     *
     * @param added new tasks (new requirements, new features), follow-ups excluded
     * @param updated tasks rewritten in place: content of a pending, in-progress or blocked task,
     *     a cancelled task restored, ids mapped by a feature rename
     * @param cancelled tasks newly cancelled: their requirement or feature left the spec
     * @param followUps new follow-up tasks of done tasks whose source changed
     * @param unchanged tasks carried over as they were
     * @param changedFeatureIds ids of the features regenerated (added, renamed (new id), modified)
     *     in {@link dev.buildrunner.spec.SpecDiff#changedIds()} order, then the removed ones
     */
    public record Summary(int added, int updated, int cancelled, int followUps, int unchanged,
            List<String> changedFeatureIds) {
        public Summary {
            changedFeatureIds = List.copyOf(changedFeatureIds);
        }
    }
}
