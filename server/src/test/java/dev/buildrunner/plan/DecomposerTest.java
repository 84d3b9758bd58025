package dev.buildrunner.plan;

import static dev.buildrunner.plan.FeatureFixture.feature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.SpecFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecomposerTest {

    private final Decomposer decomposer = new Decomposer();

    private static Map<String, Task> byTitle(List<Task> tasks) {
        return tasks.stream().collect(Collectors.toMap(Task::title, Function.identity()));
    }

    @Test
    void build3aOrchestratorBecomesOneTaskPerRequirementPlusTestsAndDocs() {
        Feature f = Build3aFixture.features().get(0);
        List<Task> tasks = decomposer.decompose(f);

        assertThat(tasks).extracting(Task::title).containsExactly(
                "Dependency graph builder for build plan analysis",
                "Parallel queue generator to identify parallelizable builds",
                "Checkpoint/rollback system for build state management",
                "Smart interruption gates for user-required actions",
                "CLI commands for build management (start/status/checkpoint/rollback/resume)",
                "Write unit tests for Build Orchestrator Enhancement",
                "Write integration tests for Build Orchestrator Enhancement",
                "Document Build Orchestrator Enhancement");
        Map<String, Task> t = byTitle(tasks);
        assertThat(t.get("Dependency graph builder for build plan analysis").files())
                .contains("core/dependency_graph_builder.py");
        assertThat(t.get("Parallel queue generator to identify parallelizable builds").files())
                .containsExactly("core/parallel_executor.py");
        assertThat(t.get("Checkpoint/rollback system for build state management").files())
                .containsExactly("core/checkpoint_manager.py");
        assertThat(t.get("CLI commands for build management (start/status/checkpoint/rollback/resume)").files())
                .containsExactly("cli/build_commands.py");
        assertThat(t.get("Write unit tests for Build Orchestrator Enhancement").files())
                .containsExactly("tests/test_build_orchestrator.py");
        // Every file of the feature lands in exactly one task.
        assertThat(tasks.stream().flatMap(x -> x.files().stream()).toList())
                .containsExactlyInAnyOrderElementsOf(f.files());

        // Complex feature: requirement tasks are complex and take 2 hours; tests/docs are not complex.
        assertThat(tasks.subList(0, 5)).allSatisfy(x -> {
            assertThat(x.complex()).isTrue();
            assertThat(x.estimateMinutes()).isEqualTo(120);
            assertThat(x.domain()).isEqualTo(Domain.BACKEND);
            assertThat(x.id()).matches(Build3aFixture.ORCHESTRATOR + "-[0-9a-f]{6}");
        });
        assertThat(tasks.subList(5, 8)).noneMatch(Task::complex);
        assertThat(tasks).extracting(Task::id).endsWith(Build3aFixture.ORCHESTRATOR + "-tests",
                Build3aFixture.ORCHESTRATOR + "-integration-tests", Build3aFixture.ORCHESTRATOR + "-docs");
        assertThat(tasks.get(7).estimateMinutes()).isEqualTo(60);
        assertThat(tasks).allSatisfy(x -> {
            assertThat(x.status()).isEqualTo(TaskStatus.PENDING);
            assertThat(x.estimateMinutes()).isBetween(60, 120);
            assertThat(x.history()).isEmpty();
            assertThat(x.followUpOf()).isEmpty();
        });
    }

    @Test
    void build3aQualityFilesGoToTheMatchingRequirements() {
        Feature f = Build3aFixture.features().get(2);
        Map<String, Task> t = byTitle(decomposer.decompose(f));
        assertThat(t.get("Format checkers (Black, Ruff, ESLint, Prettier)").files())
                .containsExactly("core/quality_checkers/format_checker.py");
        assertThat(t.get("Type checkers (mypy for Python, TypeScript strict mode)").files())
                .containsExactly("core/quality_checkers/type_checker.py");
        assertThat(t.get("Security scanners (Bandit for SAST, safety for dependencies, detect-secrets)").files())
                .containsExactly("core/quality_checkers/security_checker.py");
        assertThat(t.get("Complexity analyzer (cyclomatic complexity, function length limits)").files())
                .containsExactly("core/quality_checkers/complexity_checker.py");
        assertThat(t.get("Quality configuration management").files()).containsExactly("core/quality_config.py");
        assertThat(t.get("CLI commands for quality management").files()).containsExactly("cli/quality_commands.py");
        // Medium feature: 90-minute tasks, none complex, no integration tests (no endpoints).
        assertThat(t.values()).noneMatch(Task::complex);
        assertThat(t.get("Quality configuration management").estimateMinutes()).isEqualTo(90);
        assertThat(t).doesNotContainKey("Write integration tests for Code Quality System");
    }

    @Test
    void seed003UserAuthenticationGivesTasksAcrossDomains() {
        // Seed 003's example feature, with files and an endpoint added as a BuildRunner spec would list them.
        Feature auth = feature("user-authentication").name("User Authentication")
                .requirements("JWT-based auth", "Social login (Google, GitHub)", "Password reset", "2FA support",
                        "User model and sessions table migration", "Login page React component")
                .files("migrations/001_users.sql", "src/auth/jwt.py", "src/auth/social_login.py",
                        "src/auth/password_reset.py", "src/components/LoginPage.tsx", "tests/test_auth.py",
                        "docs/auth.md")
                .endpoints("POST /api/login")
                .build();
        List<Task> tasks = decomposer.decompose(auth);
        Map<String, Task> t = byTitle(tasks);

        assertThat(t.get("User model and sessions table migration").domain()).isEqualTo(Domain.DATABASE);
        assertThat(t.get("JWT-based auth").domain()).isEqualTo(Domain.BACKEND);
        assertThat(t.get("JWT-based auth").files()).containsExactly("src/auth/jwt.py");
        assertThat(t.get("Login page React component").domain()).isEqualTo(Domain.FRONTEND);
        assertThat(t.get("Login page React component").files()).containsExactly("src/components/LoginPage.tsx");
        assertThat(t.get("Write unit tests for User Authentication").files()).containsExactly("tests/test_auth.py");
        assertThat(t.get("Document User Authentication").files()).containsExactly("docs/auth.md");
        assertThat(t).containsKey("Write integration tests for User Authentication");
        // Domain order: database first, docs last.
        assertThat(tasks).extracting(Task::domain).isSorted();
        assertThat(tasks.get(0).domain()).isEqualTo(Domain.DATABASE);
        assertThat(tasks.get(tasks.size() - 1).domain()).isEqualTo(Domain.DOCS);
    }

    @Test
    void requirementIdsDoNotDependOnPositionOrWordingNoise() {
        Feature a = feature("auth").requirements("JWT-based auth", "Password reset", "2FA support").build();
        List<String> reversed = new ArrayList<>(a.requirements());
        Collections.reverse(reversed);
        Feature b = a.withRequirements(reversed);
        Map<String, String> idsA = decomposer.decompose(a).stream()
                .collect(Collectors.toMap(Task::title, Task::id));
        Map<String, String> idsB = decomposer.decompose(b).stream()
                .collect(Collectors.toMap(Task::title, Task::id));
        assertThat(idsB).isEqualTo(idsA);

        // Case, spacing and a trailing period keep the id; the fingerprint sees the edit.
        Feature c = a.withRequirements(List.of("jwt-based   AUTH.", "Password reset", "2FA support"));
        Task before = decomposer.decompose(a).get(0);
        Task after = decomposer.decompose(c).get(0);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());

        // A real edit changes the id.
        Feature d = a.withRequirements(List.of("JWT-based auth with refresh tokens", "Password reset", "2FA support"));
        assertThat(decomposer.decompose(d).get(0).id()).isNotEqualTo(before.id());
    }

    @Test
    void repeatedRequirementGetsASuffixedId() {
        Feature f = feature("f").requirements("Export to CSV", "export to csv").build();
        List<Task> tasks = decomposer.decompose(f);
        assertThat(tasks.get(1).id()).isEqualTo(tasks.get(0).id() + "-2");
    }

    @Test
    void fingerprintsFollowTheirOwnSource() {
        Feature f = feature("f").requirements("Import bank statements", "Categorise expenses")
                .criteria("Imports OFX files").build();
        Feature moreCriteria = feature("f").requirements("Import bank statements", "Categorise expenses")
                .criteria("Imports OFX files", "Rejects malformed files").build();
        Map<String, Task> a = decomposer.decompose(f).stream().collect(Collectors.toMap(Task::id, x -> x));
        Map<String, Task> b = decomposer.decompose(moreCriteria).stream().collect(Collectors.toMap(Task::id, x -> x));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        assertThat(b.get("f-tests").fingerprint()).isNotEqualTo(a.get("f-tests").fingerprint());
        a.keySet().stream().filter(id -> !id.equals("f-tests")).forEach(id ->
                assertThat(b.get(id).fingerprint()).as(id).isEqualTo(a.get(id).fingerprint()));

        // Name and id are not part of any fingerprint: a rename leaves them alone.
        Feature renamed = feature("g").name("Other name").requirements("Import bank statements", "Categorise expenses")
                .criteria("Imports OFX files").build();
        assertThat(decomposer.decompose(renamed)).extracting(Task::fingerprint)
                .containsExactlyElementsOf(decomposer.decompose(f).stream().map(Task::fingerprint).toList());
    }

    @Test
    void featureWithoutRequirementsUsesItsFilesOrItsName() {
        Feature filesOnly = feature("migrate").name("Migration Command Interface")
                .files("cli/migrate.py", "Dockerfile", "docs/migration.md").build();
        List<Task> tasks = decomposer.decompose(filesOnly);
        assertThat(tasks).extracting(Task::id).containsExactly("migrate-files-infra", "migrate-files-backend",
                "migrate-tests", "migrate-docs");
        assertThat(tasks.get(0).title()).isEqualTo("Configure Dockerfile (Migration Command Interface)");
        assertThat(tasks.get(1).files()).containsExactly("cli/migrate.py");

        Feature bare = feature("dash").name("Web UI Dashboard").complexity(Complexity.SIMPLE).build();
        List<Task> bareTasks = decomposer.decompose(bare);
        assertThat(bareTasks).extracting(Task::id).containsExactly("dash-impl", "dash-tests", "dash-docs");
        assertThat(bareTasks.get(0).domain()).isEqualTo(Domain.FRONTEND);
        assertThat(bareTasks.get(0).estimateMinutes()).isEqualTo(60);
    }

    @Test
    void requirementWithoutDomainWordsTakesItsFeaturesDomain() {
        // BUILDRUNNER 3.2, Feature 9B "UI Analytics Dashboard".
        Feature ui = feature("ui-analytics-dashboard").name("UI Analytics Dashboard")
                .requirements("Cost breakdown visualization", "Historical comparisons", "Create analytics API endpoints")
                .build();
        Map<String, Task> t = byTitle(decomposer.decompose(ui));
        assertThat(t.get("Historical comparisons").domain()).isEqualTo(Domain.FRONTEND);
        assertThat(t.get("Cost breakdown visualization").domain()).isEqualTo(Domain.FRONTEND);
        assertThat(t.get("Create analytics API endpoints").domain()).isEqualTo(Domain.BACKEND);
    }

    @Test
    void documentationAndTestingFeaturesGetNoGeneratedDocsOrTestsTask() {
        // BUILD_4A features 6 and 7.
        Feature docs = feature("documentation").name("Documentation")
                .requirements("Migration guide", "Step-by-step instructions", "FAQ section")
                .files("docs/MIGRATION.md").build();
        List<Task> docTasks = decomposer.decompose(docs);
        assertThat(docTasks).extracting(Task::id).doesNotContain("documentation-docs", "documentation-tests");
        assertThat(docTasks).allSatisfy(x -> assertThat(x.domain()).isEqualTo(Domain.DOCS));
        assertThat(byTitle(docTasks).get("Migration guide").files()).containsExactly("docs/MIGRATION.md");

        Feature testing = feature("comprehensive-testing").name("Comprehensive Testing")
                .requirements("Test v2.0 project parsing", "Integration tests with real v2.0 projects")
                .files("tests/test_migration.py").build();
        List<Task> testTasks = decomposer.decompose(testing);
        assertThat(testTasks).extracting(Task::id)
                .doesNotContain("comprehensive-testing-tests", "comprehensive-testing-integration-tests")
                .contains("comprehensive-testing-docs");
        assertThat(testTasks.stream().flatMap(x -> x.files().stream())).containsExactly("tests/test_migration.py");
    }

    @Test
    void taskListFeaturesGetNoGeneratedTestsOrDocsTasks() {
        Feature phase = feature("US1").name("User Story 1 - Create User")
                .requirements("T010 [US1] Implement POST /users endpoint in UserController.java",
                        "T011 [US1] Create UserControllerIntegrationTest.java")
                .files("src/main/java/com/example/usercrud/UserController.java",
                        "src/test/java/com/example/usercrud/UserControllerIntegrationTest.java")
                .endpoints("POST /users").build();
        List<Task> tasks = decomposer.decompose(phase, SpecFormat.SPEC_KIT_TASKS);
        assertThat(tasks).hasSize(2);
        assertThat(byTitle(tasks).get("T011 [US1] Create UserControllerIntegrationTest.java").files())
                .containsExactly("src/test/java/com/example/usercrud/UserControllerIntegrationTest.java");
        assertThat(decomposer.decompose(phase, SpecFormat.BUILDRUNNER)).hasSize(5);
    }

    @Test
    void titlesDropMarkdownBold() {
        Feature f = feature("functional-requirements")
                .requirements("**FR-011**: System MUST persist user data to a database.").build();
        assertThat(decomposer.decompose(f).get(0).title())
                .isEqualTo("FR-011: System MUST persist user data to a database.");
    }

    @ParameterizedTest
    @CsvSource({
        "migrations/0001_init.sql, DATABASE",
        "app/models/user.py, DATABASE",
        "core/migration/converter.py, BACKEND",
        "db/schema.prisma, DATABASE",
        "src/components/Button.tsx, FRONTEND",
        "web/src/App.vue, FRONTEND",
        "static/site.css, FRONTEND",
        "src/ui/panel.py, FRONTEND",
        "tests/test_models.py, TESTS",
        "test_parser.py, TESTS",
        "server/src/test/java/dev/x/FooTest.java, TESTS",
        "src/lib/date.test.ts, TESTS",
        "README.md, DOCS",
        "docs/api/index.html, DOCS",
        "Dockerfile, INFRA",
        "docker-compose.yml, INFRA",
        ".github/workflows/ci.yml, INFRA",
        ".buildrunner/quality-standards.yaml, INFRA",
        "deploy/k8s.json, INFRA",
        "core/quality_gates.py, BACKEND",
        "src/app/api/commits/analyze/route.ts, BACKEND",
        "server/src/main/java/dev/buildrunner/plan/Planner.java, BACKEND",
    })
    void fileDomains(String path, Domain domain) {
        assertThat(DomainClassifier.ofFile(path)).isEqualTo(domain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Create users table schema | DATABASE",
        "Add database migrations for invoices | DATABASE",
        "React frontend | FRONTEND",
        "Executive dashboards | FRONTEND",
        "Settings page with dark mode | FRONTEND",
        "End-to-end tests for checkout | TESTS",
        "Update documentation | DOCS",
        "Container generation | INFRA",
        "Deploy to Vercel | INFRA",
        "WebSocket real-time | BACKEND",
        "Pre-commit AI review | BACKEND",
        "Migration command group | BACKEND",
        "3.4. Write component tests | TESTS",
        "Add test: GET /users on empty database returns 200 | TESTS",
        "A simple backend data store (initially in-memory for testing) | BACKEND",
        "Update documentation for the API | DOCS",
    })
    void wordDomains(String text, Domain domain) {
        Task task = byTitle(decomposer.decompose(feature("f").requirements(text).build())).get(text);
        assertThat(task.domain()).isEqualTo(domain);
    }
}
