package dev.buildrunner.plan;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

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
 *       number of dependencies. Feature-level ordering resolves cycles
 *       ({@link FeatureDependencies}).
 * </ul>
 * Cancelled tasks take no part. Done tasks are vertices, so that a live task's
 * {@link #dependsOn(String)} still names them, but an edge to a done task counts as satisfied:
 * waves, the critical path and batches consider live tasks (neither done nor cancelled) only.
 *
 * <p>Built once, immutable afterwards. Linear in tasks plus edges, apart from the topological
 * sort's priority queue (n log n).
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
            livePreds[p] = Arrays.stream(preds[live[p]]).map(i -> livePosOfIndex[i]).filter(q -> q >= 0).sorted()
                    .toArray();
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

        DirectedAcyclicGraph<Integer, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        List<List<Integer>> predLists = new ArrayList<>(taskList.size());
        for (int i = 0; i < taskList.size(); i++) {
            predLists.add(new ArrayList<>(2));
        }
        // Vertices go in in a topological order (features in dependency order, tasks in domain
        // order), so every edge points forward and the DAG never has to reorder or search.
        List<String> featureOrder = new ArrayList<>(deps.order());
        for (String fid : groups.keySet()) {
            if (!deps.contains(fid)) {
                featureOrder.add(fid);
            }
        }
        for (String fid : featureOrder) {
            List<Integer>[] byDomain = groups.get(fid);
            if (byDomain == null) {
                continue;
            }
            for (List<Integer> group : byDomain) {
                group.forEach(dag::addVertex);
            }
        }
        for (String fid : featureOrder) {
            List<Integer>[] byDomain = groups.get(fid);
            if (byDomain == null) {
                continue;
            }
            List<Integer> previous = List.of();
            for (List<Integer> group : byDomain) {
                if (group.isEmpty()) {
                    continue;
                }
                connect(dag, predLists, previous, group);
                previous = group;
            }
            List<Integer> entry = entry(byDomain);
            for (String dependency : deps.accepted(fid)) {
                List<Integer>[] depGroups = groups.get(dependency);
                if (depGroups != null) {
                    connect(dag, predLists, finals(depGroups), entry);
                }
            }
        }

        int[][] preds = new int[taskList.size()][];
        for (int i = 0; i < preds.length; i++) {
            preds[i] = predLists.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        int[] order = new int[dag.vertexSet().size()];
        TopologicalOrderIterator<Integer, DefaultEdge> it =
                new TopologicalOrderIterator<>(dag, Comparator.naturalOrder());
        for (int k = 0; it.hasNext(); k++) {
            order[k] = it.next();
        }
        return new TaskGraph(taskList, indexById, deps.diagnostics(), preds, order);
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

    private static void connect(DirectedAcyclicGraph<Integer, DefaultEdge> dag, List<List<Integer>> predLists,
            List<Integer> from, List<Integer> to) {
        for (int t : to) {
            for (int f : from) {
                if (dag.addEdge(f, t) != null) {
                    predLists.get(t).add(f);
                }
            }
        }
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
