package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.plan.Plan;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The storage format as git itself sees it: file repositories (bare and with a work tree) checked
 * with the real git command line, and a table of raw commit messages that must keep parsing.
 */
class StateFormatTest {
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final String SOURCE = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "bare={0}")
    @ValueSource(booleans = {true, false})
    void gitReadsTheBranchTheTreeTheTrailersAndFindsNothingWrong(boolean bare) throws Exception {
        Path gitDir = bare ? initBare() : initWithWorkTree();
        String spec3a = PlanFixtures.spec(PlanFixtures.BUILD_3A);
        String spec4a = PlanFixtures.spec("br3-PROJECT_SPEC_BUILD_4A.md");
        Plan plan3a = PlanFixtures.fromSpec(spec3a);
        String first;
        String second;
        try (Repository repo = open(gitDir)) {
            StateStore store = new StateStore(repo, new WriterLanes(), new SteppingClock(START), RetryPolicy.immediate(3));
            first = store.update(c -> Optional.of(new Proposal(spec3a, plan3a, "sync", "4 features added", SOURCE,
                    "alice"))).state().orElseThrow().commitId();
            second = store.update(c -> Optional.of(new Proposal(spec4a, PlanFixtures.fromSpec(spec4a), "sync",
                    "spec rewritten", "", "bob"))).state().orElseThrow().commitId();
            store.createCheckpoint("before-4a", "carol");
            store.restore(1, "dave");
        }

        String message = GitCli.ok(gitDir, "log", "-1", "--format=%B", first);
        assertThat(message).isEqualTo("""
                sync: 4 features added

                31 tasks (21 pending, 3 in progress, 1 blocked, 5 done, 1 cancelled)
                20 batches, 7 waves, critical path 7 tasks (540 min)
                1 diagnostic (1 warning)

                BuildRunner-Event: sync
                Source-Commit: 9fceb02d0ae598e95dc970b74767f19372d61af8
                Author: alice

                """);
        assertThat(GitCli.run(gitDir, message, "interpret-trailers", "--parse").output()).isEqualTo("""
                BuildRunner-Event: sync
                Source-Commit: 9fceb02d0ae598e95dc970b74767f19372d61af8
                Author: alice
                """);
        assertThat(GitCli.ok(gitDir, "log", "--format=%s|%an <%ae>|%ad|%(trailers:key=Author,valueonly,separator=)",
                "--date=iso-strict", "buildrunner").strip().split("\n")).containsExactly(
                "rollback: restored version 1 (" + first.substring(0, 7) + ")|BuildRunner <buildrunner@localhost>"
                        + "|2026-11-23T08:00:03+00:00|dave",
                "sync: spec rewritten|BuildRunner <buildrunner@localhost>|2026-11-23T08:00:01+00:00|bob",
                "sync: 4 features added|BuildRunner <buildrunner@localhost>|2026-11-23T08:00:00+00:00|alice");

        assertThat(GitCli.ok(gitDir, "rev-list", "--max-parents=0", "buildrunner").strip()).isEqualTo(first);
        assertThat(GitCli.ok(gitDir, "rev-parse", "buildrunner~1").strip()).isEqualTo(second);
        assertThat(GitCli.ok(gitDir, "rev-parse", "buildrunner^{tree}")).isEqualTo(GitCli.ok(gitDir, "rev-parse",
                first + "^{tree}"));
        assertThat(GitCli.ok(gitDir, "cat-file", "-p", first + ":plan/tasks.json"))
                .isEqualTo(new String(new PlanCodec().encode(plan3a), StandardCharsets.UTF_8));
        assertThat(GitCli.ok(gitDir, "cat-file", "-p", "buildrunner:spec/PROJECT_SPEC.md")).isEqualTo(spec3a);
        assertThat(GitCli.ok(gitDir, "ls-tree", "-r", "--name-only", "buildrunner"))
                .isEqualTo("plan/tasks.json\nspec/PROJECT_SPEC.md\n");
        assertThat(GitCli.ok(gitDir, "cat-file", "-t", "buildrunner/checkpoints/before-4a").strip()).isEqualTo("tag");
        assertThat(GitCli.ok(gitDir, "for-each-ref", "--format=%(refname) %(*objectname) %(taggername) %(subject)",
                "refs/tags/buildrunner/checkpoints/").strip()).isEqualTo("refs/tags/buildrunner/checkpoints/before-4a "
                + second + " BuildRunner checkpoint before-4a at " + second.substring(0, 7));

        GitCli.Result fsck = GitCli.run(gitDir, null, "fsck", "--strict", "--no-dangling");
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        assertThat(fsck.output().lines().filter(l -> !l.startsWith("notice:") && !l.startsWith("Checking")))
                .as(fsck.output()).isEmpty();

        if (!bare) {
            Path work = gitDir.getParent();
            assertThat(GitCli.ok(gitDir, "--work-tree=" + work, "status", "--porcelain")).isEmpty();
            assertThat(GitCli.ok(gitDir, "symbolic-ref", "HEAD").strip()).isEqualTo("refs/heads/master");
            assertThat(GitCli.ok(gitDir, "log", "--format=%s", "master").strip()).isEqualTo("user's own commit");
            try (Stream<Path> files = Files.list(work)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".git", "README.md");
            }
        }
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("sync: 4 features added\n\n31 tasks\n\nBuildRunner-Event: sync\nSource-Commit: " + SOURCE
                        + "\nAuthor: alice\n", "sync", "4 features added", SOURCE, "alice"),
                Arguments.of("sync\n\nBuildRunner-Event: sync\nSource-Commit: none\nAuthor: bob\n",
                        "sync", "", "", "bob"),
                Arguments.of("rollback: restored version 2 (1a2b3c4)\n\nBuildRunner-Event: rollback\n"
                        + "Source-Commit: none\nAuthor: Ann Lee\n", "rollback", "restored version 2 (1a2b3c4)", "", "Ann Lee"),
                Arguments.of("Manual sync: fixed by hand\n\nBuildRunner-Event: sync\nSigned-off-by: X <x@y>\n"
                        + "Author: carol\n", "sync", "Manual sync: fixed by hand", "", "carol"),
                Arguments.of("Fix plan by hand\n", "", "Fix plan by hand", "", ""),
                Arguments.of("task-done: T-7\n\nBuildRunner-Event: task-done\nSource-Commit: abc1234\nAuthor: dan\n"
                        + "Author: erin\n", "task-done", "T-7", "abc1234", "erin"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void commitMessagesOfEveryShapeParse(String message, String event, String summary, String source, String author)
            throws Exception {
        String raw = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
                + "author BuildRunner <buildrunner@localhost> 1795420800 +0000\n"
                + "committer BuildRunner <buildrunner@localhost> 1795420800 +0000\n\n" + message;
        RevCommit c = RevCommit.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(StateFormat.parseMessage(c)).isEqualTo(new StateFormat.Message(event, summary, source, author));
    }

    @Test
    void whatWeWriteIsWhatWeRead() throws Exception {
        String message = StateFormat.commitMessage("task-done", "T-7: done", "1 task (1 done)", "", "Ann");
        String raw = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
                + "author BuildRunner <buildrunner@localhost> 1795420800 +0000\n"
                + "committer BuildRunner <buildrunner@localhost> 1795420800 +0000\n\n" + message;

        assertThat(StateFormat.parseMessage(RevCommit.parse(raw.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(new StateFormat.Message("task-done", "T-7: done", "", "Ann"));
        assertThat(StateFormat.trailers(StateFormat.checkpointMessage("cp", org.eclipse.jgit.lib.ObjectId
                .fromString(SOURCE), "Bo"))).containsEntry("Author", "Bo").hasSize(1);
        assertThat(StateFormat.trailers("one paragraph only: no trailers")).isEmpty();
    }

    private Path initBare() throws Exception {
        Path dir = tmp.resolve("state.git");
        GitCli.Result r = GitCli.run(dir, null, "init", "--bare", "-q", dir.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        return dir;
    }

    /** A user's clone: a work tree with a commit on master that BuildRunner must leave alone. */
    private Path initWithWorkTree() throws Exception {
        File work = tmp.resolve("work").toFile();
        try (Git git = Git.init().setDirectory(work).setInitialBranch("master").call()) {
            Files.writeString(work.toPath().resolve("README.md"), "# user project\n");
            git.add().addFilepattern("README.md").call();
            git.commit().setMessage("user's own commit").setAuthor("User", "user@example.com")
                    .setCommitter("User", "user@example.com").setSign(false).call();
        }
        return work.toPath().resolve(".git");
    }

    static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }
}
