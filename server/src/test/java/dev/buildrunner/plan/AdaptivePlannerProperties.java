package dev.buildrunner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecDiff;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random edit sequences against the adaptive planner's guarantees: start from a plan, mark random
 * tasks done, in progress or blocked, apply a random spec edit, regenerate, check everything,
 * repeat.
 */
class AdaptivePlannerProperties {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final Decomposer decomposer = new Decomposer();

    @Property(tries = 300)
    void regenerationKeepsEveryGuarantee(@ForAll("features") List<Feature> features,
            @ForAll("edits") List<SpecEdits.Edit> edits, @ForAll Random random) {
        run(FeatureFixture.spec(features), edits, random);
    }

    @Property(tries = 40)
    void regenerationOfBuild3aKeepsEveryGuarantee(@ForAll("edits") List<SpecEdits.Edit> edits,
            @ForAll Random random) {
        run(Build3aFixture.spec(), edits, random);
    }

    /**
     * Plans the spec, then for each edit: marks random live tasks, applies the edit (the spec keeps
     * its format), regenerates and checks every guarantee.
     */
    void run(Spec start, List<SpecEdits.Edit> edits, Random random) {
        Spec spec = start;
        Plan plan = new Planner(Clock.fixed(T0, ZoneOffset.UTC)).plan(spec);
        PlanInvariants.check(plan);
        assertCoverage(plan, spec);
        int step = 0;
        for (SpecEdits.Edit edit : edits) {
            step++;
            Instant now = T0.plusSeconds(3600L * step);
            Planner planner = new Planner(Clock.fixed(now, ZoneOffset.UTC));
            plan = planner.assemble(spec, markRandomly(plan, random, now.minusSeconds(60)));
            Spec next = new Spec(spec.title(), spec.format(), spec.overview(),
                    SpecEdits.apply(spec.features(), edit, step), spec.technicalRequirements(), spec.source());
            AdaptivePlanner adaptive = new AdaptivePlanner(Clock.fixed(now, ZoneOffset.UTC));
            Regeneration r = adaptive.regenerate(plan, spec, next);

            assertGuarantees(plan, spec, next, r);
            assertThat(adaptive.regenerate(plan, spec, next)).as("deterministic").isEqualTo(r);
            assertThat(adaptive.regenerate(r.plan(), next, next).plan()).isSameAs(r.plan());
            plan = r.plan();
            spec = next;
        }
    }

