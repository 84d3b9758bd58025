package dev.buildrunner.plan;

import static dev.buildrunner.plan.Build3aFixture.DRIFT;
import static dev.buildrunner.plan.Build3aFixture.GAPS;
import static dev.buildrunner.plan.Build3aFixture.ORCHESTRATOR;
import static dev.buildrunner.plan.Build3aFixture.QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdaptivePlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-24T09:30:00Z");
    private static final String CONFIG = "Quality configuration management";
    private static final String CONFIG_EDITED = "Quality configuration management with per-repository overrides";

    private final Planner planner = new Planner(Clock.fixed(T0, ZoneOffset.UTC));
    private final AdaptivePlanner adaptive = new AdaptivePlanner(Clock.fixed(T1, ZoneOffset.UTC));
    private final Spec spec0 = Build3aFixture.spec();
    private final Plan plan0 = planner.plan(spec0);

    private static Spec edit(Spec spec, String featureId, UnaryOperator<Feature> change) {
        List<Feature> features = new ArrayList<>();
        for (Feature f : spec.features()) {
            if (f.id().equals(featureId)) {
                Feature changed = change.apply(f);
                if (changed != null) {
                    features.add(changed);
                }
            } else {
                features.add(f);
            }
        }
        return FeatureFixture.spec(features);
    }

    private static Feature replaceRequirement(Feature f, String old, String now) {
        return f.withRequirements(f.requirements().stream().map(r -> r.equals(old) ? now : r).toList());
    }

    private Plan mark(Plan plan, Spec spec, String taskId, TaskStatus status) {
        List<Task> tasks = new ArrayList<>(plan.tasks());
        tasks.replaceAll(t -> t.id().equals(taskId)
                ? t.withStatus(status, new TaskEvent(T0.plusSeconds(60), status, "alice", "")) : t);
        return planner.assemble(spec, tasks);
    }

    private static Task titled(Plan plan, String title) {
        return plan.tasks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private static Map<String, Task> byId(Plan plan) {
        return plan.tasks().stream().collect(Collectors.toMap(Task::id, t -> t));
    }

    private static void assertCountsAddUp(Regeneration r) {
        Regeneration.Summary s = r.summary();
        assertThat(s.added() + s.updated() + s.cancelled() + s.followUps() + s.unchanged())
                .isEqualTo(r.plan().tasks().size());
        PlanInvariants.check(r.plan());
    }

    private static void assertFeatureUntouched(Plan before, Plan after, String featureId) {
        List<Task> a = before.tasks().stream().filter(t -> t.featureId().equals(featureId)).toList();
        List<Task> b = after.tasks().stream().filter(t -> t.featureId().equals(featureId)).toList();
        assertThat(b).as("tasks of unchanged feature %s", featureId).containsExactlyElementsOf(a);
    }

    @Test
    void unchangedSpecGivesThePlanItselfBack() {
        Regeneration r = adaptive.regenerate(plan0, spec0, Build3aFixture.spec());
        assertThat(r.plan()).isSameAs(plan0);
        assertThat(r.summary()).isEqualTo(new Regeneration.Summary(0, 0, 0, 0, 32, List.of()));
    }

    @Test
    void addedRequirementAddsOneTaskAndLeavesOtherFeaturesAlone() {
        Spec spec1 = edit(spec0, QUALITY, f -> f.withRequirements(
                concat(f.requirements(), "Performance benchmarks runner")));
        Regeneration r = adaptive.regenerate(plan0, spec0, spec1);

        assertThat(r.summary().added()).isEqualTo(1);
        assertThat(r.summary().cancelled()).isZero();
        assertThat(r.summary().followUps()).isZero();
        assertThat(r.summary().changedFeatureIds()).containsExactly(QUALITY);
        Task added = titled(r.plan(), "Performance benchmarks runner");
        assertThat(added.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(added.history()).containsExactly(
                new TaskEvent(T1, TaskStatus.PENDING, "planner", "created: new in the spec"));
        // The feature's unit-tests task now also waits for the new task.
        assertThat(byId(r.plan()).get(QUALITY + "-tests").dependsOn()).contains(added.id());
        assertFeatureUntouched(plan0, r.plan(), ORCHESTRATOR);
        assertFeatureUntouched(plan0, r.plan(), GAPS);
        assertFeatureUntouched(plan0, r.plan(), DRIFT);
        assertCountsAddUp(r);
    }

    @Test
    void removedRequirementCancelsAPendingTaskButNeverADoneOne() {
        String format = "Format checkers (Black, Ruff, ESLint, Prettier)";
        Plan plan = mark(plan0, spec0, titled(plan0, format).id(), TaskStatus.DONE);
        Task doneBefore = titled(plan, format);
        Spec spec1 = edit(spec0, QUALITY, f -> f.withRequirements(f.requirements().stream()
                .filter(x -> !x.equals(format) && !x.equals(CONFIG)).toList()));
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);

        assertThat(titled(r.plan(), format)).isEqualTo(doneBefore);
        Task config = titled(r.plan(), CONFIG);
        assertThat(config.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(config.history()).last().satisfies(e -> {
            assertThat(e.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThat(e.at()).isEqualTo(T1);
            assertThat(e.note()).startsWith("cancelled:");
        });
        assertThat(r.plan().batches()).flatExtracting(Batch::taskIds).doesNotContain(config.id());
        // The feature still lists the cancelled task's file: a live task takes it over.
        assertThat(r.plan().tasks()).filteredOn(PlanInvariants::isLive)
                .filteredOn(t -> t.files().contains("core/quality_config.py")).singleElement()
                .satisfies(t -> assertThat(t.title()).isEqualTo("Quality gate execution framework"));
        assertThat(r.summary().cancelled()).isEqualTo(1);
        assertCountsAddUp(r);
    }

    @Test
    void editedPendingRequirementIsRewrittenInPlace() {
        Task before = titled(plan0, CONFIG);
        Spec spec1 = edit(spec0, QUALITY, f -> replaceRequirement(f, CONFIG, CONFIG_EDITED));
        Regeneration r = adaptive.regenerate(plan0, spec0, spec1);

        Task after = byId(r.plan()).get(before.id());
        assertThat(after.title()).isEqualTo(CONFIG_EDITED);
        assertThat(after.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(after.history()).hasSize(2);
        assertThat(after.history().get(1).note()).contains("title", "was \"" + CONFIG + "\"");
        assertThat(r.summary().updated()).isEqualTo(1);
        assertThat(r.summary().added()).isZero();
        assertThat(r.summary().cancelled()).isZero();
        assertCountsAddUp(r);
    }

    @Test
    void editedDoneRequirementGetsAFollowUpAndTheDoneTaskStaysByteIdentical() {
        Plan plan = mark(plan0, spec0, titled(plan0, CONFIG).id(), TaskStatus.DONE);
        Task done = titled(plan, CONFIG);
        Spec spec1 = edit(spec0, QUALITY, f -> replaceRequirement(f, CONFIG, CONFIG_EDITED));
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);

        assertThat(byId(r.plan()).get(done.id())).isEqualTo(done);
        Task followUp = r.plan().tasks().stream().filter(t -> t.followUpOf().equals(done.id())).findFirst()
                .orElseThrow();
        assertThat(followUp.title()).isEqualTo("Revise: " + CONFIG + " → " + CONFIG_EDITED);
        assertThat(followUp.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(followUp.files()).isEqualTo(done.files());
        assertThat(followUp.featureId()).isEqualTo(QUALITY);
        assertThat(r.summary().followUps()).isEqualTo(1);
        assertCountsAddUp(r);

        // Regenerating again with the same spec versions is deterministic.
        assertThat(adaptive.regenerate(plan, spec0, spec1)).isEqualTo(r);
        // Going on from the new plan with no change keeps it.
        assertThat(adaptive.regenerate(r.plan(), spec1, spec1).plan()).isSameAs(r.plan());

        // Reverting the edit: the done task matches the spec again, the follow-up is not needed.
        Regeneration back = adaptive.regenerate(r.plan(), spec1, spec0);
        assertThat(byId(back.plan()).get(done.id())).isEqualTo(done);
        assertThat(byId(back.plan()).get(followUp.id()).status()).isEqualTo(TaskStatus.CANCELLED);
        assertCountsAddUp(back);
    }

    @Test
    void doneFollowUpThatChangesAgainGetsItsOwnFollowUp() {
        Plan plan = mark(plan0, spec0, titled(plan0, CONFIG).id(), TaskStatus.DONE);
        Spec spec1 = edit(spec0, QUALITY, f -> replaceRequirement(f, CONFIG, CONFIG_EDITED));
        Plan plan1 = adaptive.regenerate(plan, spec0, spec1).plan();
        Task firstFollowUp = titled(plan1, "Revise: " + CONFIG + " → " + CONFIG_EDITED);
        plan1 = mark(plan1, spec1, firstFollowUp.id(), TaskStatus.DONE);

        String third = "Quality configuration management with per-repository and per-branch overrides";
        Spec spec2 = edit(spec1, QUALITY, f -> replaceRequirement(f, CONFIG_EDITED, third));
        Regeneration r = adaptive.regenerate(plan1, spec1, spec2);

        assertThat(byId(r.plan()).get(firstFollowUp.id())).isEqualTo(byId(plan1).get(firstFollowUp.id()));
        Task second = r.plan().tasks().stream().filter(t -> t.followUpOf().equals(firstFollowUp.id())).findFirst()
                .orElseThrow();
        assertThat(second.title()).isEqualTo("Revise: " + CONFIG_EDITED + " → " + third);
        assertThat(r.summary().followUps()).isEqualTo(1);
        assertCountsAddUp(r);
    }

    @Test
    void editedInProgressRequirementKeepsItsStatus() {
        Plan plan = mark(plan0, spec0, titled(plan0, CONFIG).id(), TaskStatus.IN_PROGRESS);
        Task before = titled(plan, CONFIG);
        Spec spec1 = edit(spec0, QUALITY, f -> replaceRequirement(f, CONFIG, CONFIG_EDITED));
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);

        Task after = byId(r.plan()).get(before.id());
        assertThat(after.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(after.title()).isEqualTo(CONFIG_EDITED);
        assertThat(after.history()).startsWith(before.history().toArray(TaskEvent[]::new));
        assertThat(after.history()).last().satisfies(e -> {
            assertThat(e.status()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(e.note()).contains("was \"" + CONFIG + "\"");
        });
        // A further change of the feature finds it again by fingerprint (its id is the old text's): no duplicate.
        Spec spec2 = edit(spec1, QUALITY, f -> f.withRequirements(concat(f.requirements(), "Coverage heatmap")));
        Regeneration r2 = adaptive.regenerate(r.plan(), spec1, spec2);
        assertThat(r2.plan().tasks()).filteredOn(t -> t.title().equals(CONFIG_EDITED)).singleElement()
                .isEqualTo(after);
        assertCountsAddUp(r);
        assertCountsAddUp(r2);
    }

    @Test
    void renamedFeatureKeepsItsTasksAndStatusesUnderMappedIds() {
        Plan plan = mark(plan0, spec0, titled(plan0, CONFIG).id(), TaskStatus.DONE);
        plan = mark(plan, spec0, QUALITY + "-tests", TaskStatus.IN_PROGRESS);
        Task done = titled(plan, CONFIG);
        List<Feature> renamed = new ArrayList<>();
        for (Feature f : spec0.features()) {
            renamed.add(!f.id().equals(QUALITY) ? f : new Feature("quality-gates", "Quality Gates", f.lines(),
                    f.complexity(), f.priority(), f.description(), f.requirements(), f.files(), f.dependencies(),
                    f.acceptanceCriteria(), f.endpoints(), f.attributes()));
        }
        Spec spec1 = FeatureFixture.spec(renamed);
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);
        Map<String, Task> tasks = byId(r.plan());

        assertThat(r.plan().tasks()).noneMatch(t -> t.featureId().equals(QUALITY));
        Task movedDone = tasks.get("quality-gates" + done.id().substring(QUALITY.length()));
        assertThat(movedDone.status()).isEqualTo(TaskStatus.DONE);
        assertThat(movedDone.history()).isEqualTo(done.history());
        assertThat(movedDone.title()).isEqualTo(done.title());
        assertThat(movedDone.fingerprint()).isEqualTo(done.fingerprint());
        Task tests = tasks.get("quality-gates-tests");
        assertThat(tests.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(tests.title()).isEqualTo("Write unit tests for Quality Gates");
        assertThat(tests.history()).anySatisfy(e -> assertThat(e.note()).contains("renamed"));
        assertThat(r.summary().added()).isZero();
        assertThat(r.summary().cancelled()).isZero();
        assertThat(r.summary().followUps()).isZero();
        assertThat(r.summary().updated()).isEqualTo(9);
        assertFeatureUntouched(plan, r.plan(), ORCHESTRATOR);
        assertCountsAddUp(r);
    }

    @Test
    void removedFeatureCancelsItsLiveTasksAndKeepsItsDoneOnes() {
        String validator = "Spec validator to parse and validate PROJECT_SPEC";
        Plan plan = mark(plan0, spec0, titled(plan0, validator).id(), TaskStatus.DONE);
        Task done = titled(plan, validator);
        Spec spec1 = edit(spec0, DRIFT, f -> null);
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);

        assertThat(byId(r.plan()).get(done.id())).isEqualTo(done);
        assertThat(r.plan().tasks()).filteredOn(t -> t.featureId().equals(DRIFT) && !t.id().equals(done.id()))
                .hasSize(6).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED));
        assertThat(r.summary().cancelled()).isEqualTo(6);
        assertThat(r.summary().changedFeatureIds()).containsExactly(DRIFT);
        assertCountsAddUp(r);
    }

    @Test
    void requirementThatComesBackRestoresItsCancelledTask() {
        Spec spec1 = edit(spec0, QUALITY, f -> f.withRequirements(
                f.requirements().stream().filter(x -> !x.equals(CONFIG)).toList()));
        Plan plan1 = adaptive.regenerate(plan0, spec0, spec1).plan();
        Task cancelled = titled(plan1, CONFIG);
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);

        Regeneration r = adaptive.regenerate(plan1, spec1, spec0);
        Task restored = byId(r.plan()).get(cancelled.id());
        assertThat(restored.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(restored.history()).hasSize(3);
        assertThat(restored.history().get(2).note()).startsWith("restored");
        assertThat(restored.files()).containsExactly("core/quality_config.py");
        // The task that held the file meanwhile gives it back: two tasks updated.
        assertThat(titled(r.plan(), "Quality gate execution framework").files())
                .doesNotContain("core/quality_config.py");
        assertThat(r.summary().updated()).isEqualTo(2);
        assertCountsAddUp(r);
    }

    @Test
    void changedDependencyRewiresOnlyTheDependentsEntryTasks() {
        Spec spec1 = edit(spec0, DRIFT, f -> new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(),
                f.description(), f.requirements(), f.files(), List.of(QUALITY), f.acceptanceCriteria(),
                f.endpoints(), f.attributes()));
        Regeneration r = adaptive.regenerate(plan0, spec0, spec1);
        Task entry = titled(r.plan(), "Spec validator to parse and validate PROJECT_SPEC");
        assertThat(entry.dependsOn()).containsExactly(QUALITY + "-tests");
        assertThat(r.summary().unchanged()).isEqualTo(32);
        assertFeatureUntouched(plan0, r.plan(), GAPS);
        assertFeatureUntouched(plan0, r.plan(), QUALITY);
        assertCountsAddUp(r);
    }

    @Test
    void unknownDependencyAfterTheEditIsReported() {
        Spec spec1 = edit(spec0, DRIFT, f -> new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(),
                f.description(), f.requirements(), f.files(), List.of("gap-analyzer"), f.acceptanceCriteria(),
                f.endpoints(), f.attributes()));
        Regeneration r = adaptive.regenerate(plan0, spec0, spec1);
        assertThat(r.plan().diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo("unknown-dependency"));
    }

    @Test
    void doneTaskWhoseFilesChangedGetsAFollowUpNamingTheFiles() {
        String gate = "Quality gate execution framework";
        Plan plan = mark(plan0, spec0, titled(plan0, gate).id(), TaskStatus.DONE);
        Task done = titled(plan, gate);
        Spec spec1 = edit(spec0, QUALITY, f -> new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(),
                f.description(), f.requirements(), concat(f.files(), "core/quality_gates_runner.py"),
                f.dependencies(), f.acceptanceCriteria(), f.endpoints(), f.attributes()));
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);

        assertThat(byId(r.plan()).get(done.id())).isEqualTo(done);
        Task followUp = r.plan().tasks().stream().filter(t -> t.followUpOf().equals(done.id())).findFirst()
                .orElseThrow();
        assertThat(followUp.id()).isEqualTo(done.id() + "-r1");
        assertThat(followUp.title()).isEqualTo("Revise: " + gate + " (files +core/quality_gates_runner.py)");
        assertCountsAddUp(r);
    }

    @Test
    void blockedOrInProgressTaskWhoseRequirementLeftIsCancelledWithANote() {
        Plan plan = mark(plan0, spec0, titled(plan0, CONFIG).id(), TaskStatus.BLOCKED);
        Spec spec1 = edit(spec0, QUALITY, f -> f.withRequirements(
                f.requirements().stream().filter(x -> !x.equals(CONFIG)).toList()));
        Regeneration r = adaptive.regenerate(plan, spec0, spec1);
        Task t = titled(r.plan(), CONFIG);
        assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(t.history()).extracting(TaskEvent::status)
                .containsExactly(TaskStatus.PENDING, TaskStatus.BLOCKED, TaskStatus.CANCELLED);
    }

    @Test
    void featureRemovedAndAddedBackRestoresItsTasks() {
        Plan plan = mark(plan0, spec0, DRIFT + "-tests", TaskStatus.DONE);
        Spec without = edit(spec0, DRIFT, f -> null);
        Plan plan1 = adaptive.regenerate(plan, spec0, without).plan();
        Regeneration r = adaptive.regenerate(plan1, without, spec0);

        assertThat(byId(r.plan()).get(DRIFT + "-tests")).isEqualTo(byId(plan).get(DRIFT + "-tests"));
        assertThat(r.plan().tasks()).filteredOn(t -> t.featureId().equals(DRIFT) && !t.id().equals(DRIFT + "-tests"))
                .hasSize(6).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskStatus.PENDING));
        assertThat(r.summary().updated()).isEqualTo(6);
        assertThat(r.summary().added()).isZero();
        assertCountsAddUp(r);
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }
}
