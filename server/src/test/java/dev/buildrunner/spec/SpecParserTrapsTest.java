package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The traps real specs hold, one small spec each under {@code specs/traps/}, plus inline snippets. */
class SpecParserTrapsTest {

    @Test
    void headingsInsideFencedCodeAreNotHeadings() {
        ParseResult r = Specs.parse("traps/fenced-headings.md");
        assertThat(r.spec().features()).extracting(Feature::name).containsExactly("Real One", "Real Two", "Real Three");
        assertThat(r.spec().feature("real-one").orElseThrow().requirements()).containsExactly("Parse the config");
        // the unclosed fence (line 37) runs to the end of the file, and is reported
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unclosed-fence", 37));
        Feature three = r.spec().feature("real-three").orElseThrow();
        assertThat(three.requirements()).isEmpty();
        assertThat(three.description()).startsWith("The fence below is never closed.")
                .contains("### Feature: Fake After Unclosed Fence");
    }

    @Test
    void doubledCheckboxesAndCheckMarksAreStripped() {
        Feature f = Specs.spec("traps/doubled-checkboxes.md").features().get(0);
        assertThat(f.acceptanceCriteria()).containsExactly("First criterion", "Second criterion", "Third criterion",
                "Fourth criterion", "Fifth criterion");
        assertThat(f.requirements()).containsExactly("Build the thing");
    }

