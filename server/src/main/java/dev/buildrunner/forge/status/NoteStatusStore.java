package dev.buildrunner.forge.status;

import dev.buildrunner.support.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The embedded status store: the statuses of a commit live in the git note of that commit under
 * {@code refs/notes/buildrunner}, one JSON line per status ({@link StatusNotesFormat}), so they
 * travel with the repository and {@code git notes --ref=buildrunner show <sha>} prints them.
 *
 * <p>A write reads the notes commit at the tip of the ref, appends the status to the commit's
 * note, writes a new notes commit whose parent is the old tip and moves the ref with a
 * compare-and-swap expecting the old tip ({@link RefUpdate} with an expected old id; zero id =
 * "must not exist yet"). On LOCK_FAILURE it re-reads and re-applies the write, at most {@link
 * RetryPolicy#maxAttempts()} times. Writers of one process take turns through the lock given to the
 * constructor (share one lock per repository), so only other processes cause retries. A failed
 * attempt leaves an unreachable commit for {@code git gc}; the ref only moves to a complete
 * commit.
 *
 * <p>GitHub's rules are kept: a write that says the same as the latest status of its context
 * (same state, description and target URL, context compared case-insensitively) is skipped and
 * answers the existing status; the 1001st status of one (sha, context) is refused; ids are unique
 * and increasing per repository. Writes are clamped with {@link StatusLimits#clamp}.
 *
 * <p>Thread-safe. Cost: a write rewrites the commit's note, so it grows with the number of
 * statuses of that commit (a few per context in practice; at most 1000 per context).
 */
public final class NoteStatusStore {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-fA-F]{40}");
    /** Largest note read; 1000 statuses of 8 contexts at about 300 bytes each stay well below it. */
    private static final int MAX_NOTE_BYTES = 64 << 20;

    private final Repository repository;
    private final Clock clock;
    private final Lock lock;
    private final RetryPolicy retry;
    private final Runnable beforeRefUpdate;

    /** A store with the system UTC clock, its own lock and {@link RetryPolicy#standard()}. */
    public NoteStatusStore(Repository repository) {
        this(repository, Clock.systemUTC(), new ReentrantLock(), RetryPolicy.standard());
    }

    /**
     * @param repository the repository (bare or not); the caller keeps ownership and closes it
     * @param clock the time of new statuses and notes commits
     * @param lock the in-process writer lock of this repository, shared by every store of it
     * @param retry attempts and waits after a lost compare-and-swap
     */
    public NoteStatusStore(Repository repository, Clock clock, Lock lock, RetryPolicy retry) {
        this(repository, clock, lock, retry, () -> { });
    }

    /** Test seam: {@code beforeRefUpdate} runs in each write attempt after reading, before the ref update. */
    NoteStatusStore(Repository repository, Clock clock, Lock lock, RetryPolicy retry, Runnable beforeRefUpdate) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.beforeRefUpdate = Objects.requireNonNull(beforeRefUpdate, "beforeRefUpdate");
    }

    /**
     * Adds a status to a commit, or answers the latest status of the context when it already says
     * the same (nothing written).
     *
     * @param sha the full hex id of a commit of this repository (either case)
     * @param request the status; clamped with {@link StatusLimits#clamp} before storing
     * @param creator the login of the poster
     * @return the stored status (new, or the existing one when skipped)
     * @throws StatusRejectedException when the sha names no commit, or the context of that commit
     *     already has {@value StatusLimits#MAX_STATUSES_PER_CONTEXT} statuses (GitHub's messages)
     * @throws StatusStoreException on I/O errors, a refused ref update or when every
     *     compare-and-swap attempt lost
     */
    public CommitStatus post(String sha, StatusRequest request, String creator) {
        Objects.requireNonNull(creator, "creator");
        StatusRequest clamped = StatusLimits.clamp(Objects.requireNonNull(request, "request"));
        ObjectId commit = requireCommit(sha);
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                Optional<CommitStatus> written = tryPost(commit, clamped, creator);
                if (written.isPresent()) {
                    return written.get();
                }
                if (attempt >= retry.maxAttempts()) {
                    throw new StatusStoreException("failed to update " + StatusNotesFormat.NOTES_REF + " for "
                            + commit.name() + ": lost the compare-and-swap " + attempt + " times");
                }
                pause(attempt);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every status of a commit, newest first (GitHub's list order).
     *
     * @param sha the full hex id of the commit; anything else has no statuses
     * @throws StatusStoreException on I/O errors
     */
    public List<CommitStatus> list(String sha) {
        if (sha == null || !FULL_ID.matcher(sha).matches()) {
            return List.of();
        }
        ObjectId commit = ObjectId.fromString(sha);
        try (RevWalk rw = new RevWalk(repository)) {
            Ref ref = repository.getRefDatabase().exactRef(StatusNotesFormat.NOTES_REF);
            if (ref == null) {
                return List.of();
            }
            NoteMap map = NoteMap.read(rw.getObjectReader(), rw.parseCommit(ref.getObjectId()));
            List<CommitStatus> statuses = new ArrayList<>(read(rw.getObjectReader(), map, commit));
            Collections.reverse(statuses);
            return List.copyOf(statuses);
        } catch (IOException e) {
            throw new StatusStoreException("failed to read " + StatusNotesFormat.NOTES_REF + " for " + sha + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The combined status of a commit ({@link CombinedStatus#of}).
     *
     * @param sha the full hex id of the commit
     * @throws StatusStoreException on I/O errors
     */
    public CombinedStatus combined(String sha) {
        return CombinedStatus.of(sha.toLowerCase(Locale.ROOT), list(sha));
    }

    /**
     * Resolves a revision as the read API's {@code REF} does: a full or abbreviated sha, a branch,
     * a tag or any other git revision expression, peeled to a commit.
     *
     * @return the commit's full lower-case hex id, or empty when it names no commit
     * @throws StatusStoreException on I/O errors
     */
    public Optional<String> resolve(String revision) {
        if (revision == null || revision.isBlank()) {
            return Optional.empty();
        }
        try (RevWalk rw = new RevWalk(repository)) {
            ObjectId id = repository.resolve(revision + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(rw.parseCommit(id).name());
        } catch (RevisionSyntaxException | MissingObjectException | IncorrectObjectTypeException
                | AmbiguousObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StatusStoreException("failed to resolve " + revision + ": " + e.getMessage(), e);
        }
    }

    /** One compare-and-swap attempt; empty when the race was lost. */
    private Optional<CommitStatus> tryPost(ObjectId commit, StatusRequest request, String creator) {
        try (RevWalk rw = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectReader reader = rw.getObjectReader();
            Ref ref = repository.getRefDatabase().exactRef(StatusNotesFormat.NOTES_REF);
            ObjectId oldTip = ref == null ? null : ref.getObjectId();
            RevCommit tip = oldTip == null ? null : rw.parseCommit(oldTip);
            NoteMap map = tip == null ? NoteMap.newEmptyMap() : NoteMap.read(reader, tip);
            ObjectId noteBlob = map.get(commit);
            byte[] existing = noteBlob == null ? new byte[0] : reader.open(noteBlob).getCachedBytes(MAX_NOTE_BYTES);
            List<CommitStatus> current = StatusNotesFormat.decode(commit.name(), existing);

            String key = StatusLimits.contextKey(request.context());
            CommitStatus latest = null;
            int count = 0;
            for (CommitStatus s : current) {
                if (StatusLimits.contextKey(s.context()).equals(key)) {
                    count++;
                    if (latest == null || s.id() > latest.id()) {
                        latest = s;
                    }
                }
            }
            if (latest != null && latest.request().saysSameAs(request)) {
                return Optional.of(latest);
            }
            if (count >= StatusLimits.MAX_STATUSES_PER_CONTEXT) {
                throw new StatusRejectedException(StatusRejectedException.Reason.MAX_STATUSES,
                        StatusLimits.MAX_STATUSES_MESSAGE);
            }

            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            long id = nextId(reader, tip, map, current);
            CommitStatus status = new CommitStatus(id, commit.name(), request.state(), request.context(),
                    request.description(), request.targetUrl(), now, now, creator);
            map.set(commit, inserter.insert(Constants.OBJ_BLOB, append(existing, StatusNotesFormat.encodeLine(status))));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(map.writeTree(inserter));
            if (oldTip != null) {
                cb.setParentId(oldTip);
            }
            PersonIdent ident = new PersonIdent(StatusNotesFormat.IDENT_NAME, StatusNotesFormat.IDENT_EMAIL, now,
                    ZoneOffset.UTC);
            cb.setAuthor(ident);
            cb.setCommitter(ident);
            cb.setMessage(StatusNotesFormat.commitMessage(status));
            ObjectId newTip = inserter.insert(cb);
            inserter.flush();

            beforeRefUpdate.run();
            RefUpdate ru = repository.updateRef(StatusNotesFormat.NOTES_REF);
            ru.setExpectedOldObjectId(oldTip == null ? ObjectId.zeroId() : oldTip);
            ru.setNewObjectId(newTip);
            ru.setRefLogMessage("buildrunner: status " + status.context() + " " + status.state().json(), false);
            RefUpdate.Result result = ru.update(rw);
            switch (result) {
                case NEW:
                case FAST_FORWARD:
                    return Optional.of(status);
                case LOCK_FAILURE:
                    return Optional.empty();
                default:
                    throw new StatusStoreException("failed to update " + StatusNotesFormat.NOTES_REF + " for "
                            + commit.name() + ": " + result);
            }
        } catch (IOException e) {
            throw new StatusStoreException("failed to write a status of " + commit.name() + " to "
                    + StatusNotesFormat.NOTES_REF + ": " + e.getMessage(), e);
        }
    }

    /**
     * The next id: one above the tip's trailer, or, when the tip has none (a notes commit written
     * by hand or by git), one above the highest id in any note. Never at or below an id of the
     * commit's own note.
     */
    private static long nextId(ObjectReader reader, RevCommit tip, NoteMap map, List<CommitStatus> current)
            throws IOException {
        long last = 0;
        if (tip != null) {
            Optional<Long> trailer = StatusNotesFormat.lastId(tip);
            if (trailer.isPresent()) {
                last = trailer.get();
            } else {
                for (Note note : map) {
                    byte[] bytes = reader.open(note.getData()).getCachedBytes(MAX_NOTE_BYTES);
                    for (CommitStatus s : StatusNotesFormat.decode(note.name(), bytes)) {
                        last = Math.max(last, s.id());
                    }
                }
            }
        }
        for (CommitStatus s : current) {
            last = Math.max(last, s.id());
        }
        return last + 1;
    }

    private static List<CommitStatus> read(ObjectReader reader, NoteMap map, ObjectId commit) throws IOException {
        ObjectId blob = map.get(commit);
        if (blob == null) {
            return List.of();
        }
        return StatusNotesFormat.decode(commit.name(), reader.open(blob).getCachedBytes(MAX_NOTE_BYTES));
    }

    private static byte[] append(byte[] existing, byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(existing.length + line.length + 1);
        out.writeBytes(existing);
        if (existing.length > 0 && existing[existing.length - 1] != '\n') {
            out.write('\n');
        }
        out.writeBytes(line);
        return out.toByteArray();
    }

    private ObjectId requireCommit(String sha) {
        if (sha == null || !FULL_ID.matcher(sha).matches()) {
            throw new StatusRejectedException(StatusRejectedException.Reason.NO_SUCH_COMMIT,
                    "No commit found for SHA: " + sha);
        }
        ObjectId id = ObjectId.fromString(sha);
        try (RevWalk rw = new RevWalk(repository)) {
            rw.parseCommit(id);
            return id;
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new StatusRejectedException(StatusRejectedException.Reason.NO_SUCH_COMMIT,
                    "No commit found for SHA: " + sha);
        } catch (IOException e) {
            throw new StatusStoreException("failed to read commit " + sha + ": " + e.getMessage(), e);
        }
    }

    private void pause(int retryNumber) {
        try {
            retry.pause(retryNumber);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusStoreException("interrupted while retrying an update of " + StatusNotesFormat.NOTES_REF, e);
        }
    }
}
