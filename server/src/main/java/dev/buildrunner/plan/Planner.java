package dev.buildrunner.plan;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a fresh plan from a spec: decomposition ({@link Decomposer}), DAG, waves and critical path
 * ({@link TaskGraph}), batches ({@link Batcher}).
 *
 * <p>Thread-safe; the clock is only read.
 */
public final class Planner {

    /** Who the history events of the planner name as their cause. */
    public static final String BY = "planner";

    private final Clock clock;
    private final Decomposer decomposer = new Decomposer();
    private final Batcher batcher = new Batcher();

    /** @param clock the time stamped on the "created" history events */
    public Planner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Plans a spec from scratch.
     *
     * @param spec the parsed spec
     * @return every feature's tasks (PENDING, history one "created" event at the clock's instant),
     *     in feature order then domain order, with dependencies, batches, waves, critical path and
     *     the planning diagnostics (unknown dependencies, cycles). A task id that another
     *     feature's task already took (possible only with feature ids such as {@code a} and
     *     {@code a-integration}) gets a {@code -2} suffix, in spec order.
     */
    public Plan plan(Spec spec) {
        Instant now = clock.instant();
        List<TaskEvent> created = List.of(new TaskEvent(now, TaskStatus.PENDING, BY, "created"));
        IdAllocator ids = new IdAllocator();
        List<Task> tasks = new ArrayList<>();
        for (Feature f : FeatureDependencies.distinct(spec.features())) {
            for (Task t : decomposer.decompose(f, spec.format())) {
                tasks.add(new Task(ids.allocate(t.id()), t.featureId(), t.title(), t.domain(), t.complex(),
                        t.estimateMinutes(), t.status(), t.dependsOn(), t.files(), t.fingerprint(), t.followUpOf(),
                        created));
            }
        }
        return assemble(spec, tasks);
    }

    /**
     * Derives a plan from a list of tasks: recomputes the dependencies of the live tasks (done and
     * cancelled tasks are kept exactly as given), then batches, waves and critical path. Use it
     * after task statuses changed (a task marked done frees its dependents) or after a
     * regeneration.
     *
     * @param spec the spec the tasks belong to: its features' dependencies give the inter-feature edges
     * @param tasks every task, in plan order, ids unique
     * @return the plan; a task record is replaced only when its dependencies changed
     * @throws IllegalArgumentException if two tasks share an id
     */
    public Plan assemble(Spec spec, List<Task> tasks) {
        TaskGraph graph = TaskGraph.of(spec.features(), tasks);
        List<Task> out = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            if (TaskGraph.isLive(t)) {
                List<String> deps = graph.dependsOn(t.id());
                if (!deps.equals(t.dependsOn())) {
                    t = TaskCopies.withDependsOn(t, deps);
                }
            }
            out.add(t);
        }
        return new Plan(out, batcher.batch(graph), graph.waves(), graph.criticalPath(), graph.diagnostics());
    }
}
