package dev.buildrunner.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.FixtureRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental runs (issue 5): only files whose blob is not cached are analysed, and the report is
 * the one a full run without cache gives.
 */
class IncrementalQualityTest {
    private static final String FIXTURE = "analysis/quality/repos/inventory";
    private static final String STOCK = "src/main/java/com/example/inventory/StockService.java";

    private final QualityAnalyzer analyzer = QualityAnalyzer.standard(false);

    @TempDir
    Path tmp;

    private QualityReport run(FixtureRepo repo, BlobCache cache) {
        return analyzer.analyze(QualityRuns.input(repo.tree(), cache, Optional.empty()));
    }

    private static ToolStatus tool(QualityReport r, String name) {
        return r.tool(name).orElseThrow();
    }

    @Test
    void aOneFileChangeAnalysesThatFileAndAgreesWithAFullRun() {
        BlobCache cache = BlobCache.at(tmp.resolve("cache"), new ObjectMapper());
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            QualityReport first = run(repo, cache);
            assertThat(tool(first, "pmd").filesAnalysed()).isEqualTo(5);
            String text = repo.tree().readText(STOCK).orElseThrow();
            repo.write(STOCK, text.replace("    private int auditCounter;\n",
                    "    private int auditCounter;\n    private long lastAudit;\n")).commit("one more unused field");

            QualityReport second = run(repo, cache);
            for (String t : List.of("pmd", "checkstyle", "complexity")) {
                assertThat(tool(second, t).filesAnalysed()).as(t).isEqualTo(1);
                assertThat(tool(second, t).filesFromCache()).as(t).isEqualTo(4);
            }
            assertThat(tool(second, "secrets").filesAnalysed()).isEqualTo(1);
            QualityReport full = run(repo, BlobCache.disabled());
            assertThat(second.findings()).isEqualTo(full.findings());
            assertThat(second.score()).isEqualTo(full.score());
            assertThat(QualityRuns.compact(second.findings())).contains(STOCK + ":9 pmd/UnusedPrivateField medium",
                    STOCK + ":30 pmd/EmptyCatchBlock medium");
        }
    }

    @Test
    void aConfigurationChangeReanalysesOnlyTheToolItConcerns() {
        BlobCache cache = BlobCache.at(tmp.resolve("cache"), new ObjectMapper());
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            run(repo, cache);
            String standards = repo.tree().readText(StandardsLoader.PATH).orElseThrow()
                    .replace("    - category/java/errorprone.xml/EmptyCatchBlock\n", "").replace("cyclomatic: 5", "cyclomatic: 12");
            repo.write(StandardsLoader.PATH, standards).commit("fewer rules, a higher threshold");
            QualityReport r = run(repo, cache);
            assertThat(tool(r, "pmd").filesAnalysed()).isEqualTo(5);
            assertThat(tool(r, "checkstyle").filesFromCache()).isEqualTo(5);
            // thresholds apply after the cache: the metrics are reused, the finding is gone
            assertThat(tool(r, "complexity").filesFromCache()).isEqualTo(5);
            assertThat(QualityRuns.compact(r.findings())).noneMatch(f -> f.contains("EmptyCatchBlock"))
                    .noneMatch(f -> f.contains("complexity/cyclomatic"));
            assertThat(r.findings()).isEqualTo(run(repo, BlobCache.disabled()).findings());
        }
    }

    @Test
    void aRenamedFileKeepsItsCachedIssuesUnderItsNewPath() {
        BlobCache cache = BlobCache.at(tmp.resolve("cache"), new ObjectMapper());
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            run(repo, cache);
            FixtureRepo.git(repo.dir(), "mv", "src/main/java/com/example/inventory/PriceCalculator.java",
                    "src/main/java/com/example/inventory/Pricing.java");
            repo.commit("rename");
            QualityReport r = run(repo, cache);
            assertThat(tool(r, "complexity").filesAnalysed()).isZero();
            assertThat(QualityRuns.compact(r.findings())).contains(
                    "src/main/java/com/example/inventory/Pricing.java:6 complexity/cyclomatic high");
        }
    }

    @Test
    void checkstylesPerDirectoryCheckGivesTheSameFindingIncrementallyAndInFull() {
        BlobCache cache = BlobCache.at(tmp.resolve("cache"), new ObjectMapper());
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("repo"))) {
            repo.write(StandardsLoader.PATH, """
                    pmd: {enabled: false}
                    complexity: {enabled: false}
                    secrets: {enabled: false}
                    checkstyle: {config: cs.xml}
                    """)
                    .write("cs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC \"-//Checkstyle//DTD Checkstyle"
                            + " Configuration 1.3//EN\" \"https://checkstyle.org/dtds/configuration_1_3.dtd\">\n"
                            + "<module name=\"Checker\"><module name=\"JavadocPackage\"/></module>\n")
                    .write("a/A.java", "package a;\nclass A {}\n").write("a/B.java", "package a;\nclass B {}\n")
                    .write("b/C.java", "package b;\nclass C {}\n").write("b/package-info.java", "package b;\n")
                    .commit("two packages, one documented");
            assertThat(packageFindings(run(repo, cache))).containsExactly("a/A.java");

            repo.write("a/B.java", "package a;\nclass B { int x; }\n").commit("change B");
            assertThat(packageFindings(run(repo, cache))).containsExactly("a/A.java");

            repo.delete("a/A.java").commit("drop A");
            QualityReport afterDelete = run(repo, cache);
            assertThat(packageFindings(afterDelete)).containsExactly("a/B.java");
            assertThat(afterDelete.findings()).isEqualTo(run(repo, BlobCache.disabled()).findings());

            repo.write("a/package-info.java", "package a;\n").commit("document a");
            assertThat(packageFindings(run(repo, cache))).isEmpty();
        }
    }

    private static List<String> packageFindings(QualityReport r) {
        return r.findings().stream().filter(f -> f.ruleId().equals("checkstyle/JavadocPackage")).map(f -> f.path())
                .toList();
    }
}
