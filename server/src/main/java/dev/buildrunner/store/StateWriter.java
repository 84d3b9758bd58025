package dev.buildrunner.store;

import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Writes one state commit into the object database (tree, blobs, commit), without touching any
 * ref. The caller flushes the inserter and then moves the ref. Thread-safe: its only state is the
 * last plan it split, an immutable pair.
 *
 * <p>A commit costs what changed: with the parent's state known, only the feature files whose
 * task lists differ from the parent's (record equality) are encoded, hashed and written; {@code
 * plan/plan.json} only when runs, batches, waves, critical path or diagnostics differ; the spec
 * only when its text differs. Every other entry keeps the parent's blob id ({@link TreeEditor}).
 */
final class StateWriter {
    private final PlanCodec codec;
    private volatile Split lastSplit;

    /** A plan and its parts, compared by identity: plans are immutable. */
    private record Split(Plan plan, PlanParts parts) {
    }

    /**
     * What to commit.
     *
     * @param specText the spec text (written unless {@code fixedTree} is given)
     * @param plan the plan (written unless {@code fixedTree} is given; its counts go in the body)
     * @param fixedTree a tree to commit as is (restore of an earlier state), else empty
     */
    record Draft(String specText, Plan plan, Optional<ObjectId> fixedTree, String event, String summary,
            String sourceCommit, String author) {

        static Draft of(Proposal p) {
            return new Draft(p.specText(), p.plan(), Optional.empty(), p.event(), p.summary(), p.sourceCommit(),
                    p.author());
        }
    }

    StateWriter(PlanCodec codec) {
        this.codec = codec;
    }

    /**
     * Inserts the commit (not flushed).
     *
     * @param parent the current head, or null for the orphan first commit
     * @param parentTree the head's tree, the base for the new tree; null for none
     * @param current the state parsed from {@code parent}, when known: files whose content equals
     *     it keep the parent's blobs. Empty means "unknown": the tree is written from scratch
     * @param time the commit time; git keeps whole seconds
     * @return the new commit's id
     */
    ObjectId write(ObjectInserter inserter, ObjectReader reader, AnyObjectId parent, AnyObjectId parentTree,
            Optional<State> current, Draft draft, Instant time) throws IOException {
        ObjectId tree = draft.fixedTree().isPresent() ? draft.fixedTree().get()
                : current.isPresent() ? changedTree(inserter, reader, parentTree, current.get(), draft)
                : TreeEditor.write(reader, inserter, null, allFiles(draft));
        PersonIdent ident = identity(time);
        CommitBuilder cb = new CommitBuilder();
        cb.setTreeId(tree);
        if (parent != null) {
            cb.setParentId(parent);
        }
        cb.setAuthor(ident);
        cb.setCommitter(ident);
        cb.setMessage(StateFormat.commitMessage(draft.event(), draft.summary(), StateFormat.body(draft.plan()),
                draft.sourceCommit(), draft.author()));
        return inserter.insert(cb);
    }

    /** The parent's tree with the files that differ from {@code current} replaced or removed. */
    private ObjectId changedTree(ObjectInserter inserter, ObjectReader reader, AnyObjectId parentTree, State current,
            Draft draft) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Set<String> removals = new HashSet<>();
        if (!current.specText().equals(draft.specText())) {
            files.put(StateFormat.SPEC_PATH, draft.specText().getBytes(StandardCharsets.UTF_8));
        }
        Plan before = current.plan();
        Plan after = draft.plan();
        if (before != after) {
            PlanParts was = parts(before);
            PlanParts now = parts(after);
            if (!PlanParts.sameIndex(before, was, after, now)) {
                files.put(StateFormat.PLAN_PATH, codec.encodeIndex(after, now));
            }
            for (Map.Entry<String, List<Task>> f : now.byFeature().entrySet()) {
                if (!f.getValue().equals(was.byFeature().get(f.getKey()))) {
                    files.put(StateFormat.featurePath(f.getKey()), codec.encodeFeature(f.getKey(), f.getValue()));
                }
            }
            for (String gone : was.byFeature().keySet()) {
                if (!now.byFeature().containsKey(gone)) {
                    removals.add(StateFormat.featurePath(gone));
                }
            }
        }
        return TreeEditor.write(reader, inserter, parentTree, files, removals);
    }

    /**
     * The parts of a plan, remembering the last plan split: the parent of the next commit is
     * usually the plan this writer split last (the store's cache hands back the same object).
     */
    private PlanParts parts(Plan plan) {
        Split last = lastSplit;
        if (last != null && last.plan() == plan) {
            return last.parts();
        }
        PlanParts parts = PlanParts.of(plan);
        lastSplit = new Split(plan, parts);
        return parts;
    }

    private Map<String, byte[]> allFiles(Draft draft) {
        Map<String, byte[]> files = new HashMap<>(codec.encode(draft.plan()));
        files.put(StateFormat.SPEC_PATH, draft.specText().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** BuildRunner's identity at a time, in UTC. */
    static PersonIdent identity(Instant time) {
        return new PersonIdent(StateFormat.IDENT_NAME, StateFormat.IDENT_EMAIL, time, ZoneOffset.UTC);
    }
}
