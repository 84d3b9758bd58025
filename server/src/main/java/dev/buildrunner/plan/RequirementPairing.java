package dev.buildrunner.plan;

import dev.buildrunner.plan.TaskDraft.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs an edited requirement with its previous version, so that the task generated from the old
 * text is carried over (a pending or in-progress task is rewritten, a done one gets a follow-up)
 * instead of being cancelled while a new one appears.
 *
 * <p>Only requirements whose id changed take part: those of the old version missing from the new
 * one, and those of the new version missing from the old one. A pair qualifies when the two texts
 * share at least {@value #MIN_SIMILARITY} of their words (Jaccard similarity of
 * {@link Words#tokens}) or stand at the same index in the feature's requirement list (a rewrite in
 * place). Pairs are taken greedily, best first: similarity plus {@value #SAME_INDEX_BONUS} for the
 * same index, then smaller index distance, then earlier new index, then earlier old index.
 * Deterministic; quadratic only in the number of edited requirements of one feature.
 */
final class RequirementPairing {

    /** Jaccard similarity from which two texts count as versions of one requirement. */
    static final double MIN_SIMILARITY = 0.3;
    /** Score added when both stand at the same index. */
    static final double SAME_INDEX_BONUS = 0.5;

    private RequirementPairing() {
    }

    /**
     * Pairs edited requirements.
     *
     * @param before the drafts of the feature's old version
     * @param after the drafts of its new version
     * @return for each paired new requirement task id, the old requirement draft it replaces
     */
    static Map<String, TaskDraft> pair(List<TaskDraft> before, List<TaskDraft> after) {
        Set<String> beforeIds = new HashSet<>();
        before.forEach(d -> beforeIds.add(d.task().id()));
        Set<String> afterIds = new HashSet<>();
        after.forEach(d -> afterIds.add(d.task().id()));
        List<TaskDraft> gone = new ArrayList<>();
        for (TaskDraft d : before) {
            if (d.kind() == Kind.REQUIREMENT && !afterIds.contains(d.task().id())) {
                gone.add(d);
            }
        }
        List<TaskDraft> fresh = new ArrayList<>();
        for (TaskDraft d : after) {
            if (d.kind() == Kind.REQUIREMENT && !beforeIds.contains(d.task().id())) {
                fresh.add(d);
            }
        }
        if (gone.isEmpty() || fresh.isEmpty()) {
            return Map.of();
        }

        record Candidate(TaskDraft old, TaskDraft now, double score, int distance) {
        }
        List<Candidate> candidates = new ArrayList<>();
        List<Set<String>> goneTokens = new ArrayList<>();
        gone.forEach(d -> goneTokens.add(new HashSet<>(Words.tokens(d.source()))));
        for (TaskDraft a : fresh) {
            Set<String> at = new HashSet<>(Words.tokens(a.source()));
            for (int i = 0; i < gone.size(); i++) {
                TaskDraft b = gone.get(i);
                double similarity = jaccard(goneTokens.get(i), at);
                boolean sameIndex = b.requirementIndex() == a.requirementIndex();
                if (similarity >= MIN_SIMILARITY || sameIndex) {
                    candidates.add(new Candidate(b, a, similarity + (sameIndex ? SAME_INDEX_BONUS : 0),
                            Math.abs(b.requirementIndex() - a.requirementIndex())));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::distance)
                .thenComparingInt(c -> c.now().requirementIndex())
                .thenComparingInt(c -> c.old().requirementIndex()));
        Map<String, TaskDraft> pairs = new HashMap<>();
        Set<String> usedOld = new HashSet<>();
        for (Candidate c : candidates) {
            String now = c.now().task().id();
            String old = c.old().task().id();
            if (!pairs.containsKey(now) && !usedOld.contains(old)) {
                pairs.put(now, c.old());
                usedOld.add(old);
            }
        }
        return pairs;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int common = 0;
        for (String t : a) {
            if (b.contains(t)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
