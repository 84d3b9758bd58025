package dev.buildrunner.store;

import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan cut the way a state tree stores it ({@link StateFormat}): the tasks of each feature, in
 * plan order, and the plan's task order as runs of one feature. A plan the planner writes lists
 * each feature's tasks together, so each feature is one run; a feature whose tasks are interleaved
 * with others' gets one run per stretch, so that any plan reads back in its own order.
 *
 * @param byFeature feature id to its tasks, in order of the feature's first task; unmodifiable
 * @param runs the task order: the first {@code runs[0].tasks} tasks of the plan are the first
 *     tasks of feature {@code runs[0].featureId}, and so on; no run is empty
 */
record PlanParts(Map<String, List<Task>> byFeature, List<Run> runs) {

    /** {@code tasks} consecutive tasks of the plan that belong to one feature, at least 1. */
    record Run(String featureId, int tasks) {
    }

    /** Splits a plan; linear in its tasks. */
    static PlanParts of(Plan plan) {
        Map<String, List<Task>> byFeature = new LinkedHashMap<>();
        List<Run> runs = new ArrayList<>();
        String runFeature = null;
        int runLength = 0;
        List<Task> current = null;
        for (Task t : plan.tasks()) {
            String f = t.featureId();
            if (!f.equals(runFeature)) {
                if (runFeature != null) {
                    runs.add(new Run(runFeature, runLength));
                }
                runFeature = f;
                runLength = 0;
                current = byFeature.computeIfAbsent(f, k -> new ArrayList<>());
            }
            current.add(t);
            runLength++;
        }
        if (runFeature != null) {
            runs.add(new Run(runFeature, runLength));
        }
        Map<String, List<Task>> frozen = new LinkedHashMap<>(byFeature.size() * 2);
        byFeature.forEach((k, v) -> frozen.put(k, Collections.unmodifiableList(v)));
        return new PlanParts(Collections.unmodifiableMap(frozen), List.copyOf(runs));
    }

    /**
     * Whether two plans have the same {@code plan/plan.json}: same runs, batches, waves, critical
     * path and diagnostics (the schema being this version's).
     */
    static boolean sameIndex(Plan a, PlanParts aParts, Plan b, PlanParts bParts) {
        return aParts.runs.equals(bParts.runs) && a.batches().equals(b.batches()) && a.waves().equals(b.waves())
                && a.criticalPath().equals(b.criticalPath()) && a.diagnostics().equals(b.diagnostics());
    }

    /**
     * Puts the tasks back in plan order.
     *
     * @param byFeature each run's feature to its tasks; the runs must take each list exactly
     *     (callers check the counts first)
     * @return the tasks in run order
     */
    static List<Task> join(List<Run> runs, Map<String, List<Task>> byFeature) {
        int total = 0;
        for (List<Task> tasks : byFeature.values()) {
            total += tasks.size();
        }
        List<Task> out = new ArrayList<>(total);
        Map<String, Integer> next = new HashMap<>();
        for (Run r : runs) {
            List<Task> tasks = byFeature.get(r.featureId());
            int from = next.getOrDefault(r.featureId(), 0);
            out.addAll(tasks.subList(from, from + r.tasks()));
            next.put(r.featureId(), from + r.tasks());
        }
        return out;
    }
}
