package dev.buildrunner.analysis.drift;

import static dev.buildrunner.analysis.drift.DriftFixtures.compact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.Finding;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.SpecParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec validator on a spec written with one of each consistency problem, and on clean specs. */
class SpecValidatorTest {
    private static final String PATH = ".buildrunner/PROJECT_SPEC.md";

    private static List<Finding> validate(String resource) {
        ParseResult parsed = new SpecParser().parse(DriftFixtures.resource(resource));
        return SpecValidator.validate(parsed.spec(), parsed.diagnostics(), PATH);
    }

    @Test
    void reportsEachProblemOnceAtTheLineThatSaysIt() {
        List<Finding> findings = validate("analysis/drift/spec-problems/PROJECT_SPEC.md");

        assertThat(compact(findings)).containsExactly(
                "ERROR " + PATH + ":60 drift/spec/unknown-dependency",
                "ERROR " + PATH + ":9 drift/spec/dependency-cycle",
                "WARNING " + PATH + ":54 drift/spec/no-acceptance-criteria",
                "WARNING " + PATH + ":47 drift/spec/duplicate-file",
                "WARNING " + PATH + ":43 drift/spec/duplicate-endpoint");
        assertThat(findings.get(0).message()).isEqualTo(
                "feature 'invoices' depends on 'Payroll', which names no feature of the spec");
        assertThat(findings.get(1).message()).isEqualTo("dependency cycle: accounts -> billing -> invoices -> accounts"
                + " (each depends on the next); no order can build them");
        assertThat(findings.get(3).message()).isEqualTo("file src/shared/Money.java is claimed by feature 'billing'"
                + " and by feature 'accounts' (line 24)");
        assertThat(findings.get(4).message()).isEqualTo("endpoint GET /api/accounts/:id is defined by feature 'billing'"
                + " and by feature 'accounts' (line 20)");
        assertThat(findings).extracting(Finding::featureId)
                .containsExactly("invoices", "accounts", "invoices", "billing", "billing");
    }

    @Test
    void aConsistentSpecHasNoFindings() {
        assertThat(validate("analysis/drift/layered-java/.buildrunner/PROJECT_SPEC.md")).isEmpty();
        assertThat(validate("analysis/drift/ts-app/.buildrunner/PROJECT_SPEC.md")).isEmpty();
    }

    @Test
    void theParsersErrorsAndWarningsComeThroughAtTheirLevel() {
        String spec = """
                # PROJECT_SPEC: X

                ## Features

                ### Feature: One

                **Complexity:** gigantic

                **Requirements:**
                - Something

                **Acceptance Criteria:**
                - It works
                """;
        ParseResult parsed = new SpecParser().parse(spec);
        List<Finding> findings = SpecValidator.validate(parsed.spec(), parsed.diagnostics(), PATH);

        assertThat(compact(findings)).containsExactly("WARNING " + PATH + ":7 drift/spec/parser/unknown-complexity");
        assertThat(findings.get(0).featureId()).isEqualTo("one");

        ParseResult empty = new SpecParser().parse("# Nothing here\n");
        assertThat(compact(SpecValidator.validate(empty.spec(), empty.diagnostics(), PATH)))
                .containsExactly("ERROR " + PATH + ":1 drift/spec/parser/no-features");
    }

    @Test
    void aSelfContainedCycleOfTwoAndALongerOneAreReportedSeparately() {
        String spec = """
                # PROJECT_SPEC: Cycles

                ## Features

                ### Feature: A

                **Dependencies:**
                - B

                **Acceptance Criteria:**
                - A works

                ### Feature: B

                **Dependencies:**
                - A

                **Acceptance Criteria:**
                - B works

                ### Feature: C

                **Dependencies:**
                - D

                **Acceptance Criteria:**
                - C works

                ### Feature: D

                **Dependencies:**
                - E

                **Acceptance Criteria:**
                - D works

                ### Feature: E

                **Dependencies:**
                - C
                - A

                **Acceptance Criteria:**
                - E works
                """;
        ParseResult parsed = new SpecParser().parse(spec);
        List<Finding> findings = SpecValidator.validate(parsed.spec(), parsed.diagnostics(), PATH);

        assertThat(findings).extracting(Finding::message).containsExactly(
                "dependency cycle: a -> b -> a (each depends on the next); no order can build them",
                "dependency cycle: c -> d -> e -> c (each depends on the next); no order can build them");
    }
}
