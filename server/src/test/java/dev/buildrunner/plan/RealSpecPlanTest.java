package dev.buildrunner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real spec under {@code src/test/resources/specs} plans into a plan that obeys every rule. */
class RealSpecPlanTest {

    static final Path SPECS = Path.of("src/test/resources/specs");

    static List<Path> realSpecs() {
        try (Stream<Path> files = Stream.concat(Files.list(SPECS.resolve("project-spec")),
                Files.list(SPECS.resolve("other-formats")))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Spec parse(Path file) {
        try {
            return new SpecParser().parse(Files.readString(file)).spec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("realSpecs")
    void realSpecPlansIntoAValidPlan(Path file) {
        Spec spec = parse(file);
        Plan plan = new Planner(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)).plan(spec);

        assertThat(spec.features()).as("%s has features", file).isNotEmpty();
        PlanInvariants.check(plan);
        assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.estimateMinutes()).isBetween(60, 120));
        for (Feature f : spec.features()) {
            List<Task> tasks = plan.tasks().stream().filter(t -> t.featureId().equals(f.id())).toList();
            assertThat(tasks).as("feature %s of %s has tasks", f.id(), file).isNotEmpty();
            // Every requirement is a task, and every file of the feature is in exactly one task.
            long requirements = f.requirements().stream().filter(r -> !r.isBlank()).count();
            assertThat(tasks.stream().filter(t -> t.id().matches(".*-[0-9a-f]{6}(-\\d+)?")).count())
                    .as("feature %s: one task per requirement", f.id()).isEqualTo(requirements);
            assertThat(tasks.stream().flatMap(t -> t.files().stream()).toList())
                    .as("feature %s: files", f.id()).containsExactlyInAnyOrderElementsOf(f.files());
        }
        assertThat(new Planner(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)).plan(spec))
                .isEqualTo(plan);
    }
}
