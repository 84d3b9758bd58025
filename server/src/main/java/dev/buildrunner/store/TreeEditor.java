package dev.buildrunner.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Writes a tree that is a base tree with some files set, without a work tree or index. Entries
 * the edits do not touch keep their ids, so unchanged subtrees and blobs cost nothing (callers
 * leave unchanged files out of the edits); a given file whose content exists already is hashed
 * but not written again, and a tree that comes out unchanged is not written either.
 *
 * <p>Stateless; the caller owns the inserter and flushes it.
 */
final class TreeEditor {
    private TreeEditor() {
    }

    /**
     * @param reader reads the base tree
     * @param inserter receives new blobs and trees (not flushed here)
     * @param baseTree the tree to start from, or null for an empty one
     * @param files repository-relative paths ("dir/name", '/' separated) to their new content;
     *     every other entry of the base tree is kept
     * @return the id of the resulting tree; equal to {@code baseTree} when nothing changed
     * @throws IllegalArgumentException for a path with an empty, "." , ".." or ".git" segment
     * @throws IOException when the object database cannot be read or written
     */
    static ObjectId write(ObjectReader reader, ObjectInserter inserter, AnyObjectId baseTree, Map<String, byte[]> files)
            throws IOException {
        for (String path : files.keySet()) {
            checkPath(path);
        }
        return writeTree(reader, inserter, baseTree, files);
    }

    private static ObjectId writeTree(ObjectReader reader, ObjectInserter inserter, AnyObjectId base,
            Map<String, byte[]> files) throws IOException {
        TreeMap<String, Entry> entries = new TreeMap<>();
        if (base != null) {
            CanonicalTreeParser p = new CanonicalTreeParser(null, reader, base);
            for (; !p.eof(); p.next()) {
                entries.put(p.getEntryPathString(), new Entry(p.getEntryPathString(), p.getEntryFileMode(),
                        p.getEntryObjectId()));
            }
        }
        Map<String, Map<String, byte[]>> subdirs = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = f.getKey();
            int slash = path.indexOf('/');
            if (slash < 0) {
                // insert() hashes once and skips writing an object the database already has
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, f.getValue());
                entries.put(path, new Entry(path, FileMode.REGULAR_FILE, blob));
            } else {
                subdirs.computeIfAbsent(path.substring(0, slash), k -> new TreeMap<>())
                        .put(path.substring(slash + 1), f.getValue());
            }
        }
        for (Map.Entry<String, Map<String, byte[]>> d : subdirs.entrySet()) {
            Entry old = entries.get(d.getKey());
            AnyObjectId oldTree = old != null && FileMode.TREE.equals(old.mode.getBits()) ? old.id : null;
            ObjectId sub = writeTree(reader, inserter, oldTree, d.getValue());
            entries.put(d.getKey(), new Entry(d.getKey(), FileMode.TREE, sub));
        }

        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(TreeEditor::gitOrder);
        TreeFormatter fmt = new TreeFormatter();
        for (Entry e : sorted) {
            fmt.append(e.name, e.mode, e.id);
        }
        ObjectId id = fmt.computeId(inserter);
        if (base != null && id.equals(base)) {
            return id;
        }
        return inserter.insert(fmt);
    }

    /** Git's tree order: names compared as bytes, a tree's name as if it ended with '/'. */
    private static int gitOrder(Entry a, Entry b) {
        byte[] x = a.sortKey();
        byte[] y = b.sortKey();
        return Arrays.compareUnsigned(x, y);
    }

    private static void checkPath(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")) {
                throw new IllegalArgumentException("invalid tree path: '" + path + "'");
            }
        }
    }

    private static final class Entry {
        final String name;
        final FileMode mode;
        final ObjectId id;

        Entry(String name, FileMode mode, AnyObjectId id) {
            this.name = name;
            this.mode = mode;
            this.id = id.copy();
        }

        byte[] sortKey() {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            if (!FileMode.TREE.equals(mode.getBits())) {
                return n;
            }
            byte[] k = Arrays.copyOf(n, n.length + 1);
            k[n.length] = '/';
            return k;
        }
    }
}
