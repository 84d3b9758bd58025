package dev.buildrunner.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Paths along feature dependencies, to refuse an edit that would close a cycle. Stateless. */
final class DependencyPaths {

    private DependencyPaths() {
    }

    /**
     * A shortest chain {@code from -> ... -> to} where each feature depends on the next, found by
     * breadth-first search over the spec's dependencies (linear in features plus dependencies).
     *
     * @return the feature ids from {@code from} to {@code to}, both included; empty when {@code
     *     from} does not depend on {@code to}, directly or not
     */
    static List<String> path(Spec spec, String from, String to) {
        Map<String, Feature> byId = new HashMap<>();
        spec.features().forEach(f -> byId.putIfAbsent(f.id(), f));
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        parent.put(from, from);
        queue.add(from);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (id.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; ; at = parent.get(at)) {
                    path.add(at);
                    if (at.equals(from)) {
                        break;
                    }
                }
                Collections.reverse(path);
                return path;
            }
            Feature f = byId.get(id);
            if (f == null) {
                continue;
            }
            for (String dep : f.dependencies()) {
                if (!parent.containsKey(dep)) {
                    parent.put(dep, id);
                    queue.add(dep);
                }
            }
        }
        return List.of();
    }
}
