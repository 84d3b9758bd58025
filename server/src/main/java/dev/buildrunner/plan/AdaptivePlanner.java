package dev.buildrunner.plan;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecDiff;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Regenerates a plan after a spec change, touching only what the change touched (seed 000's
 * adaptive planner; BRIEF.md "The plan").
 *
 * <p>Guarantees:
 * <ul>
 *   <li>only the features {@link SpecDiff} reports as added, renamed or modified are regenerated
 *       ({@link FeatureMerger} has the per-task rules); the tasks of the others are kept as the
 *       same records, except that the dependencies of their live tasks are recomputed, which
 *       changes them only when a feature they depend on gained or lost tasks in its entry or final
 *       domain, or when a changed dependency elsewhere moves which edge closes a cycle;
 *   <li>a DONE task is never changed, not even its title or history; when its source changed, a
 *       follow-up task ({@code followUpOf} = its id, title "Revise: old → new") carries the change.
 *       One exception: a feature rename maps ids, so the done task's {@code id}, {@code featureId},
 *       {@code followUpOf} and {@code dependsOn} follow the new feature id (title, status,
 *       fingerprint and history stay);
 *   <li>an in-progress or blocked task keeps its status (and id); if its source changed, its
 *       content is rewritten and a history event says so;
 *   <li>a task whose source left the spec (requirement removed, feature removed) is CANCELLED with
 *       a history event, never deleted, whatever its status (pending, in progress, blocked); done
 *       tasks stay DONE and get no follow-up; when the source comes back, the cancelled task is
 *       restored to PENDING;
 *   <li>an edited requirement is paired with its previous version ({@link RequirementPairing}):
 *       a pending or in-progress task keeps its id and is rewritten, a done one gets a follow-up;
 *   <li>a renamed feature ({@link SpecDiff#renamed()}) keeps its tasks and their statuses, ids
 *       {@code <old>-x} mapped to {@code <new>-x}, and a history event on those not done;
 *   <li>deterministic: the same inputs (and clock instant) give equal plans; an unchanged spec
 *       gives back the previous plan itself.
 * </ul>
 *
 * <p>Assumes {@code previous} was planned from {@code before} (or regenerated to it). Cost: the
 * changed features' decomposition plus one linear pass and the plan's graph and batches.
 * Thread-safe; the clock is only read.
 */
public final class AdaptivePlanner {

    private final Clock clock;
    private final Planner planner;
    private final FeatureMerger merger = new FeatureMerger(new Decomposer());

    /** @param clock the time stamped on the history events it writes */
    public AdaptivePlanner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planner = new Planner(clock);
    }

    /**
     * Regenerates a plan.
     *
     * @param previous the current plan
     * @param before the spec version {@code previous} was planned from
     * @param after the new spec version
     * @return the new plan and a summary; {@code previous} itself when the specs have no
     *     difference by {@link SpecDiff#between}
     */
    public Regeneration regenerate(Plan previous, Spec before, Spec after) {
        SpecDiff diff = SpecDiff.between(before, after);
        if (diff.isEmpty()) {
            return new Regeneration(previous,
                    new Regeneration.Summary(0, 0, 0, 0, previous.tasks().size(), List.of()));
        }
        Instant now = clock.instant();
        Map<String, String> renamedTo = new HashMap<>();
        Map<String, String> renamedFrom = new HashMap<>();
        for (SpecDiff.Rename r : diff.renamed()) {
            renamedTo.put(r.from(), r.to());
            renamedFrom.put(r.to(), r.from());
        }

        IdAllocator ids = new IdAllocator();
        for (Task t : previous.tasks()) {
            if (!renamedTo.containsKey(t.featureId())) {
                ids.take(t.id());
            }
        }
        Map<String, String> idMap = new HashMap<>();
        for (Task t : previous.tasks()) {
            String to = renamedTo.get(t.featureId());
            if (to != null) {
                String from = t.featureId();
                String wanted = t.id().startsWith(from + "-") ? to + t.id().substring(from.length()) : t.id();
                idMap.put(t.id(), ids.allocate(wanted));
            }
        }
        Set<String> touched = new HashSet<>();
        Map<String, List<Task>> byFeature = new LinkedHashMap<>();
        for (Task t : previous.tasks()) {
            String to = renamedTo.get(t.featureId());
            if (to != null) {
                List<TaskEvent> history = t.history();
                if (t.status() != TaskStatus.DONE) {
                    history = TaskCopies.appended(history, new TaskEvent(now, t.status(), Planner.BY,
                            "feature renamed '" + t.featureId() + "' → '" + to + "'; task id was " + t.id()));
                }
                t = TaskCopies.moved(t, to, idMap, history);
                touched.add(t.id());
            }
            byFeature.computeIfAbsent(t.featureId(), k -> new ArrayList<>()).add(t);
        }

        Set<String> changed = diff.changedIds();
        List<Task> out = new ArrayList<>(previous.tasks().size() + 16);
        int added = 0;
        int updated = 0;
        int cancelled = 0;
        int followUps = 0;
        int unchanged = 0;
        for (Feature f : FeatureDependencies.distinct(after.features())) {
            List<Task> old = byFeature.remove(f.id());
            if (old == null) {
                old = List.of();
            }
            if (!changed.contains(f.id()) && !old.isEmpty()) {
                out.addAll(old);
                unchanged += old.size();
                continue;
            }
            Feature was = before.feature(renamedFrom.getOrDefault(f.id(), f.id())).orElse(null);
            FeatureMerger.Result r = merger.merge(was, Decomposer.isTaskList(before.format()), f,
                    Decomposer.isTaskList(after.format()), old, touched, ids, now);
            out.addAll(r.tasks());
            added += r.added();
            updated += r.updated();
            cancelled += r.cancelled();
            followUps += r.followUps();
            unchanged += r.unchanged();
        }
        for (Map.Entry<String, List<Task>> gone : byFeature.entrySet()) {
            for (Task t : gone.getValue()) {
                if (TaskGraph.isLive(t)) {
                    out.add(t.withStatus(TaskStatus.CANCELLED, new TaskEvent(now, TaskStatus.CANCELLED, Planner.BY,
                            "cancelled: feature '" + gone.getKey() + "' is no longer in the spec")));
                    cancelled++;
                } else {
                    out.add(t);
                    unchanged++;
                }
            }
        }

        Set<String> changedIds = new LinkedHashSet<>(changed);
        changedIds.addAll(diff.removed());
        Plan plan = planner.assemble(after, out);
        return new Regeneration(plan,
                new Regeneration.Summary(added, updated, cancelled, followUps, unchanged, List.copyOf(changedIds)));
    }
}
