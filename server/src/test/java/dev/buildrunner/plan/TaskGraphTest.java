package dev.buildrunner.plan;

import static dev.buildrunner.plan.FeatureFixture.feature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskGraphTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final Decomposer decomposer = new Decomposer();

    /** db: accounts table (database) + account API (backend); ui depends on db: accounts page (frontend). */
    private static List<Feature> accounts() {
        Feature db = feature("db").line(5).complexity(Complexity.SIMPLE)
                .requirements("Create accounts table", "Account API handlers").build();
        Feature ui = feature("ui").line(20).requirements("Accounts page").dependsOn("db").build();
        return List.of(db, ui);
    }

    private List<Task> tasks(List<Feature> features) {
        List<Task> all = new ArrayList<>();
        features.forEach(f -> all.addAll(decomposer.decompose(f)));
        return all;
    }

    private static String id(List<Task> tasks, String title) {
        return tasks.stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow().id();
    }

    @Test
    void edgesFollowDomainOrderWithinAFeatureAndDependenciesBetweenFeatures() {
        List<Task> tasks = tasks(accounts());
        TaskGraph g = TaskGraph.of(accounts(), tasks);
        String table = id(tasks, "Create accounts table");
        String api = id(tasks, "Account API handlers");
        String page = id(tasks, "Accounts page");

        assertThat(g.dependsOn(table)).isEmpty();
        assertThat(g.dependsOn(api)).containsExactly(table);
        assertThat(g.dependsOn("db-tests")).containsExactly(api);
        assertThat(g.dependsOn("db-docs")).containsExactly("db-tests");
        // The dependent feature's entry task waits for the dependency's final (tested) tasks, not its docs.
        assertThat(g.dependsOn(page)).containsExactly("db-tests");
        assertThat(g.dependsOn("ui-tests")).containsExactly(page);
        assertThat(g.diagnostics()).isEmpty();

        assertThat(g.waves()).containsExactly(List.of(table), List.of(api), List.of("db-tests"),
                List.of("db-docs", page), List.of("ui-tests"), List.of("ui-docs"));
        // 60 + 60 + 60 (simple) then 90 + 90 (medium) + 60 (docs).
        assertThat(g.criticalPath().taskIds()).containsExactly(table, api, "db-tests", page, "ui-tests", "ui-docs");
        assertThat(g.criticalPath().minutes()).isEqualTo(420);
    }

    @Test
    void topologicalOrderBreaksTiesBySpecOrder() {
        Feature a = feature("a").requirements("Alpha handler").build();
        Feature b = feature("b").requirements("Beta handler").build();
        Feature c = feature("c").requirements("Gamma handler").dependsOn("a").build();
        List<Task> tasks = tasks(List.of(c, b, a));
        TaskGraph g = TaskGraph.of(List.of(c, b, a), tasks);
        // c comes first in the spec but waits for a; b and a keep their spec order among themselves.
        assertThat(g.waves().get(0)).containsExactly(id(tasks, "Beta handler"), id(tasks, "Alpha handler"));
        assertThat(g.order().indexOf(id(tasks, "Gamma handler")))
                .isGreaterThan(g.order().indexOf("a-tests"));
    }

    @Test
    void unknownDependencyIsAWarningNamingBothFeaturesAndTheEdgeIsDropped() {
        Feature ui = feature("ui").line(20).requirements("Accounts page").dependsOn("ghost").build();
        TaskGraph g = TaskGraph.of(List.of(ui), tasks(List.of(ui)));
        assertThat(g.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo("unknown-dependency");
            assertThat(d.line()).isEqualTo(20);
            assertThat(d.message()).contains("'ui'", "'ghost'");
        });
        assertThat(g.waves().get(0)).containsExactly(id(tasks(List.of(ui)), "Accounts page"));
    }

    @Test
    void cycleIsAnErrorNamingItsFeaturesAndTheLastClosingEdgeIsDropped() {
        Feature a = feature("a").line(1).requirements("Alpha handler").dependsOn("b").build();
        Feature b = feature("b").line(12).requirements("Beta handler").dependsOn("c").build();
        Feature c = feature("c").line(23).requirements("Gamma handler").dependsOn("a").build();
        Feature d = feature("d").line(34).requirements("Delta handler").dependsOn("d").build();
        List<Feature> features = List.of(a, b, c, d);
        List<Task> tasks = tasks(features);
        TaskGraph g = TaskGraph.of(features, tasks);

        assertThat(g.diagnostics()).hasSize(2);
        Diagnostic cycle = g.diagnostics().get(0);
        assertThat(cycle.severity()).isEqualTo(Severity.ERROR);
        assertThat(cycle.code()).isEqualTo("dependency-cycle");
        assertThat(cycle.line()).isEqualTo(23);
        assertThat(cycle.message()).contains("c -> a -> b -> c", "ignored the dependency of 'c' on 'a'");
        Diagnostic self = g.diagnostics().get(1);
        assertThat(self.code()).isEqualTo("dependency-cycle");
        assertThat(self.message()).contains("'d' depends on itself");

        // The kept edges still order the features: c's tests come before b's entry, b's before a's.
        assertThat(g.dependsOn(id(tasks, "Beta handler"))).containsExactly("c-tests");
        assertThat(g.dependsOn(id(tasks, "Alpha handler"))).containsExactly("b-tests");
        assertThat(g.dependsOn(id(tasks, "Gamma handler"))).isEmpty();
        assertThat(g.order()).hasSize(tasks.size());
    }

    @Test
    void doneTasksSatisfyTheirEdgesAndCancelledTasksLeaveTheGraph() {
        List<Task> tasks = new ArrayList<>(tasks(accounts()));
        String table = id(tasks, "Create accounts table");
        String api = id(tasks, "Account API handlers");
        TaskEvent done = new TaskEvent(T0, TaskStatus.DONE, "alice", "");
        tasks.replaceAll(t -> t.id().equals(table) || t.id().equals(api) ? t.withStatus(TaskStatus.DONE, done) : t);
        TaskGraph g = TaskGraph.of(accounts(), tasks);
        assertThat(g.dependsOn("db-tests")).containsExactly(api);
        assertThat(g.waves().get(0)).containsExactly("db-tests");
        assertThat(g.liveTasks()).extracting(Task::id).doesNotContain(table, api);
        assertThat(g.criticalPath().taskIds()).doesNotContain(table, api);

        TaskEvent cancel = new TaskEvent(T0, TaskStatus.CANCELLED, "planner", "");
        tasks.replaceAll(t -> t.id().equals(api) ? t.withStatus(TaskStatus.CANCELLED, cancel) : t);
        TaskGraph g2 = TaskGraph.of(accounts(), tasks);
        // The backend domain of db is now empty: tests depend on the previous non-empty one.
        assertThat(g2.dependsOn("db-tests")).containsExactly(table);
        assertThat(g2.dependsOn(api)).isEmpty();
        assertThat(g2.order()).doesNotContain(api);
    }

    @Test
    void repeatedFeatureIdIsReportedAndIgnored() {
        Feature first = feature("x").line(3).requirements("Alpha handler").build();
        Feature again = feature("x").line(30).requirements("Other handler").build();
        Plan plan = new Planner(Clock.fixed(T0, ZoneOffset.UTC)).plan(FeatureFixture.spec(first, again));
        assertThat(plan.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("duplicate-feature");
            assertThat(d.line()).isEqualTo(30);
        });
        assertThat(plan.tasks()).extracting(Task::title).doesNotContain("Other handler");
    }

    @Test
    void repeatedTaskIdIsAProgrammingError() {
        List<Task> tasks = tasks(accounts());
        List<Task> twice = new ArrayList<>(tasks);
        twice.add(tasks.get(0));
        assertThatThrownBy(() -> TaskGraph.of(accounts(), twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tasks.get(0).id());
    }

    @Test
    void emptyPlanHasNoWavesAndAnEmptyCriticalPath() {
        TaskGraph g = TaskGraph.of(List.of(), List.of());
        assertThat(g.waves()).isEmpty();
        assertThat(g.criticalPath().taskIds()).isEmpty();
        assertThat(g.criticalPath().minutes()).isZero();
    }
}
