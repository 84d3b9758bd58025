package dev.buildrunner.sync;

import dev.buildrunner.plan.AdaptivePlanner;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Planner;
import dev.buildrunner.plan.Regeneration;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.Committed;
import dev.buildrunner.store.NotFoundException;
import dev.buildrunner.store.Proposal;
import dev.buildrunner.store.State;
import dev.buildrunner.store.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies spec versions and task moves to the {@code buildrunner} branch: the one path by which
 * the CLI ({@code br sync}, {@code br task done}) and the server (a push) change the plan.
 *
 * <p>Every operation is a {@link dev.buildrunner.store.StateChange} run by
 * {@link StateStore#update}: on a compare-and-swap conflict the store re-reads the branch and runs
 * it again, so a concurrent task move and spec push both land. A spec with errors is rejected
 * before anything is written (the previous state stays intact). Thread-safe.
 */
public final class PlanSync {
    /** Event of a spec version applied to the plan. */
    public static final String EVENT_SYNC = "sync";
    /** Event of a spec restored from an older version. */
    public static final String EVENT_SPEC_ROLLBACK = "spec-rollback";

    private final SpecParser parser;
    private final Planner planner;
    private final AdaptivePlanner adaptive;
    private final Clock clock;
    /** The last spec parsed from a state commit, so consecutive syncs do not parse it twice. */
    private final AtomicReference<ParsedState> lastParsed = new AtomicReference<>();

    /** A spec text and its parse; keyed by text, since task moves keep the text and change the commit. */
    private record ParsedState(String text, Spec spec) {
    }

    public PlanSync(SpecParser parser, Planner planner, AdaptivePlanner adaptive, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.adaptive = Objects.requireNonNull(adaptive, "adaptive");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies a spec version: parses it, runs the adaptive planner against the branch's current
     * plan (or plans afresh on an empty branch) and commits spec and plan as one state.
     *
     * @param store the repository's state store
     * @param specText the spec as committed (for example at the pushed commit)
     * @param sourceCommit hex id of the code commit the spec comes from, or empty
     * @param author on whose behalf
     * @return {@link SyncOutcome.Rejected} when the spec has errors (nothing written),
     *     {@link SyncOutcome.Unchanged} when the branch already holds this spec text, else
     *     {@link SyncOutcome.Applied}
     */
    public SyncOutcome apply(StateStore store, String specText, String sourceCommit, String author) {
        return apply(store, specText, sourceCommit, author, EVENT_SYNC, "");
    }

    private SyncOutcome apply(StateStore store, String specText, String sourceCommit, String author, String event,
            String prefix) {
        ParseResult parsed = parser.parse(specText);
        if (parsed.hasErrors()) {
            return new SyncOutcome.Rejected(parsed.diagnostics());
        }
        Spec after = parsed.spec();
        AtomicReference<List<String>> changed = new AtomicReference<>(List.of());
        AtomicReference<List<Diagnostic>> planDiagnostics = new AtomicReference<>(List.of());
        Committed committed = store.update(current -> {
            if (current.isPresent() && current.get().specText().equals(specText)) {
                return Optional.empty();
            }
            Plan plan;
            String summary;
            if (current.isEmpty()) {
                plan = planner.plan(after);
                changed.set(after.features().stream().map(f -> f.id()).toList());
                summary = after.features().size() + " features, " + plan.tasks().size() + " tasks planned";
            } else {
                Regeneration r = adaptive.regenerate(current.get().plan(), specOf(current.get()), after);
                plan = r.plan();
                changed.set(r.summary().changedFeatureIds());
                summary = describe(r.summary());
            }
            planDiagnostics.set(plan.diagnostics());
            return Optional.of(new Proposal(specText, plan, event, prefix + summary, sourceCommit, author));
        });
        if (!committed.changed()) {
            return new SyncOutcome.Unchanged(committed.state().orElseThrow());
        }
        State state = committed.state().orElseThrow();
        lastParsed.set(new ParsedState(specText, after));
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        diagnostics.addAll(planDiagnostics.get());
        return new SyncOutcome.Applied(state, state.summary(), changed.get(), diagnostics);
    }

    /**
     * Restores the spec text of an older version and applies it like a new spec version: the plan
     * is regenerated adaptively against the current one, so done work stays done.
     *
     * @param version the version number ({@link StateStore#versions()})
     * @throws NotFoundException when there is no such version
     */
    public SyncOutcome rollbackSpec(StateStore store, int version, String author) {
        State old = store.readVersion(version)
                .orElseThrow(() -> new NotFoundException("no version " + version + " on the buildrunner branch"));
        return apply(store, old.specText(), "", author, EVENT_SPEC_ROLLBACK,
                "to version " + version + " (" + old.commitId().substring(0, 7) + "): ");
    }

    /**
     * Moves a task to another status and commits it (event {@code task-start}, {@code task-done},
     * {@code task-block}, {@code task-reset}); batches, waves and the critical path are derived anew.
     *
     * @param taskId the task's id
     * @param to the new status: IN_PROGRESS, DONE, BLOCKED or PENDING
     * @param note why, for the task's history; may be empty
     * @throws TransitionException for an unknown task, or a move out of DONE or CANCELLED
     * @throws NotFoundException when the branch holds no plan yet
     */
    public State transition(StateStore store, String taskId, TaskStatus to, String author, String note) {
        if (to == TaskStatus.CANCELLED) {
            throw new TransitionException("task " + taskId + ": tasks are cancelled by the planner when their"
                    + " requirement leaves the spec, not by hand");
        }
        Committed committed = store.update(current -> {
            State state = current.orElseThrow(() -> new NotFoundException(
                    "no plan on the buildrunner branch yet: run br sync first"));
            Task task = state.plan().task(taskId).orElseThrow(() -> new TransitionException(
                    "no task " + taskId + " in the plan at " + state.commitId().substring(0, 7)));
            if (task.status() == to) {
                return Optional.empty();
            }
            if (task.status().isTerminal()) {
                throw new TransitionException("task " + taskId + " is " + task.status().label()
                        + "; it cannot become " + to.label());
            }
            Task moved = task.withStatus(to, new TaskEvent(clock.instant(), to, author, note));
            List<Task> tasks = new ArrayList<>(state.plan().tasks());
            tasks.set(tasks.indexOf(task), moved);
            Plan plan = planner.assemble(specOf(state), tasks);
            return Optional.of(new Proposal(state.specText(), plan, EVENTS.get(to), taskId + " " + task.title(),
                    "", author));
        });
        return committed.state().orElseThrow();
    }

    private static final Map<TaskStatus, String> EVENTS = Map.of(TaskStatus.IN_PROGRESS, "task-start",
            TaskStatus.DONE, "task-done", TaskStatus.BLOCKED, "task-block", TaskStatus.PENDING, "task-reset");

    /** Statuses {@link #transition} accepts. */
    public static final Set<TaskStatus> MOVABLE_TO = EnumSet.of(TaskStatus.PENDING, TaskStatus.IN_PROGRESS,
            TaskStatus.DONE, TaskStatus.BLOCKED);

    /** "2 features changed: 3 tasks added, 1 updated, 1 cancelled, 1 follow-up" (zero counts left out). */
    static String describe(Regeneration.Summary s) {
        int features = s.changedFeatureIds().size();
        StringBuilder b = new StringBuilder();
        b.append(features).append(features == 1 ? " feature" : " features").append(" changed");
        List<String> parts = new ArrayList<>();
        if (s.added() > 0) {
            parts.add(s.added() + " tasks added");
        }
        if (s.updated() > 0) {
            parts.add(s.updated() + " updated");
        }
        if (s.cancelled() > 0) {
            parts.add(s.cancelled() + " cancelled");
        }
        if (s.followUps() > 0) {
            parts.add(s.followUps() + (s.followUps() == 1 ? " follow-up" : " follow-ups"));
        }
        if (!parts.isEmpty()) {
            b.append(": ").append(String.join(", ", parts));
        }
        return b.toString();
    }

    private Spec specOf(State state) {
        ParsedState cached = lastParsed.get();
        if (cached != null && cached.text().equals(state.specText())) {
            return cached.spec();
        }
        Spec spec = parser.parse(state.specText()).spec();
        lastParsed.set(new ParsedState(state.specText(), spec));
        return spec;
    }
}
