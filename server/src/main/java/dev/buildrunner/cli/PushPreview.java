package dev.buildrunner.cli;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.Severity;
import dev.buildrunner.spec.SpecDiff;
import dev.buildrunner.spec.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * What a push will make the server regenerate, as the pre-push hook prints it: for each pushed
 * ref, the per-feature difference ({@link SpecDiff}) of the spec between what the remote has and
 * what is pushed, for example
 * {@code buildrunner: refs/heads/main: 1 feature added (billing), 2 modified
 * (user-authentication: requirements; role-based-access-control: dependencies)}.
 *
 * <p>The base of the comparison is the remote's commit; for a new ref, the merge-base of the
 * pushed commit with the remote's default branch ({@code refs/remotes/REMOTE/HEAD}, else its
 * {@code main} or {@code master}), and when there is none, an empty spec (every feature counts as
 * added, as the server plans a new branch from scratch). Deletions (local id all zeros) and refs
 * whose spec is unchanged print nothing. A pushed spec with errors is reported with its
 * diagnostics; nothing here refuses a push (the server enforces). Reads only; thread-safe.
 */
final class PushPreview {

    /** How many ids a list shows before "+N more". */
    static final int MAX_LISTED = 5;

    /**
     * One line of git's pre-push input: {@code <local ref> <local sha> <remote ref> <remote sha>}.
     * A zero id means the ref is deleted (local) or does not exist yet (remote).
     */
    record RefPush(String localRef, ObjectId local, String remoteRef, ObjectId remote) {
        RefPush {
            Objects.requireNonNull(localRef, "localRef");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(remoteRef, "remoteRef");
            Objects.requireNonNull(remote, "remote");
        }
    }

    private final SpecParser parser;
    private final String specPath;

