package dev.buildrunner.analysis;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which features the spec itself marks done: a {@code Status} field reading {@code Done},
 * {@code Complete(d)}, {@code Implemented} or {@code Shipped} (with or without a check mark), as
 * the specs in {@code shared/specs} write it. Callers add the features whose plan tasks are all
 * done.
 */
public final class DoneFeatures {
    private DoneFeatures() {
    }

    /** Ids of the features whose {@code Status} field says done, in spec order. */
    public static Set<String> fromSpec(Spec spec) {
        Set<String> done = new LinkedHashSet<>();
        for (Feature f : spec.features()) {
            for (var e : f.attributes().entrySet()) {
                if (e.getKey().equalsIgnoreCase("status") && isDone(e.getValue())) {
                    done.add(f.id());
                }
            }
        }
        return done;
    }

    /** True for the words that mean done: done, complete, completed, implemented, shipped, a check mark. */
    static boolean isDone(String status) {
        String s = status.toLowerCase(Locale.ROOT).replaceAll("[^a-z✅]", " ").trim();
        if (s.matches("(.*\\b)?(not|un)\\b.*") || s.contains("not ")) {
            return false;
        }
        return s.contains("✅") || s.matches("(.*\\b)?(done|complete|completed|implemented|shipped)(\\b.*)?");
    }
}
