package dev.buildrunner.plan;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The feature-level dependency DAG (jgrapht {@link DirectedAcyclicGraph}, edge = "must come
 * before"). Dependencies are added in spec order, each feature's in the order written; one that
 * names no feature is reported ({@code unknown-dependency}, warning) and dropped; one that would
 * close a cycle is reported ({@code dependency-cycle}, error) and dropped, so the cycle-closing
 * edge is always the last one in spec order: deterministic. A repeated feature id is reported
 * ({@code duplicate-feature}, warning); the later feature is ignored.
 */
final class FeatureDependencies {

    private final Map<String, Feature> byId;
    private final Map<String, List<String>> accepted;
    private final List<Diagnostic> diagnostics;

    private FeatureDependencies(Map<String, Feature> byId, Map<String, List<String>> accepted,
            List<Diagnostic> diagnostics) {
        this.byId = byId;
        this.accepted = accepted;
        this.diagnostics = diagnostics;
    }

    /** Resolves the features' dependencies; see the class comment for the rules. */
    static FeatureDependencies of(List<Feature> features) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Feature> byId = new LinkedHashMap<>();
        for (Feature f : features) {
            Feature first = byId.putIfAbsent(f.id(), f);
            if (first != null) {
                diagnostics.add(Diagnostic.warning(f.lines().first(), "duplicate-feature",
                        "feature id '" + f.id() + "' (\"" + f.name() + "\") is already used by the feature at line "
                                + first.lines().first() + "; the planner ignores this one"));
            }
        }

        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        byId.keySet().forEach(dag::addVertex);
        Map<String, List<String>> accepted = new HashMap<>();
        for (Feature f : byId.values()) {
            List<String> ok = new ArrayList<>();
            for (String dep : new LinkedHashSet<>(f.dependencies())) {
                int line = f.lines().first();
                if (!byId.containsKey(dep)) {
                    diagnostics.add(Diagnostic.warning(line, "unknown-dependency", "feature '" + f.id()
                            + "' depends on '" + dep + "', which names no feature of the spec; dependency ignored"));
                } else if (dep.equals(f.id())) {
                    diagnostics.add(Diagnostic.error(line, "dependency-cycle",
                            "feature '" + f.id() + "' depends on itself; dependency ignored"));
                } else {
                    try {
                        dag.addEdge(dep, f.id());
                        ok.add(dep);
                    } catch (IllegalArgumentException cycle) {
                        diagnostics.add(Diagnostic.error(line, "dependency-cycle", cycleMessage(dag, f.id(), dep)));
                    }
                }
            }
            accepted.put(f.id(), ok);
        }

        diagnostics.sort(Comparator.comparingInt(Diagnostic::line));
        return new FeatureDependencies(byId, accepted, List.copyOf(diagnostics));
    }

    /** Features with repeated ids removed (first kept), in spec order. */
    static List<Feature> distinct(List<Feature> features) {
        Map<String, Feature> byId = new LinkedHashMap<>();
        for (Feature f : features) {
            byId.putIfAbsent(f.id(), f);
        }
        return new ArrayList<>(byId.values());
    }

    /** The dependencies of a feature that became edges, in the order written. */
    List<String> accepted(String featureId) {
        return accepted.getOrDefault(featureId, List.of());
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Names the features of the cycle that {@code dependent depends on dependency} would close:
     * the graph already leads from the dependent to the dependency.
     */
    private static String cycleMessage(DirectedAcyclicGraph<String, DefaultEdge> dag, String dependent,
            String dependency) {
        GraphPath<String, DefaultEdge> path = BFSShortestPath.findPathBetween(dag, dependent, dependency);
        List<String> chain = new ArrayList<>();
        chain.add(dependent);
        if (path != null) {
            List<String> back = new ArrayList<>(path.getVertexList());
            Collections.reverse(back);
            chain.addAll(back);
        } else {
            chain.add(dependency);
            chain.add(dependent);
        }
        return "dependency cycle between features " + String.join(" -> ", chain)
                + " (each depends on the next); ignored the dependency of '" + dependent + "' on '" + dependency
                + "'";
    }
}
