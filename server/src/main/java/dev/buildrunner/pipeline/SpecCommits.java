package dev.buildrunner.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads and writes {@code .buildrunner/PROJECT_SPEC.md} on a hosted repository's default branch,
 * without a work tree: the API's and the web editor's way to edit the spec. An edit is an ordinary
 * commit on the branch (so it flows through the same pipeline as a push), guarded twice: by the
 * spec blob id the editor saw (optimistic concurrency, HTTP {@code If-Match}) and by a
 * compare-and-swap of the branch ref.
 */
public final class SpecCommits {
    private final Clock clock;

    public SpecCommits(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The spec at the tip of a branch.
     *
     * @param commit the branch tip
     * @param blobId the spec's blob id: the version token for {@code If-Match}
     * @param text the spec text
     */
    public record Current(String commit, String blobId, String text) {
    }

    /** Why an edit was refused; nothing was written. */
    public static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConflictException(String message) {
            super(message);
        }
    }

    /** The branch HEAD points at, e.g. {@code refs/heads/main}. */
    public static String defaultBranch(Repository repo) {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            if (head != null && head.isSymbolic()) {
                return head.getTarget().getName();
            }
            return Constants.R_HEADS + Repositories.DEFAULT_BRANCH;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HEAD of " + repo.getDirectory(), e);
        }
    }

    /** The spec at the tip of {@code branch}, or empty when the branch or the file is missing. */
    public Optional<Current> current(Repository repo, String branch) {
        try {
            Ref ref = repo.exactRef(branch);
            if (ref == null || ref.getObjectId() == null) {
                return Optional.empty();
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit tip = walk.parseCommit(ref.getObjectId());
                try (TreeWalk tw = TreeWalk.forPath(repo, PushPipeline.SPEC_PATH, tip.getTree())) {
                    if (tw == null) {
                        return Optional.empty();
                    }
                    ObjectId blob = tw.getObjectId(0);
                    return Optional.of(new Current(tip.name(), blob.name(),
                            new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + branch + " of " + repo.getDirectory(), e);
        }
    }

    /**
     * Commits a new spec text on {@code branch}.
     *
     * @param expectedBlobId the spec blob id the editor started from ({@code If-Match}); the edit is
     *     refused when the branch's spec is another version
     * @param author who edits (name; the e-mail is derived)
     * @param message the commit message
     * @return the ref change to hand to the pipeline
     * @throws ConflictException when the spec or the branch moved meanwhile
     */
    public RefChange commit(Repository repo, RepositoryName name, String branch, String expectedBlobId, String text,
            String author, String message) {
        Current current = current(repo, branch).orElseThrow(() ->
                new ConflictException(branch + " has no " + PushPipeline.SPEC_PATH + " to edit"));
        if (!current.blobId().equals(expectedBlobId)) {
            throw new ConflictException("the spec changed: it is at blob " + current.blobId() + ", not " + expectedBlobId);
        }
        try (ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = walk.parseCommit(ObjectId.fromString(current.commit()));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            builder.finish();
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(PushPipeline.SPEC_PATH) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            PersonIdent who = new PersonIdent(author, author.replaceAll("[^A-Za-z0-9._-]", "") + "@buildrunner",
                    clock.instant(), ZoneOffset.UTC);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(index.writeTree(ins));
            cb.setParentId(parent);
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId commit = ins.insert(cb);
            ins.flush();
            RefUpdate ru = repo.updateRef(branch);
            ru.setExpectedOldObjectId(parent);
            ru.setNewObjectId(commit);
            ru.setRefLogMessage("buildrunner: spec edit", false);
            RefUpdate.Result result = ru.update(walk);
            if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
                throw new ConflictException(branch + " moved while the edit was written (" + result + "); retry");
            }
            return new RefChange(name, branch, parent.name(), commit.name(), "api",
                    "api-" + commit.name(), author);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the spec on " + branch + " of " + name, e);
        }
    }
}
