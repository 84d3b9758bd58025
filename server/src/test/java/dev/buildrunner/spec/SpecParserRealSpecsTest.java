package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real specs under {@code src/test/resources/specs/}. Every expected value was read off the file
 * itself; comments give the lines it comes from.
 */
class SpecParserRealSpecsTest {

    private static final String BUILD_3A = "project-spec/br3-PROJECT_SPEC_BUILD_3A.md";
    private static final String BUILD_4A = "project-spec/br3-PROJECT_SPEC_BUILD_4A.md";
    private static final String V32 = "project-spec/br3-PROJECT_SPEC-v3.2.md";
    private static final String SAMPLE = "project-spec/br3-examples-SAMPLE_SPEC.md";
    private static final String ANALYZER = "project-spec/github-commit-analyzer-PROJECT_SPEC.md";
    private static final String SPEC_KIT = "other-formats/playground-001-user-crud-api-spec.md";
    private static final String SPEC_KIT_TASKS = "other-formats/playground-001-user-crud-api-tasks.md";
    private static final String KIRO = "other-formats/spirit-of-kiro-plans-player-trail-effect-requirements.md";
    private static final String KIRO_TASKS = "other-formats/spirit-of-kiro-plans-player-trail-effect-tasks.md";
    private static final String OPENSPEC = "other-formats/expense-tracker-specs-statistics-metrics-spec.md";
    private static final String TASKMASTER = "other-formats/taskmaster-tests-fixtures-sample-prd.txt";

    static Stream<Arguments> featureIds() {
        return Stream.of(
                // BUILD_3A: four "### Feature: Name" headings, lines 13, 44, 75, 111
                Arguments.of(BUILD_3A, SpecFormat.BUILDRUNNER, List.of("build-orchestrator-enhancement",
                        "gap-analyzer-and-completion-assurance", "code-quality-system", "architecture-drift-prevention")),
                // BUILD_4A: "### Feature N: Name", lines 25-252
                Arguments.of(BUILD_4A, SpecFormat.BUILDRUNNER, List.of("migration-command-interface",
                        "legacy-structure-parser", "format-converter", "git-history-preservation", "edge-case-handling",
                        "comprehensive-testing", "documentation")),
                // v3.2: "### Feature N: Name (Build 7A)"; the build tag is not part of the id
                Arguments.of(V32, SpecFormat.BUILDRUNNER, List.of("claude-agent-bridge", "visual-web-ui-foundation",
                        "agent-performance-tracking", "multi-agent-workflows", "ui-analytics-dashboard",
                        "production-features", "ui-authentication", "quick-prd-mode", "continuous-build-execution")),
                // SAMPLE_SPEC: plain "### Name" headings, lines 9, 32, 55
                Arguments.of(SAMPLE, SpecFormat.BUILDRUNNER, List.of("user-authentication", "user-profile-management",
                        "role-based-access-control")),
                // commit analyzer: "## Core Features" / "### 1. Name", lines 99, 109, 118
                Arguments.of(ANALYZER, SpecFormat.BUILDRUNNER, List.of("commit-analysis", "fork-comparison",
                        "repository-validation")),
                // spec-kit: four user stories (lines 10, 26, 43, 59) + the FRs no story claims (lines 91-96)
                Arguments.of(SPEC_KIT, SpecFormat.SPEC_KIT, List.of("US1", "US2", "US3", "US4",
                        "functional-requirements")),
                // spec-kit tasks: "## Phase N: Title", lines 25, 38, 54, 75, 97, 117, 136
                Arguments.of(SPEC_KIT_TASKS, SpecFormat.SPEC_KIT_TASKS, List.of("setup", "foundational", "US1", "US2",
                        "US3", "US4", "polish-validation")),
                // Kiro requirements: "### Requirement N: Title", lines 9, 20, 31, 42, 53
                Arguments.of(KIRO, SpecFormat.KIRO, List.of("req-1", "req-2", "req-3", "req-4", "req-5")),
                // Kiro tasks: top-level "- [ ] N. Title", lines 3, 32, 53, 75, 96, 112
                Arguments.of(KIRO_TASKS, SpecFormat.KIRO_TASKS, List.of("create-the-particle-system",
                        "integrate-particle-system-with-game-store", "create-trail-effect-component",
                        "integrate-with-player-character", "add-settings-toggle", "performance-optimization-and-testing")),
                // OpenSpec: "### Requirement: Title", lines 6, 24, 42, 60, 73
                Arguments.of(OPENSPEC, SpecFormat.OPENSPEC, List.of("monthly-net-income-calculation",
                        "top-spending-category-identification", "statistics-tab-display",
                        "lazy-loading-for-statistics-tab", "currency-formatting")),
                // Task Master: "# Core Features" items 1-4, lines 6, 9, 12, 15
                Arguments.of(TASKMASTER, SpecFormat.TASKMASTER, List.of("url-input-shortening", "short-url-display",
                        "url-redirection", "basic-persistence")));
    }

