package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.spec.SpecDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-push hook: a real {@code git push} to a local bare remote running the real br, and
 * {@code br hooks pre-push} in-process on git's input lines for the cases around it (deletions,
 * unchanged specs, new branches, commits the remote has that are not here).
 */
class PrePushHookTest {
    private static final String SPEC = ".buildrunner/PROJECT_SPEC.md";
    private static final String ZERO = "0".repeat(40);

    private final CliRunner br = new CliRunner();

    @TempDir
    Path tmp;

    private GitSandbox git;
    private Path repo;
    private String sample;

    @BeforeEach
    void cloneWithARemote() throws Exception {
        git = new GitSandbox(tmp);
        sample = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        repo = Files.createDirectories(tmp.resolve("repo"));
        git.ok(tmp, "init", "-q", "--bare", "remote.git");
        git.ok(repo, "init", "-q");
        TestRepos.writeSpec(repo, sample);
        git.ok(repo, "add", "-A");
        git.ok(repo, "commit", "-q", "-m", "Add spec");
        git.ok(repo, "remote", "add", "origin", tmp.resolve("remote.git").toString());
        git.ok(repo, "push", "-q", "origin", "main");
        git.ok(repo, "remote", "set-head", "origin", "main");
    }

    /** The sample with one requirement more for profiles and a Billing feature after RBAC. */
    private String edited() {
        return sample.replace("- Privacy settings\n", "- Privacy settings\n- Export profile data\n")
                .replace("## Technical Requirements", "### Billing\n\nRequirements:\n- Monthly invoices\n\n"
                        + "## Technical Requirements");
    }

    @Test
    void aRealPushPrintsWhatItWillRegenerateAndIsNeverRefused() throws Exception {
        git.with("BUILDRUNNER_BR", GitSandbox.brWrapper(tmp.resolve("bin/br-wrapper")).toString());
        assertThat(br.run("hooks", "install", "-C", repo.toString()).exitCode()).isZero();
        String base = git.ok(repo, "rev-parse", "--short=7", "main").strip();
        TestRepos.writeSpec(repo, edited());
        git.ok(repo, "commit", "-q", "--no-verify", "-am", "Billing; profile export");
        git.ok(repo, "checkout", "-q", "-b", "broken", base);
        TestRepos.writeSpec(repo, TestRepos.resource("traps/no-features.md"));
        git.ok(repo, "commit", "-q", "--no-verify", "-am", "Lose the features");

        GitSandbox.Result push = git.git(repo, "push", "origin", "main", "broken");

        assertThat(push.exitCode()).as(push.output()).isZero();
        assertThat(push.output()).contains("buildrunner: refs/heads/main: 1 feature added (billing), 1 modified"
                + " (user-profile-management: requirements)\n");
        assertThat(push.output()).contains("buildrunner: refs/heads/broken (new; compared with origin/main at " + base
                + "): 3 features removed (user-authentication; user-profile-management; role-based-access-control)\n"
                + "buildrunner: refs/heads/broken: the pushed " + SPEC + " has 1 error; the server will reject it and"
                + " keep the current plan:\n  " + SPEC + ":1: error: no features found");
        assertThat(git.ok(repo, "ls-remote", "origin")).contains("refs/heads/main", "refs/heads/broken");
    }