    @Test
    void topLevelDependenciesSectionListsPackagesNotFeatureDependencies() {
        ParseResult r = Specs.parse("traps/package-dependencies.md");
        Spec s = r.spec();
        assertThat(s.features()).extracting(Feature::id).containsExactly("storage-layer", "sync-service");
        assertThat(s.feature("storage-layer").orElseThrow().dependencies()).isEmpty();
        // "Billing Module (not written yet)" names no feature: kept as written, reported with both names
        assertThat(s.feature("sync-service").orElseThrow().dependencies())
                .containsExactly("storage-layer", "Billing Module");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("unknown-dependency");
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(14);
            assertThat(d.message()).contains("Sync Service").contains("Billing Module");
        });
    }

    @Test
    void chineseHeadingsFullWidthColonsAndStableSlugs() {
        Spec s = Specs.spec("traps/chinese.md");
        assertThat(s.title()).isEqualTo("项目规格说明");
        assertThat(s.overview()).isEqualTo("一个待办事项应用。");
        assertThat(s.features()).extracting(Feature::id).containsExactly("用户登录", "任务管理", "feature-3", "cafe-creme");
        Feature login = s.features().get(0);
        assertThat(login.name()).isEqualTo("用户登录");
        assertThat(login.description()).isEqualTo("用户通过邮箱登录。");
        assertThat(login.requirements()).containsExactly("邮箱和密码登录", "登录失败提示");
        assertThat(login.acceptanceCriteria()).containsExactly("正确的密码可以登录");
        assertThat(s.features().get(1).dependencies()).containsExactly("用户登录");
        assertThat(s.features().get(2).name()).isEqualTo("！！！");
    }

    @Test
    void strayHashLineIsAnEmptyHeadingThatChangesNothing() {
        ParseResult r = Specs.parse("traps/stray-hash.md");
        Feature before = r.spec().features().get(0);
        assertThat(before.requirements()).containsExactly("First requirement", "Second requirement");
        assertThat(before.lines()).isEqualTo(new LineRange(5, 10));
        assertThat(r.spec().features()).hasSize(2);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("empty-heading", "empty-heading");
    }

    @Test
    void yamlFrontMatterIsSkipped() {
        Spec s = Specs.spec("traps/front-matter.md");
        assertThat(s.title()).isEqualTo("Front Matter Spec");
        assertThat(s.features()).singleElement().satisfies(f -> {
            assertThat(f.requirements()).containsExactly("Read the front matter");
            assertThat(f.lines()).isEqualTo(new LineRange(9, 12));
        });
    }

    @Test
    void duplicateNamesGetSuffixesAndEmptyOrSelfReferencesAreReported() {
        ParseResult r = Specs.parse("traps/duplicates-and-empty.md");
        assertThat(r.spec().features()).extracting(Feature::id)
                .containsExactly("export", "export-2", "export-3", "nothing-here", "self-reference");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("duplicate-feature-id",
                "duplicate-feature-id", "empty-feature", "self-dependency", "unknown-dependency");
        // "Feature 1" is the first feature; "Exp" is no whole word of any name
        assertThat(r.spec().feature("self-reference").orElseThrow().dependencies()).containsExactly("export", "Exp");
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void specWithoutFeaturesIsAnError() {
        ParseResult r = Specs.parse("traps/no-features.md");
        assertThat(r.spec().features()).isEmpty();
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).singleElement()
                .satisfies(d -> {
                    assertThat(d.code()).isEqualTo("no-features");
                    assertThat(d.line()).isEqualTo(1);
                });
    }

    @Test
    void tabsAndSetextHeadings() {
        Spec s = Specs.spec("traps/tabs-setext.md");
        assertThat(s.format()).isEqualTo(SpecFormat.BUILDRUNNER);
        assertThat(s.features()).extracting(Feature::name).containsExactly("Only Setext Feature", "Second Setext Feature");
        Feature first = s.features().get(0);
        assertThat(first.requirements()).containsExactly("Tabbed requirement one", "Tabbed requirement two",
                "Tabbed nested detail");
        assertThat(first.files()).containsExactly("src/main.py");
        assertThat(s.features().get(1).requirements()).containsExactly("Plain label requirement");
    }

    @Test
    void featuresAsBulletsWithNestedRequirements() {
        // seed 003's example: "## Features" / "- User Authentication" / "  - JWT-based auth"
        Spec s = Specs.spec("traps/seed-003-bullets.md");
        Feature auth = s.features().get(0);
        assertThat(auth.id()).isEqualTo("user-authentication");
        assertThat(auth.requirements()).containsExactly("JWT-based auth", "Social login (Google, GitHub)",
                "Password reset", "2FA support");
        assertThat(auth.lines()).isEqualTo(new LineRange(4, 8));
        Feature billing = s.features().get(1);
        assertThat(billing.name()).isEqualTo("Billing");
        assertThat(billing.description()).isEqualTo("Stripe checkout");
        assertThat(billing.requirements()).containsExactly("Monthly plans");
    }

    @Test
    void levelTwoFeaturesWithLevelThreeFieldSections() {
        Spec s = Specs.spec("traps/level2-features.md");
        assertThat(s.features()).extracting(Feature::id).containsExactly("accounts", "profiles");
        Feature accounts = s.features().get(0);
        assertThat(accounts.description()).isEqualTo("Sign up and sign in.");
        assertThat(accounts.requirements()).containsExactly("Sign up with email", "Sign in with email");
        assertThat(accounts.acceptanceCriteria()).containsExactly("A new user can sign up", "A user can sign in");
        assertThat(accounts.priority()).isEqualTo("High");
        Feature profiles = s.features().get(1);
        assertThat(profiles.complexity()).isEqualTo(Complexity.SIMPLE);
        assertThat(profiles.priority()).isEqualTo("Medium");
        assertThat(profiles.dependencies()).containsExactly("accounts"); // "- Feature 1"
        // endpoints from requirements and from a table, deduplicated, in order
        assertThat(profiles.endpoints()).containsExactly(Endpoint.parse("GET /api/profile/{id}"),
                Endpoint.parse("PUT /api/profile/{id}"));
        assertThat(s.technicalRequirements()).containsExactly("Java 17");
    }

    static Stream<Arguments> snippets() {
        return Stream.of(
                // label styles
                Arguments.of("## Features\n### A\n**Priority**: High\n", "priority", "High"),
                Arguments.of("## Features\n### A\n__Priority:__ Low\n", "priority", "Low"),
                Arguments.of("## Features\n### A\nPriority: P0\n", "priority", "P0"),
                Arguments.of("## Features\n### A\n**Complexity:** Hard (3 days)\n", "complexity", "COMPLEX"),
                Arguments.of("## Features\n### A\n#### Complexity\nsimple\n", "complexity", "SIMPLE"),
                Arguments.of("## Features\n### A\n**Depends on:** B, C\n### B\nx\n### C\ny\n", "dependencies", "[b, c]"),
                Arguments.of("## Features\n### A\n- **Depends on**: B\n### B\nx\n", "dependencies", "[b]"),
                Arguments.of("## Features\n### A\n**Files to Modify:** `a/b.py`, `c.md`\n", "files", "[a/b.py, c.md]"),
                Arguments.of("## Features\n### A\n**Files:**\n- `x/y.ts` — the view\n", "files", "[x/y.ts]"),
                // endpoints anywhere: prose, backticks, checkbox, table
                Arguments.of("## Features\n### A\nCall `DELETE /api/x/:id` then GET /api/x.\n", "endpoints",
                        "[DELETE /api/x/:id, GET /api/x]"),
                Arguments.of("## Features\n### A\n- [ ] PATCH /v1/items/<id> works\n- get /lower is no endpoint\n",
                        "endpoints", "[PATCH /v1/items/<id>]"),
                Arguments.of("## Features\n### A\n| m | p |\n|---|---|\n| x | OPTIONS /a |\n", "endpoints", "[OPTIONS /a]"),
                Arguments.of("## Features\n### A\n```\nGET /in/code\n```\n", "endpoints", "[]"),
                // unknown labelled values are attributes, in order
                Arguments.of("## Features\n### A\n**Owner:** Ann\n**Due:** Friday\n", "attributes", "{Owner=Ann, Due=Friday}"),
                // numbered headings and emoji sections
                Arguments.of("## 🚀 2. Core Features\n### 1. Login\nx\n", "id", "login"),
                Arguments.of("## Feature List\n#### Deep Heading Feature\nx\n", "id", "deep-heading-feature"),
                Arguments.of("## Features\n### Feature 7A: Seven (Build 7A)\nx\n", "id", "seven"));
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void snippet(String text, String field, String expected) {
        ParseResult r = Specs.PARSER.parse("# T\n\n" + text);
        Feature f = r.spec().features().get(0);
        Object actual = switch (field) {
            case "priority" -> f.priority();
            case "complexity" -> f.complexity().name();
            case "dependencies" -> f.dependencies().toString();
            case "files" -> f.files().toString();
            case "endpoints" -> f.endpoints().toString();
            case "attributes" -> f.attributes().toString();
            case "id" -> f.id();
            default -> throw new IllegalArgumentException(field);
        };
        assertThat(actual).as("%s\n%s", text, r.diagnostics()).hasToString(expected);
    }

    @Test
    void crlfBomAndLoneCarriageReturnsReadLikeLf() {
        String lf = Specs.text("project-spec/br3-examples-SAMPLE_SPEC.md");
        Spec expected = Specs.PARSER.parse(lf).spec();
        for (String text : List.of(lf.replace("\n", "\r\n"), "\uFEFF" + lf, "\uFEFF" + lf.replace("\n", "\r"))) {
            Spec s = Specs.PARSER.parse(text).spec();
            assertThat(s.source()).isEqualTo(text);
            assertThat(s.title()).isEqualTo(expected.title());
            assertThat(s.features()).hasSameSizeAs(expected.features());
            for (int i = 0; i < s.features().size(); i++) {
                Feature a = s.features().get(i);
                Feature b = expected.features().get(i);
                assertThat(a.sameContent(b)).as(a.id()).isTrue();
                assertThat(a.lines()).isEqualTo(b.lines());
            }
        }
    }

    @Test
    void crlfAndBomFile() {
        String text = Specs.text("traps/crlf-bom.md");
        assertThat(text).startsWith("\uFEFF# CRLF").contains("\r\n");
        ParseResult r = Specs.PARSER.parse(text);
        assertThat(r.spec().title()).isEqualTo("CRLF And BOM");
        assertThat(r.spec().features()).extracting(Feature::id).containsExactly("windows-edited", "second-one");
        Feature first = r.spec().features().get(0);
        assertThat(first.requirements()).containsExactly("First", "Second");
        assertThat(first.acceptanceCriteria()).containsExactly("Works");
        assertThat(first.lines()).isEqualTo(new LineRange(5, 12));
        assertThat(r.spec().features().get(1).dependencies()).containsExactly("windows-edited");
        assertThat(r.spec().features().get(1).requirements()).containsExactly("Third");
        assertThat(new SpecWriter(Specs.PARSER).write(r.spec())).isEqualTo(text);
    }

    @Test
    void ambiguousDependencyIsKeptAsWrittenAndReported() {
        ParseResult r = Specs.PARSER.parse("## Features\n### User Login\nx\n### User Logout\ny\n### Audit\n"
                + "**Depends on:** User\n");
        assertThat(r.spec().feature("audit").orElseThrow().dependencies()).containsExactly("User");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("ambiguous-dependency");
            assertThat(d.message()).contains("user-login").contains("user-logout");
        });
    }

    @Test
    void unknownComplexityIsKeptAndReported() {
        ParseResult r = Specs.PARSER.parse("## Features\n### A\n**Complexity:** 8 points\n");
        Feature f = r.spec().features().get(0);
        assertThat(f.complexity()).isEqualTo(Complexity.MEDIUM);
        assertThat(f.attributes()).isEqualTo(Map.of("Complexity", "8 points"));
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("unknown-complexity");
    }

    @Test
    void emptyAndBlankInputsAreErrorsNotExceptions() {
        for (String text : List.of("", "\n", "   ", "#", "\uFEFF", "---\n---\n")) {
            ParseResult r = Specs.PARSER.parse(text);
            assertThat(r.spec().features()).isEmpty();
            assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("no-features")
                    .doesNotContain("internal-error");
        }
    }

    @Test
    void textOfTheFeaturesSectionThatIsNoFeatureIsReported() {
        ParseResult prose = Specs.PARSER.parse("# T\n\n## Features\n\nWe will build login and search.\n");
        assertThat(prose.diagnostics()).extracting(Diagnostic::code)
                .containsExactly("no-features", "unreadable-features-section");
        ParseResult list = Specs.PARSER.parse("# T\n\n## Features\n\n- stray item\n\n### Feature: A\n\n- a\n");
        assertThat(list.spec().features()).extracting(Feature::id).containsExactly("a");
        assertThat(list.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("list-outside-feature");
            assertThat(d.line()).isEqualTo(5);
        });
    }

    @Test
    void anyMarkdownIsReadAsABestEffort() {
        ParseResult r = Specs.PARSER.parse("# Notes\n\n## Overview\n\nx\n\n## Search\n\n- index pages\n\n## Export\n\n"
                + "- to CSV\n\n## Notes\n\n- not a feature\n");
        assertThat(r.spec().format()).isEqualTo(SpecFormat.MARKDOWN);
        assertThat(r.spec().features()).extracting(Feature::id).containsExactly("search", "export");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("format-guessed");
        assertThat(r.diagnostics().get(0).severity()).isEqualTo(Severity.INFO);
    }
}