    @ParameterizedTest
    @MethodSource("featureIds")
    void readsEveryFeatureOfEveryRealSpec(String file, SpecFormat format, List<String> ids) {
        ParseResult r = Specs.parse(file);
        assertThat(r.spec().format()).isEqualTo(format);
        assertThat(r.spec().features()).extracting(Feature::id).containsExactlyElementsOf(ids);
        assertThat(r.hasErrors()).as("%s", r.diagnostics()).isFalse();
        assertThat(r.spec().source()).isEqualTo(Specs.text(file));
    }

    @Test
    void build3a() {
        ParseResult r = Specs.parse(BUILD_3A);
        Spec s = r.spec();
        assertThat(s.title()).isEqualTo("PROJECT_SPEC: Build 3A - Advanced Orchestration + Quality Systems");
        assertThat(s.overview()).startsWith("Build advanced orchestration, gap analysis").endsWith("**Complexity:** High");
        assertThat(r.diagnostics()).isEmpty();

        Feature orchestrator = s.features().get(0); // lines 13-40
        assertThat(orchestrator.name()).isEqualTo("Build Orchestrator Enhancement");
        assertThat(orchestrator.lines()).isEqualTo(new LineRange(13, 40));
        assertThat(orchestrator.complexity()).isEqualTo(Complexity.COMPLEX); // line 15
        assertThat(orchestrator.description()).startsWith("Enhance the existing task orchestrator"); // line 18
        assertThat(orchestrator.requirements()).containsExactly( // lines 21-25
                "Dependency graph builder for build plan analysis",
                "Parallel queue generator to identify parallelizable builds",
                "Checkpoint/rollback system for build state management",
                "Smart interruption gates for user-required actions",
                "CLI commands for build management (start/status/checkpoint/rollback/resume)");
        assertThat(orchestrator.files()).containsExactly("core/build_orchestrator.py", // lines 28-33
                "core/dependency_graph_builder.py", "core/parallel_executor.py", "core/checkpoint_manager.py",
                "cli/build_commands.py", "tests/test_build_orchestrator.py");
        assertThat(orchestrator.acceptanceCriteria()).hasSize(5).endsWith("All tests pass with coverage ≥ 85%");
        assertThat(orchestrator.dependencies()).isEmpty();

        Feature quality = s.feature("code-quality-system").orElseThrow(); // lines 75-107
        assertThat(quality.complexity()).isEqualTo(Complexity.MEDIUM); // line 77
        assertThat(quality.files()).hasSize(9).contains(".buildrunner/quality-standards.yaml"); // lines 92-100
        assertThat(quality.requirements()).hasSize(7); // lines 83-89

        Feature drift = s.feature("architecture-drift-prevention").orElseThrow(); // lines 111-139
        // line 126: "- Requires Gap Analyzer (for spec parsing)"
        assertThat(drift.dependencies()).containsExactly("gap-analyzer-and-completion-assurance");
        assertThat(drift.files()).containsExactly("core/architecture_guard.py", "core/spec_validator.py",
                "core/diff_analyzer.py", "tests/test_architecture_guard.py");
        assertThat(drift.lines()).isEqualTo(new LineRange(111, 139));

        // "## Technical Requirements", lines 141-211: every list item of the section and its sub-sections
        assertThat(s.technicalRequirements()).startsWith("Python 3.11+", "GitPython (for git operations)")
                .contains("Checkpoint save: < 1 second").endsWith("Ready to merge to main").hasSize(26);
    }

