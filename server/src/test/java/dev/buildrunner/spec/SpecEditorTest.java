package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SpecEditor}: structured edits on a real spec, all or nothing, problems as diagnostics. */
class SpecEditorTest {

    private final SpecEditor editor = new SpecEditor();
    private final Spec sample = Specs.spec("project-spec/br3-examples-SAMPLE_SPEC.md");

    @Test
    void editsApplyInOrderEachOnTheResultOfTheLast() {
        SpecEditor.Result r = editor.apply(sample, List.of(
                new SpecEdit(SpecEdit.Kind.ADD_FEATURE, "audit-log", "Audit Log"),
                new SpecEdit(SpecEdit.Kind.ADD_REQUIREMENT, "audit-log", "Record every role change"),
                new SpecEdit(SpecEdit.Kind.ADD_DEPENDENCY, "audit-log", "role-based-access-control")));

        assertThat(r.applied()).as("%s", r.diagnostics()).isTrue();
        Feature audit = r.spec().feature("audit-log").orElseThrow();
        assertThat(audit.requirements()).containsExactly("Record every role change");
        assertThat(audit.dependencies()).containsExactly("role-based-access-control");
        assertThat(r.spec().source()).startsWith(sample.source().substring(0, sample.source().indexOf("## Technical")
                - 1));
    }

    @Test
    void oneEditThatDoesNotFitLeavesTheSpecUntouched() {
        SpecEditor.Result r = editor.apply(sample, List.of(
                new SpecEdit(SpecEdit.Kind.ADD_REQUIREMENT, "user-authentication", "Login rate limiting"),
                new SpecEdit(SpecEdit.Kind.REMOVE_REQUIREMENT, "user-authentication", "SAML")));

        assertThat(r.applied()).isFalse();
        assertThat(r.spec()).isSameAs(sample);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("edit-unknown-requirement");
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).contains("SAML", "user-authentication");
        });
    }

    @Test
    void unknownFeaturesAndBadValuesAreDiagnostics() {
        assertThat(codeOf(new SpecEdit(SpecEdit.Kind.SET_PRIORITY, "billing", "High"))).isEqualTo("edit-unknown-feature");
        assertThat(codeOf(new SpecEdit(SpecEdit.Kind.ADD_DEPENDENCY, "user-authentication", "user-authentication")))
                .isEqualTo("edit-unknown-feature");
        assertThat(codeOf(new SpecEdit(SpecEdit.Kind.SET_COMPLEXITY, "user-authentication", "enormous")))
                .isEqualTo("edit-invalid-value");
        assertThat(codeOf(new SpecEdit(SpecEdit.Kind.ADD_ENDPOINT, "user-authentication", "login")))
                .isEqualTo("edit-invalid-value");
        assertThat(codeOf(new SpecEdit(SpecEdit.Kind.RENAME_FEATURE, "user-authentication", "Role-Based Access Control")))
                .isEqualTo("edit-feature-exists");
        assertThat(codeOf(new SpecEdit(SpecEdit.Kind.ADD_FEATURE, "", "!!!"))).isEqualTo("edit-invalid-value");
    }

    @Test
    void kindsHaveStableLabels() {
        assertThat(SpecEdit.Kind.ADD_ACCEPTANCE_CRITERION.label()).isEqualTo("add-acceptance-criterion");
        assertThat(new SpecEdit(SpecEdit.Kind.ADD_DEPENDENCY, "a", "b").describe()).isEqualTo("a depends on b");
    }

    private String codeOf(SpecEdit edit) {
        SpecEditor.Result r = editor.apply(sample, edit);
        assertThat(r.applied()).isFalse();
        assertThat(r.spec()).isSameAs(sample);
        return r.diagnostics().get(0).code();
    }
}
