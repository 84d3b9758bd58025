package dev.buildrunner.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.FixtureRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SpotBugs with find-sec-bugs on classes compiled from the vulnerable fixture (a weak MD5 digest and
 * an SQL injection): find-sec-bugs' detectors fire, bugs are located on the fixture's source lines,
 * the result is cached per hash of the classes, and without classes SpotBugs is skipped, not passed.
 */
class SpotBugsCheckTest {
    private static final String FIXTURE = "analysis/quality/repos/vulnerable";
    private static final String ACCOUNTS = "src/main/java/com/example/vuln/Accounts.java";

    @TempDir
    Path tmp;

    private static QualityReport run(QualityAnalyzer analyzer, FixtureRepo repo, BlobCache cache,
            Optional<Path> workDir) {
        return analyzer.analyze(QualityRuns.input(repo.tree(), cache, workDir));
    }

    @Test
    void findSecBugsFindsTheWeakDigestAndTheSqlInjectionOnTheirLines() throws IOException {
        BlobCache cache = BlobCache.at(tmp.resolve("cache"), new ObjectMapper());
        QualityAnalyzer analyzer = QualityAnalyzer.standard(false);
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            compile(repo.dir().resolve("src/main/java"), repo.dir().resolve("target/classes"));
            QualityReport r = run(analyzer, repo, cache, Optional.of(repo.dir()));
            ToolStatus sb = r.tool("spotbugs").orElseThrow();
            assertThat(sb.state()).isEqualTo(ToolStatus.State.RAN);
            assertThat(sb.reason()).startsWith("1 class files in target/classes");
            List<String> found = QualityRuns.compact(r.findings());
            assertThat(found).contains(
                    ACCOUNTS + ":22 spotbugs/WEAK_MESSAGE_DIGEST_MD5 medium",
                    ACCOUNTS + ":29 spotbugs/SQL_INJECTION_JDBC medium");
            assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("spotbugs/SQL_INJECTION_JDBC")).first()
                    .satisfies(f -> assertThat(f.properties()).containsEntry("category", "SECURITY"));
            assertThat(r.rules()).anyMatch(d -> d.id().equals("spotbugs/WEAK_MESSAGE_DIGEST_MD5")
                    && d.helpUri().contains("WEAK_MESSAGE_DIGEST_MD5"));

            QualityReport again = run(analyzer, repo, cache, Optional.of(repo.dir()));
            assertThat(again.tool("spotbugs").orElseThrow().filesAnalysed()).isZero();
            assertThat(again.tool("spotbugs").orElseThrow().filesFromCache()).isEqualTo(1);
            assertThat(again.findings()).isEqualTo(r.findings());
        }
    }

    @Test
    void withoutClassesOrAWorkTreeSpotBugsIsSkippedNeverPassed() {
        QualityAnalyzer analyzer = QualityAnalyzer.standard(false);
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            QualityReport noWorkTree = run(analyzer, repo, BlobCache.disabled(), Optional.empty());
            assertThat(noWorkTree.tool("spotbugs").orElseThrow().reason()).isEqualTo(
                    "no work tree to read compiled classes from");
            QualityReport noClasses = run(analyzer, repo, BlobCache.disabled(), Optional.of(repo.dir()));
            ToolStatus sb = noClasses.tool("spotbugs").orElseThrow();
            assertThat(sb.state()).isEqualTo(ToolStatus.State.SKIPPED);
            assertThat(sb.reason()).isEqualTo("no classes at target/classes");
            assertThat(noClasses.summary()).isEqualTo("score 100/100 (gate 70): passed; 0 critical, 0 high; spotbugs skipped: "
                    + "no classes at target/classes; off: pmd, checkstyle, complexity");
        }
    }

    @Test
    void theBuildCommandRunsOnlyWhenAllowed() {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            String standards = repo.tree().readText(StandardsLoader.PATH).orElseThrow()
                    + "  build: \"" + javac + " -g -d target/classes src/main/java/com/example/vuln/Accounts.java\"\n";
            repo.write(StandardsLoader.PATH, standards).commit("a build command");
            QualityReport notAllowed = run(QualityAnalyzer.standard(false), repo, BlobCache.disabled(),
                    Optional.of(repo.dir()));
            assertThat(notAllowed.tool("spotbugs").orElseThrow().reason())
                    .isEqualTo("no compiled classes; the build command runs only with --build");
            assertThat(Files.exists(repo.dir().resolve("target/classes"))).isFalse();

            QualityReport allowed = run(QualityAnalyzer.standard(true), repo, BlobCache.disabled(),
                    Optional.of(repo.dir()));
            assertThat(allowed.tool("spotbugs").orElseThrow().state()).isEqualTo(ToolStatus.State.RAN);
            assertThat(QualityRuns.compact(allowed.findings())).contains(
                    ACCOUNTS + ":22 spotbugs/WEAK_MESSAGE_DIGEST_MD5 medium");
        }
    }

    @Test
    void aFailingBuildIsReportedAsFailed() {
        try (FixtureRepo repo = FixtureRepo.of(FIXTURE, tmp.resolve("repo"))) {
            String standards = repo.tree().readText(StandardsLoader.PATH).orElseThrow()
                    + "  build: \"echo compiling; echo no compiler here >&2; exit 3\"\n";
            repo.write(StandardsLoader.PATH, standards).commit("a broken build");
            QualityReport r = run(QualityAnalyzer.standard(true), repo, BlobCache.disabled(), Optional.of(repo.dir()));
            ToolStatus sb = r.tool("spotbugs").orElseThrow();
            assertThat(sb.state()).isEqualTo(ToolStatus.State.FAILED);
            assertThat(sb.reason()).isEqualTo("build command exited 3: no compiler here");
        }
    }

    private static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-g", "-d", classes.toString()));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        Files.createDirectories(classes);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    }
}