    @Test
    void build4a() {
        ParseResult r = Specs.parse(BUILD_4A);
        Spec s = r.spec();
        assertThat(r.diagnostics()).isEmpty();
        Feature migrate = s.features().get(0); // lines 25-63
        assertThat(migrate.name()).isEqualTo("Migration Command Interface");
        assertThat(migrate.files()).containsExactly("cli/migrate.py"); // line 30, not "(400+ lines)"
        assertThat(migrate.requirements()).containsExactly("Migration command group", // lines 31-36
                "`br migrate from-v2 <path>` command", "Progress reporting with rich console",
                "Dry-run mode for validation", "Rollback capability", "Interactive prompts for conflicts");
        assertThat(migrate.acceptanceCriteria()).startsWith("Command executes successfully on BR 2.0 projects") // 59
                .hasSize(5);
        // the code block under "**Implementation Details:**" (lines 39-56) is kept in the description
        assertThat(migrate.description()).startsWith("CLI commands to initiate and control migration process\n\n```python")
                .contains("def migrate_from_v2(");

        // "2. `core/migration/v2_parser.py` (350+ lines)" (line 72) cannot interrupt the label's paragraph;
        // it is still the file, and its bullets (73-78) are requirements, including those naming paths
        Feature parser = s.feature("legacy-structure-parser").orElseThrow();
        assertThat(parser.files()).containsExactly("core/migration/v2_parser.py");
        assertThat(parser.requirements()).containsExactly("`V2ProjectParser` class", "Parse `.runner/` directory structure",
                "Extract HRPO data", "Parse legacy governance.yaml", "Extract feature metadata",
                "Identify Supabase integrations");

        assertThat(s.features()).extracting(f -> f.files().get(0)).containsExactly("cli/migrate.py",
                "core/migration/v2_parser.py", "core/migration/converter.py", "core/migration/git_handler.py",
                "core/migration/validators.py", "tests/test_migration.py", "docs/MIGRATION.md");
        // "## Dependencies" (lines 310-321) lists packages: no feature depends on anything
        assertThat(s.features()).allSatisfy(f -> assertThat(f.dependencies()).isEmpty());
        // "**Edge Cases:**" (lines 204-211) is no known field: kept verbatim in the description
        assertThat(s.feature("edge-case-handling").orElseThrow().description())
                .contains("**Edge Cases:**\n- Missing `.runner/` directory");
        assertThat(s.overview()).contains("**Key Capabilities:**");
    }

    @Test
    void v32() {
        Spec s = Specs.spec(V32);
        // priorities: lines 32, 59, 89, 116, 143, 170, 197, 225, 272
        assertThat(s.features()).extracting(Feature::priority).containsExactly("Critical", "Critical", "High", "High",
                "Medium", "High", "Medium", "Critical", "Critical");
        Feature bridge = s.features().get(0); // lines 31-54
        assertThat(bridge.name()).isEqualTo("Claude Agent Bridge (Build 7A)");
        assertThat(bridge.attributes()).containsExactly(java.util.Map.entry("Status", "Planned"),
                java.util.Map.entry("Duration", "2 days"));
        assertThat(bridge.description()).isEqualTo(
                "Bridge between BuildRunner tasks and Claude Code's native `/agent` command");
        // "**Implementation:**" (lines 45-47): the paths are files
        assertThat(bridge.files()).containsExactly("core/agents/claude_agent_bridge.py", "cli/agent_commands.py",
                "core/orchestrator.py");
        assertThat(bridge.acceptanceCriteria()).containsExactly("Can route tasks to Claude agents", // 50-54
                "Agent responses are parsed correctly", "Telemetry tracks agent assignments",
                "Error handling for failed agents", "Tests pass (90%+ coverage)");
        Feature ui = s.feature("visual-web-ui-foundation").orElseThrow(); // lines 73-76
        assertThat(ui.files()).containsExactly("api/server.py", "api/routes/", "api/websockets/live_updates.py", "ui/");
        Feature analytics = s.feature("ui-analytics-dashboard").orElseThrow(); // lines 156-158
        assertThat(analytics.files()).containsExactly("ui/components/Analytics.tsx");
        // implementation items that name no file are requirements
        assertThat(analytics.requirements()).endsWith("Add charting library (Recharts)", "Create analytics API endpoints");
        assertThat(s.technicalRequirements()).hasSize(10).startsWith("Python 3.11+ for backend services"); // 320-329
    }

