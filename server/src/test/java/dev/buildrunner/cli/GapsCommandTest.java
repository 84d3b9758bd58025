package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;




import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.SarifSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code br gaps} end to end on fixture repositories: text, JSON, SARIF 2.1.0 (schema-validated), exit codes. */
class GapsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliRunner br = new CliRunner();

    @TempDir
    Path dir;

    @Test
    void textOutputListsTheFindingsAndExitsOneOnAGap() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/spring-angular", dir.resolve("repo"))) {
            CliRunner.Result r = br.run("gaps", "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out().lines().toList()).containsExactly(
                    "gaps: FAILED: 1/4 features complete (25%); 2 missing files, 2 missing endpoints; "
                            + "first: User Management needs DELETE /api/users/{id}",
                    "  error .buildrunner/PROJECT_SPEC.md:29: Feature \"User Management\" defines DELETE /api/users/{id}, "
                            + "but no route in the code declares it. The feature is marked done. [gaps/missing-endpoint]",
                    "  error .buildrunner/PROJECT_SPEC.md:46: Feature \"Orders\" names the file "
                            + "backend/src/main/java/com/example/orders/OrderRepository.java, which does not exist. [gaps/missing-file]",
                    "  error .buildrunner/PROJECT_SPEC.md:68: Feature \"Reports\" names the file "
                            + "backend/src/main/java/com/example/reports/ReportController.java, which does not exist. [gaps/missing-file]",
                    "  error .buildrunner/PROJECT_SPEC.md:72: Feature \"Reports\" defines GET /api/reports, but no route in "
                            + "the code declares it. [gaps/missing-endpoint]",
                    "  warning backend/src/main/java/com/example/HealthController.java:8: The route GET /health is declared, "
                            + "but no UI code calls it; it implements an endpoint of feature \"Health Check\". [gaps/route-without-ui-call]",
                    "  note backend/src/main/java/com/example/orders/OrderController.java:32: The route POST "
                            + "/api/orders/{orderId}/refund is declared, but no UI code calls it. [gaps/route-without-ui-call]",
                    "  warning frontend/src/app/users/user.service.ts:26: The UI calls DELETE ${environment.apiUrl}/users/${id}, "
                            + "but no route in the code declares it. [gaps/ui-call-without-route]");
        }
    }

    @Test
    void jsonIsTheReportAndASecondRunComesFromTheCache() throws Exception {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/fastapi-vue", dir.resolve("repo"))) {
            CliRunner.Result r = br.run("gaps", "--json", "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode report = JSON.readTree(r.out());
            assertThat(report.get("analyser").asText()).isEqualTo("gaps");
            assertThat(report.get("revision").asText()).isEqualTo("WORKTREE");
            assertThat(report.get("passed").asBoolean()).isFalse();
            assertThat(report.get("completeness").asInt()).isEqualTo(33);
            assertThat(report.get("featureCount").asInt()).isEqualTo(3);
            assertThat(report.get("findings")).hasSize(7);
            assertThat(report.get("features").get(2).get("gaps").get(1).get("rule").asText()).isEqualTo("gaps/unsafe-path");
            assertThat(report.get("features").get(2).get("gaps").get(1).get("fixPrompt").asText()).contains("../shared/schema.py");
            assertThat(report.get("routes")).hasSize(7);
            assertThat(report.get("uiCalls")).hasSize(6);
            assertThat(report.get("scan").get("read").asInt()).isEqualTo(8);

            JsonNode again = JSON.readTree(br.run("gaps", "--json", "-C", repo.dir().toString()).out());
            assertThat(again.get("scan").get("read").asInt()).isZero();
            assertThat(again.get("scan").get("cached").asInt()).isEqualTo(9);
            assertThat(again.get("findings")).isEqualTo(report.get("findings"));
            assertThat(Files.isDirectory(repo.dir().resolve(".git/buildrunner/cache/gaps/v1"))).isTrue();
        }
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir.resolve("repo"))) {
            CliRunner.Result r = br.run("gaps", "--sarif", "out/gaps.sarif", "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode sarif = JSON.readTree(repo.dir().resolve("out/gaps.sarif").toFile());
            assertThat(new SarifSchema().errors(sarif)).isEmpty();
            JsonNode broken = sarif.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0))
                    .put("level", "fatal");
            assertThat(new SarifSchema().errors(broken)).as("the validator rejects what SARIF does not allow").isNotEmpty();
            JsonNode run = sarif.get("runs").get(0);
            assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("BuildRunner gaps");
            List<String> results = new ArrayList<>();
            for (JsonNode res : run.get("results")) {
                JsonNode loc = res.get("locations").get(0).get("physicalLocation");
                // SARIF 2.1.0 section 3.27.10: an absent level means "warning" (the writer leaves the default out)
                String level = res.has("level") ? res.get("level").asText() : "warning";
                results.add(res.get("ruleId").asText() + " " + level + " "
                        + loc.get("artifactLocation").get("uri").asText() + ":" + loc.get("region").get("startLine").asInt());
            }
            assertThat(results).containsExactly(
                    "gaps/missing-endpoint error .buildrunner/PROJECT_SPEC.md:19",
                    "gaps/missing-file error .buildrunner/PROJECT_SPEC.md:50",
                    "gaps/missing-file error .buildrunner/PROJECT_SPEC.md:52",
                    "gaps/missing-endpoint error .buildrunner/PROJECT_SPEC.md:56",
                    "gaps/ui-call-without-route warning client/src/api.js:22",
                    "gaps/route-without-ui-call note server/index.js:10",
                    "gaps/route-without-ui-call warning server/routes/todos.js:8");
            assertThat(run.get("results").get(0).get("properties").get("feature").asText()).isEqualTo("accounts");
            assertThat(run.get("results").get(0).get("properties").get("fixPrompt").asText()).startsWith("# Fix a gap: ");
        }
    }

    @Test
    void exitsZeroWhenNothingIsMissingAndTwoOnABadTemplate() throws Exception {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir.resolve("repo"))) {
            repo.write(".buildrunner/PROJECT_SPEC.md", """
                    # PROJECT_SPEC: Todo App

                    ## Features

                    ### Feature: Todos

                    **Files:**
                    - `server/routes/todos.js`
                    - `client/src/components/TodoList.jsx`

                    **Endpoints:**
                    - GET /api/todos
                    - PATCH /api/todos/{id}

                    **Acceptance Criteria:**
                    - A todo can be ticked off
                    """);
            CliRunner.Result ok = br.run("gaps", "-C", repo.dir().toString());
            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).startsWith("gaps: PASSED: 1/1 features complete (100%); ");

            repo.write(".buildrunner/gap-fix-prompt.md", "Add {{wat}}\n");
            CliRunner.Result bad = br.run("gaps", "-C", repo.dir().toString());
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err()).startsWith("br: .buildrunner/gap-fix-prompt.md:1: wat: unknown placeholder {{wat}}");
        }
    }

    @Test
    void aCommitIsAnalysedAsCommitted() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir.resolve("repo"))) {
            String head = repo.head();
            repo.delete("server/routes/todos.js");
            repo.commit("drop the todo routes");

            CliRunner.Result before = br.run("gaps", "--json", "--commit", head, "-C", repo.dir().toString());
            CliRunner.Result after = br.run("gaps", "--commit", "HEAD", "-C", repo.dir().toString());

            assertThat(before.out()).contains("\"revision\" : \"" + head + "\"").doesNotContain("server/routes/todos.js, which");
            assertThat(after.out()).contains("Feature \"Todos\" names the file server/routes/todos.js, which does not exist.")
                    .contains("Feature \"Todos\" defines GET /api/todos, but no route in the code declares it.");
        }
    }
}
