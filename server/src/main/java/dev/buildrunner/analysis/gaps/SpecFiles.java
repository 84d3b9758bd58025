package dev.buildrunner.analysis.gaps;

import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file a feature names (issue 5: "create/modify/implementation lists, ASCII trees"): the
 * parser's {@link Feature#files()}, the entries of trees drawn in code blocks within the
 * feature's lines (which the parser keeps as description), and requirements that are nothing but
 * an unsafe path (the parser does not take {@code ../x} or {@code /x} as files). A drawn tree's
 * single root directory is the repository itself unless the repository has a top-level
 * directory of that name. A directory the tree lists entries under is not checked itself, its
 * entries are. Order: the Files list, then unsafe requirement paths, then drawn trees; a path
 * named twice keeps its first mention.
 */
final class SpecFiles {
    private SpecFiles() {
    }

    static List<NamedFile> of(Feature f, SpecLines lines, TreeIndex index) {
        Map<String, NamedFile> out = new LinkedHashMap<>();
        for (String p : f.files()) {
            String reason = UnsafePaths.reason(p).orElse("");
            int line = lines.find(f, p);
            if (line == f.lines().first() && p.indexOf('/') >= 0) {
                line = lines.find(f, p.substring(p.lastIndexOf('/') + 1).isEmpty() ? p : p.substring(p.lastIndexOf('/') + 1));
            }
            put(out, new NamedFile(p, line, p.endsWith("/"), "files", reason));
        }
        for (String r : f.requirements()) {
            UnsafePaths.loneUnsafePath(r).ifPresent(p -> put(out,
                    new NamedFile(p, lines.find(f, p), false, "requirement", UnsafePaths.reason(p).orElse(""))));
        }
        trees(f, lines, index, out);
        return List.copyOf(out.values());
    }

    private static void trees(Feature f, SpecLines lines, TreeIndex index, Map<String, NamedFile> out) {
        int n = f.lines().first();
        int last = f.lines().last();
        while (n <= last) {
            String fence = fence(lines.line(n));
            if (fence == null) {
                n++;
                continue;
            }
            int start = n + 1;
            int end = start;
            while (end <= last && !lines.line(end).trim().startsWith(fence)) {
                end++;
            }
            List<String> block = new ArrayList<>();
            for (int k = start; k < end; k++) {
                block.add(lines.line(k));
            }
            if (AsciiTree.isTree(block)) {
                List<AsciiTree.Entry> entries = AsciiTree.entries(block, start);
                String strip = !entries.isEmpty() && entries.get(0).root() && !index.hasDirectory(entries.get(0).path())
                        ? entries.get(0).path() + "/" : null;
                for (AsciiTree.Entry e : entries) {
                    if (e.hasChildren() || strip != null && e.root()) {
                        continue;
                    }
                    String path = strip != null && e.path().startsWith(strip) ? e.path().substring(strip.length()) : e.path();
                    put(out, new NamedFile(path, e.line(), e.directory(), "tree", UnsafePaths.reason(path).orElse("")));
                }
            }
            n = end + 1;
        }
    }

    /** The fence a line opens ({@code ```} or {@code ~~~}, as long as written), or null. */
    static String fence(String line) {
        String t = line.stripLeading();
        if (line.length() - t.length() > 3) {
            return null;
        }
        for (char c : new char[] {'`', '~'}) {
            int k = 0;
            while (k < t.length() && t.charAt(k) == c) {
                k++;
            }
            if (k >= 3) {
                return t.substring(0, k);
            }
        }
        return null;
    }

    private static void put(Map<String, NamedFile> out, NamedFile f) {
        String key = TreeIndex.normal(f.path());
        key = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        out.putIfAbsent(key, f);
    }
}
