package dev.buildrunner.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Parses state commits into {@link State}s (through a {@link StateCache}) and the branch's
 * first-parent history into {@link Version}s (remembering the last list, so that a history that
 * grew by k commits costs k commit reads). Thread-safe.
 */
final class StateReader {
    private final PlanCodec codec;
    private final StateCache cache;
    private volatile VersionList lastVersions;

    private record VersionList(ObjectId head, List<Version> newestFirst) {
    }

    StateReader(PlanCodec codec, StateCache cache) {
        this.codec = codec;
        this.cache = cache;
    }

    /**
     * The state stored in a commit.
     *
     * @throws CorruptStateException when a state file is missing or the plan does not parse
     * @throws IOException when an object cannot be read (missing objects included)
     */
    State state(RevWalk walk, AnyObjectId commitId) throws IOException {
        String id = commitId.name();
        var cached = cache.get(id);
        if (cached.isPresent()) {
            return cached.get();
        }
        RevCommit c = walk.parseCommit(commitId);
        StateFormat.Message m = StateFormat.parseMessage(c);
        ObjectReader reader = walk.getObjectReader();
        String specText = new String(file(reader, c, StateFormat.SPEC_PATH), StandardCharsets.UTF_8);
        var plan = codec.decode(planFiles(reader, c), StateFormat.shortId(c));
        State s = new State(id, c.getCommitterIdent().getWhenAsInstant(), specText, plan, m.event(), m.summary(),
                m.sourceCommit(), m.author());
        cache.put(s);
        return s;
    }

    /** Remembers a state just written, so that reading it back costs nothing. */
    void remember(State state) {
        cache.put(state);
    }

    /** The first-parent history from {@code head}, newest first, numbered from 1 at the oldest. */
    List<Version> versions(RevWalk walk, ObjectId head) throws IOException {
        VersionList last = lastVersions;
        if (last != null && last.head.equals(head)) {
            return last.newestFirst;
        }
        List<RevCommit> fresh = new ArrayList<>();
        List<Version> known = List.of();
        RevCommit c = walk.parseCommit(head);
        while (true) {
            if (last != null && c.equals(last.head)) {
                known = last.newestFirst;
                break;
            }
            fresh.add(c);
            if (c.getParentCount() == 0) {
                break;
            }
            c = walk.parseCommit(c.getParent(0));
        }
        List<Version> out = new ArrayList<>(fresh.size() + known.size());
        int number = known.size() + fresh.size();
        for (RevCommit commit : fresh) {
            StateFormat.Message m = StateFormat.parseMessage(commit);
            out.add(new Version(number--, commit.name(), commit.getCommitterIdent().getWhenAsInstant(), m.event(),
                    m.summary(), m.sourceCommit(), m.author()));
        }
        out.addAll(known);
        List<Version> result = Collections.unmodifiableList(out);
        lastVersions = new VersionList(head.copy(), result);
        return result;
    }

    /**
     * The plan files of a commit: {@code plan/plan.json} and every entry of {@code plan/tasks},
     * found in one pass over that directory (a lookup per feature would be quadratic).
     *
     * @throws CorruptStateException when {@code plan/plan.json} is missing or an entry of {@code
     *     plan/tasks} is not a file
     */
    static Map<String, byte[]> planFiles(ObjectReader reader, RevCommit commit) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TreeWalk tw = TreeWalk.forPath(reader, StateFormat.PLAN_PATH, commit.getTree())) {
            if (tw == null || tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                String hint = !exists(reader, commit, StateFormat.SCHEMA1_PLAN_PATH) ? ""
                        : " (the commit has " + StateFormat.SCHEMA1_PLAN_PATH + " of schema 1, which this version"
                        + " does not read)";
                throw new CorruptStateException(StateFormat.origin(StateFormat.PLAN_PATH, commit)
                        + ": missing from the state commit" + hint);
            }
            files.put(StateFormat.PLAN_PATH, blob(reader, tw.getObjectId(0)));
        }
        ObjectId tasksTree;
        try (TreeWalk tw = TreeWalk.forPath(reader, StateFormat.TASKS_DIR, commit.getTree())) {
            if (tw == null) {
                return files;   // a plan without tasks
            }
            if (!FileMode.TREE.equals(tw.getFileMode(0).getBits())) {
                throw new CorruptStateException(StateFormat.origin(StateFormat.TASKS_DIR, commit)
                        + ": expected a directory, found a file");
            }
            tasksTree = tw.getObjectId(0);
        }
        String prefix = StateFormat.TASKS_DIR + "/";
        for (CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tasksTree); !p.eof(); p.next()) {
            String path = prefix + p.getEntryPathString();
            if (p.getEntryFileMode().getObjectType() != Constants.OBJ_BLOB) {
                throw new CorruptStateException(StateFormat.origin(path, commit) + ": expected a file, found a "
                        + Constants.typeString(p.getEntryFileMode().getObjectType()));
            }
            files.put(path, blob(reader, p.getEntryObjectId()));
        }
        return files;
    }

    private static boolean exists(ObjectReader reader, RevCommit commit, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(reader, path, commit.getTree())) {
            return tw != null;
        }
    }

    private static byte[] blob(ObjectReader reader, AnyObjectId id) throws IOException {
        return reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }

    /** The bytes of a file of a commit's tree; a missing file is a corrupt state. */
    static byte[] file(ObjectReader reader, RevCommit commit, String path) throws IOException {
        RevTree tree = commit.getTree();
        try (TreeWalk tw = TreeWalk.forPath(reader, path, tree)) {
            if (tw == null || tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                throw new CorruptStateException(StateFormat.origin(path, commit) + ": missing from the state commit");
            }
            return blob(reader, tw.getObjectId(0));
        }
    }
}
