package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecWriterTest {

    private final SpecWriter writer = new SpecWriter(Specs.PARSER);

    static List<String> realSpecs() {
        return Specs.realSpecs();
    }

    static Stream<Arguments> buildRunnerFeatures() {
        List<Arguments> out = new ArrayList<>();
        for (String file : Specs.buildRunnerSpecs()) {
            for (Feature f : Specs.spec(file).features()) {
                out.add(Arguments.of(file, f.id()));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> allFeatures() {
        List<Arguments> out = new ArrayList<>();
        for (String file : Specs.realSpecs()) {
            for (Feature f : Specs.spec(file).features()) {
                out.add(Arguments.of(file, f.id()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("realSpecs")
    void unchangedSpecWritesBackByteIdentical(String file) {
        String text = Specs.text(file);
        Spec spec = Specs.PARSER.parse(text).spec();
        assertThat(writer.write(spec)).isEqualTo(text);
        // replacing a feature by itself changes nothing either
        for (Feature f : spec.features()) {
            assertThat(writer.replaceFeature(spec, f).source()).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @MethodSource("buildRunnerFeatures")
    void editingOneRequirementChangesOnlyThatFeaturesLines(String file, String id) {
        Spec spec = Specs.spec(file);
        Feature f = spec.feature(id).orElseThrow();
        List<String> reqs = new ArrayList<>(f.requirements());
        if (reqs.isEmpty()) {
            reqs.add("Log every request");
        } else {
            reqs.set(reqs.size() / 2, reqs.get(reqs.size() / 2) + " (edited)");
        }
        Feature edited = f.withRequirements(reqs);

        Spec after = writer.replaceFeature(spec, edited);

        assertOnlyInside(spec.source(), after.source(), f.lines());
        if (!f.requirements().isEmpty()) {
            // a field-level splice: the edited item's line and nothing else
            assertThat(changedLines(spec.source(), after.source())).isEqualTo(1);
        }
        Feature now = after.features().get(spec.features().indexOf(f));
        assertThat(now.sameContent(edited)).as("%s\nexpected %s", now, edited).isTrue();
        assertOthersUnchanged(spec, after, id);
    }

    @ParameterizedTest
    @MethodSource("allFeatures")
    void addingAndRemovingARequirementInAnyFormatReadsBack(String file, String id) {
        Spec spec = Specs.spec(file);
        Feature f = spec.feature(id).orElseThrow();
        List<String> reqs = new ArrayList<>(f.requirements());
        reqs.add("Write an audit log entry");
        if (reqs.size() > 2) {
            reqs.remove(0);
        }
        Feature edited = f.withRequirements(reqs);

        Spec after = writer.replaceFeature(spec, edited);

        Feature now = after.feature(id).orElseThrow();
        assertThat(now.requirements()).isEqualTo(reqs);
        assertOthersUnchanged(spec, after, id);
    }

    @ParameterizedTest
    @MethodSource("allFeatures")
    void editingCriteriaFilesAndPriorityReadsBackInAnyFormat(String file, String id) {
        // spec-kit's functional-requirements feature is made of FR lines only: it has no body to add to
        org.junit.jupiter.api.Assumptions.assumeFalse(id.equals("functional-requirements"));
        Spec spec = Specs.spec(file);
        Feature f = spec.feature(id).orElseThrow();
        List<String> ac = new ArrayList<>(f.acceptanceCriteria());
        if (!ac.isEmpty()) {
            ac.set(0, "Changed criterion");
        }
        ac.add("Added criterion");
        List<String> files = new ArrayList<>(f.files());
        if (!files.isEmpty()) {
            files.set(files.size() - 1, "src/changed/Path.java");
        } else {
            files.add("src/added/File.java");
        }
        Feature edited = new Feature(f.id(), f.name(), f.lines(), f.complexity(), "P0", f.description(),
                f.requirements(), files, f.dependencies(), ac, f.endpoints(), f.attributes());

        Spec after = writer.replaceFeature(spec, edited);

        Feature now = after.features().get(spec.features().indexOf(f));
        assertThat(now.acceptanceCriteria()).isEqualTo(ac);
        assertThat(now.priority()).isEqualTo("P0");
        if (spec.format() != SpecFormat.SPEC_KIT_TASKS) {
            // in tasks.md, files are read from the task lines: a file alone is no task
            assertThat(now.files()).isEqualTo(files);
        }
        if (spec.format() == SpecFormat.BUILDRUNNER) {
            assertOnlyInside(spec.source(), after.source(), f.lines());
            assertThat(now.sameContent(edited)).as("%s", now).isTrue();
        }
        assertOthersUnchanged(spec, after, id);
    }

    @Test
    void fieldLevelSplicingKeepsUntouchedBytes() {
        Spec spec = Specs.spec("project-spec/br3-PROJECT_SPEC_BUILD_3A.md");
        Feature f = spec.feature("code-quality-system").orElseThrow();
        List<String> ac = new ArrayList<>(f.acceptanceCriteria());
        ac.add(1, "Quality report is written as SARIF");
        List<String> files = new ArrayList<>(f.files());
        files.set(0, "core/quality/gates.py");
        Feature edited = new Feature(f.id(), f.name(), f.lines(), Complexity.COMPLEX, "High", f.description(),
                f.requirements(), files, List.of("build-orchestrator-enhancement"), ac, f.endpoints(),
                Map.of("Owner", "quality team"));

        Spec after = writer.replaceFeature(spec, edited);

        Feature now = after.feature(f.id()).orElseThrow();
        assertThat(now.sameContent(edited)).as("%s", now).isTrue();
        String src = after.source();
        // BUILD_3A lines 75-107: the feature's own label style and list markers are reused
        assertThat(src).contains("**Complexity:** complex\n\n**Description:**");
        assertThat(src).contains("- All quality checkers functional\n- Quality report is written as SARIF\n"
                + "- Quality score accurately calculated");
        assertThat(src).contains("- core/quality/gates.py\n- core/quality_config.py");
        assertThat(src).contains("**Dependencies:**\n- Build Orchestrator Enhancement");
        assertThat(src).contains("**Priority:** High");
        assertThat(src).contains("**Owner:** quality team");
        assertOnlyInside(spec.source(), src, f.lines());
    }

    /** One edit of one feature: what the source must then contain, and that the feature reads back. */
    static Stream<Arguments> fieldEdits() {
        return Stream.of(
                // BUILD_3A lines 17-18: "**Description:**" then the text on the next line
                Arguments.of("project-spec/br3-PROJECT_SPEC_BUILD_3A.md", "build-orchestrator-enhancement",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "description", "Coordinate builds."),
                        "**Description:**\nCoordinate builds.\n\n**Requirements:**"),
                // SAMPLE line 34: "Depends on: User Authentication" (prose label, inline value)
                Arguments.of("project-spec/br3-examples-SAMPLE_SPEC.md", "role-based-access-control",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "dependencies",
                                List.of("user-authentication", "user-profile-management")),
                        "Depends on: User Authentication, User Profile Management\n"),
                Arguments.of("project-spec/br3-examples-SAMPLE_SPEC.md", "role-based-access-control",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "dependencies", List.of()),
                        "### Role-Based Access Control\n\n\nImplement role-based permissions system."),
                // SAMPLE uses plain labels: a new field is written the same way
                Arguments.of("project-spec/br3-examples-SAMPLE_SPEC.md", "user-authentication",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "complexity", Complexity.COMPLEX),
                        "### User Authentication\n\nComplexity: complex\n\nSecure authentication"),
                // BUILD_4A line 72: the path is replaced inside "2. `...` (350+ lines)", the suffix stays
                Arguments.of("project-spec/br3-PROJECT_SPEC_BUILD_4A.md", "legacy-structure-parser",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "files", List.of("core/v2/parser.py")),
                        "2. `core/v2/parser.py` (350+ lines)\n   - `V2ProjectParser` class"),
                // BUILD_4A lines 59-63: "✅" criteria; a new one gets the same mark
                Arguments.of("project-spec/br3-PROJECT_SPEC_BUILD_4A.md", "migration-command-interface",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "acceptanceCriteria",
                                append(f.acceptanceCriteria(), "Works offline")),
                        "- ✅ Helpful error messages for invalid inputs\n- ✅ Works offline\n"),
                // v3.2 lines 32-34: attributes changed and removed in place
                Arguments.of("project-spec/br3-PROJECT_SPEC-v3.2.md", "claude-agent-bridge",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "attributes",
                                Map.of("Status", "Done")),
                        "**Priority:** Critical\n**Status:** Done\n\n**Description:**"),
                // v3.2 lines 50-54: a new checkbox criterion is unticked, after its neighbour
                Arguments.of("project-spec/br3-PROJECT_SPEC-v3.2.md", "claude-agent-bridge",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "acceptanceCriteria",
                                append(f.acceptanceCriteria(), "Docs updated")),
                        "- [ ] Tests pass (90%+ coverage)\n- [ ] Docs updated\n"),
                // spec-kit: the priority sits in the heading
                Arguments.of("other-formats/playground-001-user-crud-api-spec.md", "US3",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "priority", "P1"),
                        "### User Story 3 - Update User (Priority: P1)\n"),
                // OpenSpec: a scenario is rewritten as one heading
                Arguments.of("other-formats/expense-tracker-specs-statistics-metrics-spec.md",
                        "lazy-loading-for-statistics-tab",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "acceptanceCriteria",
                                List.of(f.acceptanceCriteria().get(0), "Refresh on focus")),
                        "#### Scenario: Refresh on focus\n"),
                // Kiro: EARS criteria are a numbered list; the next number is used
                Arguments.of("other-formats/spirit-of-kiro-plans-player-trail-effect-requirements.md", "req-5",
                        (java.util.function.UnaryOperator<Feature>) f -> with(f, "acceptanceCriteria",
                                append(f.acceptanceCriteria(), "WHEN x THEN the system SHALL y")),
                        "4. WHEN x THEN the system SHALL y"));
    }

    @ParameterizedTest
    @MethodSource("fieldEdits")
    void fieldEdit(String file, String id, java.util.function.UnaryOperator<Feature> edit, String expected) {
        Spec spec = Specs.spec(file);
        Feature f = spec.feature(id).orElseThrow();
        Feature edited = edit.apply(f);
        Spec after = writer.replaceFeature(spec, edited);
        assertThat(after.source()).contains(expected);
        Feature now = after.feature(id).orElseThrow();
        assertThat(SpecDiff.changedFields(now, edited)).isEmpty();
        assertOthersUnchanged(spec, after, id);
    }

    static List<String> append(List<String> list, String value) {
        List<String> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }

    @SuppressWarnings("unchecked")
    static Feature with(Feature f, String field, Object value) {
        return new Feature(f.id(), f.name(), f.lines(),
                field.equals("complexity") ? (Complexity) value : f.complexity(),
                field.equals("priority") ? (String) value : f.priority(),
                field.equals("description") ? (String) value : f.description(),
                f.requirements(),
                field.equals("files") ? (List<String>) value : f.files(),
                field.equals("dependencies") ? (List<String>) value : f.dependencies(),
                field.equals("acceptanceCriteria") ? (List<String>) value : f.acceptanceCriteria(),
                f.endpoints(),
                field.equals("attributes") ? (Map<String, String>) value : f.attributes());
    }

    @Test
    void removingAFileItemRemovesTheLinesDescribingIt() {
        Spec spec = Specs.spec("project-spec/br3-PROJECT_SPEC_BUILD_4A.md");
        Feature f = spec.feature("migration-command-interface").orElseThrow(); // lines 29-36
        Feature edited = new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(), f.description(),
                List.of(), List.of(), f.dependencies(), f.acceptanceCriteria(), f.endpoints(), f.attributes());
        Spec after = writer.replaceFeature(spec, edited);
        Feature now = after.feature(f.id()).orElseThrow();
        assertThat(now.files()).isEmpty();
        assertThat(now.requirements()).isEmpty();
        assertThat(now.acceptanceCriteria()).isEqualTo(f.acceptanceCriteria());
        assertThat(after.source()).contains("**Files to Create:**\n\n**Implementation Details:**");
    }

    @Test
    void keepsCrlfLineEndingsAndBom() {
        String text = "\uFEFF" + Specs.text("project-spec/br3-examples-SAMPLE_SPEC.md").replace("\n", "\r\n");
        Spec spec = Specs.PARSER.parse(text).spec();
        assertThat(writer.write(spec)).isEqualTo(text);
        Feature f = spec.feature("user-profile-management").orElseThrow();
        List<String> reqs = new ArrayList<>(f.requirements());
        reqs.add("Export profile as JSON");
        Spec after = writer.replaceFeature(spec, f.withRequirements(reqs));
        assertThat(after.source()).startsWith("\uFEFF").contains("- Privacy settings\r\n- Export profile as JSON\r\n");
        assertThat(after.source().replace("\r\n", "")).doesNotContain("\n");
        assertThat(after.feature(f.id()).orElseThrow().requirements()).isEqualTo(reqs);
    }

    @Test
    void renameChangesHeadingAndId() {
        Spec spec = Specs.spec("project-spec/br3-PROJECT_SPEC-v3.2.md");
        Feature f = spec.feature("claude-agent-bridge").orElseThrow();
        Feature renamed = new Feature(f.id(), "Claude Agent Gateway (Build 7A)", f.lines(), f.complexity(),
                f.priority(), f.description(), f.requirements(), f.files(), f.dependencies(),
                f.acceptanceCriteria(), f.endpoints(), f.attributes());
        Spec after = writer.replaceFeature(spec, renamed);
        assertThat(after.source()).contains("### Feature 1: Claude Agent Gateway (Build 7A)\n**Priority:** Critical");
        assertThat(after.feature("claude-agent-gateway")).isPresent();
        assertThat(SpecDiff.between(spec, after).renamed())
                .containsExactly(new SpecDiff.Rename("claude-agent-bridge", "claude-agent-gateway"));
    }

    @Test
    void addFeatureAppendsInTheSpecsStyle() {
        Spec spec = Specs.spec("project-spec/br3-PROJECT_SPEC_BUILD_3A.md");
        Feature f = new Feature("x", "Audit Trail", new LineRange(1, 1), Complexity.SIMPLE, "Low",
                "Record who changed what.", List.of("Append-only log", "CLI to query it"), List.of("core/audit.py"),
                List.of("code-quality-system"), List.of("Every change is logged"), List.of(), Map.of());

        Spec after = writer.addFeature(spec, f);

        assertThat(after.features()).hasSize(5);
        Feature added = after.features().get(4);
        assertThat(added.id()).isEqualTo("audit-trail");
        assertThat(added.requirements()).containsExactly("Append-only log", "CLI to query it");
        assertThat(added.files()).containsExactly("core/audit.py");
        assertThat(added.dependencies()).containsExactly("code-quality-system");
        assertThat(added.acceptanceCriteria()).containsExactly("Every change is logged");
        assertThat(added.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(added.priority()).isEqualTo("Low");
        assertThat(added.description()).isEqualTo("Record who changed what.");
        assertThat(after.source()).contains("- All tests pass with coverage ≥ 85%\n\n---\n\n### Feature: Audit Trail\n");
        assertThat(after.technicalRequirements()).isEqualTo(spec.technicalRequirements());
        for (int i = 0; i < 4; i++) {
            assertThat(after.features().get(i).sameContent(spec.features().get(i))).isTrue();
        }
    }

    @Test
    void addFeatureToNumberedSpecContinuesNumbering() {
        Spec spec = Specs.spec("project-spec/br3-PROJECT_SPEC-v3.2.md");
        Feature f = new Feature("x", "Plugin API", new LineRange(1, 1), Complexity.MEDIUM, "", "", List.of("Load plugins"),
                List.of(), List.of(), List.of(), List.of(), Map.of());
        Spec after = writer.addFeature(spec, f);
        assertThat(after.source()).contains("### Feature 10: Plugin API");
        assertThat(after.features()).hasSize(10);
        assertThat(after.features().get(9).requirements()).containsExactly("Load plugins");
    }

    @Test
    void addFeatureToSpecWithoutFeaturesCreatesTheSection() {
        Spec spec = Specs.PARSER.parse("# Empty\n\n## Overview\n\nNothing yet.\n").spec();
        Feature f = new Feature("x", "First", new LineRange(1, 1), Complexity.MEDIUM, "", "", List.of("Do it"),
                List.of(), List.of(), List.of(), List.of(), Map.of());
        Spec after = writer.addFeature(spec, f);
        assertThat(after.source()).startsWith("# Empty\n\n## Overview\n\nNothing yet.\n\n## Features\n\n### Feature: First\n");
        assertThat(after.features()).extracting(Feature::id).containsExactly("first");
        assertThat(after.overview()).isEqualTo("Nothing yet.");
    }

    @ParameterizedTest
    @MethodSource("buildRunnerFeatures")
    void removeFeatureDropsOnlyThatFeature(String file, String id) {
        Spec spec = Specs.spec(file);
        Spec after = writer.removeFeature(spec, id);
        assertThat(after.features()).extracting(Feature::id).doesNotContain(id);
        assertThat(after.features()).hasSize(spec.features().size() - 1);
        Map<String, Feature> rest = new LinkedHashMap<>();
        after.features().forEach(x -> rest.put(x.id(), x));
        for (Feature f : spec.features()) {
            if (!f.id().equals(id)) {
                Feature now = rest.get(f.id());
                // a feature depending on the removed one now names an unknown feature: only that changes
                assertThat(now.sameBody(f) || f.dependencies().contains(id)).as(f.id()).isTrue();
            }
        }
        assertThat(after.source()).doesNotContain("\n\n---\n\n---\n");
    }

    @Test
    void unknownIdIsAnArgumentError() {
        Spec spec = Specs.spec("project-spec/br3-examples-SAMPLE_SPEC.md");
        Feature f = spec.features().get(0);
        Feature other = new Feature("nope", f.name(), f.lines(), f.complexity(), f.priority(), f.description(),
                f.requirements(), f.files(), f.dependencies(), f.acceptanceCriteria(), f.endpoints(), f.attributes());
        assertThatThrownBy(() -> writer.replaceFeature(spec, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> writer.removeFeature(spec, "nope")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Lines outside {@code range} (1-based, of the old text) are identical before and after. */
    static void assertOnlyInside(String before, String after, LineRange range) {
        List<String> a = Specs.lines(before);
        List<String> b = Specs.lines(after);
        int headLen = range.first() - 1;
        int tailLen = a.size() - range.last();
        assertThat(b.size()).isGreaterThanOrEqualTo(headLen + tailLen);
        assertThat(b.subList(0, headLen)).isEqualTo(a.subList(0, headLen));
        assertThat(b.subList(b.size() - tailLen, b.size())).isEqualTo(a.subList(a.size() - tailLen, a.size()));
    }

    static int changedLines(String before, String after) {
        List<String> a = Specs.lines(before);
        List<String> b = Specs.lines(after);
        if (a.size() != b.size()) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            n += a.get(i).equals(b.get(i)) ? 0 : 1;
        }
        return n;
    }

    static void assertOthersUnchanged(Spec before, Spec after, String editedId) {
        assertThat(after.features()).hasSameSizeAs(before.features());
        for (int i = 0; i < before.features().size(); i++) {
            Feature b = before.features().get(i);
            if (!b.id().equals(editedId)) {
                assertThat(after.features().get(i).sameContent(b)).as("feature %s", b.id()).isTrue();
            }
        }
        assertThat(after.technicalRequirements()).isEqualTo(before.technicalRequirements());
        assertThat(after.overview()).isEqualTo(before.overview());
        assertThat(after.title()).isEqualTo(before.title());
    }
}
