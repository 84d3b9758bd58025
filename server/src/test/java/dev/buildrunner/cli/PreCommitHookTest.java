package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Severity;
import dev.buildrunner.spec.SpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook run by the real {@code git commit}. Where the hook must call the real br,
 * {@code BUILDRUNNER_BR} is a wrapper running this build's {@code Main}; where only the hook's own
 * logic is under test (chaining, skipping, finding br), it is a script recording its arguments.
 */
class PreCommitHookTest {
    private static final String SPEC = ".buildrunner/PROJECT_SPEC.md";

    private final CliRunner br = new CliRunner();

    @TempDir
    Path tmp;

    private GitSandbox git;
    private Path repo;
    private String sample;
    private String broken;

    @BeforeEach
    void repositoryWithHooks() throws Exception {
        git = new GitSandbox(tmp);
        repo = Files.createDirectories(tmp.resolve("repo"));
        sample = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        broken = TestRepos.resource("traps/no-features.md");
        git.ok(repo, "init", "-q");
        TestRepos.writeSpec(repo, sample);
        git.ok(repo, "add", "-A");
        git.ok(repo, "commit", "-q", "-m", "Add spec");
        git.with("BUILDRUNNER_BR", GitSandbox.brWrapper(tmp.resolve("bin/br-wrapper")).toString());
    }