    private static List<Task> markRandomly(Plan plan, Random random, Instant at) {
        List<Task> tasks = new ArrayList<>(plan.tasks());
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            if (!PlanInvariants.isLive(t)) {
                continue;
            }
            int dice = random.nextInt(100);
            TaskStatus s = dice < 20 ? TaskStatus.DONE : dice < 28 ? TaskStatus.IN_PROGRESS
                    : dice < 32 ? TaskStatus.BLOCKED : null;
            if (s != null && s != t.status()) {
                tasks.set(i, t.withStatus(s, new TaskEvent(at, s, "agent", "")));
            }
        }
        return tasks;
    }

    private void assertGuarantees(Plan before, Spec oldSpec, Spec newSpec, Regeneration r) {
        Plan after = r.plan();
        PlanInvariants.check(after);
        Regeneration.Summary s = r.summary();
        assertThat(s.added() + s.updated() + s.cancelled() + s.followUps() + s.unchanged())
                .as("summary counts add up").isEqualTo(after.tasks().size());

        SpecDiff diff = SpecDiff.between(oldSpec, newSpec);
        Map<String, String> renamedTo = new HashMap<>();
        diff.renamed().forEach(x -> renamedTo.put(x.from(), x.to()));
        Map<String, Task> now = new HashMap<>();
        after.tasks().forEach(t -> now.put(t.id(), t));

        for (Task old : before.tasks()) {
            String to = renamedTo.get(old.featureId());
            String id = to == null ? old.id() : to + old.id().substring(old.featureId().length());
            Task t = now.get(id);
            assertThat(t).as("task %s (now %s) is still in the plan", old.id(), id).isNotNull();
            switch (old.status()) {
                case DONE -> {
                    if (to == null) {
                        assertThat(t).as("done task %s is untouched", old.id()).isEqualTo(old);
                    } else {
                        assertThat(t.status()).isEqualTo(TaskStatus.DONE);
                        assertThat(List.of(t.title(), t.fingerprint(), t.history(), t.files()))
                                .as("renamed done task %s keeps its content", old.id())
                                .isEqualTo(List.of(old.title(), old.fingerprint(), old.history(), old.files()));
                    }
                }
                case IN_PROGRESS, BLOCKED -> assertThat(t.status()).as("%s is never reset", old.id())
                        .isIn(old.status(), TaskStatus.CANCELLED);
                case CANCELLED -> assertThat(t.status()).isIn(TaskStatus.CANCELLED, TaskStatus.PENDING);
                case PENDING -> assertThat(t.status()).isIn(TaskStatus.PENDING, TaskStatus.CANCELLED);
            }
            if (t.status() != old.status()) {
                assertThat(t.history()).as("status change of %s is in its history", id).hasSizeGreaterThan(
                        old.history().size());
                assertThat(t.history().get(t.history().size() - 1).status()).isEqualTo(t.status());
            }
        }

        Set<String> changed = new HashSet<>(diff.changedIds());
        changed.addAll(diff.removed());
        for (Feature f : newSpec.features()) {
            if (changed.contains(f.id())) {
                continue;
            }
            List<Task> was = withoutDependsOn(before, f.id());
            assertThat(withoutDependsOn(after, f.id())).as("tasks of unchanged feature %s", f.id())
                    .isEqualTo(was);
        }
        Set<String> featureIds = new HashSet<>();
        newSpec.features().forEach(f -> featureIds.add(f.id()));
        assertThat(after.tasks()).filteredOn(PlanInvariants::isLive)
                .allSatisfy(t -> assertThat(featureIds).contains(t.featureId()));
        assertCoverage(after, newSpec);
    }

    /**
     * The plan says what the spec says: every freshly generated task of every feature is covered
     * by a task of that feature with its fingerprint (done or live), and every live task stands
     * for a fresh one: no stale live work, no missing work, at most one live task per fresh one.
     */
    private void assertCoverage(Plan plan, Spec spec) {
        for (Feature f : spec.features()) {
            List<Task> fresh = decomposer.decompose(f, spec.format());
            Set<String> freshPrints = new HashSet<>();
            fresh.forEach(t -> freshPrints.add(t.fingerprint()));
            List<Task> held = plan.tasks().stream()
                    .filter(t -> t.featureId().equals(f.id()) && t.status() != TaskStatus.CANCELLED).toList();
            Set<String> heldPrints = new HashSet<>();
            held.forEach(t -> heldPrints.add(t.fingerprint()));
            assertThat(heldPrints).as("feature %s: every generated task is covered", f.id())
                    .containsAll(freshPrints);
            List<Task> live = held.stream().filter(PlanInvariants::isLive).toList();
            assertThat(live).as("feature %s: live tasks stand for generated ones", f.id())
                    .allSatisfy(t -> assertThat(freshPrints).contains(t.fingerprint()));
            assertThat(live.size()).as("feature %s: no duplicate live work", f.id()).isLessThanOrEqualTo(fresh.size());
        }
    }

    private static List<Task> withoutDependsOn(Plan plan, String featureId) {
        return plan.tasks().stream().filter(t -> t.featureId().equals(featureId))
                .map(t -> TaskCopies.withDependsOn(t, List.of())).toList();
    }

    @Provide
    Arbitrary<List<Feature>> features() {
        Arbitrary<Complexity> complexity = Arbitraries.of(Complexity.class);
        Arbitrary<List<String>> requirements = Arbitraries.of(SpecEdits.REQUIREMENTS).list().ofMaxSize(5);
        Arbitrary<List<String>> files = Arbitraries.of(SpecEdits.FILES).list().uniqueElements().ofMaxSize(4);
        Arbitrary<List<Integer>> deps = Arbitraries.integers().between(-1, 7).list().ofMaxSize(2);
        Arbitrary<List<String>> criteria = Arbitraries.of(SpecEdits.CRITERIA).list().uniqueElements().ofMaxSize(3);
        Arbitrary<Boolean> endpoint = Arbitraries.of(true, false);
        Arbitrary<Object[]> shape = Combinators.combine(complexity, requirements, files, deps, criteria, endpoint)
                .as((c, r, fl, d, cr, e) -> new Object[] {c, r, fl, d, cr, e});
        return shape.list().ofMinSize(1).ofMaxSize(7).map(AdaptivePlannerProperties::toFeatures);
    }

    @SuppressWarnings("unchecked")
    private static List<Feature> toFeatures(List<Object[]> shapes) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Object[] s = shapes.get(i);
            List<String> deps = new ArrayList<>();
            for (int d : (List<Integer>) s[3]) {
                deps.add(d < 0 ? "ghost" : "f" + (d % shapes.size()));
            }
            out.add(SpecEdits.feature("f" + i, (Complexity) s[0], (List<String>) s[1], (List<String>) s[2], deps,
                    (List<String>) s[4], (Boolean) s[5]));
        }
        return out;
    }

    @Provide
    static Arbitrary<List<SpecEdits.Edit>> edits() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(Arbitraries.of(SpecEdits.Kind.class), n, n, n).as(SpecEdits.Edit::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }
}
