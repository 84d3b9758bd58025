package dev.buildrunner.pipeline;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.Severity;
import dev.buildrunner.spec.SpecDiff;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.State;
import dev.buildrunner.store.StateStore;
import dev.buildrunner.store.WriterLanes;
import dev.buildrunner.sync.PlanSync;
import dev.buildrunner.sync.SyncOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The flow of one pushed ref (BRIEF.md "The flow of a push"): read {@code PROJECT_SPEC.md} at the
 * pushed commit, report its parse as {@code buildrunner/spec}, and on a tracked ref apply it to the
 * plan (adaptive planner, one commit on {@code buildrunner} with {@code Source-Commit} = the pushed
 * commit) and report {@code buildrunner/plan}. Both contexts go {@code pending} first, then to
 * their outcome, on the pushed commit. Then the commit goes to the analysers
 * ({@link AnalysisScheduler}: {@code buildrunner/gaps}, {@code /quality}, {@code /drift}), which
 * run off this thread.
 *
 * <p>The spec is compared with the spec the plan was last built from (the state on the branch),
 * not only with the push's {@code before}: the result is the same for an ordinary push, and stays
 * right after a force push, a missed delivery or a replay. Not thread-safe per repository: callers
 * serialise work per repository ({@link RepositoryLanes}); different repositories may run in
 * parallel.
 */
public final class PushPipeline {
    /** The spec's path in a repository (BRIEF.md). */
    public static final String SPEC_PATH = ".buildrunner/PROJECT_SPEC.md";

    private final Repositories repositories;
    private final SpecParser parser;
    private final PlanSync sync;
    private final WriterLanes lanes;
    private final StatusPublisher statuses;
    private final Predicate<RefChange> tracked;
    private final java.util.function.Supplier<ReportLinks> links;
    private final Consumer<PipelineEvent> listener;
    private final AnalysisScheduler analysis;

    /**
     * @param tracked which refs move the plan besides the repository's default branch (always
     *     tracked); other refs, pull-request heads included, get statuses and a preview of what
     *     would regenerate, so a pull request that is never merged never changes the plan
     * @param links builds {@code target_url}s into this server's reports (a supplier: the server's
     *     port is known only once it listens)
     * @param listener receives events for the live stream; must not block
     * @param analysis takes every analysed commit once its spec and plan statuses are posted
     *     (gaps, quality, drift)
     */
    public PushPipeline(Repositories repositories, SpecParser parser, PlanSync sync, WriterLanes lanes,
            StatusPublisher statuses, Predicate<RefChange> tracked, java.util.function.Supplier<ReportLinks> links,
            Consumer<PipelineEvent> listener, AnalysisScheduler analysis) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.sync = Objects.requireNonNull(sync, "sync");
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.tracked = Objects.requireNonNull(tracked, "tracked");
        this.links = Objects.requireNonNull(links, "links");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /** The state store of a repository, sharing this process's writer lanes. */
    public StateStore store(Repository repository) {
        return new StateStore(repository, lanes);
    }

    /**
     * Processes one ref update to the end. Idempotent: processing the same change twice posts no
     * new status (the publisher skips equal statuses) and writes no new state commit (the spec text
     * is unchanged).
     *
     * @throws IllegalArgumentException when the repository is unknown
     */
    public PushReport process(RefChange change) {
        Repository repo = repositories.open(change.repository())
                .orElseThrow(() -> new IllegalArgumentException("unknown repository " + change.repository()));
        List<String> lines = new ArrayList<>();
        List<CommitCheck> checks = new ArrayList<>();
        if (change.deleted()) {
            lines.add(change.ref() + " deleted: nothing to analyse");
            return new PushReport(change, lines, checks);
        }
        if (change.ref().equals(Constants.R_HEADS + "buildrunner")) {
            lines.add(change.ref() + " is BuildRunner's state branch, not analysed");
            return new PushReport(change, lines, checks);
        }
        if (!change.ref().startsWith(Constants.R_HEADS) && !isPullHead(change.ref())) {
            lines.add(change.ref() + ": not a branch, not analysed");
            return new PushReport(change, lines, checks);
        }
        PushReport report = processBranch(repo, change, lines, checks);
        Set<String> planDone = store(repo).read().map(st -> (Set<String>) st.plan().doneFeatureIds()).orElse(Set.of());
        analysis.schedule(repo, change, planDone);
        return report;
    }

