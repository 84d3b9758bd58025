package dev.buildrunner.analysis.gaps.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the file an import names, among the repository's scanned files. JavaScript: relative
 * specifiers ({@code ./routes/users}, with the extensions Node, TypeScript and Vite try, and
 * {@code index} files) and the {@code @/} and {@code ~/} aliases for {@code src/}; packages are
 * not followed. Python: relative modules ({@code .routers.users}) and absolute ones, at the root
 * or, when not there, under the one source root that holds them ({@code src/app/routers.py}).
 * Nothing outside the repository is named. Not thread-safe (memoises lookups).
 */
final class Modules {
    private static final List<String> JS_EXTENSIONS = List.of(".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".mts",
            ".vue");

    private final Set<String> files;
    private final Map<String, Optional<String>> memo = new HashMap<>();

    Modules(Set<String> files) {
        this.files = files;
    }

    /** The file a JavaScript import specifier names, seen from {@code from}. */
    Optional<String> js(String from, String spec) {
        String base;
        if (spec.startsWith("./") || spec.startsWith("../") || spec.equals(".") || spec.equals("..")) {
            base = normalise(dir(from) + "/" + spec);
        } else if (spec.startsWith("@/") || spec.startsWith("~/")) {
            base = "src/" + spec.substring(2);
        } else {
            return Optional.empty();
        }
        if (base == null) {
            return Optional.empty();
        }
        if (files.contains(base)) {
            return Optional.of(base);
        }
        for (String ext : JS_EXTENSIONS) {
            if (files.contains(base + ext)) {
                return Optional.of(base + ext);
            }
        }
        for (String ext : JS_EXTENSIONS) {
            if (files.contains(base + "/index" + ext)) {
                return Optional.of(base + "/index" + ext);
            }
        }
        return Optional.empty();
    }

    /** The file of a Python module ({@code app.routers.users}, {@code .users}, {@code ..core}), seen from {@code from}. */
    Optional<String> python(String from, String module) {
        return memo.computeIfAbsent(from + "\0" + module, k -> pythonUncached(from, module));
    }

    private Optional<String> pythonUncached(String from, String module) {
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
            dots++;
        }
        String rest = module.substring(dots).replace('.', '/');
        if (dots > 0) {
            String base = dir(from);
            for (int i = 1; i < dots; i++) {
                if (base.isEmpty()) {
                    return Optional.empty();
                }
                base = dir(base);
            }
            String rel = base.isEmpty() ? rest : rest.isEmpty() ? base : base + "/" + rest;
            return first(rel + ".py", rel + "/__init__.py");
        }
        Optional<String> atRoot = first(rest + ".py", rest + "/__init__.py");
        if (atRoot.isPresent()) {
            return atRoot;
        }
        String best = null;
        boolean tie = false;
        for (String f : files) {
            if (f.endsWith("/" + rest + ".py") || f.endsWith("/" + rest + "/__init__.py")) {
                if (best == null || f.length() < best.length()) {
                    best = f;
                    tie = false;
                } else if (f.length() == best.length()) {
                    tie = true;
                }
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private Optional<String> first(String a, String b) {
        if (files.contains(a)) {
            return Optional.of(a);
        }
        return files.contains(b) ? Optional.of(b) : Optional.empty();
    }

    /** The directory of a path, {@code ""} at the root. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Resolves {@code .} and {@code ..} segments; null when the path leaves the repository. */
    static String normalise(String path) {
        Deque<String> out = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.removeLast();
            } else {
                out.addLast(seg);
            }
        }
        return String.join("/", out);
    }
}
