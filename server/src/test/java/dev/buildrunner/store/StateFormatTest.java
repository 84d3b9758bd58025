package dev.buildrunner.store;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.plan.Plan;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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
        Map<String, byte[]> planFiles = new PlanCodec().encode(plan3a);
        for (Map.Entry<String, byte[]> f : planFiles.entrySet()) {
            assertThat(GitCli.ok(gitDir, "cat-file", "-p", first + ":" + f.getKey())).as(f.getKey())
                    .isEqualTo(new String(f.getValue(), StandardCharsets.UTF_8));
        }
        assertThat(GitCli.ok(gitDir, "cat-file", "-p", "buildrunner:plan/tasks/code-quality-system.json"))
                .startsWith("{\n  \"featureId\": \"code-quality-system\",\n  \"tasks\": [\n");
        assertThat(GitCli.ok(gitDir, "cat-file", "-p", "buildrunner:spec/PROJECT_SPEC.md")).isEqualTo(spec3a);
        assertThat(GitCli.ok(gitDir, "ls-tree", "-r", "--name-only", "buildrunner")).isEqualTo("""
                plan/plan.json
                plan/tasks/architecture-drift-prevention.json
                plan/tasks/build-orchestrator-enhancement.json
                plan/tasks/code-quality-system.json
                plan/tasks/gap-analyzer-and-completion-assurance.json
                spec/PROJECT_SPEC.md
                """);
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

    @Test
    void aOneFeatureChangeWritesOneFeatureFilePlanJsonAndTheSpecAndReusesEverythingElse() throws Exception {
        Path gitDir = initBare();
        String spec = PlanFixtures.spec(PlanFixtures.BUILD_3A);
        String edited = spec.replace("- Quality configuration management\n",
                "- Quality configuration management\n- Quality trend report per release\n");
        assertThat(edited).isNotEqualTo(spec);
        String first;
        String second;
        Set<String> before;
        try (Repository repo = open(gitDir)) {
            StateStore store = new StateStore(repo, new WriterLanes(), new SteppingClock(START), RetryPolicy.immediate(3));
            first = store.update(c -> Optional.of(new Proposal(spec, PlanFixtures.fromSpec(spec), "sync", "a", "",
                    "alice"))).state().orElseThrow().commitId();
            before = looseObjects(gitDir);
            second = store.update(c -> Optional.of(new Proposal(edited, PlanFixtures.fromSpec(edited), "sync", "b", "",
                    "alice"))).state().orElseThrow().commitId();
        }

        assertThat(GitCli.ok(gitDir, "diff-tree", "-r", "--name-only", first, second)).isEqualTo("""
                plan/plan.json
                plan/tasks/code-quality-system.json
                spec/PROJECT_SPEC.md
                """);
        // new objects: the commit, its trees on the changed paths (root, plan, plan/tasks, spec) and 3 blobs
        Set<String> added = new TreeSet<>(looseObjects(gitDir));
        added.removeAll(before);
        Map<String, Integer> byType = new TreeMap<>();
        for (String id : added) {
            byType.merge(GitCli.ok(gitDir, "cat-file", "-t", id).strip(), 1, Integer::sum);
        }
        assertThat(byType).containsExactly(Map.entry("blob", 3), Map.entry("commit", 1), Map.entry("tree", 4));
        for (String path : List.of("plan/plan.json", "plan/tasks/code-quality-system.json", "spec/PROJECT_SPEC.md")) {
            assertThat(added).contains(GitCli.ok(gitDir, "rev-parse", second + ":" + path).strip());
        }
        GitCli.Result fsck = GitCli.run(gitDir, null, "fsck", "--strict", "--no-dangling");
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "user-authentication            | user-authentication.json",
        "Feature 7: Ünïcode ≥ 中文 😀    | Feature 7%3A Ünïcode ≥ 中文 😀.json",
        "api/v2                         | api%2Fv2.json",
        ".git                           | %2Egit.json",
        "..                             | %2E..json",
        "git~1:stream                   | git~1%3Astream.json",
        "back\\slash                  | back%5Cslash.json",
        "100%                           | 100%25.json",
        "a.json                         | a.json.json",
        "\"\"                         | %.json"})
    void featureFileNamesKeepSlugsAndEscapeWhatGitCannotTake(String id, String name) {
        assertThat(StateFormat.featureFileName(id)).isEqualTo(name);
        assertThat(StateFormat.featurePath(id)).isEqualTo("plan/tasks/" + name);
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreEscapedToo() {
        assertThat(StateFormat.featureFileName("a\u0000b\nc\u007f")).isEqualTo("a%00b%0Ac%7F.json");
        assertThat(StateFormat.featureFileName("x\ud83dy\ude00")).isEqualTo("x%uD83Dy%uDE00.json");
        assertThat(StateFormat.featureFileName("ok\ud83d\ude00")).isEqualTo("ok\ud83d\ude00.json");
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

    /** The ids of the loose objects in a repository's object directory. */
    static Set<String> looseObjects(Path gitDir) throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(gitDir.resolve("objects"), 2)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String dir = f.getParent().getFileName().toString();
                String name = f.getFileName().toString();
                if (dir.matches("[0-9a-f]{2}") && name.matches("[0-9a-f]{38}")) {
                    ids.add(dir + name);
                }
            });
        }
        return ids;
    }

    static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }
}
