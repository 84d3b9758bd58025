package dev.buildrunner.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files that differ between two trees, by content (blob id), each list sorted by path.
 *
 * @param added paths only in the newer tree
 * @param modified paths in both with different content
 * @param deleted paths only in the older tree
 */
public record ChangedFiles(List<String> added, List<String> modified, List<String> deleted) {
    public ChangedFiles {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        deleted = List.copyOf(deleted);
    }

    /** Compares two trees file by file; O(n) in the number of files, reads no content. */
    public static ChangedFiles between(SourceTree before, SourceTree after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Map<String, SourceFile> old = before.byPath();
        Map<String, SourceFile> now = after.byPath();
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (SourceFile f : after.files()) {
            SourceFile o = old.get(f.path());
            if (o == null) {
                added.add(f.path());
            } else if (!o.blobId().equals(f.blobId())) {
                modified.add(f.path());
            }
        }
        for (SourceFile f : before.files()) {
            if (!now.containsKey(f.path())) {
                deleted.add(f.path());
            }
        }
        return new ChangedFiles(added, modified, deleted);
    }

    /** Every file the newer tree has that is new or changed: what an incremental run re-reads. */
    public Set<String> touched() {
        Set<String> s = new TreeSet<>(added);
        s.addAll(modified);
        return s;
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }

    /** Number of changed paths of all three kinds. */
    public int size() {
        return added.size() + modified.size() + deleted.size();
    }
}
