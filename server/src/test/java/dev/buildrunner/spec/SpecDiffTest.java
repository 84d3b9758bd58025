package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SpecDiff on real specs edited through the writer or as text. */
class SpecDiffTest {

    private static final String BUILD_3A = "project-spec/br3-PROJECT_SPEC_BUILD_3A.md";
    private final SpecWriter writer = new SpecWriter(Specs.PARSER);

    static List<String> realSpecs() {
        return Specs.realSpecs();
    }

    @ParameterizedTest
    @MethodSource("realSpecs")
    void sameSpecHasNoDifference(String file) {
        Spec a = Specs.spec(file);
        SpecDiff diff = SpecDiff.between(a, Specs.spec(file));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.changedIds()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("realSpecs")
    void lineEndingsDoNotMatter(String file) {
        Spec a = Specs.spec(file);
        Spec b = Specs.PARSER.parse(Specs.text(file).replace("\n", "\r\n")).spec();
        assertThat(SpecDiff.between(a, b).isEmpty()).isTrue();
    }

    @Test
    void addedFeature() {
        Spec before = Specs.spec(BUILD_3A);
        Feature f = new Feature("x", "Audit Trail", new LineRange(1, 1), Complexity.SIMPLE, "", "",
                List.of("Append-only log"), List.of(), List.of(), List.of(), List.of(), Map.of());
        SpecDiff diff = SpecDiff.between(before, writer.addFeature(before, f));
        assertThat(diff.added()).containsExactly("audit-trail");
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.renamed()).isEmpty();
        assertThat(diff.modified()).isEmpty();
        assertThat(diff.changedIds()).containsExactly("audit-trail");
    }

    @Test
    void removedFeatureAlsoModifiesItsDependents() {
        Spec before = Specs.spec(BUILD_3A);
        SpecDiff diff = SpecDiff.between(before, writer.removeFeature(before, "gap-analyzer-and-completion-assurance"));
        assertThat(diff.removed()).containsExactly("gap-analyzer-and-completion-assurance");
        assertThat(diff.added()).isEmpty();
        // "Requires Gap Analyzer" now names no feature: kept as written, so the dependent changed
        assertThat(diff.modified()).containsExactly(
                new SpecDiff.Modification("architecture-drift-prevention", List.of("dependencies")));
    }

    @Test
    void renamedFeatureWithTheSameBodyIsARename() {
        Spec before = Specs.spec("project-spec/br3-examples-SAMPLE_SPEC.md");
        Spec after = Specs.PARSER.parse(before.source().replace("### Role-Based Access Control",
                "### Roles and Permissions")).spec();
        SpecDiff diff = SpecDiff.between(before, after);
        assertThat(diff.renamed()).containsExactly(new SpecDiff.Rename("role-based-access-control",
                "roles-and-permissions"));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.modified()).isEmpty();
        assertThat(diff.changedIds()).containsExactly("roles-and-permissions");
    }

    @Test
    void renameWithABodyChangeIsRemovalPlusAddition() {
        Spec before = Specs.spec("project-spec/br3-examples-SAMPLE_SPEC.md");
        Spec after = Specs.PARSER.parse(before.source().replace("### Role-Based Access Control",
                "### Roles").replace("- Role assignment", "- Role assignment UI")).spec();
        SpecDiff diff = SpecDiff.between(before, after);
        assertThat(diff.renamed()).isEmpty();
        assertThat(diff.removed()).containsExactly("role-based-access-control");
        assertThat(diff.added()).containsExactly("roles");
    }

    @Test
    void modifiedFieldsAreNamed() {
        Spec before = Specs.spec(BUILD_3A);
        Feature f = before.feature("code-quality-system").orElseThrow();
        List<String> reqs = new ArrayList<>(f.requirements());
        reqs.add("SARIF output");
        List<String> ac = new ArrayList<>(f.acceptanceCriteria());
        ac.remove(0);
        Feature edited = new Feature(f.id(), f.name(), f.lines(), Complexity.COMPLEX, f.priority(), f.description(),
                reqs, f.files(), f.dependencies(), ac, f.endpoints(), f.attributes());
        SpecDiff diff = SpecDiff.between(before, writer.replaceFeature(before, edited));
        assertThat(diff.modified()).containsExactly(new SpecDiff.Modification("code-quality-system",
                List.of("complexity", "requirements", "acceptanceCriteria")));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.renamed()).isEmpty();
    }

    @Test
    void textEditsShowAsFieldChanges() {
        Spec before = Specs.spec("project-spec/br3-PROJECT_SPEC-v3.2.md");
        Spec after = Specs.PARSER.parse(before.source()
                .replace("**Priority:** Critical\n**Status:** Planned\n**Duration:** 2 days\n\n"
                        + "**Description:** Bridge", "**Priority:** High\n**Status:** Done\n**Duration:** 2 days\n\n"
                        + "**Description:** Bridge")
                .replace("- Create `cli/agent_commands.py`", "- Create `cli/agents.py`")).spec();
        SpecDiff diff = SpecDiff.between(before, after);
        assertThat(diff.modified()).containsExactly(new SpecDiff.Modification("claude-agent-bridge",
                List.of("priority", "files", "attributes")));
    }

    @Test
    void movedFeatureIsUnchanged() {
        String text = Specs.text(BUILD_3A);
        // swap "Code Quality System" (lines 75-107) and "Architecture Drift Prevention" (lines 111-139)
        List<String> lines = Specs.lines(text);
        List<String> swapped = new ArrayList<>(lines.subList(0, 74));
        swapped.addAll(lines.subList(110, 139));
        swapped.addAll(lines.subList(107, 110));
        swapped.addAll(lines.subList(74, 107));
        swapped.add("");
        swapped.addAll(lines.subList(139, lines.size()));
        Spec before = Specs.PARSER.parse(text).spec();
        Spec after = Specs.PARSER.parse(String.join("\n", swapped)).spec();
        assertThat(after.features()).extracting(Feature::id).containsExactly("build-orchestrator-enhancement",
                "gap-analyzer-and-completion-assurance", "architecture-drift-prevention", "code-quality-system");
        assertThat(after.feature("code-quality-system").orElseThrow().lines())
                .isNotEqualTo(before.feature("code-quality-system").orElseThrow().lines());
        assertThat(SpecDiff.between(before, after).isEmpty()).isTrue();
    }

    @Test
    void changedFieldsListsEveryDifferingField() {
        Feature a = new Feature("a", "A", new LineRange(1, 2), Complexity.SIMPLE, "P1", "d", List.of("r"),
                List.of("f"), List.of("b"), List.of("ac"), List.of(Endpoint.parse("GET /a")), Map.of("k", "v"));
        Feature b = new Feature("a", "B", new LineRange(5, 9), Complexity.COMPLEX, "P2", "e", List.of("s"),
                List.of("g"), List.of("c"), List.of("ad"), List.of(Endpoint.parse("GET /b")), Map.of("k", "w"));
        assertThat(SpecDiff.changedFields(a, b)).isEqualTo(SpecDiff.FIELDS);
        assertThat(SpecDiff.changedFields(a, a)).isEmpty();
    }
}
