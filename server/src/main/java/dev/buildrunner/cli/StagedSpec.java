package dev.buildrunner.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.SystemReader;

/**
 * Reads a file as staged in git's index ({@code :PATH}, {@code :N:PATH}), the content a commit
 * will record: what the pre-commit hook validates, not the work tree.
 *
 * <p>The index read is the one git uses: {@code $GIT_INDEX_FILE} when set (git sets it for hooks,
 * for example to {@code .git/index.lock} during {@code git commit -a} or to a temporary index
 * during {@code git commit PATH}; a relative value is relative to the current directory, as for
 * git), else the repository's own {@code index} (a linked worktree has its own).
 */
final class StagedSpec {

    private StagedSpec() {
    }

    /**
     * Reads {@code path} at {@code stage} of the index.
     *
     * @param path relative to the top of the work tree, or to {@code dir} when it starts with
     *     {@code ./} or {@code ../} (git's rule)
     * @throws CliException when the index has no such entry, naming it
     * @throws IOException when the index or the blob cannot be read
     */
    static SpecInput read(Repository repo, Path dir, int stage, String path) throws IOException {
        String inRepo = repoPath(repo, dir, path);
        String label = ":" + (stage == 0 ? "" : stage + ":") + inRepo;
        DirCache index;
        try {
            index = DirCache.read(indexFile(repo), repo.getFS());
        } catch (CorruptObjectException e) {
            throw new CliException(label + ": cannot read the index: " + e.getMessage(), e);
        }
        int i = index.findEntry(inRepo);
        if (i < 0) {
            throw new CliException(label + ": not in the index (not staged)");
        }
        for (; i < index.getEntryCount() && index.getEntry(i).getPathString().equals(inRepo); i++) {
            DirCacheEntry e = index.getEntry(i);
            if (e.getStage() == stage) {
                if (e.getFileMode() != FileMode.REGULAR_FILE && e.getFileMode() != FileMode.EXECUTABLE_FILE) {
                    throw new CliException(label + ": is staged as " + e.getFileMode() + ", not as a file");
                }
                byte[] bytes = repo.open(e.getObjectId()).getBytes();
                return new SpecInput(label, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        throw new CliException(label + ": not at stage " + stage + " of the index"
                + (stage == 0 ? " (unmerged: resolve the conflict, or read :1:, :2: or :3:)" : ""));
    }

    /** The index file git would use for {@code repo} in this process. */
    static File indexFile(Repository repo) {
        String env = SystemReader.getInstance().getenv("GIT_INDEX_FILE");
        if (env != null && !env.isEmpty()) {
            return new File(env).getAbsoluteFile();
        }
        return new File(repo.getDirectory(), "index");
    }

    private static String repoPath(Repository repo, Path dir, String path) {
        if ((path.startsWith("./") || path.startsWith("../")) && !repo.isBare()) {
            Path root = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            Path p = dir.resolve(path).toAbsolutePath().normalize();
            if (!p.startsWith(root)) {
                throw new CliException(":" + path + ": outside the work tree " + root);
            }
            return root.relativize(p).toString().replace(File.separatorChar, '/');
        }
        return path;
    }
}
