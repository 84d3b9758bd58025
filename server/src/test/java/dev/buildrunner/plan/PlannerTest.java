package dev.buildrunner.plan;

import static dev.buildrunner.plan.FeatureFixture.feature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final Planner planner = new Planner(Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void freshPlanHasPendingTasksWithOneCreatedEvent() {
        Plan plan = planner.plan(Build3aFixture.spec());
        assertThat(plan.tasks()).hasSize(8 + 8 + 9 + 7);
        assertThat(plan.tasks()).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(t.history()).containsExactly(new TaskEvent(T0, TaskStatus.PENDING, "planner", "created"));
        });
        assertThat(plan.diagnostics()).isEmpty();
        // Feature order, then domain order.
        assertThat(plan.tasks()).extracting(Task::featureId).containsSubsequence(Build3aFixture.ORCHESTRATOR,
                Build3aFixture.GAPS, Build3aFixture.QUALITY, Build3aFixture.DRIFT);
        PlanInvariants.check(plan);
    }

    @Test
    void planningIsDeterministic() {
        assertThat(planner.plan(Build3aFixture.spec())).isEqualTo(planner.plan(Build3aFixture.spec()));
    }

    @Test
    void taskIdsStayUniqueWhenFeatureIdsCollide() {
        // "a" (complex) has "a-integration-tests"; "a-integration" has "a-integration-tests" as its unit tests.
        Feature a = feature("a").complexity(Complexity.COMPLEX).requirements("Alpha handler").build();
        Feature ai = feature("a-integration").requirements("Integration handler").build();
        Plan plan = planner.plan(FeatureFixture.spec(a, ai));
        assertThat(plan.tasks()).extracting(Task::id).contains("a-integration-tests", "a-integration-tests-2");
        assertThat(new HashSet<>(plan.tasks().stream().map(Task::id).toList())).hasSize(plan.tasks().size());
        PlanInvariants.check(plan);
    }

    @Test
    void largeSpecPlansIntoAValidPlan() {
        Spec spec = LargeSpecs.features(962);
        Plan plan = planner.plan(spec);
        assertThat(plan.tasks().size()).isGreaterThan(962 * 4);
        assertThat(plan.diagnostics()).isEmpty();
        PlanInvariants.check(plan);
    }

    @Test
    void emptySpecGivesAnEmptyPlan() {
        Plan plan = planner.plan(FeatureFixture.spec(List.of()));
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.batches()).isEmpty();
        assertThat(plan.waves()).isEmpty();
        assertThat(plan.criticalPath().minutes()).isZero();
    }
}
