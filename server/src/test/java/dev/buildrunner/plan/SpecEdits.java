package dev.buildrunner.plan;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.LineRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Random edits of a spec's features, as a person editing PROJECT_SPEC.md makes them: add, remove,
 * reword or rewrite a requirement, rename, add or remove a feature, change dependencies, files,
 * acceptance criteria or complexity, reorder. Texts come from real specs (BUILD_3A, seed 003).
 */
final class SpecEdits {

    /** Requirement texts, several sharing words so that edits and file matching interact. */
    static final List<String> REQUIREMENTS = List.of(
            "Dependency graph builder for build plan analysis",
            "Parallel queue generator to identify parallelizable builds",
            "Checkpoint/rollback system for build state management",
            "Smart interruption gates for user-required actions",
            "CLI commands for build management",
            "Task manifest parser to convert spec to atomic checklist",
            "Codebase scanner to analyze actual implementation",
            "Quality gate execution framework",
            "Format checkers (Black, Ruff, ESLint, Prettier)",
            "Type checkers (mypy for Python, TypeScript strict mode)",
            "Quality configuration management",
            "JWT-based auth",
            "Social login (Google, GitHub)",
            "Password reset",
            "2FA support",
            "User model and sessions table migration",
            "Login page React component",
            "Executive dashboards",
            "Container generation",
            "Update documentation for the API");

    static final List<String> FILES = List.of(
            "core/build_orchestrator.py", "core/dependency_graph_builder.py", "core/checkpoint_manager.py",
            "cli/build_commands.py", "tests/test_build_orchestrator.py", "core/quality_gates.py",
            "core/quality_checkers/format_checker.py", ".buildrunner/quality-standards.yaml",
            "migrations/001_users.sql", "src/components/LoginPage.tsx", "src/auth/jwt.py", "docs/auth.md",
            "Dockerfile", "src/app/api/commits/analyze/route.ts");

    static final List<String> CRITERIA = List.of(
            "DAG correctly identifies parallel builds", "Checkpoints save complete build state",
            "Rollback restores previous state", "All tests pass with coverage ≥ 85%",
            "Detects missing features from spec");

    /** What an edit does; its numbers pick the feature, the requirement and the text, modulo sizes. */
    enum Kind {
        ADD_REQUIREMENT, REMOVE_REQUIREMENT, REWORD_REQUIREMENT, REWRITE_REQUIREMENT, RENAME_FEATURE,
        ADD_FEATURE, REMOVE_FEATURE, CHANGE_DEPENDENCIES, REORDER_REQUIREMENTS, REORDER_FEATURES, CHANGE_FILES,
        CHANGE_CRITERIA, CHANGE_COMPLEXITY
    }

    /** One edit; {@code a}, {@code b}, {@code c} are non-negative choices. */
    record Edit(Kind kind, int a, int b, int c) {
    }

    private SpecEdits() {
    }

    static Feature feature(String id, Complexity complexity, List<String> requirements, List<String> files,
            List<String> dependencies, List<String> criteria, boolean endpoint) {
        return new Feature(id, "Feature " + id, new LineRange(1, 2), complexity, "", "About " + id, requirements,
                files, dependencies, criteria, endpoint ? List.of(Endpoint.parse("POST /api/" + id)) : List.of(),
                Map.of());
    }

