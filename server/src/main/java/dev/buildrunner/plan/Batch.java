package dev.buildrunner.plan;

import java.util.List;
import java.util.Objects;

/**
 * A group of tasks handed to an agent or a person at once: 2-3 tasks of one domain, or one
 * complex task alone, whose dependencies all lie in earlier batches (seed 003).
 *
 * @param id {@code B1}, {@code B2}, ... in execution order
 * @param domain the one domain of its tasks
 * @param taskIds the tasks, 1 to 3
 */
public record Batch(String id, Domain domain, List<String> taskIds) {
    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(domain, "domain");
        taskIds = List.copyOf(taskIds);
        if (taskIds.isEmpty() || taskIds.size() > 3) {
            throw new IllegalArgumentException("batch " + id + ": expected 1-3 tasks, got: " + taskIds.size());
        }
    }
}
