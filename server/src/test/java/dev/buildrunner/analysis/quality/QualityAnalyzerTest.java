package dev.buildrunner.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality analyser on the inventory fixture (analysis/quality/repos/inventory, see its README):
 * exact findings of every per-file tool, the false positives it must not report, score, gate, and
 * incremental runs that agree with full ones.
 */
class QualityAnalyzerTest {
    private static final String FIXTURE = "analysis/quality/repos/inventory";
    private static final String MAIN = "src/main/java/com/example/inventory/";

    /** Every finding of the fixture, checked by hand against its files. */
    static final List<String> EXPECTED = List.of(
            "deploy/ci.env:3 secrets/github-token critical",
            MAIN + "Credentials.java:18 checkstyle/LineLength medium",
            MAIN + "Credentials.java:24 secrets/slack-token critical",
            MAIN + "PriceCalculator.java:6 complexity/cognitive medium",
            MAIN + "PriceCalculator.java:6 complexity/cyclomatic high",
            MAIN + "StockService.java:3 checkstyle/AvoidStarImport medium",
            MAIN + "StockService.java:8 pmd/UnusedPrivateField medium",
            MAIN + "StockService.java:13 checkstyle/LineLength medium",
            MAIN + "StockService.java:13 checkstyle/NeedBraces low",
            MAIN + "StockService.java:19 pmd/UnusedLocalVariable medium",
            MAIN + "StockService.java:23 checkstyle/LineLength medium",
            MAIN + "StockService.java:29 pmd/EmptyCatchBlock medium",
            "src/main/resources/application.properties:5 secrets/generic-secret critical",
            "src/main/resources/application.properties:7 secrets/aws-secret-access-key critical",
            "src/test/java/com/example/inventory/StockServiceTest.java:8 checkstyle/NeedBraces low");

    private final QualityAnalyzer analyzer = QualityAnalyzer.standard(false);

    @TempDir
    Path tmp;

    private QualityReport run(FixtureRepo repo, BlobCache cache) {
        return analyzer.analyze(QualityRuns.input(repo.tree(), cache, Optional.empty()));
    }

    private BlobCache cache() {
        return BlobCache.at(tmp.resolve("cache"), new ObjectMapper());
    }

