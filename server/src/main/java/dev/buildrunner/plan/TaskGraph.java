package dev.buildrunner.plan;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The dependency DAG of a plan's tasks, and what follows from it: a stable topological order,
 * parallel waves and the critical path.
 *
 * <p>Edges (BRIEF.md "The plan"):
 * <ul>
 *   <li>within a feature, by domain order infra -> database -> backend -> frontend -> tests ->
 *       docs: each task depends on every task of the previous non-empty domain of its feature;
 *   <li>between features, from {@link Feature#dependencies()}: the tasks of the entry domain (the
 *       first non-empty one) of a feature depend on the final tasks of each feature it depends on,
 *       the tasks of that feature's last non-empty domain before docs (docs when it has nothing
 *       else): a dependent feature needs the dependency built and tested, not documented. Edges
 *       per dependency are entry x final tasks, a handful, so the edge count stays linear in the
 *       number of dependencies. Dependencies are resolved and cycles broken at the feature level
 *       ({@link FeatureDependencies}, a jgrapht {@code DirectedAcyclicGraph}), so the task graph
 *       is acyclic by construction: within a feature edges follow the domain order, between
 *       features they follow an acyclic feature graph.
 * </ul>
 * Cancelled tasks take no part. Done tasks are vertices, so that a live task's
 * {@link #dependsOn(String)} still names them, but an edge to a done task counts as satisfied:
 * waves, the critical path and batches consider live tasks (neither done nor cancelled) only.
 *
 * <p>The task-level edges live in plain int arrays and the topological order comes from Kahn's
 * algorithm with a priority queue on plan position: on a 962-feature spec (about 6,000 tasks) a
 * jgrapht {@code DirectedAcyclicGraph} of the tasks took about 10 ms against 6 ms for this, and
 * the task graph needs no cycle handling of its own. Built once, immutable afterwards. Linear in tasks plus
 * edges, apart from the priority queue (n log n).
 */
public final class TaskGraph {

    private final List<Task> tasks;
    private final List<Diagnostic> diagnostics;
    private final int[][] preds;
    private final int[] order;
    private final int[] live;
    private final int[][] livePreds;
    private final int[][] liveSuccs;
    private final Map<String, Integer> indexById;
    private final int[] livePosOfIndex;

    private TaskGraph(List<Task> tasks, Map<String, Integer> indexById, List<Diagnostic> diagnostics, int[][] preds,
            int[] order) {
        this.tasks = tasks;
        this.indexById = indexById;
        this.diagnostics = diagnostics;
        this.preds = preds;
        this.order = order;
        this.livePosOfIndex = new int[tasks.size()];
        Arrays.fill(livePosOfIndex, -1);
        int n = 0;
        for (int i : order) {
            if (isLive(tasks.get(i))) {
                livePosOfIndex[i] = n++;
            }
        }
        this.live = new int[n];
        for (int i : order) {
            if (livePosOfIndex[i] >= 0) {
                live[livePosOfIndex[i]] = i;
            }
        }
        this.livePreds = new int[n][];
        int[] succCount = new int[n];
        for (int p = 0; p < n; p++) {
            int[] all = preds[live[p]];
            int[] some = new int[all.length];
            int k = 0;
            for (int i : all) {
                if (livePosOfIndex[i] >= 0) {
                    some[k++] = livePosOfIndex[i];
                }
            }
            livePreds[p] = Arrays.copyOf(some, k);
            Arrays.sort(livePreds[p]);
            for (int q : livePreds[p]) {
                succCount[q]++;
            }
        }
        this.liveSuccs = new int[n][];
        for (int p = 0; p < n; p++) {
            liveSuccs[p] = new int[succCount[p]];
            succCount[p] = 0;
        }
        for (int p = 0; p < n; p++) {
            for (int q : livePreds[p]) {
                liveSuccs[q][succCount[q]++] = p;
            }
        }
    }

    /**
     * Builds the DAG of the given tasks.
     *
     * @param features the spec's features in spec order; their dependencies give inter-feature edges
     * @param tasks every task of the plan in plan order (feature order, then domain order); the
     *     order breaks ties in the topological order; each task's own {@code dependsOn} is ignored
     * @return the graph; its {@link #diagnostics()} hold unknown dependencies, cycles and repeated
     *     feature ids
     * @throws IllegalArgumentException if two tasks share an id (a programming error)
     */
    public static TaskGraph of(List<Feature> features, List<Task> tasks) {
        List<Task> taskList = List.copyOf(tasks);
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < taskList.size(); i++) {
            if (indexById.put(taskList.get(i).id(), i) != null) {
                throw new IllegalArgumentException("expected unique task ids, got a second: " + taskList.get(i).id());
            }
        }
        FeatureDependencies deps = FeatureDependencies.of(features);

        // Non-cancelled tasks grouped by feature, then by domain, in plan order.
        Map<String, List<Integer>[]> groups = new LinkedHashMap<>();
        for (int i = 0; i < taskList.size(); i++) {
            Task t = taskList.get(i);
            if (t.status() != TaskStatus.CANCELLED) {
                groups.computeIfAbsent(t.featureId(), k -> newDomainLists())[t.domain().ordinal()].add(i);
            }
        }

        int n = taskList.size();
        int[][] preds = new int[n][];
        int[] predCount = new int[n];
        for (Map.Entry<String, List<Integer>[]> group : groups.entrySet()) {
            String fid = group.getKey();
            List<Integer>[] byDomain = group.getValue();
            List<Integer> previous = List.of();
            for (List<Integer> domainTasks : byDomain) {
                if (domainTasks.isEmpty()) {
                    continue;
                }
                connect(preds, predCount, previous, domainTasks);
                previous = domainTasks;
            }
            List<Integer> entry = entry(byDomain);
            for (String dependency : deps.accepted(fid)) {
                List<Integer>[] depGroups = groups.get(dependency);
                if (depGroups != null) {
                    connect(preds, predCount, finals(depGroups), entry);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            preds[i] = preds[i] == null ? new int[0] : Arrays.copyOf(preds[i], predCount[i]);
            Arrays.sort(preds[i]);
        }
        return new TaskGraph(taskList, indexById, deps.diagnostics(), preds, topologicalOrder(taskList, preds));
    }

    /**
     * Kahn's algorithm with a priority queue on plan position: a topological order of the
     * non-cancelled tasks in which, of the tasks free to go next, the earliest in plan order goes.
     */
    private static int[] topologicalOrder(List<Task> tasks, int[][] preds) {
        int n = tasks.size();
        int[] waiting = new int[n];
        int[] succCount = new int[n];
        int vertices = 0;
        for (int i = 0; i < n; i++) {
            waiting[i] = preds[i].length;
            for (int p : preds[i]) {
                succCount[p]++;
            }
            if (tasks.get(i).status() != TaskStatus.CANCELLED) {
                vertices++;
            }
        }
        int[][] succs = new int[n][];
        for (int i = 0; i < n; i++) {
            succs[i] = new int[succCount[i]];
            succCount[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : preds[i]) {
                succs[p][succCount[p]++] = i;
            }
        }
        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0 && tasks.get(i).status() != TaskStatus.CANCELLED) {
                free.add(i);
            }
        }
        int[] order = new int[vertices];
        int k = 0;
        while (!free.isEmpty()) {
            int i = free.poll();
            order[k++] = i;
            for (int s : succs[i]) {
                if (--waiting[s] == 0) {
                    free.add(s);
                }
            }
        }
        if (k != vertices) {
            throw new IllegalStateException("task graph has a cycle although the feature graph has none");
        }
        return order;
    }

    private static void connect(int[][] preds, int[] predCount, List<Integer> from, List<Integer> to) {
        for (int t : to) {
            for (int f : from) {
                if (preds[t] == null) {
                    preds[t] = new int[Math.max(2, from.size())];
                } else if (predCount[t] == preds[t].length) {
                    preds[t] = Arrays.copyOf(preds[t], predCount[t] * 2 + from.size());
                }
                preds[t][predCount[t]++] = f;
            }
        }
    }

    /** Planning problems: unknown dependencies, dependency cycles, repeated feature ids; in spec order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The tasks this one depends on (done ones included), in plan order; empty for a cancelled or
     * unknown task.
     */
    public List<String> dependsOn(String taskId) {
        Integer i = indexById.get(taskId);
        if (i == null) {
            return List.of();
        }
        return ids(preds[i]);
    }

    /** Every task but the cancelled ones, in topological order; ties broken by plan order. */
    public List<String> order() {
        return ids(order);
    }

    /** The live tasks (neither done nor cancelled) in topological order; ties broken by plan order. */
    public List<Task> liveTasks() {
        List<Task> out = new ArrayList<>(live.length);
        for (int i : live) {
            out.add(tasks.get(i));
        }
        return out;
    }

    /**
     * Parallel waves of the live tasks: wave 0 holds the tasks with no live dependency, wave k
     * those whose live dependencies lie in waves before k, at least one in wave k-1.
     *
     * @return task ids per wave, each wave in topological order
     */
    public List<List<String>> waves() {
        int[] level = new int[live.length];
        List<List<String>> waves = new ArrayList<>();
        for (int p = 0; p < live.length; p++) {
            int l = 0;
            for (int q : livePreds[p]) {
                l = Math.max(l, level[q] + 1);
            }
            level[p] = l;
            if (l == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(l).add(tasks.get(live[p]).id());
        }
        return waves;
    }

    /**
     * The critical path: the chain of live tasks with the largest sum of
     * {@link Task#estimateMinutes()}. Ties go to the chain ending, and then branching, earliest in
     * topological order.
     *
     * @return its task ids, first to last, and its total minutes; empty and 0 with no live task
     */
    public Plan.CriticalPath criticalPath() {
        if (live.length == 0) {
            return new Plan.CriticalPath(List.of(), 0);
        }
        long[] dist = new long[live.length];
        int[] via = new int[live.length];
        int end = 0;
        for (int p = 0; p < live.length; p++) {
            long best = 0;
            int from = -1;
            for (int q : livePreds[p]) {
                if (dist[q] > best) {
                    best = dist[q];
                    from = q;
                }
            }
            dist[p] = best + tasks.get(live[p]).estimateMinutes();
            via[p] = from;
            if (dist[p] > dist[end]) {
                end = p;
            }
        }
        List<String> path = new ArrayList<>();
        for (int p = end; p >= 0; p = via[p]) {
            path.add(tasks.get(live[p]).id());
        }
        java.util.Collections.reverse(path);
        return new Plan.CriticalPath(path, Math.toIntExact(dist[end]));
    }

    /** Number of live tasks. */
    int liveCount() {
        return live.length;
    }

    /** The live task at a position of the live topological order. */
    Task liveTask(int position) {
        return tasks.get(live[position]);
    }

    /** Positions (in the live topological order) of the live dependencies of a live task, ascending. */
    int[] livePredecessors(int position) {
        return livePreds[position];
    }

    /** Positions of the live tasks depending on a live task, ascending. */
    int[] liveSuccessors(int position) {
        return liveSuccs[position];
    }

    static boolean isLive(Task t) {
        return !t.status().isTerminal();
    }

    private List<String> ids(int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(tasks.get(i).id());
        }
        return out;
    }

    private static List<Integer> entry(List<Integer>[] byDomain) {
        for (List<Integer> group : byDomain) {
            if (!group.isEmpty()) {
                return group;
            }
        }
        return List.of();
    }

    private static List<Integer> finals(List<Integer>[] byDomain) {
        for (int d = Domain.DOCS.ordinal() - 1; d >= 0; d--) {
            if (!byDomain[d].isEmpty()) {
                return byDomain[d];
            }
        }
        return byDomain[Domain.DOCS.ordinal()];
    }

    @SuppressWarnings("unchecked")
    private static List<Integer>[] newDomainLists() {
        List<Integer>[] lists = new List[Domain.values().length];
        for (int d = 0; d < lists.length; d++) {
            lists[d] = new ArrayList<>(2);
        }
        return lists;
    }
}