    PushPreview(SpecParser parser, String specPath) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.specPath = Objects.requireNonNull(specPath, "specPath");
    }

    /**
     * Reads git's pre-push input; blank lines are skipped.
     *
     * @throws CliException naming the line when it does not have four fields with two object ids
     */
    static List<RefPush> parse(String input) {
        List<RefPush> out = new ArrayList<>();
        String[] lines = input.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4 || !ObjectId.isId(f[1]) || !ObjectId.isId(f[3])) {
                throw new CliException("pre-push input line " + (i + 1) + ": expected '<local ref> <local sha>"
                        + " <remote ref> <remote sha>', got: " + line);
            }
            out.add(new RefPush(f[0], ObjectId.fromString(f[1]), f[2], ObjectId.fromString(f[3])));
        }
        return out;
    }

    /**
     * Describes each pushed ref.
     *
     * @param remote the remote's name as git passes it (a URL when pushing to one directly)
     * @return the lines to print, empty when no pushed ref changes the spec
     * @throws IOException when the repository cannot be read
     */
    List<String> describe(Repository repo, String remote, List<RefPush> pushes) throws IOException {
        List<String> out = new ArrayList<>();
        for (RefPush p : pushes) {
            if (p.local().equals(ObjectId.zeroId())) {
                continue;
            }
            try (RevWalk walk = new RevWalk(repo)) {
                describe(repo, walk, remote, p, out);
            }
        }
        return out;
    }

    private void describe(Repository repo, RevWalk walk, String remote, RefPush p, List<String> out)
            throws IOException {
        String prefix = "buildrunner: " + p.remoteRef();
        Optional<RevCommit> local = commit(walk, p.local());
        if (local.isEmpty()) {
            return;
        }
        RevCommit base = null;
        String against = "";
        if (!p.remote().equals(ObjectId.zeroId())) {
            Optional<RevCommit> remoteCommit = repo.getObjectDatabase().has(p.remote())
                    ? commit(walk, p.remote()) : Optional.empty();
            if (remoteCommit.isEmpty()) {
                out.add(prefix + ": the remote is at " + p.remote().abbreviate(7).name()
                        + ", which is not here (fetch first); not compared");
                return;
            }
            base = remoteCommit.get();
        } else {
            Optional<Ref> head = defaultBranch(repo, remote);
            if (head.isPresent()) {
                base = mergeBase(walk, local.get(), head.get().getObjectId());
            }
            against = base == null ? " (new; compared with an empty spec)"
                    : " (new; compared with " + Repository.shortenRefName(head.get().getName()) + " at "
                            + base.abbreviate(7).name() + ")";
        }
        Optional<ObjectId> before = base == null ? Optional.empty() : blob(repo, base);
        Optional<ObjectId> after = blob(repo, local.get());
        if (before.equals(after)) {
            return;
        }
        ParseResult old = parser.parse(text(repo, before));
        ParseResult now = parser.parse(text(repo, after));
        SpecDiff diff = SpecDiff.between(old.spec(), now.spec());
        String deleted = after.isEmpty() ? " (" + specPath + " deleted)" : "";
        out.add(prefix + against + ": " + summary(diff) + deleted);
        List<Diagnostic> errors = after.isEmpty() ? List.of()
                : now.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            out.add(prefix + ": the pushed " + specPath + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; the server will reject it and keep the current plan:");
            for (Diagnostic d : errors) {
                out.add("  " + specPath + ":" + d.line() + ": " + d.severity().name().toLowerCase(Locale.ROOT) + ": "
                        + d.message());
            }
        }
    }

    /**
     * One line for a diff: counts with ids (modified ones with their changed fields), the first
     * count naming "feature(s)"; "no feature changed" when the text changed but no feature did.
     */
    static String summary(SpecDiff d) {
        List<String> parts = new ArrayList<>();
        add(parts, d.added(), "added", id -> id);
        add(parts, d.modified(), "modified", m -> m.id() + ": " + String.join(", ", m.fields()));
        add(parts, d.removed(), "removed", id -> id);
        add(parts, d.renamed(), "renamed", r -> r.from() + " -> " + r.to());
        if (parts.isEmpty()) {
            return "spec changed, no feature changed: nothing to regenerate";
        }
        return String.join(", ", parts);
    }

    private static <T> void add(List<String> parts, List<T> items, String verb, Function<T, String> show) {
        if (items.isEmpty()) {
            return;
        }
        String noun = parts.isEmpty() ? (items.size() == 1 ? " feature " : " features ") : " ";
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_LISTED, items.size()); i++) {
            shown.add(show.apply(items.get(i)));
        }
        String more = items.size() > MAX_LISTED ? "; +" + (items.size() - MAX_LISTED) + " more" : "";
        parts.add(items.size() + noun + verb + " (" + String.join("; ", shown) + more + ")");
    }

    private static Optional<Ref> defaultBranch(Repository repo, String remote) throws IOException {
        if (remote == null || remote.isEmpty() || remote.contains("/") || remote.contains(":")) {
            return Optional.empty();
        }
        for (String name : List.of("HEAD", "main", "master")) {
            Ref ref = repo.exactRef("refs/remotes/" + remote + "/" + name);
            if (ref != null && ref.getObjectId() != null) {
                return Optional.of(ref.isSymbolic() ? ref.getTarget() : ref);
            }
        }
        return Optional.empty();
    }

    private static RevCommit mergeBase(RevWalk walk, RevCommit local, ObjectId other) throws IOException {
        Optional<RevCommit> o = commit(walk, other);
        if (o.isEmpty()) {
            return null;
        }
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(walk.parseCommit(local));
        walk.markStart(o.get());
        RevCommit base = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        return base == null ? null : walk.parseCommit(base);
    }

    private static Optional<RevCommit> commit(RevWalk walk, ObjectId id) throws IOException {
        try {
            RevObject o = walk.peel(walk.parseAny(id));
            return o instanceof RevCommit c ? Optional.of(walk.parseCommit(c)) : Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.empty();
        }
    }

    private Optional<ObjectId> blob(Repository repo, RevCommit c) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, specPath, c.getTree())) {
            return tw == null || (tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE ? Optional.empty()
                    : Optional.of(tw.getObjectId(0));
        }
    }

    private static String text(Repository repo, Optional<ObjectId> blob) throws IOException {
        return blob.isEmpty() ? "" : new String(repo.open(blob.get()).getBytes(), StandardCharsets.UTF_8);
    }
}
