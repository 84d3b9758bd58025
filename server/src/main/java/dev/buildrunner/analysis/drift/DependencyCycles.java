package dev.buildrunner.analysis.drift;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency cycles of a spec: one per strongly connected component of the "depends on"
 * graph (Tarjan's algorithm, linear in features plus dependencies), each given as the shortest
 * cycle through the component's first feature in spec order, so that every cycle is reported once,
 * with its features in the order they depend on each other. Dependencies naming no feature are
 * left out (reported separately). Pure.
 */
final class DependencyCycles {
    private final Map<String, List<String>> edges = new LinkedHashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Map<String, Boolean> onStack = new HashMap<>();
    private final List<List<String>> components = new ArrayList<>();
    private int counter;

    private DependencyCycles(Spec spec) {
        for (Feature f : spec.features()) {
            edges.putIfAbsent(f.id(), new ArrayList<>());
        }
        for (Feature f : spec.features()) {
            for (String dep : f.dependencies()) {
                if (edges.containsKey(dep) && !edges.get(f.id()).contains(dep)) {
                    edges.get(f.id()).add(dep);
                }
            }
        }
    }

    /**
     * The cycles, in the spec order of their first feature; each list starts and ends with the
     * same feature id ({@code [a, b, c, a]}: a depends on b, b on c, c on a).
     */
    static List<List<String>> of(Spec spec) {
        DependencyCycles d = new DependencyCycles(spec);
        for (String id : d.edges.keySet()) {
            if (!d.index.containsKey(id)) {
                d.connect(id);
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (String id : d.edges.keySet()) {
            order.put(id, order.size());
        }
        List<List<String>> cycles = new ArrayList<>();
        for (List<String> component : d.components) {
            String first = component.stream().min((a, b) -> Integer.compare(order.get(a), order.get(b))).orElseThrow();
            if (component.size() > 1 || d.edges.get(first).contains(first)) {
                cycles.add(d.shortestCycle(first, Set.copyOf(component)));
            }
        }
        cycles.sort((a, b) -> Integer.compare(order.get(a.get(0)), order.get(b.get(0))));
        return cycles;
    }

    private void connect(String v) {
        index.put(v, counter);
        low.put(v, counter);
        counter++;
        stack.push(v);
        onStack.put(v, true);
        for (String w : edges.get(v)) {
            if (!index.containsKey(w)) {
                connect(w);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.getOrDefault(w, false)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.put(w, false);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    /** Breadth-first from {@code start} back to it, inside the component. */
    private List<String> shortestCycle(String start, Set<String> component) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String w : edges.get(v)) {
                if (!component.contains(w)) {
                    continue;
                }
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String x = v; x != null; x = cameFrom.get(x)) {
                        path.add(0, x);
                    }
                    path.add(start);
                    return path;
                }
                if (!cameFrom.containsKey(w) && !w.equals(start)) {
                    cameFrom.put(w, v);
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("a strongly connected component without a cycle through " + start);
    }
}
