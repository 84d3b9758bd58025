package dev.buildrunner.plan;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.util.List;

/**
 * A hand copy of the four features of {@code specs/project-spec/br3-PROJECT_SPEC_BUILD_3A.md}
 * (seed 002), field for field, with the lines they start at. The spec writes the one dependency as
 * prose ("Requires Gap Analyzer (for spec parsing)"); here it is resolved to the feature's id, as
 * the parser is expected to do.
 */
final class Build3aFixture {

    static final String ORCHESTRATOR = "build-orchestrator-enhancement";
    static final String GAPS = "gap-analyzer-and-completion-assurance";
    static final String QUALITY = "code-quality-system";
    static final String DRIFT = "architecture-drift-prevention";

    private Build3aFixture() {
    }

    static List<Feature> features() {
        Feature orchestrator = FeatureFixture.feature(ORCHESTRATOR).name("Build Orchestrator Enhancement").line(15)
                .complexity(Complexity.COMPLEX)
                .description("Enhance the existing task orchestrator with dependency graph analysis, parallel build "
                        + "coordination, checkpoint/rollback system, and smart interruption gates.")
                .requirements("Dependency graph builder for build plan analysis",
                        "Parallel queue generator to identify parallelizable builds",
                        "Checkpoint/rollback system for build state management",
                        "Smart interruption gates for user-required actions",
                        "CLI commands for build management (start/status/checkpoint/rollback/resume)")
                .files("core/build_orchestrator.py", "core/dependency_graph_builder.py", "core/parallel_executor.py",
                        "core/checkpoint_manager.py", "cli/build_commands.py", "tests/test_build_orchestrator.py")
                .criteria("DAG correctly identifies parallel builds", "Checkpoints save complete build state",
                        "Rollback restores previous state", "Interruption gates pause for user input",
                        "All tests pass with coverage ≥ 85%")
                .build();
        Feature gaps = FeatureFixture.feature(GAPS).name("Gap Analyzer and Completion Assurance").line(48)
                .complexity(Complexity.COMPLEX)
                .description("Build system to analyze gaps between PROJECT_SPEC and actual implementation, auto-detect "
                        + "missing features, and ensure 100% completion. This validates that every spec item has been "
                        + "implemented.")
                .requirements("Task manifest parser to convert spec to atomic checklist",
                        "Codebase scanner to analyze actual implementation",
                        "Gap detection engine to identify missing features, endpoints, and UI connections",
                        "Auto-fix prompt generator for each gap",
                        "Completeness validator to ensure 100% implementation")
                .files("core/gap_analyzer.py", "core/task_manifest_parser.py", "core/codebase_scanner.py",
                        "core/completeness_validator.py", "cli/gaps_commands.py", "tests/test_gap_analyzer.py")
                .criteria("Detects missing features from spec", "Identifies UI disconnects (API exists but no UI)",
                        "Generates actionable fix prompts", "Tracks progress to 100% completion",
                        "All tests pass with coverage ≥ 85%")
                .build();
        Feature quality = FeatureFixture.feature(QUALITY).name("Code Quality System").line(81)
                .complexity(Complexity.MEDIUM)
                .description("Implement comprehensive code quality gates with formatting, type checking, complexity "
                        + "analysis, security scanning, and performance benchmarks.")
                .requirements("Quality gate execution framework", "Format checkers (Black, Ruff, ESLint, Prettier)",
                        "Type checkers (mypy for Python, TypeScript strict mode)",
                        "Security scanners (Bandit for SAST, safety for dependencies, detect-secrets)",
                        "Complexity analyzer (cyclomatic complexity, function length limits)",
                        "Quality configuration management", "CLI commands for quality management")
                .files("core/quality_gates.py", "core/quality_config.py", "core/quality_checkers/format_checker.py",
                        "core/quality_checkers/type_checker.py", "core/quality_checkers/security_checker.py",
                        "core/quality_checkers/complexity_checker.py", ".buildrunner/quality-standards.yaml",
                        "cli/quality_commands.py", "tests/test_quality_system.py")
                .criteria("All quality checkers functional", "Quality score accurately calculated",
                        "Auto-fix works for formatting issues", "Security vulnerabilities detected",
                        "All tests pass with coverage ≥ 85%")
                .build();
        Feature drift = FeatureFixture.feature(DRIFT).name("Architecture Drift Prevention").line(119)
                .complexity(Complexity.MEDIUM)
                .description("Prevent architecture drift by validating code changes against PROJECT_SPEC and enforcing "
                        + "tech stack compliance. Ensures no undocumented changes to system architecture.")
                .requirements("Spec validator to parse and validate PROJECT_SPEC",
                        "Diff analyzer to compare code changes against spec",
                        "Architecture rules engine to enforce compliance",
                        "Violation detector to identify spec violations",
                        "Integration with git hooks for pre-commit validation")
                .dependsOn(GAPS)
                .files("core/architecture_guard.py", "core/spec_validator.py", "core/diff_analyzer.py",
                        "tests/test_architecture_guard.py")
                .criteria("Detects new features without spec updates", "Identifies architecture changes",
                        "Validates tech stack compliance", "Generates violation reports",
                        "All tests pass with coverage ≥ 85%")
                .build();
        return List.of(orchestrator, gaps, quality, drift);
    }

    static Spec spec() {
        return FeatureFixture.spec(features());
    }
}