    private void install() {
        CliRunner.Result r = br.run("hooks", "install", "-C", repo.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aBrokenStagedSpecIsRefusedAndTheOutputNamesTheLine() throws Exception {
        install();
        String head = git.ok(repo, "rev-parse", "HEAD");
        TestRepos.writeSpec(repo, broken);
        git.ok(repo, "add", SPEC);
        TestRepos.writeSpec(repo, sample); // the work tree is fine: the index is what is committed

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Break the spec");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(":" + SPEC + ": markdown format, 0 features, 1 errors")
                .contains(":" + SPEC + ":1: error: no features found")
                .contains("buildrunner: commit refused: the staged " + SPEC + " has errors");
        assertThat(git.ok(repo, "rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void aValidSpecPassesAndItsWarningsAreShownWithTheirLines() throws Exception {
        install();
        String withWarning = sample.replace("Depends on: User Authentication\n\nAllow users",
                "Depends on: User Authentication\n\nComplexity: gigantic\n\nAllow users");
        Diagnostic warning = new SpecParser().parse(withWarning).diagnostics().stream()
                .filter(d -> d.severity() == Severity.WARNING).findFirst().orElseThrow();
        TestRepos.writeSpec(repo, withWarning);
        git.ok(repo, "add", SPEC);

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Profiles are gigantic");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).contains(":" + SPEC + ": buildrunner format, 3 features, 0 errors, 1 warnings")
                .contains(":" + SPEC + ":" + warning.line() + ": warning: " + warning.message())
                .contains("drift: PASSED: 0 errors, 1 warnings")
                .contains("  warning " + SPEC + ":" + warning.line() + ": " + warning.message()
                        + " [drift/spec/parser/unknown-complexity]");
        assertThat(git.ok(repo, "log", "-1", "--format=%s").strip()).isEqualTo("Profiles are gigantic");
    }

    @Test
    void anUnknownDependencyIsADriftErrorThatRefusesTheCommit() throws Exception {
        install();
        String head = git.ok(repo, "rev-parse", "HEAD");
        String unknown = sample.replace("Depends on: User Authentication\n\nAllow users",
                "Depends on: Billing\n\nAllow users");
        int line = unknown.substring(0, unknown.indexOf("Depends on: Billing")).split("\n", -1).length;
        TestRepos.writeSpec(repo, unknown);
        git.ok(repo, "add", SPEC);

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Profiles depend on billing");

        // br spec analyze only warns (the plan can be made without it); drift says the spec is inconsistent.
        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(":" + SPEC + ": buildrunner format, 3 features, 0 errors, 1 warnings")
                .contains("drift: FAILED: 1 errors, 0 warnings")
                .contains("  error " + SPEC + ":" + line + ": feature 'user-profile-management' depends on 'Billing',"
                        + " which names no feature of the spec [drift/spec/unknown-dependency]")
                .contains("buildrunner: commit refused: br drift found errors in the staged change");
        assertThat(git.ok(repo, "rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void aCommitInALinkedWorktreeIsCheckedWithThatWorktreesIndex() throws Exception {
        install();
        Path wt = tmp.resolve("wt");
        git.ok(repo, "worktree", "add", "-q", wt.toString());
        TestRepos.writeSpec(wt, broken);
        git.ok(wt, "add", SPEC);

        // git hands the hook GIT_DIR=.git/worktrees/wt; the objects live in the common directory.
        GitSandbox.Result commit = git.git(wt, "commit", "-m", "Break the spec in a worktree");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(":" + SPEC + ":1: error: no features found");
    }

    @Test
    void commitAllChecksWhatItStagesOnTheFly() throws Exception {
        install();
        TestRepos.writeSpec(repo, broken);

        // git commit -a stages into .git/index.lock and hands the hook GIT_INDEX_FILE.
        GitSandbox.Result commit = git.git(repo, "commit", "-a", "-m", "Break the spec");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(":" + SPEC + ":1: error:");
    }

    @Test
    void skipLetsABrokenSpecThrough() throws Exception {
        install();
        TestRepos.writeSpec(repo, broken);
        git.ok(repo, "add", SPEC);

        GitSandbox.Result commit = git.with("BUILDRUNNER_SKIP", "1").git(repo, "commit", "-q", "-m", "WIP");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).doesNotContain("buildrunner");
        assertThat(git.ok(repo, "show", "HEAD:" + SPEC)).isEqualTo(broken);
    }

    @Test
    void aCommitThatDoesNotStageTheSpecRunsOnlyDrift() throws Exception {
        Path calls = tmp.resolve("calls.txt");
        git.with("BUILDRUNNER_BR", recorder(calls, 0).toString());
        install();
        TestRepos.writeSpec(repo, broken);
        Files.writeString(repo.resolve("README.md"), "hello\n");
        git.ok(repo, "add", "README.md");

        GitSandbox.Result commit = git.git(repo, "commit", "-q", "-m", "Docs");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("drift --staged\n");
    }

    @Test
    void withoutASpecInTheIndexBrDoesNotRun() throws Exception {
        Path calls = tmp.resolve("calls.txt");
        git.with("BUILDRUNNER_BR", recorder(calls, 1).toString());
        install();
        git.ok(repo, "rm", "-q", "--cached", SPEC);

        GitSandbox.Result commit = git.git(repo, "commit", "-q", "-m", "No spec any more");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(calls).doesNotExist();
    }

    @Test
    void anExistingHookRunsFirstAndItsFailureStillBlocks() throws Exception {
        Path calls = tmp.resolve("calls.txt");
        Path lint = tmp.resolve("lint.txt");
        git.with("BUILDRUNNER_BR", recorder(calls, 0).toString());
        GitSandbox.script(repo.resolve(".git/hooks/pre-commit"), "echo lint-ran >> '" + lint + "'\nexit 1");
        install();
        TestRepos.writeSpec(repo, sample + "\n");
        git.ok(repo, "add", SPEC);

        GitSandbox.Result refused = git.git(repo, "commit", "-m", "Refused by lint");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(Files.readString(lint)).isEqualTo("lint-ran\n");
        assertThat(calls).as("br does not run after the chained hook failed").doesNotExist();

        GitSandbox.script(repo.resolve(".git/hooks/pre-commit.local"), "echo lint-ran >> '" + lint + "'");
        GitSandbox.Result passed = git.git(repo, "commit", "-m", "Lint passes");

        assertThat(passed.exitCode()).as(passed.output()).isZero();
        assertThat(Files.readString(lint)).isEqualTo("lint-ran\nlint-ran\n");
        assertThat(Files.readString(calls)).isEqualTo("spec analyze --quiet :" + SPEC + "\ndrift --staged\n");
    }

    @Test
    void coreHooksPathIsHonoured() throws Exception {
        Path calls = tmp.resolve("calls.txt");
        git.with("BUILDRUNNER_BR", recorder(calls, 1).toString());
        git.ok(repo, "config", "core.hooksPath", ".githooks");
        install();
        TestRepos.writeSpec(repo, broken);
        git.ok(repo, "add", SPEC);

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Break the spec");

        assertThat(repo.resolve(".githooks/pre-commit")).isExecutable();
        assertThat(commit.exitCode()).isEqualTo(1);
        assertThat(Files.readString(calls)).isEqualTo("spec analyze --quiet :" + SPEC + "\n");
        assertThat(commit.output()).contains("buildrunner: commit refused");
    }

    @Test
    void withoutBrTheHookSaysSoInOneLineAndLetsTheCommitThrough() throws Exception {
        git.with("BUILDRUNNER_BR", null);
        install();
        TestRepos.writeSpec(repo, broken);
        git.ok(repo, "add", SPEC);

        GitSandbox.Result commit = git.git(repo, "commit", "-q", "-m", "No br here");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output().strip()).isEqualTo("buildrunner: br not found (set BUILDRUNNER_BR or re-run"
                + " 'br hooks install'); " + SPEC + " not checked");
    }

    @Test
    void theJarRecordedAtInstallTimeRunsWithTheRecordedJava() throws Exception {
        git.with("BUILDRUNNER_BR", null);
        Path calls = tmp.resolve("calls.txt");
        Path java = recorder(calls, 0);
        Path jar = Files.writeString(Files.createDirectories(tmp.resolve("opt/build runner")).resolve("buildrunner.jar"),
                "not really a jar");
        new HookInstaller(new HookInstaller.Launcher(java.toString(), jar.toString()))
                .install(repo.resolve(".git/hooks"), false);
        TestRepos.writeSpec(repo, sample + "\n");
        git.ok(repo, "add", SPEC);

        GitSandbox.Result commit = git.git(repo, "commit", "-q", "-m", "Through the jar");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("-jar " + jar + " spec analyze --quiet :" + SPEC + "\n"
                + "-jar " + jar + " drift --staged\n");
    }

    /** A stand-in for br (or java) that appends its arguments to {@code calls} and exits {@code code}. */
    private Path recorder(Path calls, int code) throws Exception {
        return GitSandbox.script(tmp.resolve("bin/recorder-" + code), "echo \"$*\" >> '" + calls + "'\nexit " + code);
    }
}
