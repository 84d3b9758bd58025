package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint templates of a spec ({@code GET /users/{id}}: a path with a parameter segment), in
 * the order first seen, and the concrete endpoints they stand for ({@code GET /users/1}).
 *
 * <p>Templates are indexed by method, segment count and first segment (or "any" when that segment
 * is a parameter), so finding a concrete endpoint's template looks at a handful of templates, not
 * all of them. Not thread-safe (one per parse).
 */
final class EndpointTemplates {

    private static final String ANY = "\u0000";

    private final List<Endpoint> templates = new ArrayList<>();
    private final Set<Endpoint> known = new HashSet<>();
    private final Map<String, List<Integer>> byShape = new HashMap<>();

    /** Keeps {@code e} when its path is a template not seen before. */
    void add(Endpoint e) {
        if (TextScan.isTemplate(e.path()) && known.add(e)) {
            templates.add(e);
            String[] segs = e.path().split("/", -1);
            String first = segs.length > 1 && !TextScan.isParam(segs[1]) ? segs[1] : ANY;
            byShape.computeIfAbsent(shape(e.method(), segs.length, first), k -> new ArrayList<>())
                    .add(templates.size() - 1);
        }
    }

    boolean isEmpty() {
        return templates.isEmpty();
    }

    /** Replaces concrete paths by the first template (in spec order) they are an instance of, and dedupes. */
    void canonicalise(List<Endpoint> endpoints) {
        if (templates.isEmpty() || endpoints.isEmpty()) {
            return;
        }
        Set<Endpoint> seen = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            seen.add(canonical(e));
        }
        endpoints.clear();
        endpoints.addAll(seen);
    }

    private Endpoint canonical(Endpoint e) {
        if (TextScan.isTemplate(e.path())) {
            return e;
        }
        String[] segs = e.path().split("/", -1);
        int a = first(byShape.get(shape(e.method(), segs.length, segs.length > 1 ? segs[1] : ANY)), e);
        int b = first(byShape.get(shape(e.method(), segs.length, ANY)), e);
        int best = a < 0 ? b : b < 0 ? a : Math.min(a, b);
        return best < 0 ? e : templates.get(best);
    }

    /** The first template of {@code candidates} (indexes, ascending) that {@code e} is an instance of; -1 for none. */
    private int first(List<Integer> candidates, Endpoint e) {
        if (candidates != null) {
            for (int i : candidates) {
                if (TextScan.matchesTemplate(templates.get(i).path(), e.path())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String shape(String method, int segments, String first) {
        return method + ' ' + segments + ' ' + first;
    }
}
