package dev.buildrunner.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Checkpoints as tags {@code refs/tags/buildrunner/checkpoints/<name>}: annotated tags written by
 * BuildRunner (tagger BuildRunner, time from the clock, an {@code Author} trailer), lightweight
 * tags made by hand are read too. Creating one is a compare-and-swap on the tag ref, so two
 * writers creating the same name cannot both win. Thread-safe.
 */
final class Checkpoints {
    private final Repository repository;
    private final StateReader reader;
    private final Clock clock;

    Checkpoints(Repository repository, StateReader reader, Clock clock) {
        this.repository = repository;
        this.reader = reader;
        this.clock = clock;
    }

    Checkpoint create(String name, String author, boolean force, ObjectId head) {
        String ref = refName(name);
        String who = StateFormat.oneLine(Objects.requireNonNull(author, "author"));
        if (who.isEmpty()) {
            throw new IllegalArgumentException("expected a non-blank author, got: '" + author + "'");
        }
        if (head == null) {
            throw new NotFoundException("no state on " + StateFormat.BRANCH + " yet: nothing to checkpoint");
        }
        try (RevWalk walk = new RevWalk(repository); ObjectInserter inserter = repository.newObjectInserter()) {
            reader.state(walk, head);
            Ref existing = repository.exactRef(ref);
            if (existing != null && !force) {
                throw exists(name, walk, existing.getObjectId());
            }
            Instant time = Instant.ofEpochSecond(clock.instant().getEpochSecond());
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(head, Constants.OBJ_COMMIT);
            tag.setTag(ref.substring(Constants.R_TAGS.length()));
            tag.setTagger(StateWriter.identity(time));
            tag.setMessage(StateFormat.checkpointMessage(name, head, who));
            ObjectId tagId = inserter.insert(tag);
            inserter.flush();

            RefUpdate ru = repository.updateRef(ref);
            ru.setExpectedOldObjectId(existing == null ? ObjectId.zeroId() : existing.getObjectId());
            ru.setNewObjectId(tagId);
            ru.setForceUpdate(force);
            ru.setRefLogMessage("buildrunner checkpoint " + name, false);
            try {
                RefUpdates.checkResult(ref, ru.update(walk));
            } catch (LockFailureException e) {
                Ref now = repository.exactRef(ref);
                if (!force && now != null) {
                    throw exists(name, walk, now.getObjectId());
                }
                throw e;
            }
            return new Checkpoint(name, head.name(), time, who, StateFormat.checkpointMessage(name, head, who)
                    .lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new StoreException("cannot write " + ref + ": " + e.getMessage(), e);
        }
    }

    List<Checkpoint> list() {
        try (RevWalk walk = new RevWalk(repository)) {
            List<Checkpoint> out = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(StateFormat.CHECKPOINT_PREFIX)) {
                String name = ref.getName().substring(StateFormat.CHECKPOINT_PREFIX.length());
                RevObject obj = walk.parseAny(ref.getObjectId());
                if (obj instanceof RevTag tag) {
                    RevObject target = walk.peel(tag);
                    if (!(target instanceof RevCommit commit)) {
                        continue;
                    }
                    Map<String, String> trailers = StateFormat.trailers(tag.getFullMessage());
                    Instant time = tag.getTaggerIdent() != null ? tag.getTaggerIdent().getWhenAsInstant()
                            : walk.parseCommit(commit).getCommitterIdent().getWhenAsInstant();
                    out.add(new Checkpoint(name, commit.name(), time,
                            trailers.getOrDefault(StateFormat.AUTHOR.getName(), ""), tag.getShortMessage()));
                } else if (obj instanceof RevCommit commit) {
                    out.add(new Checkpoint(name, commit.name(), commit.getCommitterIdent().getWhenAsInstant(), "", ""));
                }
            }
            out.sort(Comparator.comparing(Checkpoint::time).thenComparing(Checkpoint::name));
            return out;
        } catch (IOException e) {
            throw new StoreException("cannot list " + StateFormat.CHECKPOINT_PREFIX + "*: " + e.getMessage(), e);
        }
    }

    /** The state commit a checkpoint points at. */
    ObjectId commitOf(String name) {
        String ref = refName(name);
        try (RevWalk walk = new RevWalk(repository)) {
            Ref r = repository.exactRef(ref);
            if (r == null) {
                throw new NotFoundException("no checkpoint " + name + " (" + ref + ")");
            }
            RevObject target = walk.peel(walk.parseAny(r.getObjectId()));
            if (!(target instanceof RevCommit)) {
                throw new CorruptStateException(ref + ": points at a " + Constants.typeString(target.getType())
                        + ", not a state commit");
            }
            return target.copy();
        } catch (IOException e) {
            throw new StoreException("cannot read " + ref + ": " + e.getMessage(), e);
        }
    }

    private static String refName(String name) {
        Objects.requireNonNull(name, "name");
        String ref = StateFormat.CHECKPOINT_PREFIX + name;
        if (name.isEmpty() || !Repository.isValidRefName(ref)) {
            throw new IllegalArgumentException("invalid checkpoint name: '" + name + "'");
        }
        return ref;
    }

    private static CheckpointExistsException exists(String name, RevWalk walk, ObjectId id) throws IOException {
        RevObject target = walk.peel(walk.parseAny(id));
        return new CheckpointExistsException("checkpoint " + name + " exists at " + StateFormat.shortId(target)
                + " (use force to replace it)");
    }
}
