package dev.buildrunner.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * Builds {@link SourceTree}s from a git repository with JGit: a commit's tree (what the server
 * analyses; works on bare repositories), the index (what {@code br drift --staged} and the
 * pre-commit hook see), and the work tree (tracked and untracked files that {@code .gitignore}
 * does not ignore: what a developer's {@code br quality} sees).
 *
 * <p>Each tree lists its files once, when built; content is read on demand. The repository must
 * stay open while the tree is used.
 */
public final class GitTrees {
    /** {@link SourceTree#revision()} of the index. */
    public static final String INDEX = "INDEX";
    /** {@link SourceTree#revision()} of the work tree. */
    public static final String WORKTREE = "WORKTREE";

    private GitTrees() {
    }

    /**
     * The tree of a commit.
     *
     * @param commit a commit id (or an annotated tag that peels to one)
     * @throws UncheckedIOException when the commit is missing or unreadable
     */
    public static SourceTree atCommit(Repository repo, ObjectId commit) {
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            List<SourceFile> files = new ArrayList<>();
            while (tw.next()) {
                if (isRegularFile(tw.getFileMode(0))) {
                    files.add(new SourceFile(tw.getPathString(), tw.getObjectId(0).name(), -1));
                }
            }
            return new ObjectDbTree(repo, c.name(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree of " + commit.name() + " in " + repo.getDirectory(), e);
        }
    }

    /** The staged files: the index's stage-0 entries (a conflicted path is left out). */
    public static SourceTree index(Repository repo) {
        try {
            DirCache dc = repo.readDirCache();
            List<SourceFile> files = new ArrayList<>();
            for (int i = 0; i < dc.getEntryCount(); i++) {
                DirCacheEntry e = dc.getEntry(i);
                if (e.getStage() == DirCacheEntry.STAGE_0 && isRegularFile(e.getFileMode())) {
                    files.add(new SourceFile(e.getPathString(), e.getObjectId().name(), e.getLength()));
                }
            }
            return new ObjectDbTree(repo, INDEX, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index of " + repo.getDirectory(), e);
        }
    }

    /**
     * The work tree: every file on disk that is tracked, or untracked and not ignored. Blob ids are
     * computed from the bytes on disk (JGit reuses the index's id when the file's stat is clean).
     *
     * @throws IllegalArgumentException for a bare repository
     */
    public static SourceTree workTree(Repository repo) {
        if (repo.isBare()) {
            throw new IllegalArgumentException(repo.getDirectory() + " is bare: it has no work tree");
        }
        try (TreeWalk tw = new TreeWalk(repo)) {
            DirCache dc = repo.readDirCache();
            tw.addTree(new FileTreeIterator(repo));
            tw.addTree(new DirCacheIterator(dc));
            tw.setRecursive(true);
            List<SourceFile> files = new ArrayList<>();
            while (tw.next()) {
                WorkingTreeIterator wt = tw.getTree(0, WorkingTreeIterator.class);
                if (wt == null || !isRegularFile(wt.getEntryFileMode())) {
                    continue;
                }
                boolean tracked = tw.getTree(1, DirCacheIterator.class) != null;
                if (!tracked && wt.isEntryIgnored()) {
                    continue;
                }
                files.add(new SourceFile(tw.getPathString(), wt.getEntryObjectId().name(), wt.getEntryLength()));
            }
            return new DiskTree(repo.getWorkTree().toPath(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the work tree of " + repo.getWorkTree(), e);
        }
    }

    private static boolean isRegularFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    /** A tree whose files are listed once, sorted, with a path index; subclasses read content. */
    private abstract static class ListedTree implements SourceTree {
        private final String revision;
        private final List<SourceFile> files;
        private final Map<String, SourceFile> byPath;

        ListedTree(String revision, List<SourceFile> files) {
            this.revision = revision;
            List<SourceFile> sorted = new ArrayList<>(files);
            sorted.sort((a, b) -> a.path().compareTo(b.path()));
            this.files = Collections.unmodifiableList(sorted);
            this.byPath = sorted.stream().collect(Collectors.toUnmodifiableMap(SourceFile::path, Function.identity()));
        }

        @Override
        public String revision() {
            return revision;
        }

        @Override
        public List<SourceFile> files() {
            return files;
        }

        @Override
        public Map<String, SourceFile> byPath() {
            return byPath;
        }

        @Override
        public Optional<byte[]> read(String path) {
            SourceFile f = byPath.get(path);
            return f == null ? Optional.empty() : Optional.of(content(f));
        }

        /** The bytes of a file of this tree. */
        abstract byte[] content(SourceFile file);
    }

    /** Content from git's object database. */
    private static final class ObjectDbTree extends ListedTree {
        private final Repository repo;

        ObjectDbTree(Repository repo, String revision, List<SourceFile> files) {
            super(revision, files);
            this.repo = repo;
        }

        @Override
        byte[] content(SourceFile f) {
            try (ObjectReader reader = repo.newObjectReader()) {
                return reader.open(ObjectId.fromString(f.blobId())).getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f.path() + " at " + revision(), e);
            }
        }
    }

    /** Content from disk. */
    private static final class DiskTree extends ListedTree {
        private final Path root;

        DiskTree(Path root, List<SourceFile> files) {
            super(WORKTREE, files);
            this.root = root;
        }

        @Override
        byte[] content(SourceFile f) {
            try {
                return Files.readAllBytes(root.resolve(f.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root.resolve(f.path()), e);
            }
        }
    }
}
