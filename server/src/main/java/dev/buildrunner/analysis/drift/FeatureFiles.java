package dev.buildrunner.analysis.drift;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which features name a file. A feature names a file when its Files list holds the file's path,
 * a directory containing it ({@code src/web/} or {@code src/web}), or a glob matching it
 * ({@code src/web/**&#47;*.ts}). Entries are compared after dropping a leading {@code ./} or
 * {@code /} and a trailing {@code /}. Immutable.
 */
final class FeatureFiles {
    /** One feature's entry that names a file: the entry as the spec writes it. */
    record Claim(Feature feature, String entry) {
    }

    private record Entry(Feature feature, String written, String normalised, Glob glob) {
    }

    private final Map<String, List<Entry>> exact = new HashMap<>();
    private final List<Entry> wide = new ArrayList<>();

    FeatureFiles(Spec spec) {
        for (Feature f : spec.features()) {
            for (String written : f.files()) {
                String n = normalise(written);
                if (n.isEmpty()) {
                    continue;
                }
                Entry e = new Entry(f, written, n, glob(n));
                exact.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
                wide.add(e);
            }
        }
    }

    /** No features. */
    static FeatureFiles none(Spec spec) {
        return new FeatureFiles(new Spec(spec.title(), spec.format(), "", List.of(), List.of(), ""));
    }

    /** The entries naming a path, in spec order. */
    List<Claim> claims(String path) {
        List<Claim> out = new ArrayList<>();
        for (Entry e : wide) {
            if (names(e, path)) {
                out.add(new Claim(e.feature(), e.written()));
            }
        }
        return out;
    }

    /** True when some feature names the path. */
    boolean named(String path) {
        if (exact.containsKey(path)) {
            return true;
        }
        for (Entry e : wide) {
            if (names(e, path)) {
                return true;
            }
        }
        return false;
    }

    /** True when this one feature names the path. */
    static boolean namedBy(Feature f, String path) {
        for (String written : f.files()) {
            if (entryNames(written, path)) {
                return true;
            }
        }
        return false;
    }

    /** True when a Files entry as written names the path (the path itself, a directory of it, a glob matching it). */
    static boolean entryNames(String written, String path) {
        String n = normalise(written);
        return !n.isEmpty() && names(new Entry(null, written, n, glob(n)), path);
    }

    private static boolean names(Entry e, String path) {
        return e.normalised().equals(path) || path.startsWith(e.normalised() + "/")
                || (e.glob() != null && e.glob().matches(path));
    }

    private static Glob glob(String n) {
        if (n.contains("*") || n.contains("?") || n.contains("{")) {
            try {
                return Glob.of(n);
            } catch (IllegalArgumentException notAGlob) {
                return null; // not a usable glob: compared as a path
            }
        }
        return null;
    }

    /** A Files entry as a repository path: no leading {@code ./} or {@code /}, no trailing {@code /}. */
    static String normalise(String entry) {
        String n = entry.trim();
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }
}
