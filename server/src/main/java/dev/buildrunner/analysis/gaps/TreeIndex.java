package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which paths a tree has, for the spec's file list: files, directories (every parent of a file)
 * and file names. Built once per run from the listing (no file is read), so each lookup is O(1)
 * but for globs.
 */
final class TreeIndex {
    private final SourceTree tree;
    private final Set<String> dirs = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    TreeIndex(SourceTree tree) {
        this.tree = tree;
        for (SourceFile f : tree.files()) {
            String p = f.path();
            names.add(p.substring(p.lastIndexOf('/') + 1));
            for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
                dirs.add(p.substring(0, i));
            }
        }
    }

    /** True when the tree has a top-level directory of this name. */
    boolean hasDirectory(String dir) {
        return dirs.contains(dir);
    }

    /**
     * True when a path a feature names is present: a file at exactly that path, or a directory
     * with files under it (a path naming a directory, with or without a trailing slash); a glob
     * ({@code *} within a segment, {@code **} across segments) when some file matches; a bare
     * file name without a directory when some file anywhere has that name.
     *
     * @param path repository-relative, {@code /} or {@code \} separators, may start with {@code ./}
     * @param directory true when only a directory will do
     */
    boolean present(String path, boolean directory) {
        String p = normal(path);
        if (p.endsWith("/")) {
            directory = true;
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return true;
        }
        if (p.contains("*")) {
            Pattern glob = glob(p);
            return tree.files().stream().anyMatch(f -> glob.matcher(f.path()).matches()
                    || glob.matcher(parentOf(f.path())).matches());
        }
        if (directory) {
            return dirs.contains(p);
        }
        if (tree.exists(p) || dirs.contains(p)) {
            return true;
        }
        return p.indexOf('/') < 0 && names.contains(p);
    }

    /** Backslashes to slashes, a leading {@code ./} dropped. */
    static String normal(String path) {
        String p = path.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    private static String parentOf(String p) {
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                    re.append("(?:.*/)?");
                    i++;
                } else {
                    re.append(".*");
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
