package dev.buildrunner.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Writes a tree that is a base tree with some files set and some paths removed, without a work
 * tree or index. Entries the edits do not touch keep their ids and are neither read nor hashed,
 * so unchanged subtrees and blobs cost nothing (callers leave unchanged files out of the edits);
 * only the trees on the paths of the edits are rewritten, each in one pass over its entries. A
 * given file or a tree whose content exists already (an unchanged one) is hashed once but not
 * written again, and a directory left empty is dropped (git stores no empty directories in a work
 * tree).
 *
 * <p>Stateless; the caller owns the inserter and flushes it.
 */
final class TreeEditor {
    /** Marks a removal in the edits of one directory. */
    private static final Object DELETE = new Object();

    private TreeEditor() {
    }

    /** {@link #write(ObjectReader, ObjectInserter, AnyObjectId, Map, Set)} without removals. */
    static ObjectId write(ObjectReader reader, ObjectInserter inserter, AnyObjectId baseTree, Map<String, byte[]> files)
            throws IOException {
        return write(reader, inserter, baseTree, files, Set.of());
    }

    /**
     * @param reader reads the base tree
     * @param inserter receives new blobs and trees (not flushed here)
     * @param baseTree the tree to start from, or null for an empty one
     * @param files repository-relative paths ("dir/name", '/' separated) to their new content;
     *     every other entry of the base tree is kept
     * @param removals paths to remove (a file, or a directory with everything below it); a path
     *     the base tree does not have is ignored
     * @return the id of the resulting tree; equal to {@code baseTree} when nothing changed
     * @throws IllegalArgumentException for a path with an empty, "." , ".." or ".git" segment, a
     *     path both set and removed, or a path set both as a file and as a directory
     * @throws IOException when the object database cannot be read or written
     */
    static ObjectId write(ObjectReader reader, ObjectInserter inserter, AnyObjectId baseTree, Map<String, byte[]> files,
            Set<String> removals) throws IOException {
        Map<String, Object> root = new HashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            add(root, f.getKey(), f.getValue());
        }
        for (String path : removals) {
            add(root, path, DELETE);
        }
        ObjectId id = writeTree(reader, inserter, baseTree, root);
        return id != null ? id : inserter.insert(new TreeFormatter());
    }

    /** Files an edit under its directory: name to bytes, {@link #DELETE} or a nested edit map. */
    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> root, String path, Object edit) {
        checkPath(path);
        Map<String, Object> dir = root;
        int start = 0;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
            Object sub = dir.computeIfAbsent(path.substring(start, slash), k -> new HashMap<String, Object>());
            if (!(sub instanceof Map)) {
                throw new IllegalArgumentException("tree path set both as a file and as a directory: '" + path + "'");
            }
            dir = (Map<String, Object>) sub;
            start = slash + 1;
        }
        Object old = dir.putIfAbsent(path.substring(start), edit);
        if (old != null) {
            throw new IllegalArgumentException("tree path edited twice: '" + path + "'");
        }
    }

    /** @return the new tree's id, or null when it has no entries left */
    @SuppressWarnings("unchecked")
    private static ObjectId writeTree(ObjectReader reader, ObjectInserter inserter, AnyObjectId base,
            Map<String, Object> edits) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> done = new HashSet<>();
        if (base != null) {
            for (CanonicalTreeParser p = new CanonicalTreeParser(null, reader, base); !p.eof(); p.next()) {
                byte[] name = Arrays.copyOf(p.getEntryPathBuffer(), p.getEntryPathLength());
                FileMode mode = p.getEntryFileMode();
                if (edits.isEmpty() || done.size() == edits.size()) {
                    entries.add(new Entry(name, mode, p.getEntryObjectId()));
                    continue;
                }
                String key = p.getEntryPathString();
                Object edit = edits.get(key);
                if (edit == null) {
                    entries.add(new Entry(name, mode, p.getEntryObjectId()));
                } else {
                    done.add(key);
                    AnyObjectId oldTree = FileMode.TREE.equals(mode.getBits()) ? p.getEntryObjectId() : null;
                    apply(reader, inserter, entries, name, oldTree, edit);
                }
            }
        }
        for (Map.Entry<String, Object> e : edits.entrySet()) {
            if (!done.contains(e.getKey())) {
                apply(reader, inserter, entries, e.getKey().getBytes(StandardCharsets.UTF_8), null, e.getValue());
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        entries.sort(TreeEditor::gitOrder);   // the base's entries come sorted: nearly linear
        TreeFormatter fmt = new TreeFormatter();
        for (Entry e : entries) {
            fmt.append(e.name, e.mode, e.id);
        }
        return inserter.insert(fmt);   // hashes once; an unchanged tree exists already and is not written
    }

    @SuppressWarnings("unchecked")
    private static void apply(ObjectReader reader, ObjectInserter inserter, List<Entry> entries, byte[] name,
            AnyObjectId oldTree, Object edit) throws IOException {
        if (edit == DELETE) {
            return;
        }
        if (edit instanceof byte[] content) {
            // insert() hashes once and skips writing an object the database already has
            entries.add(new Entry(name, FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, content)));
            return;
        }
        ObjectId sub = writeTree(reader, inserter, oldTree, (Map<String, Object>) edit);
        if (sub != null) {
            entries.add(new Entry(name, FileMode.TREE, sub));
        }
    }

    /** Git's tree order: names compared as bytes, a tree's name as if it ended with '/'. */
    private static int gitOrder(Entry a, Entry b) {
        int n = Math.min(a.name.length, b.name.length);
        int diff = Arrays.compareUnsigned(a.name, 0, n, b.name, 0, n);
        if (diff != 0) {
            return diff;
        }
        return Integer.compare(a.charAt(n), b.charAt(n));
    }

    private static void checkPath(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase(".git")) {
                throw new IllegalArgumentException("invalid tree path: '" + path + "'");
            }
        }
    }

    private static final class Entry {
        final byte[] name;
        final FileMode mode;
        final ObjectId id;
        final boolean tree;

        Entry(byte[] name, FileMode mode, AnyObjectId id) {
            this.name = name;
            this.mode = mode;
            this.id = id.copy();
            this.tree = FileMode.TREE.equals(mode.getBits());
        }

        /** The byte at {@code i} of the sort key: the name, then '/' for a tree, then nothing (0). */
        int charAt(int i) {
            if (i < name.length) {
                return name[i] & 0xFF;
            }
            return i == name.length && tree ? '/' : 0;
        }
    }
}
