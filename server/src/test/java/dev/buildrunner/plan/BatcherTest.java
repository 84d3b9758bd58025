package dev.buildrunner.plan;

import static dev.buildrunner.plan.FeatureFixture.feature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Feature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private final Planner planner = new Planner(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void build3aPlanObeysEveryBatchRule() {
        Plan plan = planner.plan(Build3aFixture.spec());
        PlanInvariants.check(plan);

        Map<String, Task> byId = plan.tasks().stream().collect(Collectors.toMap(Task::id, t -> t));
        // The two complex features' 10 requirement tasks are each batched alone.
        List<Batch> complexBatches = plan.batches().stream()
                .filter(b -> byId.get(b.taskIds().get(0)).complex()).toList();
        assertThat(complexBatches).hasSize(10).allSatisfy(b -> assertThat(b.taskIds()).hasSize(1));
        // The code quality system's 7 medium backend tasks fill batches of 3, its own tasks together.
        List<String> qualityBackend = plan.tasks().stream()
                .filter(t -> t.featureId().equals(Build3aFixture.QUALITY) && t.domain() == Domain.BACKEND)
                .map(Task::id).toList();
        assertThat(qualityBackend).hasSize(7);
        List<Batch> qualityBatches = plan.batches().stream()
                .filter(b -> qualityBackend.contains(b.taskIds().get(0))).toList();
        assertThat(qualityBatches.get(0).taskIds()).containsExactlyElementsOf(qualityBackend.subList(0, 3));
        assertThat(qualityBatches.get(1).taskIds()).containsExactlyElementsOf(qualityBackend.subList(3, 6));
        // Every batch holds one domain, and no batch is bigger than 3.
        assertThat(plan.batches()).allSatisfy(b -> {
            assertThat(b.taskIds()).hasSizeBetween(1, 3);
            assertThat(b.taskIds()).allSatisfy(id -> assertThat(byId.get(id).domain()).isEqualTo(b.domain()));
        });
        // A lone non-complex task waits for a partner: here every one finds one (docs with docs, tests with tests).
        assertThat(plan.batches()).filteredOn(b -> b.taskIds().size() == 1)
                .allSatisfy(b -> assertThat(byId.get(b.taskIds().get(0)).complex()).isTrue());
        assertThat(plan.batches()).filteredOn(b -> b.domain() == Domain.DOCS)
                .allSatisfy(b -> assertThat(b.taskIds()).hasSizeGreaterThan(1));
        // Drift depends on the gap analyzer: none of its tasks is batched before the gap analyzer's tests.
        int gapTests = batchIndex(plan, Build3aFixture.GAPS + "-tests");
        plan.tasks().stream().filter(t -> t.featureId().equals(Build3aFixture.DRIFT))
                .forEach(t -> assertThat(batchIndex(plan, t.id())).isGreaterThan(gapTests));
    }

    @Test
    void prefersPartnersOfTheSameFeature() {
        Feature a = feature("a").requirements("Alpha parser", "Alpha writer").build();
        Feature b = feature("b").requirements("Beta parser", "Beta writer").build();
        Plan plan = planner.plan(FeatureFixture.spec(a, b));
        PlanInvariants.check(plan);
        Map<String, String> feature = plan.tasks().stream().collect(Collectors.toMap(Task::id, Task::featureId));
        // Four backend tasks ready at once: a's two go together even though one of b's could join.
        Batch first = plan.batches().get(0);
        assertThat(first.taskIds()).hasSize(3);
        assertThat(first.taskIds().subList(0, 2)).allSatisfy(id -> assertThat(feature.get(id)).isEqualTo("a"));
        assertThat(feature.get(first.taskIds().get(2))).isEqualTo("b");
    }

    @Test
    void aLoneNonComplexTaskOnlyWhenNoPartnerIsReady() {
        Feature one = feature("one").complexity(Complexity.SIMPLE).requirements("Import handler").build();
        Plan plan = planner.plan(FeatureFixture.spec(one));
        // A chain backend -> tests -> docs: nothing can ever share a batch.
        assertThat(plan.batches()).extracting(b -> b.taskIds().size()).containsExactly(1, 1, 1);
        PlanInvariants.check(plan);
    }

    @Test
    void doneTasksAreNotBatchedAndFreeTheirDependents() {
        Plan plan = planner.plan(Build3aFixture.spec());
        List<Task> tasks = new ArrayList<>(plan.tasks());
        TaskEvent done = new TaskEvent(Instant.parse("2026-11-24T10:00:00Z"), TaskStatus.DONE, "bob", "");
        tasks.replaceAll(t -> t.featureId().equals(Build3aFixture.GAPS) ? t.withStatus(TaskStatus.DONE, done) : t);
        Plan after = planner.assemble(Build3aFixture.spec(), tasks);
        PlanInvariants.check(after);
        assertThat(after.batches()).flatExtracting(Batch::taskIds)
                .noneMatch(id -> id.startsWith(Build3aFixture.GAPS));
        // Drift's first tasks are ready at once now.
        assertThat(after.waves().get(0)).anyMatch(id -> id.startsWith(Build3aFixture.DRIFT));
    }

    private static int batchIndex(Plan plan, String taskId) {
        for (int i = 0; i < plan.batches().size(); i++) {
            if (plan.batches().get(i).taskIds().contains(taskId)) {
                return i;
            }
        }
        throw new AssertionError("not batched: " + taskId);
    }
}
