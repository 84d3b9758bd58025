package dev.buildrunner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.RuleDescriptor;
import dev.buildrunner.analysis.SarifSchema;
import dev.buildrunner.analysis.SarifWriter;
import dev.buildrunner.spec.SpecParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AnalysisJobs} on a real repository: statuses go pending then to the gate's outcome, the
 * report and its SARIF are stored per (repository, commit, analyser), a stored report is reused,
 * a bad configuration is an {@code error} status naming file and line. The analysers here are
 * small real ones over the tree (the three product analysers have their own tests and an
 * end-to-end push test).
 */
class AnalysisJobsTest {
    private static final RepositoryName REPO = new RepositoryName("acme", "shop");

    @TempDir
    Path tmp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    record CountReport(String analyser, String revision, boolean passed, String summary, List<Finding> findings,
            List<RuleDescriptor> rules, int files, boolean hadBase, int changed) implements AnalysisResult {
    }

    /** Fails its gate when the tree has a file named TODO; counts its runs. */
    static final class TodoAnalyser implements Analyser<CountReport> {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String name() {
            return "gaps";
        }

        @Override
        public CountReport analyze(AnalysisInput in) {
            runs.incrementAndGet();
            List<Finding> findings = in.tree().exists("TODO")
                    ? List.of(Finding.of("gaps/todo", Level.ERROR, "a TODO file is left", "TODO", 1)) : List.of();
            return new CountReport("gaps", in.tree().revision(), findings.isEmpty(),
                    in.tree().files().size() + " files, " + in.spec().features().size() + " features", findings,
                    List.of(new RuleDescriptor("gaps/todo", "No TODO file", "")), in.tree().files().size(),
                    in.base().isPresent(), in.changes().size());
        }
    }

    static final class BadConfigAnalyser implements Analyser<CountReport> {
        @Override
        public String name() {
            return "quality";
        }

        @Override
        public CountReport analyze(AnalysisInput in) {
            throw new AnalysisConfigException(".buildrunner/quality-standards.yaml", 3, "gate.min_score", "expected a number");
        }
    }

    private AnalysisJobs jobs(ReportStore reports, Analyser<?>... analysers) {
        return new AnalysisJobs(List.of(analysers), reports, BlobCache.disabled(), new SpecParser(),
                (repo, sha, check) -> posted.add(sha.substring(0, 7) + " " + check.context() + " " + check.state() + ": "
                        + check.description()),
                () -> new ReportLinks("http://localhost:7070"), e -> { }, new ObjectMapper(),
                new SarifWriter("0.1.0", "https://example.com"), executor);
    }

    @Test
    void postsPendingThenTheOutcomeAndStoresTheReportAndSarif() throws Exception {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            String first = repo.head();
            repo.write(".buildrunner/PROJECT_SPEC.md", "# Shop\n\n### Feature 1: Cart\n\n**Requirements:**\n- Add items\n")
                    .write("TODO", "finish\n");
            String sha = repo.commit("spec and a TODO");
            ReportStore reports = new ReportStore(tmp.resolve("reports"));
            TodoAnalyser gaps = new TodoAnalyser();
            AnalysisJobs jobs = jobs(reports, gaps, new BadConfigAnalyser());
            RefChange change = new RefChange(REPO, "refs/heads/main", first, sha, "embedded", "d1", "dev");

            List<CommitCheck> checks = jobs.schedule(repo.repository(), change, Set.of()).get(30, TimeUnit.SECONDS);

            String s = sha.substring(0, 7);
            assertThat(posted).containsExactly(
                    s + " buildrunner/gaps pending: queued",
                    s + " buildrunner/quality pending: queued",
                    s + " buildrunner/gaps failure: 2 files, 1 features",
                    s + " buildrunner/quality error: .buildrunner/quality-standards.yaml:3: gate.min_score: expected a number");
            assertThat(checks.get(0).targetUrl())
                    .isEqualTo("http://localhost:7070/api/repos/acme/shop/commits/" + sha + "/reports/gaps/html");
            String json = reports.get(REPO, sha, "gaps", ReportStore.Kind.JSON).orElseThrow();
            assertThat(new ObjectMapper().readTree(json).path("hadBase").asBoolean()).isTrue();
            assertThat(new ObjectMapper().readTree(json).path("changed").asInt()).isEqualTo(2);
            assertThat(new SarifSchema().errors(reports.get(REPO, sha, "gaps", ReportStore.Kind.SARIF).orElseThrow())).isEmpty();
            assertThat(reports.analysers(REPO, sha)).containsExactly("gaps");
            assertThat(jobs.isRunning(REPO, sha, "gaps")).isFalse();
        }
    }

    @Test
    void aStoredReportIsReusedNotRecomputed() throws Exception {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            repo.write("a.txt", "a\n");
            String sha = repo.commit("a");
            ReportStore reports = new ReportStore(tmp.resolve("reports"));
            TodoAnalyser gaps = new TodoAnalyser();
            RefChange change = new RefChange(REPO, "refs/heads/main", RefChange.ZERO, sha, "embedded", "d1", "dev");

            CommitCheck once = jobs(reports, gaps).schedule(repo.repository(), change, Set.of()).get(30, TimeUnit.SECONDS).get(0);
            CommitCheck twice = jobs(reports, gaps).schedule(repo.repository(), change, Set.of()).get(30, TimeUnit.SECONDS).get(0);

            assertThat(gaps.runs).hasValue(1);
            assertThat(twice).isEqualTo(once);
            assertThat(once.state()).isEqualTo("success");
            assertThat(once.description()).isEqualTo("1 files, 0 features");
        }
    }
}