    @Test
    void sampleSpec() {
        ParseResult r = Specs.parse(SAMPLE);
        assertThat(r.diagnostics()).isEmpty();
        Spec s = r.spec();
        assertThat(s.features()).extracting(Feature::dependencies).containsExactly(List.of(), // lines 34 and 57
                List.of("user-authentication"), List.of("user-authentication"));
        Feature auth = s.features().get(0);
        assertThat(auth.requirements()).containsExactly("Email/password authentication", // lines 14-18
                "OAuth2 integration (Google, GitHub)", "JWT token-based sessions", "Password reset via email",
                "Two-factor authentication (2FA)");
        assertThat(auth.acceptanceCriteria()).hasSize(4).startsWith("Users can register with email/password");
        // "Technical Details:" (lines 26-30) is no known field: kept in the description
        assertThat(auth.description()).isEqualTo("Secure authentication system supporting multiple methods.\n\n"
                + "Technical Details:\n- Use bcrypt for password hashing\n- JWT tokens with 24h expiry\n"
                + "- PostgreSQL for user storage\n- Redis for session management");
        assertThat(s.feature("user-profile-management").orElseThrow().description())
                .startsWith("Allow users to view and manage their profiles.");
        assertThat(s.technicalRequirements()).containsExactly("Python 3.10+", "FastAPI framework", "PostgreSQL 14+",
                "Redis 6+", "AWS S3 for storage", "JWT for authentication", "bcrypt for password hashing");
    }

    @Test
    void githubCommitAnalyzer() {
        Spec s = Specs.spec(ANALYZER);
        // lines 100, 110, 119
        assertThat(s.features()).extracting(Feature::endpoints).containsExactly(
                List.of(Endpoint.parse("POST /api/commits/analyze")), List.of(Endpoint.parse("POST /api/forks/compare")),
                List.of(Endpoint.parse("POST /api/repository/validate")));
        Feature fork = s.feature("fork-comparison").orElseThrow();
        assertThat(fork.attributes()).containsEntry("Input", "Fork URL, upstream URL, branch, optional token"); // 111
        assertThat(fork.requirements()).containsExactly("Ahead/behind commit analysis", // "**Features**:" 113-116
                "Unique changes in each branch", "Merge recommendations");
        // "### ✅ Vercel-Ready Features" (line 127) is a sub-section elsewhere, not a features section
        assertThat(s.features()).hasSize(3);
        assertThat(s.feature("commit-analysis").orElseThrow().description()).startsWith("**Analysis Types**:");
    }

    @Test
    void specKit() {
        Spec s = Specs.spec(SPEC_KIT);
        assertThat(s.features()).extracting(Feature::name).containsExactly("Create User", "Read Users", "Update User",
                "Delete User", "Functional Requirements");
        assertThat(s.features()).extracting(Feature::priority).containsExactly("P1", "P2", "P3", "P4", "");
        Feature create = s.feature("US1").orElseThrow();
        assertThat(create.endpoints()).containsExactly(Endpoint.parse("POST /users")); // scenarios, lines 20-22
        assertThat(create.acceptanceCriteria()).hasSize(3);
        assertThat(create.requirements()).singleElement().asString().startsWith("**FR-001**"); // line 86
        assertThat(create.attributes()).containsKeys("Why this priority", "Independent Test");
        // "GET /users/1" in a scenario (line 37) is an instance of FR-003's "GET /users/{id}" (line 88)
        Feature read = s.feature("US2").orElseThrow();
        assertThat(read.endpoints()).containsExactly(Endpoint.parse("GET /users"), Endpoint.parse("GET /users/{id}"));
        assertThat(read.requirements()).extracting(x -> x.substring(0, 10)).containsExactly("**FR-002**", "**FR-003**");
        assertThat(s.feature("US3").orElseThrow().endpoints()).containsExactly(Endpoint.parse("PUT /users/{id}"));
        assertThat(s.feature("US4").orElseThrow().endpoints()).containsExactly(Endpoint.parse("DELETE /users/{id}"),
                Endpoint.parse("GET /users/{id}")); // line 71 checks the deletion with a GET
        // FR-006..FR-011 (lines 91-96) name no story's endpoint
        assertThat(s.feature("functional-requirements").orElseThrow().requirements()).hasSize(6)
                .allSatisfy(x -> assertThat(x).startsWith("**FR-0"));
    }

