package dev.buildrunner.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SarifWriter}: valid SARIF 2.1.0, in the shape GitHub code scanning reads. */
class SarifWriterTest {
    private static final SarifSchema SCHEMA = new SarifSchema();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SarifWriter writer = new SarifWriter("0.1.0", "https://example.com/buildrunner");

    record Report(String analyser, String revision, boolean passed, String summary, List<Finding> findings,
            List<RuleDescriptor> rules) implements AnalysisResult {
    }

    @Test
    void writesAValidLogWithRulesLocationsAndProperties() throws Exception {
        Report report = new Report("gaps", "0123456789abcdef0123456789abcdef01234567", false, "1 gap",
                List.of(new Finding("gaps/missing-file", Level.ERROR, "src/app/users.ts is missing", "", 12,
                                "user-management", Map.of("fixPrompt", "Create src/app/users.ts")),
                        Finding.of("gaps/ui-call-without-route", Level.WARNING, "GET /api/x has no route",
                                "web/src/api client.ts", 3),
                        Finding.of("gaps/undeclared", Level.NOTE, "whole repository", "", 0)),
                List.of(new RuleDescriptor("gaps/missing-file", "A file the spec names is missing", "https://example.com/r")));

        String sarif = writer.toJson(report, ".buildrunner/PROJECT_SPEC.md");

        assertThat(SCHEMA.errors(sarif)).isEmpty();
        JsonNode run = JSON.readTree(sarif).path("runs").get(0);
        assertThat(JSON.readTree(sarif).path("version").asText()).isEqualTo("2.1.0");
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("BuildRunner gaps");
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(0).path("helpUri").asText()).isEqualTo("https://example.com/r");
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("ruleIndex").asInt()).isZero();
        JsonNode loc = first.path("locations").get(0).path("physicalLocation");
        assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo(".buildrunner/PROJECT_SPEC.md");
        assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(12);
        assertThat(first.path("properties").path("feature").asText()).isEqualTo("user-management");
        assertThat(first.path("properties").path("fixPrompt").asText()).isEqualTo("Create src/app/users.ts");
        JsonNode second = run.path("results").get(1);
        assertThat(second.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("web/src/api%20client.ts");
        assertThat(second.path("ruleIndex").asInt()).isEqualTo(rules.size() - 2);
        JsonNode third = run.path("results").get(2);
        assertThat(third.path("locations").get(0).path("physicalLocation").has("region")).isFalse();
        assertThat(run.path("properties").path("passed").asBoolean()).isFalse();
    }

    @Test
    void keepsAtMostGitHubsLimitOfResultsAndSaysHowManyWereLeftOut() throws Exception {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < SarifWriter.MAX_RESULTS + 7; i++) {
            many.add(Finding.of("quality/x", Level.NOTE, "n" + i, "a.java", i + 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(new Report("quality", "WORKTREE", true, "ok", many, List.of()), "spec.md", out);

        JsonNode run = JSON.readTree(out.toByteArray()).path("runs").get(0);
        assertThat(run.path("results")).hasSize(SarifWriter.MAX_RESULTS);
        assertThat(run.path("properties").path("resultsLeftOut").asInt()).isEqualTo(7);
    }

    @Test
    void anEmptyReportIsValidToo() {
        assertThat(SCHEMA.errors(writer.toJson(new Report("drift", "INDEX", true, "clean", List.of(), List.of()), "s.md")))
                .isEmpty();
    }
}
