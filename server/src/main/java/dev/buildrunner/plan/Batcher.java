package dev.buildrunner.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups the live tasks of a {@link TaskGraph} into batches (seed 003, "Batch Optimizer"):
 * <ul>
 *   <li>at most {@value #MAX_SIZE} tasks per batch ("Max 2-3 tasks per batch");
 *   <li>one domain per batch ("Never mix domains");
 *   <li>a complex task alone ("complex = 1 task");
 *   <li>every live dependency of a task lies in an earlier batch.
 * </ul>
 *
 * <p>Greedy list scheduling over the topological order: a task is ready when all its live
 * dependencies are in closed batches. The next batch starts with the earliest ready task (in
 * topological order) that is complex or has a ready non-complex partner of its domain; a
 * non-complex task alone in its domain waits while other work can go, since finishing that work
 * may ready a partner for it (the docs tasks of two features, for example). A complex task stays
 * alone; otherwise the batch takes up to two more ready, non-complex tasks of its domain, first of
 * its own feature, then of any feature, earliest first. A batch of one non-complex task therefore
 * happens only when no other non-complex task of its domain is ready at that moment, and every
 * ready task is in that situation. Tasks made ready by a batch join only later batches.
 *
 * <p>Runs in O(n log n) for n live tasks plus their edges. Stateless and thread-safe.
 */
public final class Batcher {

    /** Largest batch (seed 003: "2-3 tasks maximum"). */
    public static final int MAX_SIZE = 3;

    /** A Batcher; it holds no state, so one instance serves any number of plans and threads. */
    public Batcher() {
    }

    /**
     * Batches the live tasks of a graph.
     *
     * @param graph the task DAG
     * @return batches {@code B1..Bn} in execution order, covering every live task exactly once
     */
    public List<Batch> batch(TaskGraph graph) {
        int n = graph.liveCount();
        int[] waiting = new int[n];
        TreeSet<Integer> ready = new TreeSet<>();
        Map<Domain, TreeSet<Integer>> partnersByDomain = new EnumMap<>(Domain.class);
        Map<String, TreeSet<Integer>> partnersByFeature = new HashMap<>();
        for (int p = 0; p < n; p++) {
            waiting[p] = graph.livePredecessors(p).length;
            if (waiting[p] == 0) {
                makeReady(graph, p, ready, partnersByDomain, partnersByFeature);
            }
        }

        List<Batch> batches = new ArrayList<>();
        List<Integer> members = new ArrayList<>(MAX_SIZE);
        while (!ready.isEmpty()) {
            members.clear();
            int seed = seed(graph, ready, partnersByDomain);
            members.add(seed);
            take(graph, seed, ready, partnersByDomain, partnersByFeature);
            Task first = graph.liveTask(seed);
            if (!first.complex()) {
                fill(graph, members, partnersByFeature.get(featureKey(first)), ready, partnersByDomain,
                        partnersByFeature);
                fill(graph, members, partnersByDomain.get(first.domain()), ready, partnersByDomain, partnersByFeature);
            }
            List<String> ids = new ArrayList<>(members.size());
            for (int p : members) {
                ids.add(graph.liveTask(p).id());
            }
            batches.add(new Batch("B" + (batches.size() + 1), first.domain(), ids));
            for (int p : members) {
                for (int s : graph.liveSuccessors(p)) {
                    if (--waiting[s] == 0) {
                        makeReady(graph, s, ready, partnersByDomain, partnersByFeature);
                    }
                }
            }
        }
        return batches;
    }

    /**
     * The earliest ready task that is complex or has a ready same-domain partner; the earliest
     * ready task when every ready task is a non-complex one alone in its domain. Skips at most one
     * task per domain, so constant time.
     */
    private static int seed(TaskGraph graph, TreeSet<Integer> ready, Map<Domain, TreeSet<Integer>> byDomain) {
        for (int p : ready) {
            Task t = graph.liveTask(p);
            if (t.complex() || byDomain.get(t.domain()).size() > 1) {
                return p;
            }
        }
        return ready.first();
    }

    private static void fill(TaskGraph graph, List<Integer> members, TreeSet<Integer> candidates,
            TreeSet<Integer> ready, Map<Domain, TreeSet<Integer>> byDomain, Map<String, TreeSet<Integer>> byFeature) {
        while (members.size() < MAX_SIZE && candidates != null && !candidates.isEmpty()) {
            int p = candidates.first();
            members.add(p);
            take(graph, p, ready, byDomain, byFeature);
        }
    }

    private static void makeReady(TaskGraph graph, int p, TreeSet<Integer> ready, Map<Domain, TreeSet<Integer>> byDomain,
            Map<String, TreeSet<Integer>> byFeature) {
        ready.add(p);
        Task t = graph.liveTask(p);
        if (!t.complex()) {
            byDomain.computeIfAbsent(t.domain(), d -> new TreeSet<>()).add(p);
            byFeature.computeIfAbsent(featureKey(t), k -> new TreeSet<>()).add(p);
        }
    }

    private static void take(TaskGraph graph, int p, TreeSet<Integer> ready, Map<Domain, TreeSet<Integer>> byDomain,
            Map<String, TreeSet<Integer>> byFeature) {
        ready.remove(p);
        Task t = graph.liveTask(p);
        if (!t.complex()) {
            byDomain.get(t.domain()).remove(p);
            byFeature.get(featureKey(t)).remove(p);
        }
    }

    private static String featureKey(Task t) {
        return t.domain().ordinal() + ":" + t.featureId();
    }
}
