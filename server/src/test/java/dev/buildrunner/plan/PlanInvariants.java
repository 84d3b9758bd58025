package dev.buildrunner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every rule a plan must obey, from the plan's own fields only (never through the classes
 * that made it): unique ids, an acyclic dependency graph over existing tasks, batches (1-3 tasks,
 * one domain, complex alone, dependencies in earlier batches, a lone non-complex task only when no
 * same-domain partner was ready), waves consistent with the edges, and a critical path that is a
 * real chain no other chain outweighs.
 */
final class PlanInvariants {

    private PlanInvariants() {
    }

    static void check(Plan plan) {
        Map<String, Task> byId = new LinkedHashMap<>();
        for (Task t : plan.tasks()) {
            assertThat(byId.put(t.id(), t)).as("task id %s is unique", t.id()).isNull();
        }
        List<Task> live = plan.tasks().stream().filter(PlanInvariants::isLive).toList();
        Map<String, List<String>> liveDeps = new HashMap<>();
        for (Task t : live) {
            List<String> deps = new ArrayList<>();
            for (String d : t.dependsOn()) {
                Task dep = byId.get(d);
                assertThat(dep).as("dependency %s of %s exists", d, t.id()).isNotNull();
                assertThat(dep.status()).as("dependency %s of live task %s is not cancelled", d, t.id())
                        .isNotEqualTo(TaskStatus.CANCELLED);
                if (isLive(dep)) {
                    deps.add(d);
                }
            }
            liveDeps.put(t.id(), deps);
        }
        List<String> order = topologicalOrder(plan, byId);
        checkBatches(plan, byId, live, liveDeps);
        checkWaves(plan, live, liveDeps);
        checkCriticalPath(plan, byId, order, liveDeps);
    }

    static boolean isLive(Task t) {
        return t.status() != TaskStatus.DONE && t.status() != TaskStatus.CANCELLED;
    }

    /** Kahn's algorithm over the live tasks; fails when they hold a cycle. */
    private static List<String> topologicalOrder(Plan plan, Map<String, Task> byId) {
        Map<String, Integer> indegree = new HashMap<>();
        Map<String, List<String>> succ = new HashMap<>();
        for (Task t : plan.tasks()) {
            if (t.status() == TaskStatus.CANCELLED || !isLive(t)) {
                continue;
            }
            indegree.putIfAbsent(t.id(), 0);
            for (String d : t.dependsOn()) {
                if (isLive(byId.get(d))) {
                    indegree.merge(t.id(), 1, Integer::sum);
                    succ.computeIfAbsent(d, k -> new ArrayList<>()).add(t.id());
                }
            }
        }
        ArrayDeque<String> queue = new ArrayDeque<>();
        indegree.forEach((id, n) -> {
            if (n == 0) {
                queue.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            String id = queue.poll();
            order.add(id);
            for (String s : succ.getOrDefault(id, List.of())) {
                if (indegree.merge(s, -1, Integer::sum) == 0) {
                    queue.add(s);
                }
            }
        }
        assertThat(order).as("the dependency graph of live tasks is acyclic").hasSize(indegree.size());
        return order;
    }

    private static void checkBatches(Plan plan, Map<String, Task> byId, List<Task> live,
            Map<String, List<String>> liveDeps) {
        Map<String, Integer> batchOf = new HashMap<>();
        for (int i = 0; i < plan.batches().size(); i++) {
            Batch b = plan.batches().get(i);
            assertThat(b.id()).isEqualTo("B" + (i + 1));
            assertThat(b.taskIds()).hasSizeBetween(1, 3);
            for (String id : b.taskIds()) {
                Task t = byId.get(id);
                assertThat(t).as("batch %s names task %s", b.id(), id).isNotNull();
                assertThat(isLive(t)).as("batched task %s is live", id).isTrue();
                assertThat(t.domain()).as("batch %s holds one domain", b.id()).isEqualTo(b.domain());
                if (t.complex()) {
                    assertThat(b.taskIds()).as("complex task %s is alone in %s", id, b.id()).hasSize(1);
                }
                assertThat(batchOf.put(id, i)).as("task %s is in one batch only", id).isNull();
            }
        }
        assertThat(batchOf.keySet()).as("every live task is batched")
                .containsExactlyInAnyOrderElementsOf(live.stream().map(Task::id).toList());
        for (Task t : live) {
            for (String d : liveDeps.get(t.id())) {
                assertThat(batchOf.get(d)).as("dependency %s of %s lies in an earlier batch", d, t.id())
                        .isLessThan(batchOf.get(t.id()));
            }
        }
        // A lone non-complex task: no other non-complex task of its domain was ready then.
        for (int i = 0; i < plan.batches().size(); i++) {
            Batch b = plan.batches().get(i);
            Task only = byId.get(b.taskIds().get(0));
            if (b.taskIds().size() != 1 || only.complex()) {
                continue;
            }
            for (Task t : live) {
                int bt = batchOf.get(t.id());
                if (bt <= i || t.complex() || t.domain() != b.domain()) {
                    continue;
                }
                final int batchIndex = i;
                boolean ready = liveDeps.get(t.id()).stream().allMatch(d -> batchOf.get(d) < batchIndex);
                assertThat(ready).as("lone task in %s while same-domain task %s was ready", b.id(), t.id()).isFalse();
            }
        }
    }

    private static void checkWaves(Plan plan, List<Task> live, Map<String, List<String>> liveDeps) {
        Map<String, Integer> waveOf = new HashMap<>();
        for (int k = 0; k < plan.waves().size(); k++) {
            assertThat(plan.waves().get(k)).as("wave %d is not empty", k).isNotEmpty();
            for (String id : plan.waves().get(k)) {
                assertThat(waveOf.put(id, k)).as("task %s is in one wave", id).isNull();
            }
        }
        assertThat(waveOf.keySet()).containsExactlyInAnyOrderElementsOf(live.stream().map(Task::id).toList());
        for (Task t : live) {
            int w = waveOf.get(t.id());
            int latest = -1;
            for (String d : liveDeps.get(t.id())) {
                assertThat(waveOf.get(d)).as("dependency %s of %s is in an earlier wave", d, t.id()).isLessThan(w);
                latest = Math.max(latest, waveOf.get(d));
            }
            assertThat(w).as("task %s is in the first wave its dependencies allow", t.id()).isEqualTo(latest + 1);
        }
    }

    private static void checkCriticalPath(Plan plan, Map<String, Task> byId, List<String> order,
            Map<String, List<String>> liveDeps) {
        List<String> path = plan.criticalPath().taskIds();
        int sum = 0;
        for (int i = 0; i < path.size(); i++) {
            Task t = byId.get(path.get(i));
            assertThat(isLive(t)).as("critical path task %s is live", t.id()).isTrue();
            sum += t.estimateMinutes();
            if (i > 0) {
                assertThat(liveDeps.get(t.id())).as("critical path is a chain").contains(path.get(i - 1));
            }
        }
        assertThat(plan.criticalPath().minutes()).isEqualTo(sum);
        Map<String, Integer> longest = new HashMap<>();
        int best = 0;
        for (String id : order) {
            int before = 0;
            for (String d : liveDeps.get(id)) {
                before = Math.max(before, longest.get(d));
            }
            longest.put(id, before + byId.get(id).estimateMinutes());
            best = Math.max(best, longest.get(id));
        }
        assertThat(plan.criticalPath().minutes()).as("no chain is longer than the critical path").isEqualTo(best);
    }
}