    /**
     * Applies one edit.
     *
     * @param features the current features, ids unique
     * @param edit the edit
     * @param fresh a counter value for a new feature id, unique over the run
     * @return the edited features (a new list)
     */
    static List<Feature> apply(List<Feature> features, Edit edit, int fresh) {
        List<Feature> out = new ArrayList<>(features);
        if (out.isEmpty() && edit.kind() != Kind.ADD_FEATURE) {
            return out;
        }
        int i = out.isEmpty() ? 0 : edit.a() % out.size();
        Feature f = out.isEmpty() ? null : out.get(i);
        switch (edit.kind()) {
            case ADD_REQUIREMENT -> {
                List<String> r = new ArrayList<>(f.requirements());
                r.add(edit.b() % (r.size() + 1), REQUIREMENTS.get(edit.c() % REQUIREMENTS.size()));
                out.set(i, f.withRequirements(r));
            }
            case REMOVE_REQUIREMENT -> {
                if (!f.requirements().isEmpty()) {
                    List<String> r = new ArrayList<>(f.requirements());
                    r.remove(edit.b() % r.size());
                    out.set(i, f.withRequirements(r));
                }
            }
            case REWORD_REQUIREMENT -> {
                if (!f.requirements().isEmpty()) {
                    List<String> r = new ArrayList<>(f.requirements());
                    int k = edit.b() % r.size();
                    String[] suffixes = {" with audit log", ".", " (phase 2)", " for all users"};
                    r.set(k, edit.c() % 5 == 4 ? r.get(k).toUpperCase(java.util.Locale.ROOT)
                            : r.get(k) + suffixes[edit.c() % 4]);
                    out.set(i, f.withRequirements(r));
                }
            }
            case REWRITE_REQUIREMENT -> {
                if (!f.requirements().isEmpty()) {
                    List<String> r = new ArrayList<>(f.requirements());
                    r.set(edit.b() % r.size(), REQUIREMENTS.get(edit.c() % REQUIREMENTS.size()));
                    out.set(i, f.withRequirements(r));
                }
            }
            case RENAME_FEATURE -> out.set(i, new Feature("r" + fresh, "Renamed " + fresh, f.lines(), f.complexity(),
                    f.priority(), f.description(), f.requirements(), f.files(), f.dependencies(),
                    f.acceptanceCriteria(), f.endpoints(), f.attributes()));
            case ADD_FEATURE -> out.add(out.isEmpty() ? 0 : edit.b() % (out.size() + 1),
                    feature("n" + fresh, Complexity.values()[edit.c() % 3],
                            List.of(REQUIREMENTS.get(edit.c() % REQUIREMENTS.size()),
                                    REQUIREMENTS.get((edit.c() + 7) % REQUIREMENTS.size())),
                            List.of(FILES.get(edit.b() % FILES.size())),
                            out.isEmpty() ? List.of() : List.of(out.get(edit.a() % out.size()).id()),
                            List.of(CRITERIA.get(edit.c() % CRITERIA.size())), edit.c() % 2 == 0));
            case REMOVE_FEATURE -> out.remove(i);
            case CHANGE_DEPENDENCIES -> {
                List<String> deps = new ArrayList<>();
                if (edit.b() % 4 != 0) {
                    deps.add(out.get(edit.b() % out.size()).id());
                }
                if (edit.c() % 5 == 0) {
                    deps.add("ghost");
                }
                out.set(i, with(f, f.files(), deps, f.acceptanceCriteria(), f.complexity()));
            }
            case REORDER_REQUIREMENTS -> {
                List<String> r = new ArrayList<>(f.requirements());
                Collections.reverse(r);
                out.set(i, f.withRequirements(r));
            }
            case REORDER_FEATURES -> Collections.rotate(out, 1 + edit.b() % out.size());
            case CHANGE_FILES -> {
                List<String> files = new ArrayList<>(f.files());
                String file = FILES.get(edit.c() % FILES.size());
                if (!files.remove(file)) {
                    files.add(edit.b() % (files.size() + 1), file);
                }
                out.set(i, with(f, files, f.dependencies(), f.acceptanceCriteria(), f.complexity()));
            }
            case CHANGE_CRITERIA -> {
                List<String> criteria = new ArrayList<>(f.acceptanceCriteria());
                String c = CRITERIA.get(edit.c() % CRITERIA.size());
                if (!criteria.remove(c)) {
                    criteria.add(c);
                }
                out.set(i, with(f, f.files(), f.dependencies(), criteria, f.complexity()));
            }
            case CHANGE_COMPLEXITY -> out.set(i, with(f, f.files(), f.dependencies(), f.acceptanceCriteria(),
                    Complexity.values()[(f.complexity().ordinal() + 1 + edit.c() % 2) % 3]));
        }
        return out;
    }

    private static Feature with(Feature f, List<String> files, List<String> deps, List<String> criteria,
            Complexity complexity) {
        return new Feature(f.id(), f.name(), f.lines(), complexity, f.priority(), f.description(), f.requirements(),
                files, deps, criteria, f.endpoints(), f.attributes());
    }
}