    @Test
    void specKitTasks() {
        Spec s = Specs.spec(SPEC_KIT_TASKS);
        Feature setup = s.features().get(0); // lines 25-34
        assertThat(setup.name()).isEqualTo("Setup (Shared Infrastructure)");
        assertThat(setup.requirements()).hasSize(4).element(2)
                .isEqualTo("T003 [P] Create Dockerfile with multi-stage build (Maven build stage, JRE runtime stage)");
        assertThat(setup.files()).containsExactly("src/main/java/com/example/usercrud/", "src/main/resources/",
                "src/test/java/com/example/usercrud/", "pom.xml", "Dockerfile", "docker-compose.yml");
        assertThat(setup.attributes()).containsEntry("Done", "T001, T002, T003, T004")
                .containsEntry("Purpose", "Project initialization and Docker configuration");
        // T006 (line 45): "Create UserCrudApplication.java in src/main/java/com/example/usercrud/"
        assertThat(s.feature("foundational").orElseThrow().files())
                .contains("src/main/java/com/example/usercrud/UserCrudApplication.java");
        Feature us2 = s.feature("US2").orElseThrow(); // lines 75-93
        assertThat(us2.priority()).isEqualTo("P2");
        assertThat(us2.requirements()).hasSize(6);
        assertThat(us2.endpoints()).containsExactly(Endpoint.parse("GET /users"), Endpoint.parse("GET /users/{id}"));
    }

    @Test
    void kiro() {
        Spec s = Specs.spec(KIRO);
        assertThat(s.overview()).startsWith("The \"Player Trail Effect\" feature"); // "## Introduction", line 5
        Feature first = s.features().get(0); // lines 9-18
        assertThat(first.name()).isEqualTo("Trail Generation");
        assertThat(first.description()).startsWith("As a player, I want my character to leave behind ghostly sparkles");
        assertThat(first.acceptanceCriteria()).hasSize(4).first().isEqualTo(
                "WHEN the player character moves THEN the system SHALL generate sparkle effects at the character's"
                        + " previous position");
        assertThat(s.feature("req-5").orElseThrow().acceptanceCriteria()).hasSize(3); // lines 59-61
    }

    @Test
    void kiroTasks() {
        Spec s = Specs.spec(KIRO_TASKS);
        Feature first = s.features().get(0); // lines 3-30
        assertThat(first.name()).isEqualTo("Create the Particle System");
        assertThat(first.requirements()).containsExactly("1.1. Define the Particle interface",
                "1.2. Implement the ParticleSystem class", "1.3. Implement animation frame management",
                "1.4. Implement particle lifecycle management", "1.5. Write unit tests for ParticleSystem");
        // the _Requirements: 2.1, 2.2, 3.1_ references of lines 7, 13, 18, 24, 30, in first-seen order
        assertThat(first.attributes()).containsEntry("Requirements", "2.1, 2.2, 3.1, 1.1, 1.4, 4.1, 4.2, 3.3, 4.3, 3.2, 3.4");
        assertThat(first.description()).contains("  - Implement unique ID generation for each particle");
        assertThat(s.features().get(4).requirements()).hasSize(3); // 5.1-5.3, lines 97-110
    }

