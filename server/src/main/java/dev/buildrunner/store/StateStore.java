package dev.buildrunner.store;

import dev.buildrunner.support.RetryPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * BuildRunner's state on the orphan branch {@code refs/heads/buildrunner} of a repository (bare or
 * not; no work tree is used): one commit per state change whose tree holds the spec text and the
 * plan ({@link StateFormat}), the branch's history as versions, rollback as a new commit, and
 * checkpoints as tags.
 *
 * <p>Writes are compare-and-swap ref updates expecting the head that was read; a lost race
 * (LOCK_FAILURE) re-reads the head and runs the change again, up to the {@link RetryPolicy}'s
 * attempts. Writers of one process take turns through a shared {@link WriterLanes}, so only other
 * processes cause retries. A failed attempt leaves an unreachable commit for {@code git gc}; the
 * branch itself only ever moves forward by one commit, and a process killed at any moment leaves
 * it at a complete commit (objects are flushed before the ref moves).
 *
 * <p>Thread-safe. Keep one instance per repository for the life of the process: it caches parsed
 * states by commit id (never stale) and the version list. Independent of the parser and planner:
 * it stores a spec text and a {@link dev.buildrunner.plan.Plan} as given.
 *
 * <p>Cost follows the change, not the plan size ({@link StateFormat}). On the 962-feature
 * benchmark ({@code br bench}: 6,202 tasks, a 0.9 MB spec) a commit that changes one feature
 * writes 8 objects (the spec, {@code plan/plan.json} of 0.85 MB and that feature's file; the
 * trees root, spec, plan and plan/tasks; the commit), and a benchmark state commit takes 26-32 ms
 * of thread CPU time on the project's shared 2-core VM (a median of 32-78 ms wall there,
 * depending on the load), against 107-124 ms when the whole plan was one file. Of that, JGit's
 * SHA-1 (with collision detection) of the two large blobs is about a third, zlib at level 1 a
 * sixth ({@link LooseObjectInserter}), and each loose object costs 0.5-1.4 ms of file system. A
 * cached read is under 0.2 ms; a cold read of that plan (962 feature files) 60-125 ms CPU.
 */
public final class StateStore {
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{4,40}");
    private static final int CACHE_CAPACITY = 16;

    private final Repository repository;
    private final ReentrantLock lane;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Runnable afterReadRef;
    private final StateReader reader;
    private final StateWriter writer;
    private final Checkpoints checkpoints;

    /** A store with the system UTC clock and {@link RetryPolicy#standard()}. */
    public StateStore(Repository repository, WriterLanes lanes) {
        this(repository, lanes, Clock.systemUTC(), RetryPolicy.standard());
    }

    /**
     * @param repository the repository; the caller keeps ownership (and closes it)
     * @param lanes the process's writer lanes, shared by every store of the process
     * @param clock the time written into commits and tags
     * @param retryPolicy attempts and waits after a lost compare-and-swap
     */
    public StateStore(Repository repository, WriterLanes lanes, Clock clock, RetryPolicy retryPolicy) {
        this(repository, lanes, clock, retryPolicy, () -> { });
    }

