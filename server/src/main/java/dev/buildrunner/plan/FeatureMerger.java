package dev.buildrunner.plan;

import dev.buildrunner.spec.Feature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regenerates the tasks of one changed feature against its previous tasks (the rules of
 * {@link AdaptivePlanner}).
 *
 * <p>Each freshly generated task (a "slot") looks for the previous task that held it: first the
 * task with its id; else a non-cancelled task with its fingerprint (an in-progress task keeps its
 * old id after its requirement was edited, so the fingerprint finds it again); else, for an edited
 * requirement ({@link RequirementPairing}), the task that held the old text's slot, by id or
 * fingerprint of the old version's draft. From that task it follows the chain of done follow-ups
 * ({@link Task#followUpOf()}) to the newest done one. Then:
 * <ul>
 *   <li>no previous task: a new PENDING task;
 *   <li>a done task whose fingerprint equals the slot's: nothing to do (a live follow-up of it is
 *       cancelled: the spec is back to what was done);
 *   <li>a done task whose fingerprint differs: its live follow-up is rewritten, or a new follow-up
 *       is created, {@code followUpOf} = the done task, titled "Revise: old -> new"; the done task
 *       is never touched;
 *   <li>a pending, in-progress or blocked task: kept with its id and status; if its content
 *       differs it is rewritten with a history event naming what changed;
 *   <li>a cancelled task: restored to PENDING with the slot's content (its source came back).
 * </ul>
 * Previous live tasks that no slot claimed are cancelled; done and cancelled ones are kept as
 * they are. Output order: previous tasks in previous order (rewritten in place), then new ones in
 * slot order, stably sorted by domain.
 */
final class FeatureMerger {

    /** What a merge produced; the counts add up to {@code tasks.size()}. */
    record Result(List<Task> tasks, int added, int updated, int cancelled, int followUps, int unchanged) {
    }

    private final Decomposer decomposer;

    FeatureMerger(Decomposer decomposer) {
        this.decomposer = decomposer;
    }

    /**
     * Merges one feature.
     *
     * @param before the feature's previous version (the old feature of a rename); null when new
     * @param beforeIsTaskList whether the previous spec was a task list ({@link Decomposer#isTaskList})
     * @param after its new version
     * @param afterIsTaskList whether the new spec is a task list
     * @param old the previous plan's tasks of the feature, in plan order, ids already mapped on a rename
     * @param touched ids of old tasks already changed before the merge (a rename): counted as
     *     updated when the merge leaves them as they are
     * @param ids allocator holding every id of the plan being built; new ids are taken from it
     * @param now time of the history events
     */
    Result merge(Feature before, boolean beforeIsTaskList, Feature after, boolean afterIsTaskList, List<Task> old,
            Set<String> touched, IdAllocator ids, Instant now) {
        return new Run(old, ids, now).merge(before == null ? List.of() : decomposer.drafts(before, beforeIsTaskList),
                decomposer.drafts(after, afterIsTaskList), touched);
    }

    /** The state of one merge. */
    private static final class Run {
        private final List<Task> old;
        private final IdAllocator ids;
        private final Instant now;
        private final Map<String, Task> byId = new HashMap<>();
        private final Map<String, List<Task>> byFingerprint = new HashMap<>();
        private final Map<String, List<Task>> children = new HashMap<>();
        private final Set<String> consumed = new HashSet<>();
        private final Map<String, Task> replaced = new LinkedHashMap<>();
        private final List<Task> appended = new ArrayList<>();
        private int added;
        private int followUps;

        Run(List<Task> old, IdAllocator ids, Instant now) {
            this.old = old;
            this.ids = ids;
            this.now = now;
            for (Task t : old) {
                byId.put(t.id(), t);
                if (t.status() != TaskStatus.CANCELLED) {
                    byFingerprint.computeIfAbsent(t.fingerprint(), k -> new ArrayList<>()).add(t);
                }
                if (!t.followUpOf().isEmpty()) {
                    children.computeIfAbsent(t.followUpOf(), k -> new ArrayList<>()).add(t);
                }
            }
        }

        Result merge(List<TaskDraft> beforeDrafts, List<TaskDraft> fresh, Set<String> touched) {
            Map<String, TaskDraft> edits = RequirementPairing.pair(beforeDrafts, fresh);
            for (TaskDraft a : fresh) {
                Task root = lookup(a.task().id(), a.task().fingerprint());
                if (root == null && edits.containsKey(a.task().id())) {
                    TaskDraft b = edits.get(a.task().id());
                    root = lookup(b.task().id(), b.task().fingerprint());
                }
                if (root == null) {
                    appended.add(created(a.task(), ids.allocate(a.task().id()), a.task().title(), "",
                            "created: new in the spec"));
                    added++;
                } else {
                    resolve(root, a);
                }
            }
            for (Task t : old) {
                if (!consumed.contains(t.id()) && TaskGraph.isLive(t)) {
                    replaced.put(t.id(), t.withStatus(TaskStatus.CANCELLED, event(TaskStatus.CANCELLED,
                            "cancelled: what it was generated from is no longer in the spec")));
                }
            }

            List<Task> out = new ArrayList<>(old.size() + appended.size());
            int updated = 0;
            int cancelled = 0;
            int unchanged = 0;
            for (Task t : old) {
                Task r = replaced.get(t.id());
                if (r == null) {
                    out.add(t);
                    if (touched.contains(t.id())) {
                        updated++;
                    } else {
                        unchanged++;
                    }
                } else {
                    out.add(r);
                    if (r.status() == TaskStatus.CANCELLED && t.status() != TaskStatus.CANCELLED) {
                        cancelled++;
                    } else {
                        updated++;
                    }
                }
            }
            out.addAll(appended);
            out.sort(Comparator.comparing(Task::domain));
            return new Result(out, added, updated, cancelled, followUps, unchanged);
        }

        /** The unclaimed previous task with this id, else an unclaimed non-cancelled one with this fingerprint. */
        private Task lookup(String id, String fingerprint) {
            Task t = byId.get(id);
            if (t != null && !consumed.contains(t.id())) {
                return t;
            }
            for (Task c : byFingerprint.getOrDefault(fingerprint, List.of())) {
                if (!consumed.contains(c.id())) {
                    return c;
                }
            }
            return null;
        }

        private void resolve(Task root, TaskDraft slot) {
            Task fresh = slot.task();
            consumed.add(root.id());
            Task done = root.status() == TaskStatus.DONE ? root : null;
            Task next = done == null ? null : lastChild(done, TaskStatus.DONE);
            while (next != null) {
                consumed.add(next.id());
                done = next;
                next = lastChild(done, TaskStatus.DONE);
            }
            if (done != null) {
                Task holder = firstLiveChild(done);
                if (holder != null) {
                    consumed.add(holder.id());
                }
                if (done.fingerprint().equals(fresh.fingerprint())) {
                    if (holder != null) {
                        replaced.put(holder.id(), holder.withStatus(TaskStatus.CANCELLED, event(TaskStatus.CANCELLED,
                                "cancelled: the spec is back to what " + done.id() + " did")));
                    }
                    return;
                }
                String title = FollowUps.title(done, fresh, slot.kind());
                if (holder != null) {
                    rewrite(holder, fresh, title);
                } else {
                    appended.add(created(fresh, ids.allocateFollowUp(fresh.id()), title, done.id(),
                            "created: follow-up of " + done.id() + ", whose source changed"));
                    followUps++;
                }
                return;
            }
            String title = fresh.title();
            if (!root.followUpOf().isEmpty() && byId.containsKey(root.followUpOf())) {
                title = FollowUps.title(byId.get(root.followUpOf()), fresh, slot.kind());
            }
            if (root.status() == TaskStatus.CANCELLED) {
                replaced.put(root.id(), TaskCopies.rewritten(root, fresh, title,
                        event(TaskStatus.PENDING, "restored: its source is in the spec again")));
            } else {
                rewrite(root, fresh, title);
            }
        }

        private void rewrite(Task t, Task fresh, String title) {
            if (!TaskCopies.sameContent(t, fresh, title)) {
                String note = "updated (" + TaskCopies.changedFields(t, fresh, title) + ")";
                if (!t.title().equals(title)) {
                    note += ": was \"" + t.title() + "\"";
                }
                replaced.put(t.id(), TaskCopies.rewritten(t, fresh, title, event(t.status(), note)));
            }
        }

        private Task created(Task fresh, String id, String title, String followUpOf, String note) {
            return new Task(id, fresh.featureId(), title, fresh.domain(), fresh.complex(), fresh.estimateMinutes(),
                    TaskStatus.PENDING, List.of(), fresh.files(), fresh.fingerprint(), followUpOf,
                    List.of(event(TaskStatus.PENDING, note)));
        }

        /** The last unclaimed follow-up of a task with this status, in plan order. */
        private Task lastChild(Task parent, TaskStatus status) {
            Task found = null;
            for (Task c : children.getOrDefault(parent.id(), List.of())) {
                if (c.status() == status && !consumed.contains(c.id())) {
                    found = c;
                }
            }
            return found;
        }

        /** The first unclaimed live follow-up of a task, in plan order. */
        private Task firstLiveChild(Task parent) {
            for (Task c : children.getOrDefault(parent.id(), List.of())) {
                if (TaskGraph.isLive(c) && !consumed.contains(c.id())) {
                    return c;
                }
            }
            return null;
        }

        private TaskEvent event(TaskStatus status, String note) {
            return new TaskEvent(now, status, Planner.BY, note);
        }
    }
}
