package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Natural-language spec edits (seed 000, "Natural Language Updates") on the real specs: each
 * instruction form, name matching and its failures, and the lossless write (only the touched
 * feature's lines change, the result re-parses to the asked-for feature).
 */
class NaturalLanguageEditsTest {

    private static final String SAMPLE = "project-spec/br3-examples-SAMPLE_SPEC.md";
    private static final String BUILD_3A = "project-spec/br3-PROJECT_SPEC_BUILD_3A.md";

    private final NaturalLanguageEdits nl = new NaturalLanguageEdits();
    private final Spec sample = Specs.spec(SAMPLE);

    // ------------------------------------------------------------ features

    @Test
    void seedExampleAddsAnAuthenticationFeature() {
        EditPreview p = nl.preview(sample, "add authentication feature");

        assertThat(p.edits()).containsExactly(new SpecEdit(SpecEdit.Kind.ADD_FEATURE, "authentication", "Authentication"));
        assertThat(p.diagnostics()).isEmpty();
        assertThat(p.diff().added()).containsExactly("authentication");
        Spec after = applied(sample, p);
        assertThat(after.features()).extracting(Feature::id).containsExactly("user-authentication",
                "user-profile-management", "role-based-access-control", "authentication");
        // The new feature goes after the last one (line 76); everything before it and the
        // Technical Requirements section after it are byte-identical.
        List<String> before = Specs.lines(sample.source());
        List<String> now = Specs.lines(after.source());
        assertThat(now.subList(0, 76)).isEqualTo(before.subList(0, 76));
        assertThat(now.subList(now.size() - 11, now.size())).isEqualTo(before.subList(before.size() - 11, before.size()));
        assertThat(now).contains("### Authentication");
        // An added feature has no body yet: the parser says so, on the new heading's line.
        assertThat(Specs.PARSER.parse(after.source()).diagnostics()).singleElement()
                .extracting(Diagnostic::line, Diagnostic::code).containsExactly(78, "empty-feature");
    }

    @Test
    void addFeatureFormsKeepATypedNameAndTakeADescription() {
        EditPreview p = nl.preview(sample, "Create a new feature called \"SSO via SAML\" with description 'Single sign-on for"
                + " enterprise customers'.");

        assertThat(p.edits()).extracting(SpecEdit::kind).containsExactly(SpecEdit.Kind.ADD_FEATURE,
                SpecEdit.Kind.SET_DESCRIPTION);
        Feature added = applied(sample, p).feature("sso-via-saml").orElseThrow();
        assertThat(added.name()).isEqualTo("SSO via SAML");
        assertThat(added.description()).isEqualTo("Single sign-on for enterprise customers");
    }

    @Test
    void addingAFeatureThatExistsIsRefused() {
        EditPreview p = nl.preview(sample, "add feature user authentication");

        assertThat(p.edits()).isEmpty();
        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("edit-feature-exists");
            assertThat(d.line()).isEqualTo(9);
        });
        assertThat(p.applicable()).isFalse();
    }

    @Test
    void removeByPartialNameDeletesOnlyThatFeaturesLines() {
        EditPreview p = nl.preview(sample, "drop the profile feature");

        assertThat(p.edits()).containsExactly(new SpecEdit(SpecEdit.Kind.REMOVE_FEATURE, "user-profile-management", ""));
        Spec after = applied(sample, p);
        List<String> before = Specs.lines(sample.source());
        List<String> now = Specs.lines(after.source());
        // Lines 32..53 and the blank line after them go; the rest is byte-identical.
        assertThat(now.subList(0, 31)).isEqualTo(before.subList(0, 31));
        assertThat(now.subList(31, now.size())).isEqualTo(before.subList(54, before.size()));
        assertThat(after.features()).extracting(Feature::id).containsExactly("user-authentication",
                "role-based-access-control");
    }

    @Test
    void removingAFeatureOthersDependOnWarnsAndNamesThem() {
        EditPreview p = nl.preview(sample, "delete feature User Authentication");

        assertThat(p.applicable()).isTrue();
        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.code()).isEqualTo("edit-dependents");
            assertThat(d.message()).contains("user-profile-management", "role-based-access-control");
        });
    }

    @Test
    void renameChangesTheHeadingAndTheDependencyLinesNamingIt() {
        EditPreview p = nl.preview(sample, "rename User Authentication to Sign-In");

        assertThat(p.edits()).containsExactly(new SpecEdit(SpecEdit.Kind.RENAME_FEATURE, "user-authentication", "Sign-In"));
        assertThat(p.diff().renamed()).containsExactly(new SpecDiff.Rename("user-authentication", "sign-in"));
        Spec after = applied(sample, p);
        List<String> before = Specs.lines(sample.source());
        List<String> now = Specs.lines(after.source());
        assertThat(now).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            int line = i + 1;
            if (line == 9) {
                assertThat(now.get(i)).isEqualTo("### Sign-In");
            } else if (line == 34 || line == 57) {
                assertThat(now.get(i)).isEqualTo("Depends on: Sign-In");
            } else {
                assertThat(now.get(i)).as("line %d", line).isEqualTo(before.get(i));
            }
        }
        assertThat(after.feature("user-profile-management").orElseThrow().dependencies()).containsExactly("sign-in");
    }

    // ------------------------------------------------------------ fields

    @Test
    void addRequirementQuotedOrWithToInsideTheText() {
        Feature auth = sample.features().get(0);

        Spec quoted = applied(sample, nl.preview(sample, "add requirement \"Login rate limiting\" to auth"));
        Spec unquoted = applied(sample, nl.preview(sample,
                "add a requirement users can log in to the admin dashboard for user authentication"));

        assertOnlyFeatureChanged(sample, quoted, auth, withRequirement(auth, "Login rate limiting"));
        assertOnlyFeatureChanged(sample, unquoted, auth, withRequirement(auth, "users can log in to the admin dashboard"));
        assertThat(Specs.lines(quoted.source()).get(18)).isEqualTo("- Login rate limiting");
    }

    @Test
    void removeRequirementByAFragmentOfItsText() {
        EditPreview p = nl.preview(sample, "remove requirement \"2FA\" from auth");

        assertThat(p.edits()).containsExactly(new SpecEdit(SpecEdit.Kind.REMOVE_REQUIREMENT, "user-authentication",
                "Two-factor authentication (2FA)"));
        Spec after = applied(sample, p);
        assertThat(after.features().get(0).requirements()).containsExactly("Email/password authentication",
                "OAuth2 integration (Google, GitHub)", "JWT token-based sessions", "Password reset via email");
        assertThat(Specs.lines(after.source())).hasSize(Specs.lines(sample.source()).size() - 1)
                .doesNotContain("- Two-factor authentication (2FA)");
    }

    @Test
    void removeRequirementThatIsAmbiguousOrMissingListsTheRequirements() {
        EditPreview ambiguous = nl.preview(sample, "remove requirement authentication from user authentication");
        EditPreview missing = nl.preview(sample, "remove requirement \"SAML\" from user authentication");

        assertThat(ambiguous.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-ambiguous-requirement");
            assertThat(d.message()).contains("\"Email/password authentication\"", "\"Two-factor authentication (2FA)\"");
        });
        assertThat(missing.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-unknown-requirement");
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).contains("SAML", "\"JWT token-based sessions\"");
        });
        assertThat(ambiguous.edits()).isEmpty();
        assertThat(missing.edits()).isEmpty();
    }

    @Test
    void setComplexityAndPriorityInEveryForm() {
        Feature profile = sample.features().get(1);
        Spec a = applied(sample, nl.preview(sample, "set complexity of profile to complex"));
        Spec b = applied(sample, nl.preview(sample, "set User Profile Management's priority to high"));
        Spec c = applied(sample, nl.preview(sample, "make rbac simple"));

        assertThat(a.feature(profile.id()).orElseThrow().complexity()).isEqualTo(Complexity.COMPLEX);
        assertOnlyFeatureChanged(sample, b, profile, new Feature(profile.id(), profile.name(), profile.lines(),
                profile.complexity(), "High", profile.description(), profile.requirements(), profile.files(),
                profile.dependencies(), profile.acceptanceCriteria(), profile.endpoints(), profile.attributes()));
        assertThat(c.feature("role-based-access-control").orElseThrow().complexity()).isEqualTo(Complexity.SIMPLE);
    }

    @Test
    void invalidComplexityNamesTheValue() {
        EditPreview p = nl.preview(sample, "set complexity of auth to gigantic");

        assertThat(p.edits()).isEmpty();
        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-invalid-value");
            assertThat(d.message()).contains("gigantic", "simple, medium or complex");
        });
    }

    @Test
    void addAcceptanceCriterionAndEndpoint() {
        Feature auth = sample.features().get(0);
        EditPreview p = nl.preview(sample, "add acceptance criterion 'Accounts lock after 5 failed attempts' to User"
                + " Authentication\nadd endpoint `POST /api/login` to auth");

        assertThat(p.edits()).containsExactly(
                new SpecEdit(SpecEdit.Kind.ADD_ACCEPTANCE_CRITERION, auth.id(), "Accounts lock after 5 failed attempts"),
                new SpecEdit(SpecEdit.Kind.ADD_ENDPOINT, auth.id(), "POST /api/login"));
        Feature now = applied(sample, p).feature(auth.id()).orElseThrow();
        assertThat(now.acceptanceCriteria()).endsWith("Accounts lock after 5 failed attempts").hasSize(5);
        assertThat(now.endpoints()).containsExactly(new Endpoint("POST", "/api/login"));
        assertThat(now.requirements()).isEqualTo(auth.requirements());
    }

    @Test
    void anEndpointWithoutMethodIsRefused() {
        EditPreview p = nl.preview(sample, "add endpoint /login to auth");

        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-invalid-value");
            assertThat(d.message()).contains("METHOD /path", "/login");
        });
    }

    @Test
    void dependsOnAddsADependencyWrittenByName() {
        EditPreview p = nl.preview(sample, "role based access control depends on profile");

        assertThat(p.edits()).containsExactly(new SpecEdit(SpecEdit.Kind.ADD_DEPENDENCY, "role-based-access-control",
                "user-profile-management"));
        Spec after = applied(sample, p);
        assertThat(Specs.lines(after.source()).get(56)).isEqualTo("Depends on: User Authentication, User Profile Management");
        assertThat(after.feature("role-based-access-control").orElseThrow().dependencies())
                .containsExactly("user-authentication", "user-profile-management");
    }

    @Test
    void dependencyThatClosesACycleOrExistsIsNotAdded() {
        EditPreview cycle = nl.preview(sample, "auth depends on profile");
        EditPreview again = nl.preview(sample, "profile depends on auth");

        assertThat(cycle.edits()).isEmpty();
        assertThat(cycle.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-dependency-cycle");
            assertThat(d.message()).contains("user-authentication -> user-profile-management -> user-authentication");
        });
        assertThat(again.edits()).isEmpty();
        assertThat(again.diagnostics()).singleElement().extracting(Diagnostic::code, Diagnostic::severity)
                .containsExactly("nl-no-change", Severity.INFO);
    }

    // ------------------------------------------------------------ names and failures

    @Test
    void ambiguousNameListsTheCandidates() {
        EditPreview p = nl.preview(sample, "add requirement \"Audit log\" to user");

        assertThat(p.edits()).isEmpty();
        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-ambiguous-feature");
            assertThat(d.message()).contains("user-authentication (\"User Authentication\")",
                    "user-profile-management (\"User Profile Management\")").doesNotContain("role-based");
        });
    }

    @Test
    void namesMatchByIdNameSlugPrefixWordsInitialsAndTypos() {
        for (String typed : List.of("user-authentication", "USER AUTHENTICATION", "user auth", "authentication",
                "User Authentcation", "the user authentication feature")) {
            EditPreview p = nl.preview(sample, "set priority of " + typed + " to P1");
            assertThat(p.edits()).as(typed).containsExactly(new SpecEdit(SpecEdit.Kind.SET_PRIORITY,
                    "user-authentication", "P1"));
        }
        assertThat(nl.preview(sample, "make rbac complex").edits()).singleElement()
                .extracting(SpecEdit::featureId).isEqualTo("role-based-access-control");
    }

    @Test
    void unknownFeatureNamesTheNearest() {
        EditPreview p = nl.preview(sample, "add requirement \"x\" to billing");

        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-unknown-feature");
            assertThat(d.message()).contains("\"billing\"", "nearest:");
        });
    }

    @Test
    void unknownInstructionNamesTheTextAndListsTheForms() {
        EditPreview p = nl.preview(sample, "frobnicate the widgets");

        assertThat(p.edits()).isEmpty();
        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("nl-not-understood");
            assertThat(d.message()).contains("\"frobnicate the widgets\"");
            NaturalLanguageEdits.FORMS.forEach(form -> assertThat(d.message()).contains(form));
        });
        assertThat(nl.preview(sample, " \n ;").diagnostics()).extracting(Diagnostic::code).containsExactly("nl-empty");
    }

    @Test
    void severalInstructionsSeeTheFeaturesEarlierOnesAdd() {
        EditPreview p = nl.preview(sample, "- add feature Billing\n- add requirement \"Monthly invoices\" to billing;"
                + " billing depends on auth\nplease set complexity of billing to complex.");

        assertThat(p.diagnostics()).isEmpty();
        assertThat(p.edits()).extracting(SpecEdit::describe).containsExactly("add feature \"Billing\" (id billing)",
                "add requirement \"Monthly invoices\" to billing", "billing depends on user-authentication",
                "set complexity of billing to complex");
        Feature billing = applied(sample, p).feature("billing").orElseThrow();
        assertThat(billing.requirements()).containsExactly("Monthly invoices");
        assertThat(billing.dependencies()).containsExactly("user-authentication");
        assertThat(billing.complexity()).isEqualTo(Complexity.COMPLEX);
    }

    @Test
    void oneFailingInstructionMakesThePreviewInapplicable() {
        EditPreview p = nl.preview(sample, "add requirement \"Audit log\" to auth; frobnicate");

        assertThat(p.edits()).hasSize(1);
        assertThat(p.applicable()).isFalse();
        SpecEditor.Result r = nl.apply(sample, p);
        assertThat(r.applied()).isFalse();
        assertThat(r.spec()).isSameAs(sample);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("nl-not-understood");
    }

    @Test
    void applyingAStalePreviewChangesNothing() {
        EditPreview p = nl.preview(sample, "add requirement \"Audit log\" to profile");
        Spec newer = applied(sample, nl.preview(sample, "remove feature profile"));

        SpecEditor.Result r = nl.apply(newer, p);

        assertThat(r.applied()).isFalse();
        assertThat(r.spec()).isSameAs(newer);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("edit-unknown-feature");
    }

    @Test
    void aPreviewIsDeterministic() {
        String text = "add requirement \"Audit log\" to rbac; rename profile to Profiles; add feature search";
        assertThat(nl.preview(sample, text)).isEqualTo(nl.preview(Specs.spec(SAMPLE), text));
    }

    // ------------------------------------------------------------ other specs

    @Test
    void boldLabelledSpecKeepsItsStyle() {
        Spec spec = Specs.spec(BUILD_3A);
        Feature gap = spec.feature("gap-analyzer-and-completion-assurance").orElseThrow();

        Spec after = applied(spec, nl.preview(spec, "add requirement \"Report gaps as SARIF\" to gap analyzer"));

        assertOnlyFeatureChanged(spec, after, gap, withRequirement(gap, "Report gaps as SARIF"));
    }

    @Test
    void addingAFeatureToASpecKitFileIsRefusedWithTheFormat() {
        Spec kit = Specs.spec("other-formats/playground-001-user-crud-api-spec.md");

        EditPreview p = nl.preview(kit, "add feature Bulk import");

        assertThat(p.edits()).isEmpty();
        assertThat(p.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("edit-not-applied");
            assertThat(d.message()).contains("spec-kit");
        });
    }

    static List<String> buildRunnerSpecs() {
        return Specs.buildRunnerSpecs();
    }

    /** Every feature of every real BuildRunner-format spec takes a requirement, losslessly. */
    @ParameterizedTest
    @MethodSource("buildRunnerSpecs")
    void everyFeatureOfARealSpecTakesARequirement(String file) {
        Spec spec = Specs.spec(file);
        for (Feature f : spec.features()) {
            EditPreview p = nl.preview(spec, "add requirement \"Audit every change\" to " + f.id());
            assertThat(p.diagnostics()).as("%s %s", file, f.id()).isEmpty();
            assertOnlyFeatureChanged(spec, applied(spec, p), f, withRequirement(f, "Audit every change"));
        }
    }

    // ------------------------------------------------------------ helpers

    private Spec applied(Spec spec, EditPreview p) {
        assertThat(p.applicable()).as("%s: %s", p.instruction(), p.diagnostics()).isTrue();
        SpecEditor.Result r = nl.apply(spec, p);
        assertThat(r.applied()).as("%s", r.diagnostics()).isTrue();
        return r.spec();
    }

    private static Feature withRequirement(Feature f, String requirement) {
        List<String> rs = new java.util.ArrayList<>(f.requirements());
        rs.add(requirement);
        return f.withRequirements(rs);
    }

    /**
     * The new text re-parses to {@code expected} (lines aside) and differs from the old one only
     * inside {@code f}'s lines: the lines before them and after them are byte-identical.
     */
    private static void assertOnlyFeatureChanged(Spec before, Spec after, Feature f, Feature expected) {
        Spec reparsed = Specs.PARSER.parse(after.source()).spec();
        assertThat(reparsed.feature(f.id())).get().satisfies(now -> assertThat(now.sameContent(expected))
                .as("%s reads back as %s", now, expected).isTrue());
        for (Feature other : before.features()) {
            if (!other.id().equals(f.id())) {
                assertThat(reparsed.feature(other.id())).get()
                        .satisfies(now -> assertThat(now.sameContent(other)).as(other.id()).isTrue());
            }
        }
        List<String> old = Specs.lines(before.source());
        List<String> now = Specs.lines(after.source());
        int head = f.lines().first() - 1;
        int tail = old.size() - f.lines().last();
        assertThat(now.subList(0, head)).isEqualTo(old.subList(0, head));
        assertThat(now.subList(now.size() - tail, now.size())).isEqualTo(old.subList(old.size() - tail, old.size()));
    }
}