    @Test
    void openSpec() {
        Spec s = Specs.spec(OPENSPEC);
        assertThat(s.overview()).startsWith("TBD - created by archiving change"); // "## Purpose", line 4
        Feature income = s.features().get(0); // lines 6-22
        assertThat(income.name()).isEqualTo("Monthly Net Income Calculation");
        assertThat(income.description()).startsWith("The system SHALL calculate and display monthly net income");
        assertThat(income.acceptanceCriteria()).containsExactly(
                "Calculate net income for month with both income and expenses: GIVEN a month has transactions with"
                        + " amounts [100.00, -50.00, -25.00, 200.00] WHEN monthly net income is calculated THEN the"
                        + " system returns 225.00 (100 + 200 - 50 - 25)",
                "Calculate net income for month with only expenses: GIVEN a month has only expense transactions"
                        + " [-100.00, -50.00] WHEN monthly net income is calculated THEN the system returns -150.00",
                "Calculate net income for month with no transactions: GIVEN a month has no transactions WHEN monthly"
                        + " net income is calculated THEN the system returns 0.00");
        assertThat(s.features()).extracting(f -> f.acceptanceCriteria().size()).containsExactly(3, 3, 3, 2, 3);
    }

    @Test
    void taskMaster() {
        ParseResult r = Specs.parse(TASKMASTER);
        Spec s = r.spec();
        assertThat(s.title()).isEmpty();
        assertThat(s.overview()).startsWith("This document outlines the requirements for a minimal web-based URL");
        Feature input = s.features().get(0); // line 6
        assertThat(input.name()).isEqualTo("URL Input & Shortening");
        assertThat(input.description()).startsWith("A user interface with an input field");
        assertThat(input.attributes()).containsEntry("Why", "The primary function for the user interaction.");
        assertThat(input.requirements()).singleElement().asString().startsWith("A React component"); // "*How:*", 8
        // "POST /api/shorten" (line 32) names "shorten": the shortening feature; "GET /:shortCode" (33): feature 3
        // names the path "/:shortCode" (line 14)
        assertThat(input.endpoints()).containsExactly(Endpoint.parse("POST /api/shorten"));
        assertThat(s.feature("url-redirection").orElseThrow().endpoints()).containsExactly(Endpoint.parse("GET /:shortCode"));
        // the dependency chain (lines 53-61) names build steps, not the core features: reported, not guessed
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("dependency-chain-unmapped");
    }

    @ParameterizedTest
    @MethodSource("realSpecs")
    void featureLinesAreInRangeAndDoNotOverlap(String file) {
        Spec s = Specs.spec(file);
        int lines = Specs.lines(s.source()).size();
        int prevLast = 0;
        for (Feature f : s.features()) {
            assertThat(f.lines().last()).isLessThanOrEqualTo(lines);
            if (!f.id().equals("functional-requirements")) {
                assertThat(f.lines().first()).as(f.id()).isGreaterThan(prevLast);
                prevLast = f.lines().last();
            }
            // a feature's range never ends on a blank line or a "---" rule
            String last = Specs.lines(s.source()).get(f.lines().last() - 1).trim();
            assertThat(last).as(f.id()).isNotEmpty().isNotEqualTo("---");
        }
    }

    @ParameterizedTest
    @MethodSource("realSpecs")
    void parsingIsDeterministic(String file) {
        String text = Specs.text(file);
        assertThat(new SpecParser().parse(text)).isEqualTo(Specs.PARSER.parse(text));
    }

    @Test
    void oneParserServesManyThreads() {
        List<String> texts = Specs.realSpecs().stream().map(Specs::text).toList();
        List<ParseResult> expected = texts.stream().map(Specs.PARSER::parse).toList();
        List<List<ParseResult>> runs = java.util.stream.IntStream.range(0, 8).parallel()
                .mapToObj(i -> texts.stream().map(Specs.PARSER::parse).toList()).toList();
        assertThat(runs).allSatisfy(run -> assertThat(run).isEqualTo(expected));
    }

    static List<String> realSpecs() {
        return Specs.realSpecs();
    }
}