    @Test
    void theChainedHookGetsTheSameInputAndItsFailureRefusesThePush() throws Exception {
        Path seen = tmp.resolve("seen.txt");
        GitSandbox.script(repo.resolve(".git/hooks/pre-push"), "echo \"args: $*\" > '" + seen + "'\ncat >> '" + seen
                + "'\nexit 1");
        assertThat(br.run("hooks", "install", "-C", repo.toString()).exitCode()).isZero();
        Path calls = tmp.resolve("calls.txt");
        git.with("BUILDRUNNER_BR", GitSandbox.script(tmp.resolve("bin/recorder"), "echo \"$*\" >> '" + calls + "'")
                .toString());
        TestRepos.writeSpec(repo, edited());
        git.ok(repo, "commit", "-q", "--no-verify", "-am", "Billing");
        String head = git.ok(repo, "rev-parse", "HEAD").strip();
        String remoteHead = git.ok(repo, "rev-parse", "origin/main").strip();

        GitSandbox.Result refused = git.git(repo, "push", "origin", "main");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(Files.readString(seen)).isEqualTo("args: origin " + tmp.resolve("remote.git") + "\n"
                + "refs/heads/main " + head + " refs/heads/main " + remoteHead + "\n");
        assertThat(calls).doesNotExist();

        GitSandbox.script(repo.resolve(".git/hooks/pre-push.local"), "cat > /dev/null");
        GitSandbox.Result pushed = git.git(repo, "push", "-q", "origin", "main");

        assertThat(pushed.exitCode()).as(pushed.output()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("hooks pre-push --spec " + SPEC + " origin "
                + tmp.resolve("remote.git") + "\n");
    }

    @Test
    void skipSkipsOnlyBuildRunnersPart() throws Exception {
        Path calls = tmp.resolve("calls.txt");
        Path chained = tmp.resolve("chained.txt");
        GitSandbox.script(repo.resolve(".git/hooks/pre-push"), "cat > '" + chained + "'");
        git.with("BUILDRUNNER_BR", GitSandbox.script(tmp.resolve("bin/recorder"), "echo \"$*\" >> '" + calls + "'")
                .toString()).with("BUILDRUNNER_SKIP", "1");
        assertThat(br.run("hooks", "install", "-C", repo.toString()).exitCode()).isZero();
        TestRepos.writeSpec(repo, edited());
        git.ok(repo, "commit", "-q", "-am", "Billing");

        assertThat(git.git(repo, "push", "-q", "origin", "main").exitCode()).isZero();
        assertThat(calls).doesNotExist();
        assertThat(Files.readString(chained)).startsWith("refs/heads/main ");
    }

    // ------------------------------------------------------------ br hooks pre-push in-process

    @Test
    void deletionsAndUnchangedSpecsPrintNothing() throws Exception {
        String main = git.ok(repo, "rev-parse", "main").strip();
        Files.writeString(repo.resolve("README.md"), "docs\n");
        git.ok(repo, "add", "README.md");
        git.ok(repo, "commit", "-q", "-m", "Docs");
        String docs = git.ok(repo, "rev-parse", "HEAD").strip();

        CliRunner.Result r = prePush("(delete) " + ZERO + " refs/heads/old " + main + "\n"
                + "refs/heads/main " + docs + " refs/heads/main " + main + "\n");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aNewBranchWithNoCommonHistoryIsComparedWithAnEmptySpec() throws Exception {
        git.ok(repo, "checkout", "-q", "--orphan", "fresh");
        git.ok(repo, "commit", "-q", "-m", "Same spec, new history");
        String fresh = git.ok(repo, "rev-parse", "HEAD").strip();

        CliRunner.Result r = prePush("refs/heads/fresh " + fresh + " refs/heads/fresh " + ZERO + "\n");

        assertThat(r.out()).isEqualTo("buildrunner: refs/heads/fresh (new; compared with an empty spec): 3 features"
                + " added (user-authentication; user-profile-management; role-based-access-control)\n");
    }

    @Test
    void aRemoteCommitThatIsNotHereIsReportedNotCompared() throws Exception {
        String head = git.ok(repo, "rev-parse", "HEAD").strip();
        String unknown = "1234567" + "0".repeat(33);

        CliRunner.Result r = prePush("refs/heads/main " + head + " refs/heads/main " + unknown + "\n");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("buildrunner: refs/heads/main: the remote is at 1234567, which is not here"
                + " (fetch first); not compared\n");
    }

    @Test
    void aRenameAndAProseOnlyEditAreSummarised() throws Exception {
        String main = git.ok(repo, "rev-parse", "main").strip();
        TestRepos.writeSpec(repo, sample.replace("### Role-Based Access Control", "### Access Control"));
        git.ok(repo, "commit", "-q", "-am", "Rename");
        String renamed = git.ok(repo, "rev-parse", "HEAD").strip();
        TestRepos.writeSpec(repo, sample.replace("comprehensive user", "complete user"));
        git.ok(repo, "commit", "-q", "-am", "Wording");
        String prose = git.ok(repo, "rev-parse", "HEAD").strip();

        assertThat(prePush("refs/heads/main " + renamed + " refs/heads/main " + main + "\n").out()).isEqualTo(
                "buildrunner: refs/heads/main: 1 feature renamed (role-based-access-control -> access-control)\n");
        assertThat(prePush("refs/heads/x " + prose + " refs/heads/x " + main + "\n").out()).isEqualTo(
                "buildrunner: refs/heads/x: spec changed, no feature changed: nothing to regenerate\n");
    }

    @Test
    void anotherSpecPathCanBeNamed() throws Exception {
        String main = git.ok(repo, "rev-parse", "main").strip();
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/PRD.md"), sample);
        git.ok(repo, "add", "docs/PRD.md");
        git.ok(repo, "commit", "-q", "-m", "A second copy of the spec");
        String head = git.ok(repo, "rev-parse", "HEAD").strip();

        CliRunner.Result r = br.runWithInput("refs/heads/main " + head + " refs/heads/main " + main + "\n", "hooks",
                "pre-push", "--spec", "docs/PRD.md", "-C", repo.toString(), "origin");

        assertThat(r.out()).startsWith("buildrunner: refs/heads/main: 3 features added (user-authentication;");
    }

    @Test
    void malformedInputIsAUsageErrorNamingTheLine() {
        CliRunner.Result r = prePush("refs/heads/main abc refs/heads/main\n");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pre-push input line 1", "refs/heads/main abc refs/heads/main");
    }

    @Test
    void longListsAreCappedAndTheFirstCountNamesFeatures() {
        SpecDiff d = new SpecDiff(List.of(), List.of("a", "b", "c", "d", "e", "f", "g"), List.of(),
                List.of(new SpecDiff.Modification("x", List.of("name", "endpoints"))));

        assertThat(PushPreview.summary(d)).isEqualTo("1 feature modified (x: name, endpoints), 7 removed (a; b; c; d; e;"
                + " +2 more)");
    }

    private CliRunner.Result prePush(String input) {
        return br.runWithInput(input, "hooks", "pre-push", "-C", repo.toString(), "origin",
                tmp.resolve("remote.git").toString());
    }
}