    /** Test seam: {@code afterReadRef} runs in every update attempt between reading the head and the ref update. */
    StateStore(Repository repository, WriterLanes lanes, Clock clock, RetryPolicy retryPolicy, Runnable afterReadRef) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.lane = Objects.requireNonNull(lanes, "lanes").laneFor(repository);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.afterReadRef = Objects.requireNonNull(afterReadRef, "afterReadRef");
        PlanCodec codec = new PlanCodec();
        this.reader = new StateReader(codec, new StateCache(CACHE_CAPACITY));
        this.writer = new StateWriter(codec);
        this.checkpoints = new Checkpoints(repository, reader, clock);
    }

    /**
     * The state at the head of the branch.
     *
     * @return empty when the branch does not exist yet
     * @throws CorruptStateException when the head commit's files are missing or do not parse
     * @throws StoreException on I/O errors
     */
    public Optional<State> read() {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = head();
            return head == null ? Optional.empty() : Optional.of(reader.state(walk, head));
        } catch (IOException e) {
            throw new StoreException("cannot read " + StateFormat.BRANCH + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies a change and commits its proposal as the new head: one commit whose parent is the
     * head the change saw (no parent for the first). When another writer moved the head first,
     * the change runs again on the new head (so it may run several times).
     *
     * @return whether a commit was written (not when the change returned empty), the state now at
     *     the head, and the attempts made
     * @throws LockFailureException when every attempt of the retry policy lost the race
     * @throws CorruptStateException when the head's state cannot be parsed
     * @throws StoreException on I/O errors or a ref update git refused otherwise
     */
    public Committed update(StateChange change) {
        Objects.requireNonNull(change, "change");
        return commitLoop(true, current -> change.apply(current).map(StateWriter.Draft::of));
    }

    /**
     * The branch's first-parent history, newest first; version {@code n} is the n-th commit from
     * the orphan root, so numbers never change as the history grows.
     *
     * @return empty when the branch does not exist yet
     */
    public List<Version> versions() {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = head();
            return head == null ? List.of() : reader.versions(walk, head);
        } catch (IOException e) {
            throw new StoreException("cannot read the history of " + StateFormat.BRANCH + ": " + e.getMessage(), e);
        }
    }

    /** The state of version {@code number} (1 = oldest), empty when there is no such version. */
    public Optional<State> readVersion(int number) {
        return version(number).flatMap(v -> readCommit(v.commitId()));
    }

    /**
     * The state stored in any state commit.
     *
     * @param commitId a full or abbreviated (at least 4 digits) hex commit id
     * @return empty when no such commit exists
     * @throws IllegalArgumentException when {@code commitId} is not hex, or is ambiguous
     * @throws CorruptStateException when the commit is not a readable state commit
     */
    public Optional<State> readCommit(String commitId) {
        Objects.requireNonNull(commitId, "commitId");
        if (!HEX_ID.matcher(commitId).matches()) {
            throw new IllegalArgumentException("expected a hex commit id (4-40 digits), got: " + commitId);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId id;
            try {
                id = repository.resolve(commitId + "^{commit}");
            } catch (AmbiguousObjectException e) {
                throw new IllegalArgumentException("ambiguous commit id: " + commitId, e);
            } catch (RevisionSyntaxException | IncorrectObjectTypeException | MissingObjectException e) {
                return Optional.empty();
            }
            return id == null ? Optional.empty() : Optional.of(reader.state(walk, id));
        } catch (IOException e) {
            throw new StoreException("cannot read commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rolls back to an earlier version by writing a NEW commit whose tree is that version's tree
     * (history is never rewritten), event {@link StateFormat#EVENT_ROLLBACK}, summary
     * "restored version N (1a2b3c4)".
     *
     * @param versionNumber 1 for the oldest, as {@link #versions()} numbers them
     * @param author on whose behalf, for the {@code Author} trailer
     * @throws NotFoundException when there is no such version
     * @throws CorruptStateException when that version's state does not parse
     */
    public Committed restore(int versionNumber, String author) {
        Version v = version(versionNumber).orElseThrow(() -> new NotFoundException(
                "no version " + versionNumber + " on " + StateFormat.BRANCH + " (it has " + versions().size() + ")"));
        ObjectId commit = ObjectId.fromString(v.commitId());
        return restoreTree(commit, StateFormat.EVENT_ROLLBACK,
                "restored version " + versionNumber + " (" + StateFormat.shortId(commit) + ")", author);
    }

    /**
     * Tags the head as checkpoint {@code name} with an annotated tag
     * {@code refs/tags/buildrunner/checkpoints/<name>}; fails if it exists.
     *
     * @see #createCheckpoint(String, String, boolean)
     */
    public Checkpoint createCheckpoint(String name, String author) {
        return createCheckpoint(name, author, false);
    }

    /**
     * Tags the head as checkpoint {@code name}.
     *
     * @param name the checkpoint's name; with the prefix it must be a valid ref name
     *     ({@link Repository#isValidRefName}), so no spaces, "..", "~", "^", ":" or trailing ".lock"
     * @param author on whose behalf, for the tag's {@code Author} trailer
     * @param force replace an existing checkpoint of that name
     * @throws IllegalArgumentException for an invalid name
     * @throws CheckpointExistsException when it exists and {@code force} is false
     * @throws NotFoundException when the branch has no state yet
     */
    public Checkpoint createCheckpoint(String name, String author, boolean force) {
        return checkpoints.create(name, author, force, head());
    }

    /** Every checkpoint, oldest first (ties by name). */
    public List<Checkpoint> listCheckpoints() {
        return checkpoints.list();
    }

    /**
     * Writes a NEW commit whose tree is the checkpoint's tree, event
     * {@link StateFormat#EVENT_CHECKPOINT_RESTORE}, summary "restored checkpoint NAME (1a2b3c4)".
     *
     * @throws NotFoundException when there is no such checkpoint
     */
    public Committed restoreCheckpoint(String name, String author) {
        ObjectId commit = checkpoints.commitOf(name);
        return restoreTree(commit, StateFormat.EVENT_CHECKPOINT_RESTORE,
                "restored checkpoint " + name + " (" + StateFormat.shortId(commit) + ")", author);
    }

    /**
     * Removes the branch's lock file {@code refs/heads/buildrunner.lock} when it is older than
     * {@code minAge}. A process killed between creating and renaming that file (a window of
     * microseconds) leaves it behind, and every later update then fails with LOCK_FAILURE, as
     * git's own commands do. Call it only when no writer can hold the lock (an operator's
     * decision, or a minimum age far above an update's duration).
     *
     * @return true when a lock file was removed
     */
    public boolean removeStaleLock(Duration minAge) {
        Path lock = lockFile();
        if (lock == null) {
            return false;
        }
        try {
            Instant modified = Files.getLastModifiedTime(lock).toInstant();
            if (Duration.between(modified, clock.instant()).compareTo(minAge) < 0) {
                return false;
            }
            return Files.deleteIfExists(lock);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new StoreException("cannot remove " + lock + ": " + e.getMessage(), e);
        }
    }

    private Committed restoreTree(ObjectId commit, String event, String summary, String author) {
        State target = readCommit(commit.name()).orElseThrow(() -> new NotFoundException("no commit " + commit.name()));
        ObjectId tree;
        try (RevWalk walk = new RevWalk(repository)) {
            tree = walk.parseCommit(commit).getTree().copy();
        } catch (IOException e) {
            throw new StoreException("cannot read commit " + commit.name() + ": " + e.getMessage(), e);
        }
        Proposal p = new Proposal(target.specText(), target.plan(), event, summary, "", author);
        StateWriter.Draft draft = new StateWriter.Draft(p.specText(), p.plan(), Optional.of(tree), p.event(),
                p.summary(), p.sourceCommit(), p.author());
        return commitLoop(false, current -> Optional.of(draft));
    }

    /**
     * The compare-and-swap loop: read the head, draft, write the commit, move the ref expecting
     * the head that was read; on LOCK_FAILURE pause and start over, within the retry policy.
     *
     * @param parseCurrent whether the draft function needs the current state (a restore does
     *     not, so that it works even when the head does not parse)
     */
    private Committed commitLoop(boolean parseCurrent, Function<Optional<State>, Optional<StateWriter.Draft>> drafter) {
        try {
            lane.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to write " + StateFormat.BRANCH, e);
        }
        try (ObjectInserter inserter = LooseObjectInserter.open(repository)) {
            for (int attempt = 1; ; attempt++) {
                try (RevWalk walk = new RevWalk(repository)) {
                    ObjectId old = head();
                    Optional<State> current = old != null && parseCurrent
                            ? Optional.of(reader.state(walk, old)) : Optional.empty();
                    afterReadRef.run();
                    Optional<StateWriter.Draft> draft = drafter.apply(current);
                    if (draft.isEmpty()) {
                        return new Committed(false, current, attempt);
                    }
                    StateWriter.Draft d = draft.get();
                    RevCommit parent = old == null ? null : walk.parseCommit(old);
                    Instant time = Instant.ofEpochSecond(clock.instant().getEpochSecond());
                    ObjectId commit = writer.write(inserter, walk.getObjectReader(), parent,
                            parent == null ? null : parent.getTree(), current, d, time);
                    inserter.flush();
                    try {
                        RefUpdates.checkResult(StateFormat.BRANCH, casUpdate(walk, old, commit, d, time));
                    } catch (LockFailureException e) {
                        if (attempt >= retryPolicy.maxAttempts()) {
                            throw new LockFailureException(e.getMessage() + " after " + attempt + " attempts"
                                    + staleLockHint(), attempt);
                        }
                        retryPolicy.pause(attempt);
                        continue;
                    }
                    State s = new State(commit.name(), time, d.specText(), d.plan(), d.event(), d.summary(),
                            d.sourceCommit(), d.author());
                    reader.remember(s);
                    return new Committed(true, Optional.of(s), attempt);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot write " + StateFormat.BRANCH + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while retrying an update of " + StateFormat.BRANCH, e);
        } finally {
            lane.unlock();
        }
    }

    private RefUpdate.Result casUpdate(RevWalk walk, ObjectId old, ObjectId commit, StateWriter.Draft d,
            Instant time) throws IOException {
        RefUpdate ru = repository.updateRef(StateFormat.BRANCH);
        ru.setExpectedOldObjectId(old == null ? ObjectId.zeroId() : old);
        ru.setNewObjectId(commit);
        ru.setRefLogIdent(StateWriter.identity(time));
        ru.setRefLogMessage("buildrunner " + d.event() + ": " + d.summary(), false);
        return ru.update(walk);
    }

    private Optional<Version> version(int number) {
        List<Version> all = versions();
        if (number < 1 || number > all.size()) {
            return Optional.empty();
        }
        return Optional.of(all.get(all.size() - number));
    }

    /** The head commit id, or null when the branch does not exist. */
    private ObjectId head() {
        try {
            Ref ref = repository.exactRef(StateFormat.BRANCH);
            return ref == null || ref.getObjectId() == null ? null : ref.getObjectId();
        } catch (IOException e) {
            throw new StoreException("cannot read " + StateFormat.BRANCH + ": " + e.getMessage(), e);
        }
    }

    private Path lockFile() {
        File dir = repository.getDirectory();
        return dir == null ? null : dir.toPath().resolve(StateFormat.BRANCH + ".lock");
    }

    private String staleLockHint() {
        Path lock = lockFile();
        if (lock == null || !Files.exists(lock)) {
            return "";
        }
        return " (lock file " + lock + " exists; if no git or BuildRunner process is writing, it is left from a"
                + " crash: see StateStore.removeStaleLock)";
    }
}
