package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code br hooks install|uninstall}: where the hooks go (checked against {@code git rev-parse
 * --git-path hooks}), what they contain, chaining of existing hooks, idempotence, restoring.
 */
class HookInstallTest {

    private final CliRunner br = new CliRunner();

    @TempDir
    Path tmp;

    private GitSandbox git;
    private Path repo;

    @BeforeEach
    void repository() throws Exception {
        git = new GitSandbox(tmp);
        repo = Files.createDirectories(tmp.resolve("repo"));
        git.ok(repo, "init", "-q");
    }

    @Test
    void installsExecutableHooksWhereGitLooksForThem() throws Exception {
        CliRunner.Result r = br.run("hooks", "install", "-C", repo.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path hooks = gitHooksDir(repo);
        assertThat(hooks).isEqualTo(repo.resolve(".git/hooks"));
        for (String name : HookInstaller.HOOKS) {
            Path hook = hooks.resolve(name);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hook))).isEqualTo("rwxr-xr-x");
            String text = Files.readString(hook);
            assertThat(text.lines().skip(1).findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith(
                    HookInstaller.MARKER + " " + name));
            // This br runs from target/classes, not a jar: the java path is written in, the jar is empty.
            assertThat(text).contains("BR_JAVA='" + Path.of(System.getProperty("java.home"), "bin", "java") + "'")
                    .contains("BR_JAR=''").doesNotContain("@BUILDRUNNER_");
            assertThat(r.out()).contains("installed " + name + " in " + hooks);
        }
        assertThat(r.out()).contains("note: br is not running from buildrunner.jar");
    }

    @Test
    void theLauncherPathsAreQuotedForSh() throws Exception {
        Path hooks = Files.createDirectories(tmp.resolve("hooks"));
        HookInstaller installer = new HookInstaller(new HookInstaller.Launcher("/opt/jdk 17/bin/java",
                "/home/o'brien/buildrunner.jar"));

        installer.install(hooks, false);

        String text = Files.readString(hooks.resolve("pre-commit"));
        assertThat(text).contains("BR_JAVA='/opt/jdk 17/bin/java'").contains("BR_JAR='/home/o'\\''brien/buildrunner.jar'");
        Path probe = GitSandbox.script(tmp.resolve("probe"), "eval \"$(grep '^BR_JAR=' " + hooks.resolve("pre-commit")
                + ")\"; printf '%s' \"$BR_JAR\" > " + tmp.resolve("jar.txt"));
        new ProcessBuilder(probe.toString()).start().waitFor();
        assertThat(Files.readString(tmp.resolve("jar.txt"))).isEqualTo("/home/o'brien/buildrunner.jar");
    }

    @Test
    void relativeCoreHooksPathIsTakenFromTheTopOfTheWorkTree() throws Exception {
        git.ok(repo, "config", "core.hooksPath", ".githooks");
        Path sub = Files.createDirectories(repo.resolve("src/main"));

        CliRunner.Result r = br.run("hooks", "install", "-C", sub.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(gitHooksDir(sub)).isEqualTo(repo.resolve(".githooks"));
        assertThat(repo.resolve(".githooks/pre-commit")).isExecutable();
        assertThat(repo.resolve(".githooks/pre-push")).isExecutable();
        assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(r.out()).as("the repository's own setting needs no note").doesNotContain("core.hooksPath");
    }

    @Test
    void absoluteCoreHooksPathIsUsedAsIs() throws Exception {
        Path shared = tmp.resolve("shared-hooks");
        git.ok(repo, "config", "core.hooksPath", shared.toString());

        assertThat(br.run("hooks", "install", "-C", repo.toString()).exitCode()).isZero();

        assertThat(gitHooksDir(repo)).isEqualTo(shared);
        assertThat(shared.resolve("pre-commit")).isExecutable();
    }

    @Test
    void aLinkedWorktreeSharesTheMainRepositorysHooks() throws Exception {
        git.ok(repo, "commit", "-q", "--allow-empty", "-m", "root");
        Path wt = tmp.resolve("wt");
        git.ok(repo, "worktree", "add", "-q", wt.toString());

        CliRunner.Result r = br.run("hooks", "install", "-C", wt.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(gitHooksDir(wt)).isEqualTo(repo.resolve(".git/hooks"));
        assertThat(repo.resolve(".git/hooks/pre-commit")).isExecutable();
    }

    @Test
    void aBareRepositoryGetsItsHooksDirectory() throws Exception {
        Path bare = tmp.resolve("bare.git");
        git.ok(tmp, "init", "-q", "--bare", bare.toString());

        assertThat(br.run("hooks", "install", "-C", bare.toString()).exitCode()).isZero();

        assertThat(gitHooksDir(bare)).isEqualTo(bare.resolve("hooks"));
        assertThat(bare.resolve("hooks/pre-push")).isExecutable();
    }

    @Test
    void aHooksPathFromTheUsersConfigIsUsedWithANote() throws Exception {
        // JGit reads the user's config once per process, from user.home: run br as a process with
        // the sandbox's HOME so that it sees what git sees.
        git.ok(repo, "config", "--global", "core.hooksPath", "~/.githooks");
        Path wrapper = GitSandbox.brWrapper(tmp.resolve("bin/br-wrapper"));

        GitSandbox.Result r = git.exec(repo, List.of(wrapper.toString(), "hooks", "install"));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(gitHooksDir(repo)).isEqualTo(tmp.resolve("home/.githooks"));
        assertThat(r.output()).contains("installed pre-commit in " + tmp.resolve("home/.githooks"))
                .contains("note: core.hooksPath (~/.githooks) is set outside this repository's config;"
                        + " the hooks there serve every repository that uses it");
        assertThat(tmp.resolve("home/.githooks/pre-push")).isExecutable();
    }

    @Test
    void installingTwiceGivesTheSameFiles() throws Exception {
        GitSandbox.script(repo.resolve(".git/hooks/pre-commit"), "echo lint");
        br.run("hooks", "install", "-C", repo.toString());
        Map<String, String> once = snapshot(repo.resolve(".git/hooks"));

        CliRunner.Result again = br.run("hooks", "install", "-C", repo.toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(snapshot(repo.resolve(".git/hooks"))).isEqualTo(once);
        assertThat(again.out()).contains("installed pre-commit in " + repo.resolve(".git/hooks")
                + " (updated; pre-commit.local runs first)");
        assertThat(once).containsOnlyKeys("pre-commit", "pre-commit.local", "pre-push")
                .containsEntry("pre-commit.local", "#!/bin/sh\necho lint\n|rwxr-xr-x");
    }

    @Test
    void uninstallRestoresTheChainedHooksByteForByte() throws Exception {
        Path hooks = repo.resolve(".git/hooks");
        GitSandbox.script(hooks.resolve("pre-push"), "exec ./scripts/check-push \"$@\"");
        Map<String, String> before = snapshot(hooks);

        CliRunner.Result installed = br.run("hooks", "install", "-C", repo.toString());
        CliRunner.Result removed = br.run("hooks", "uninstall", "-C", repo.toString());

        assertThat(installed.out()).contains("(the existing pre-push is kept as pre-push.local and runs first)");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("removed pre-commit", "restored the previous hook from pre-push.local");
        assertThat(snapshot(hooks)).isEqualTo(before);
        assertThat(hooks.resolve("pre-push")).isExecutable();
    }

    @Test
    void uninstallLeavesForeignHooksAlone() throws Exception {
        Path hooks = repo.resolve(".git/hooks");
        GitSandbox.script(hooks.resolve("pre-commit"), "echo mine");

        CliRunner.Result r = br.run("hooks", "uninstall", "-C", repo.toString());

        assertThat(r.out()).contains("pre-commit: not BuildRunner's, left as it is", "pre-push: not installed");
        assertThat(Files.readString(hooks.resolve("pre-commit"))).isEqualTo("#!/bin/sh\necho mine\n");
    }

    @Test
    void aHookThatCannotBeChainedIsRefusedUnlessForced() throws Exception {
        Path hooks = repo.resolve(".git/hooks");
        GitSandbox.script(hooks.resolve("pre-commit"), "echo third-party");
        GitSandbox.script(hooks.resolve("pre-commit.local"), "echo mine");
        Map<String, String> before = snapshot(hooks);

        CliRunner.Result refused = br.run("hooks", "install", "-C", repo.toString());

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip().lines().count()).isEqualTo(1);
        assertThat(refused.err()).contains("pre-commit (not BuildRunner's) and pre-commit.local both exist", "--force");
        assertThat(snapshot(hooks)).as("nothing changed").isEqualTo(before);

        CliRunner.Result forced = br.run("hooks", "install", "--force", "-C", repo.toString());

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(hooks.resolve("pre-commit.bak"))).isEqualTo("#!/bin/sh\necho third-party\n");
        assertThat(Files.readString(hooks.resolve("pre-commit.local"))).isEqualTo("#!/bin/sh\necho mine\n");
        assertThat(HookInstaller.isOurs(hooks.resolve("pre-commit"))).isTrue();
    }

    @Test
    void outsideARepositoryIsAUsageError() {
        CliRunner.Result r = br.run("hooks", "install", "-C", tmp.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(tmp.toString(), "not inside a git repository");
    }

    /** {@code git rev-parse --git-path hooks} run in {@code dir}, made absolute. */
    private Path gitHooksDir(Path dir) throws Exception {
        String p = git.ok(dir, "rev-parse", "--git-path", "hooks").strip();
        return dir.resolve(p).toAbsolutePath().normalize();
    }

    /** File name to content of every non-sample file of a hooks directory. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().endsWith(".sample")).toList()) {
                files.put(p.getFileName().toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
                        + "|" + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return files;
    }
}
