package dev.buildrunner.analysis.drift;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@link ImportRef}s to the files of the analysed tree they point at, and relative imports
 * to dotted names, so that rules can name layers by path ({@code src/store/**}) whatever the
 * language:
 * <ul>
 *   <li>Java/Kotlin {@code a.b.C} (also {@code a.b.C.Inner}, {@code a.b.C.member}): the files
 *       ending in {@code a/b/C.java} or {@code .kt}; a package ({@code a.b.*}): the files in a
 *       directory ending in {@code a/b};</li>
 *   <li>Python {@code a.b}: a file ending in {@code a/b.py} or {@code a/b/__init__.py}, else the
 *       module it is a name of; relative {@code ..b.c}: from the importing file's package, and as a
 *       dotted name the package chain found through {@code __init__.py} files (without any, the
 *       directory path from the repository root);</li>
 *   <li>JS/TS {@code ./x}, {@code ../x}: the file with the first existing extension
 *       ({@code .ts .tsx .js .jsx .mjs .cjs .mts .cts .vue .svelte}, then {@code /index.*}); when none
 *       exists, the normalised path itself. Bare specifiers and path aliases are not resolved.</li>
 * </ul>
 * A path that would leave the repository resolves to nothing. Built once per run over the tree's
 * paths; not thread-safe (lazy indexes).
 */
final class ImportResolver {
    private static final List<String> SCRIPT_EXTENSIONS = List.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts",
            ".cts", ".vue", ".svelte");

    private final Set<String> files;
    private Map<String, List<String>> byFileName;

    /** @param paths every file of the analysed tree */
    ImportResolver(Collection<String> paths) {
        this.files = new HashSet<>(paths);
    }

    /** The files of the tree an import from {@code from} points at; possibly none. */
    List<String> paths(String from, ImportRef ref) {
        return switch (ref.kind()) {
            case MODULE -> List.of();
            case PACKAGE -> Syntax.of(from).orElse(Syntax.JAVA) == Syntax.PYTHON ? python(ref.name())
                    : jvm(ref.name());
            case RELATIVE -> Syntax.of(from).orElse(Syntax.SCRIPT) == Syntax.PYTHON ? pythonRelative(from, ref.name())
                    : script(from, ref.name());
        };
    }

    /**
     * The dotted name of an import ({@code ""} for JS/TS relative imports and modules): the name
     * itself for {@link ImportRef.Kind#PACKAGE}, the absolute name for a Python relative import.
     */
    String dotted(String from, ImportRef ref) {
        return switch (ref.kind()) {
            case PACKAGE -> ref.name();
            case MODULE -> "";
            case RELATIVE -> Syntax.of(from).orElse(Syntax.SCRIPT) == Syntax.PYTHON ? pythonDotted(from, ref.name()) : "";
        };
    }

    private List<String> jvm(String name) {
        String[] segs = name.split("\\.");
        for (int k = segs.length; k >= 2; k--) {
            String suffix = String.join("/", java.util.Arrays.copyOf(segs, k));
            for (String ext : List.of(".java", ".kt")) {
                List<String> hits = withSuffix(segs[k - 1] + ext, suffix + ext);
                if (!hits.isEmpty()) {
                    return hits;
                }
            }
        }
        String last = segs[segs.length - 1];
        if (!last.isEmpty() && Character.isLowerCase(last.charAt(0))) {
            String dir = name.replace('.', '/');
            List<String> inPackage = new ArrayList<>();
            for (String f : files) {
                String parent = parent(f);
                if ((parent.equals(dir) || parent.endsWith("/" + dir)) && (f.endsWith(".java") || f.endsWith(".kt"))) {
                    inPackage.add(f);
                }
            }
            inPackage.sort(null);
            return inPackage;
        }
        return List.of();
    }

    private List<String> python(String name) {
        String[] segs = name.split("\\.");
        for (int k = segs.length; k >= 1; k--) {
            String suffix = String.join("/", java.util.Arrays.copyOf(segs, k));
            List<String> hits = withSuffix(segs[k - 1] + ".py", suffix + ".py");
            if (hits.isEmpty()) {
                hits = withSuffix("__init__.py", suffix + "/__init__.py");
            }
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return List.of();
    }

    /** Files named {@code fileName} whose path is {@code suffix} or ends with {@code /suffix}, sorted. */
    private List<String> withSuffix(String fileName, String suffix) {
        if (byFileName == null) {
            byFileName = new HashMap<>();
            for (String f : files) {
                byFileName.computeIfAbsent(f.substring(f.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(f);
            }
            byFileName.values().forEach(l -> l.sort(null));
        }
        List<String> hits = new ArrayList<>();
        for (String f : byFileName.getOrDefault(fileName, List.of())) {
            if (f.equals(suffix) || f.endsWith("/" + suffix)) {
                hits.add(f);
            }
        }
        return hits;
    }

    /** The directory a Python relative import's dots lead to, or null above the repository root. */
    private static String pythonBase(String from, String name) {
        int dots = 0;
        while (dots < name.length() && name.charAt(dots) == '.') {
            dots++;
        }
        String dir = parent(from);
        for (int d = 1; d < dots; d++) {
            if (dir.isEmpty()) {
                return null;
            }
            dir = parent(dir);
        }
        String rest = name.substring(dots).replace('.', '/');
        return rest.isEmpty() ? dir : dir.isEmpty() ? rest : dir + "/" + rest;
    }

    private List<String> pythonRelative(String from, String name) {
        String base = pythonBase(from, name);
        if (base == null) {
            return List.of();
        }
        for (String candidate : List.of(base + ".py", base + "/__init__.py", parent(base) + ".py")) {
            if (files.contains(candidate)) {
                return List.of(candidate);
            }
        }
        return List.of(base);
    }

    private String pythonDotted(String from, String name) {
        String base = pythonBase(from, name);
        if (base == null) {
            return "";
        }
        String dir = parent(from);
        String top = dir;
        while (!top.isEmpty() && files.contains(top + "/__init__.py") && files.contains(parent(top) + "/__init__.py")) {
            top = parent(top);
        }
        String root = files.contains(top + "/__init__.py") ? parent(top) : "";
        String rel = root.isEmpty() ? base : base.startsWith(root + "/") ? base.substring(root.length() + 1) : base;
        return rel.replace('/', '.');
    }

    private List<String> script(String from, String spec) {
        String joined = parent(from).isEmpty() ? spec : parent(from) + "/" + spec;
        String base = normalise(joined);
        if (base == null) {
            return List.of();
        }
        if (files.contains(base)) {
            return List.of(base);
        }
        for (String ext : SCRIPT_EXTENSIONS) {
            if (files.contains(base + ext)) {
                return List.of(base + ext);
            }
        }
        for (String ext : SCRIPT_EXTENSIONS) {
            if (files.contains(base + "/index" + ext)) {
                return List.of(base + "/index" + ext);
            }
        }
        return base.isEmpty() ? List.of() : List.of(base);
    }

    /** Resolves {@code .} and {@code ..} segments; null when the path leaves the repository. */
    static String normalise(String path) {
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(seg);
            }
        }
        return String.join("/", out);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
