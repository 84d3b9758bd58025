package dev.buildrunner.analysis.gaps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the file trees specs draw in code blocks, as {@code tree} prints them or people type
 * them:
 * <pre>
 * backend/
 * ├── app/
 * │   ├── main.py
 * │   └── routers/
 * │       └── users.py      # user routes
 * └── README.md
 * </pre>
 * Depth comes from the column where a name starts; a comment after the name ({@code # ...},
 * {@code // ...}, {@code <- ...}, {@code ← ...}, {@code (...)} or two spaces) is dropped; a
 * name ending in {@code /} is a directory; {@code ...} and names with spaces are skipped. ASCII
 * drawings ({@code |--}, {@code `--}, {@code +--}) work too. Pure.
 */
final class AsciiTree {
    private static final String DRAWING = "│├└─┬┼┃┣┗━╰╴|`+-— \t";
    private static final Pattern NAME = Pattern.compile("[\\w.@+\\-\\[\\]()~$/]+");
    private static final Pattern TREE_MARK = Pattern.compile("[├└│]|[|`+]--|[|`+]──");

    /**
     * One entry of a drawn tree.
     *
     * @param path the path from the tree's first line, {@code /}-separated, no trailing slash
     * @param line 1-based line in the spec
     * @param directory true when written with a trailing {@code /} or when entries lie under it
     * @param hasChildren true when the tree lists entries under it
     * @param root true for a column-0 directory line that every other entry lies under (the
     *     tree's root, which may be the repository itself)
     */
    record Entry(String path, int line, boolean directory, boolean hasChildren, boolean root) {
    }

    private AsciiTree() {
    }

    /** True when a code block's lines draw a tree. */
    static boolean isTree(List<String> lines) {
        return lines.stream().anyMatch(l -> TREE_MARK.matcher(l).find());
    }

    /**
     * The entries of one code block.
     *
     * @param lines the block's lines, fences excluded
     * @param firstLine the 1-based spec line of {@code lines.get(0)}
     */
    static List<Entry> entries(List<String> lines, int firstLine) {
        record Raw(int column, String path, int line, boolean dir) {
        }
        List<Raw> raws = new ArrayList<>();
        Deque<Raw> stack = new ArrayDeque<>();
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k);
            int col = 0;
            while (col < l.length() && DRAWING.indexOf(l.charAt(col)) >= 0) {
                col++;
            }
            if (col >= l.length()) {
                continue;
            }
            String name = cut(l.substring(col));
            if (name.isEmpty() || !NAME.matcher(name).matches() || name.replace(".", "").replace("/", "").isEmpty()
                    && !name.equals("./")) {
                continue;
            }
            boolean dir = name.endsWith("/");
            String bare = dir ? name.substring(0, name.length() - 1) : name;
            while (!stack.isEmpty() && stack.peek().column() >= col) {
                stack.pop();
            }
            String parent = stack.isEmpty() ? "" : stack.peek().path();
            String path = bare.equals(".") ? "" : parent.isEmpty() ? bare : parent + "/" + bare;
            Raw raw = new Raw(col, path, firstLine + k, dir);
            raws.add(raw);
            stack.push(raw);
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            if (r.path().isEmpty()) {
                continue;
            }
            boolean children = false;
            for (Raw o : raws) {
                if (o.path().startsWith(r.path() + "/")) {
                    children = true;
                    break;
                }
            }
            boolean root = i == 0 && r.column() == 0 && raws.size() > 1 && (r.dir() || children)
                    && raws.stream().skip(1).allMatch(o -> o.path().startsWith(r.path() + "/"));
            out.add(new Entry(r.path(), r.line(), r.dir() || children, children, root));
        }
        return out;
    }

    /** The name at the start of a tree line, without its comment. */
    private static String cut(String s) {
        int end = s.length();
        for (String marker : new String[] {"  ", "\t", " #", " //", " <-", " ←", " (", " -", " —"}) {
            int i = s.indexOf(marker);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return s.substring(0, end).trim();
    }
}
