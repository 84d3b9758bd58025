package dev.buildrunner.plan;

import dev.buildrunner.spec.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan: every task (cancelled ones included, never deleted) and what is derived from the live
 * ones: batches, parallel waves and the critical path.
 *
 * @param tasks every task, in a stable order (feature order, then domain order)
 * @param batches batches of the tasks not yet done or cancelled, in execution order
 * @param waves parallel levels of the live tasks: wave k holds tasks whose dependencies all lie in
 *     waves before k
 * @param criticalPath the longest chain of live tasks by estimated minutes
 * @param diagnostics planning problems (cycles, unknown dependencies), naming the features
 */
public record Plan(
        List<Task> tasks,
        List<Batch> batches,
        List<List<String>> waves,
        CriticalPath criticalPath,
        List<Diagnostic> diagnostics) {

    public Plan {
        tasks = List.copyOf(tasks);
        batches = List.copyOf(batches);
        waves = waves.stream().map(List::copyOf).toList();
        Objects.requireNonNull(criticalPath, "criticalPath");
        diagnostics = List.copyOf(diagnostics);
    }

    /** The longest dependency chain and its total estimate in minutes. */
    public record CriticalPath(List<String> taskIds, int minutes) {
        public CriticalPath {
            taskIds = List.copyOf(taskIds);
        }
    }

    /** The task with this id, if any. */
    public Optional<Task> task(String id) {
        for (Task t : tasks) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Ids of the features whose work is done: every live (not cancelled) task of the feature is
     * {@link TaskStatus#DONE}, and it has at least one. Sorted.
     */
    public java.util.SortedSet<String> doneFeatureIds() {
        java.util.Map<String, Boolean> done = new java.util.TreeMap<>();
        for (Task t : tasks) {
            if (t.status() != TaskStatus.CANCELLED) {
                done.merge(t.featureId(), t.status() == TaskStatus.DONE, Boolean::logicalAnd);
            }
        }
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        done.forEach((id, d) -> {
            if (d) {
                ids.add(id);
            }
        });
        return ids;
    }
}