    private PushReport processBranch(Repository repo, RefChange change, List<String> lines, List<CommitCheck> checks) {
        String sha = change.after();
        boolean moves = tracked.test(change) || isDefaultBranch(repo, change.ref());
        post(change, checks, new CommitCheck(CommitCheck.SPEC, "pending", "reading " + SPEC_PATH, links.get().spec(change)));
        post(change, checks, new CommitCheck(CommitCheck.PLAN, "pending", "waiting for the spec", links.get().plan(change)));

        Optional<String> text = readSpec(repo, sha);
        if (text.isEmpty()) {
            post(change, checks, new CommitCheck(CommitCheck.SPEC, "failure", "no " + SPEC_PATH + " at "
                    + sha.substring(0, 7), links.get().spec(change)));
            post(change, checks, new CommitCheck(CommitCheck.PLAN, "failure", "no spec, no plan", links.get().plan(change)));
            lines.add("no " + SPEC_PATH + " at " + sha.substring(0, 7) + "; nothing planned");
            return new PushReport(change, lines, checks);
        }
        ParseResult parsed = parser.parse(text.get());
        StateStore store = store(repo);
        Optional<State> current = store.read();
        if (parsed.hasErrors()) {
            List<Diagnostic> errors = parsed.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            Diagnostic first = errors.get(0);
            String more = errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : "";
            post(change, checks, new CommitCheck(CommitCheck.SPEC, "failure", "line " + first.line() + ": "
                    + first.message() + more, links.get().spec(change)));
            String kept = current.map(s -> "plan kept at " + s.commitId().substring(0, 7)).orElse("no plan yet");
            post(change, checks, new CommitCheck(CommitCheck.PLAN, "failure", "spec has errors; " + kept,
                    links.get().plan(change)));
            lines.add("spec has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "; " + kept + ":");
            errors.forEach(d -> lines.add("  " + SPEC_PATH + ":" + d.line() + ": " + d.message()));
            return new PushReport(change, lines, checks);
        }
        long warnings = parsed.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        String specSummary = parsed.spec().features().size() + " features"
                + (warnings > 0 ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") : "");
        post(change, checks, new CommitCheck(CommitCheck.SPEC, "success", "spec OK: " + specSummary, links.get().spec(change)));
        listener.accept(new PipelineEvent("spec_updated", change.repository(), change.ref(), sha, "", specSummary));

        if (!moves) {
            String preview = current.map(s -> previewOf(s, parsed)).orElse("no plan yet");
            post(change, checks, new CommitCheck(CommitCheck.PLAN, "success", "not tracked; against the plan: "
                    + preview, links.get().plan(change)));
            lines.add("spec OK (" + specSummary + "); " + change.ref() + " is not tracked, plan unchanged (" + preview + ")");
            return new PushReport(change, lines, checks);
        }
        SyncOutcome outcome = sync.apply(store, text.get(), sha, change.pusher());
        String planLine;
        if (outcome instanceof SyncOutcome.Applied a) {
            planLine = a.summary() + " (buildrunner " + a.state().commitId().substring(0, 7) + ")";
            listener.accept(new PipelineEvent("plan_regenerated", change.repository(), change.ref(), sha,
                    a.state().commitId(), a.summary()));
        } else if (outcome instanceof SyncOutcome.Unchanged u) {
            planLine = "plan up to date (buildrunner " + u.state().commitId().substring(0, 7) + ")";
        } else {
            throw new IllegalStateException("spec parsed without errors but the sync rejected it");
        }
        post(change, checks, new CommitCheck(CommitCheck.PLAN, "success", planLine, links.get().plan(change)));
        lines.add("spec OK (" + specSummary + "); " + planLine);
        return new PushReport(change, lines, checks);
    }

    private String previewOf(State state, ParseResult parsed) {
        SpecDiff diff = SpecDiff.between(parser.parse(state.specText()).spec(), parsed.spec());
        int n = diff.changedIds().size() + diff.removed().size();
        return n == 0 ? "no feature would change" : n + (n == 1 ? " feature" : " features") + " would change";
    }

    private void post(RefChange change, List<CommitCheck> checks, CommitCheck check) {
        statuses.publish(change.repository(), change.after(), check);
        checks.add(check);
        listener.accept(new PipelineEvent("status", change.repository(), change.ref(), change.after(), "",
                check.context() + " " + check.state() + ": " + check.description()));
    }

    private static boolean isPullHead(String ref) {
        return ref.startsWith("refs/pull/") && ref.endsWith("/head")
                || ref.startsWith("refs/merge-requests/") && ref.endsWith("/head");
    }

    private static boolean isDefaultBranch(Repository repo, String ref) {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            return head != null && head.isSymbolic() && head.getTarget().getName().equals(ref);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HEAD of " + repo.getDirectory(), e);
        }
    }

    /** The spec at a commit, or empty when the commit has none (or is not in the repository). */
    public static Optional<String> readSpec(Repository repo, String sha) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            try (TreeWalk tw = TreeWalk.forPath(repo, SPEC_PATH, commit.getTree())) {
                if (tw == null) {
                    return Optional.empty();
                }
                return Optional.of(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SPEC_PATH + " at " + sha, e);
        }
    }
}
