package dev.buildrunner.cli;

import dev.buildrunner.spec.Feature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a large spec in BuildRunner's format from the features of a real one, for benchmarks
 * (issue 3: "make a large spec by repeating/varying the real ones"). Copy {@code k} of feature
 * {@code F} is named {@code "F copy k"}; it keeps F's requirements, files (under {@code copyk/}),
 * criteria and endpoints, depends on copy k of F's dependencies, and on copy k-1 of F, so the DAG
 * has both fan-out and long chains.
 */
final class LargeSpec {
    private LargeSpec() {
    }

    /**
     * @param title the document title
     * @param seeds the features to repeat, at least one
     * @param count how many features to write (the scale is 962)
     * @return the spec text, {@code \n} line endings
     */
    static String generate(String title, List<Feature> seeds, int count) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("expected at least one seed feature, got none");
        }
        Map<String, Feature> byId = new HashMap<>();
        seeds.forEach(f -> byId.put(f.id(), f));
        StringBuilder b = new StringBuilder(count * 1200);
        b.append("# ").append(title).append("\n\n## Overview\n\nA benchmark spec of ").append(count)
                .append(" features repeated from ").append(seeds.size()).append(" real ones.\n\n## Features\n\n");
        for (int i = 0; i < count; i++) {
            Feature f = seeds.get(i % seeds.size());
            int copy = i / seeds.size() + 1;
            b.append("### Feature: ").append(name(f, copy)).append("\n\n");
            b.append("**Complexity:** ").append(f.complexity().label()).append("\n");
            if (!f.priority().isEmpty()) {
                b.append("**Priority:** ").append(f.priority()).append("\n");
            }
            b.append("\n**Description:**\n").append(f.description().isEmpty() ? f.name() : f.description().strip())
                    .append(" (copy ").append(copy).append(")\n\n");
            list(b, "Requirements", f.requirements().stream().map(r -> r + " (copy " + copy + ")").toList());
            List<String> deps = new java.util.ArrayList<>();
            for (String d : f.dependencies()) {
                Feature dep = byId.get(d);
                if (dep != null) {
                    deps.add(name(dep, copy));
                }
            }
            if (copy > 1) {
                deps.add(name(f, copy - 1));
            }
            list(b, "Dependencies", deps);
            list(b, "Files", f.files().stream().map(p -> "copy" + copy + "/" + p).toList());
            list(b, "Endpoints", f.endpoints().stream().map(e -> "`" + e.method() + " /copy" + copy + e.path() + "`").toList());
            list(b, "Acceptance Criteria", f.acceptanceCriteria());
            b.append("---\n\n");
        }
        return b.toString();
    }

    private static String name(Feature f, int copy) {
        return f.name() + " copy " + copy;
    }

    private static void list(StringBuilder b, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        b.append("**").append(label).append(":**\n");
        items.forEach(i -> b.append("- ").append(i.replace('\n', ' ')).append('\n'));
        b.append('\n');
    }
}
