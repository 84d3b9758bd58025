package dev.buildrunner.store;

import dev.buildrunner.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Writes one state commit into the object database (tree, blobs, commit), without touching any
 * ref. The caller flushes the inserter and then moves the ref. Stateless apart from the codec.
 */
final class StateWriter {
    private final PlanCodec codec;

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
     *     it keep the parent's blobs. Empty means "unknown": every file is written
     * @param time the commit time; git keeps whole seconds
     * @return the new commit's id
     */
    ObjectId write(ObjectInserter inserter, ObjectReader reader, AnyObjectId parent, AnyObjectId parentTree,
            Optional<State> current, Draft draft, Instant time) throws IOException {
        ObjectId tree;
        if (draft.fixedTree().isPresent()) {
            tree = draft.fixedTree().get();
        } else {
            // files equal to the parent's are left out: no encoding, hashing or writing for them
            Map<String, byte[]> files = new TreeMap<>();
            if (current.isEmpty() || !current.get().specText().equals(draft.specText())) {
                files.put(StateFormat.SPEC_PATH, draft.specText().getBytes(StandardCharsets.UTF_8));
            }
            if (current.isEmpty() || !current.get().plan().equals(draft.plan())) {
                files.put(StateFormat.PLAN_PATH, codec.encode(draft.plan()));
            }
            tree = TreeEditor.write(reader, inserter, parentTree, files);
        }
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

    /** BuildRunner's identity at a time, in UTC. */
    static PersonIdent identity(Instant time) {
        return new PersonIdent(StateFormat.IDENT_NAME, StateFormat.IDENT_EMAIL, time, ZoneOffset.UTC);
    }
}
