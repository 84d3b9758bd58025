package dev.buildrunner.forge.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Real bare repositories in a temp dir with commits written through JGit's object database. */
final class TestRepos {
    private TestRepos() {
    }

    /** A new bare repository at {@code dir}. */
    static Repository bare(Path dir) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        repo.create(true);
        return repo;
    }

    /**
     * Commits a one-file tree on {@code refs/heads/main} (parent: its current tip) and answers the
     * commit's id.
     */
    static ObjectId commit(Repository repo, String message) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            tree.append("README.md", FileMode.REGULAR_FILE,
                    ins.insert(Constants.OBJ_BLOB, message.getBytes(StandardCharsets.UTF_8)));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(ins.insert(tree));
            ObjectId parent = repo.resolve("refs/heads/main");
            if (parent != null) {
                cb.setParentId(parent);
            }
            PersonIdent who = new PersonIdent("Test", "test@example.com", Instant.parse("2026-11-22T10:00:00Z"),
                    ZoneOffset.UTC);
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage(message + "\n");
            ObjectId id = ins.insert(cb);
            ins.flush();
            RefUpdate ru = repo.updateRef("refs/heads/main");
            ru.setNewObjectId(id);
            ru.setForceUpdate(true);
            RefUpdate.Result r = ru.update();
            if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.FORCED) {
                throw new IOException("could not move main: " + r);
            }
            return id;
        }
    }
}