    @Test
    void reportsExactlyTheKnownFindings() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            QualityReport r = run(repo, BlobCache.disabled());
            assertThat(QualityRuns.compact(r.findings())).containsExactlyElementsOf(EXPECTED);
            Finding slack = r.findings().stream().filter(f -> f.ruleId().equals("secrets/slack-token")).findFirst()
                    .orElseThrow();
            assertThat(slack.level()).isEqualTo(Level.ERROR);
            assertThat(slack.message()).contains("xoxb-********").doesNotContain("TeKdNnFRIBXuDL7DxtpYlSXp");
            assertThat(slack.properties()).containsEntry("tool", "secrets").containsKey("fingerprint");
            Finding cyclo = r.findings().stream().filter(f -> f.ruleId().equals("complexity/cyclomatic")).findFirst()
                    .orElseThrow();
            assertThat(cyclo.message()).isEqualTo("method price has a cyclomatic complexity of 11 (threshold 5)");
            assertThat(r.rules()).anyMatch(d -> d.id().equals("pmd/EmptyCatchBlock")
                    && d.helpUri().endsWith("pmd_rules_java_errorprone.html#emptycatchblock"));
            assertThat(r.rules()).anyMatch(d -> d.id().equals("checkstyle/NeedBraces")
                    && d.helpUri().equals("https://checkstyle.org/checks/blocks/needbraces.html"));
        }
    }

    @Test
    void falsePositivesStayOut() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            List<Finding> findings = run(repo, BlobCache.disabled()).findings();
            // excluded test fixture, lockfile hashes, docs that show a PEM header and placeholders,
            // an environment lookup, an allow-listed value and an inline allow comment
            assertThat(findings).noneMatch(f -> f.path().startsWith("src/test/resources/"));
            assertThat(findings).noneMatch(f -> f.path().equals("package-lock.json") || f.path().startsWith("docs/"));
            assertThat(findings).noneMatch(f -> f.path().endsWith("Credentials.java") && f.ruleId().startsWith("secrets/")
                    && f.line() != 24);
            assertThat(findings).noneMatch(f -> f.path().endsWith(".buildrunner/quality-standards.yaml"));
            assertThat(findings).noneMatch(f -> f.path().endsWith("application.properties") && f.line() == 6);
            assertThat(findings).noneMatch(f -> f.path().equals("deploy/ci.env") && f.line() == 4);
        }
    }

    @Test
    void scoreBreakdownAndGate() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            QualityReport r = run(repo, BlobCache.disabled());
            // debt: secrets 4 x 60; complexity 30 + 10; pmd 3 x 10; checkstyle (4 x 10 + 2 x 2) x 0.5 = 332
            // minutes over 91 lines x 30 minutes: ratio 0.1216, score 100 x (1 - 0.1216 / 0.5) = 75.7
            assertThat(r.breakdown().linesOfCode()).isEqualTo(91);
            assertThat(r.breakdown().debtMinutes()).isEqualTo(332.0);
            assertThat(r.score()).isEqualTo(76);
            assertThat(r.breakdown().categories()).anySatisfy(c -> {
                assertThat(c.category()).isEqualTo("checkstyle");
                assertThat(c.weight()).isEqualTo(0.5);
                assertThat(c.debtMinutes()).isEqualTo(22.0);
            });
            assertThat(r.gate().passed()).isFalse();
            assertThat(r.gate().failures()).containsExactly("4 critical > 0");
            assertThat(r.passed()).isFalse();
            assertThat(r.skipped()).isFalse();
            assertThat(r.summary()).isEqualTo("score 76/100 (gate 50): failed; 4 critical, 1 high; "
                    + "spotbugs skipped: no work tree to read compiled classes from");
            assertThat(r.tool("spotbugs").orElseThrow().state()).isEqualTo(ToolStatus.State.SKIPPED);
        }
    }

    @Test
    void allowListingTheLeakedSecretsLetsTheGatePass() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            List<String> fingerprints = run(repo, BlobCache.disabled()).findings().stream()
                    .filter(f -> f.ruleId().startsWith("secrets/")).map(f -> f.properties().get("fingerprint")).toList();
            String standards = repo.tree().readText(StandardsLoader.PATH).orElseThrow()
                    + "    fingerprints:\n" + fingerprints.stream().map(f -> "      - " + f + "\n").reduce("", String::concat);
            repo.write(StandardsLoader.PATH, standards).commit("allow the fixture's secrets");
            QualityReport r = run(repo, BlobCache.disabled());
            assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("secrets/"));
            assertThat(r.passed()).isTrue();
            // 92 minutes of debt over 2730: score 100 x (1 - 0.0337 / 0.5) = 93.3
            assertThat(r.summary()).startsWith("score 93/100 (gate 50): passed; 0 critical, 1 high");
        }
    }

    @Test
    void aRequiredToolThatWasSkippedFailsTheGate() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            repo.write(StandardsLoader.PATH, "gate:\n  min_score: 0\n  max_critical: 100\n  require: [spotbugs]\n")
                    .commit("require spotbugs");
            QualityReport r = run(repo, BlobCache.disabled());
            assertThat(r.passed()).isFalse();
            assertThat(r.gate().failures()).containsExactly("spotbugs is required but skipped");
        }
    }

    @Test
    void aRuleSetThatDoesNotLoadIsAConfigurationErrorOnItsLine() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            repo.write(StandardsLoader.PATH, "pmd:\n  rulesets:\n    - category/java/nosuchcategory.xml\n").commit("bad");
            assertThatThrownBy(() -> run(repo, BlobCache.disabled())).isInstanceOf(AnalysisConfigException.class)
                    .hasMessageStartingWith(".buildrunner/quality-standards.yaml:3: pmd.rulesets[0]: cannot load the PMD"
                            + " rule set \"category/java/nosuchcategory.xml\"");
        }
    }

    @Test
    void aFileThatDoesNotParseIsAFindingNotAFailedRun() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            repo.write(MAIN + "Broken.java", "package com.example.inventory;\n\nclass Broken {\n    void x( {\n}\n")
                    .commit("a half-written file");
            QualityReport r = run(repo, BlobCache.disabled());
            assertThat(QualityRuns.compact(r.findings())).contains(MAIN + "Broken.java:0 checkstyle/ProcessingError medium",
                    MAIN + "Broken.java:0 pmd/ProcessingError medium");
            assertThat(QualityRuns.compact(r.findings())).containsAll(EXPECTED);
            assertThat(r.tool("pmd").orElseThrow().state()).isEqualTo(ToolStatus.State.RAN);
        }
    }

    @Test
    void binaryFilesAreNotScannedForSecrets() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            String token = "ghp_" + "u8jzPde0IgxLd6GncfBA" + "epfJBd0Kh8oOOL8d";
            repo.write("web/logo.png", "\u0089PNG\n" + token + "\n").write("notes.txt", token + "\n").commit("two files");
            List<String> found = QualityRuns.compact(run(repo, BlobCache.disabled()).findings());
            assertThat(found).contains("notes.txt:1 secrets/github-token critical").noneMatch(f -> f.startsWith("web/"));
        }
    }

    @Test
    void ruleAdjustmentsIgnoreAndRegrade() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            String standards = repo.tree().readText(StandardsLoader.PATH).orElseThrow()
                    + "rules:\n  ignore: [checkstyle/LineLength]\n  severity: {pmd/EmptyCatchBlock: high}\n";
            repo.write(StandardsLoader.PATH, standards).commit("adjust");
            List<String> found = QualityRuns.compact(run(repo, BlobCache.disabled()).findings());
            assertThat(found).noneMatch(f -> f.contains("LineLength"))
                    .contains(MAIN + "StockService.java:29 pmd/EmptyCatchBlock high");
        }
    }
}
