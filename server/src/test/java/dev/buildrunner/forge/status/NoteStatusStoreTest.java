package dev.buildrunner.forge.status;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notes store on real bare repositories, read back by JGit and by the git command line. */
class NoteStatusStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path gitDir;
    private Repository repo;
    private ManualClock clock;
    private NoteStatusStore store;
    private String c1;
    private String c2;

    @BeforeEach
    void setUp() throws IOException {
        gitDir = tmp.resolve("repo.git");
        repo = TestRepos.bare(gitDir);
        c1 = TestRepos.commit(repo, "first").name();
        c2 = TestRepos.commit(repo, "second").name();
        clock = new ManualClock(Instant.parse("2026-11-22T10:00:00.750Z"));
        store = new NoteStatusStore(repo, clock, new ReentrantLock(), RetryPolicy.immediate(5));
    }

    @AfterEach
    void tearDown() {
        repo.close();
    }

    @Test
    void gitNotesShowPrintsOneJsonLinePerStatusInPostingOrder() throws Exception {
        store.post(c1, new StatusRequest(StatusState.PENDING, "buildrunner/spec", "parsing", null), "alice");
        clock.advance(Duration.ofSeconds(3));
        store.post(c1, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec", "spec OK, 31 features",
                "http://localhost:7070/r/1"), "alice");

        String shown = GitCli.ok(gitDir, "notes", "--ref=buildrunner", "show", c1);
        List<String> lines = shown.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(first.get("state").asText()).isEqualTo("pending");
        assertThat(first.get("id").asLong()).isEqualTo(1);
        assertThat(first.get("created_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(second.get("state").asText()).isEqualTo("success");
        assertThat(second.get("description").asText()).isEqualTo("spec OK, 31 features");
        assertThat(second.get("target_url").asText()).isEqualTo("http://localhost:7070/r/1");
        assertThat(second.get("creator").asText()).isEqualTo("alice");
        assertThat(second.get("created_at").asText()).isEqualTo("2026-11-22T10:00:03Z");
        assertThat(lines.get(0)).startsWith("{\"created_at\":");

        // git itself accepts the notes history: fsck is clean and the log shows one commit per status
        GitCli.ok(gitDir, "fsck", "--strict");
        String log = GitCli.ok(gitDir, "log", "--format=%s", "refs/notes/buildrunner");
        assertThat(log.lines()).containsExactly("Status buildrunner/spec success on " + c1,
                "Status buildrunner/spec pending on " + c1);
    }

    @Test
    void listIsNewestFirstAndIdsIncreaseAcrossCommits() {
        CommitStatus a = store.post(c1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"), "bot");
        CommitStatus b = store.post(c2, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", "planning"), "bot");
        CommitStatus c = store.post(c1, StatusRequest.of(StatusState.FAILURE, "buildrunner/spec", "line 12: bad"), "bot");

        assertThat(List.of(a.id(), b.id(), c.id())).containsExactly(1L, 2L, 3L);
        assertThat(store.list(c1)).extracting(CommitStatus::id).containsExactly(3L, 1L);
        assertThat(store.list(c2)).extracting(CommitStatus::id).containsExactly(2L);
        assertThat(store.list(c1).get(0)).isEqualTo(c);
        assertThat(store.list(c1.toUpperCase())).hasSize(2);
    }

    @Test
    void aStatusThatSaysTheSameAsTheLatestOfItsContextIsNotWrittenAgain() throws Exception {
        CommitStatus first = store.post(c1, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec", "ok",
                "https://example.com/x"), "bot");
        ObjectId tip = repo.resolve(StatusNotesFormat.NOTES_REF);

        CommitStatus again = store.post(c1, new StatusRequest(StatusState.SUCCESS, "BuildRunner/Spec", "ok",
                "https://example.com/x"), "someone-else");

        assertThat(again).isEqualTo(first);
        assertThat(repo.resolve(StatusNotesFormat.NOTES_REF)).isEqualTo(tip);
        assertThat(store.list(c1)).hasSize(1);

        // a different description, URL or state is a new status; going back to an older value too
        store.post(c1, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec", "ok", null), "bot");
        store.post(c1, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec", "ok", "https://example.com/x"), "bot");
        assertThat(store.list(c1)).extracting(CommitStatus::id).containsExactly(3L, 2L, 1L);
    }

    @Test
    void the1001stStatusOfOneShaAndContextIsRefusedWithGitHubsMessage() throws Exception {
        // 999 statuses written straight into the notes ref in the store's format (posting them one
        // by one rewrites a growing note 999 times: 15 s), then the 1000th and 1001st through the store
        seedNote(c1, "ci/limit", StatusLimits.MAX_STATUSES_PER_CONTEXT - 1);
        CommitStatus thousandth = store.post(c1, StatusRequest.of(StatusState.SUCCESS, "ci/limit", "last"), "bot");
        assertThat(thousandth.id()).isEqualTo(1000);
        ObjectId tip = repo.resolve(StatusNotesFormat.NOTES_REF);

        assertThatThrownBy(() -> store.post(c1, StatusRequest.of(StatusState.FAILURE, "CI/Limit", "one more"), "bot"))
                .isInstanceOfSatisfying(StatusRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(StatusRejectedException.Reason.MAX_STATUSES))
                .hasMessage("This SHA and context has reached the maximum number of statuses.");
        assertThat(repo.resolve(StatusNotesFormat.NOTES_REF)).isEqualTo(tip);

        // the same latest status is still answered (skip, no write), other contexts and commits still take statuses
        assertThat(store.post(c1, StatusRequest.of(StatusState.SUCCESS, "ci/limit", "last"), "bot")).isEqualTo(thousandth);
        assertThat(store.post(c1, StatusRequest.of(StatusState.FAILURE, "ci/other", null), "bot").id()).isEqualTo(1001);
        assertThat(store.post(c2, StatusRequest.of(StatusState.FAILURE, "ci/limit", null), "bot").id()).isEqualTo(1002);
        assertThat(store.list(c1)).hasSize(1001);
        assertThat(GitCli.ok(gitDir, "notes", "--ref=buildrunner", "show", c1).lines().count()).isEqualTo(1001);
    }

    /** Writes {@code n} alternating pending/success statuses of one context as the note of {@code sha}, ids 1..n. */
    private void seedNote(String sha, String context, int n) throws IOException {
        ByteArrayOutputStream note = new ByteArrayOutputStream();
        Instant t = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 1; i <= n; i++) {
            StatusState state = i % 2 == 0 ? StatusState.SUCCESS : StatusState.PENDING;
            note.writeBytes(StatusNotesFormat.encodeLine(new CommitStatus(i, sha, state, context, null, null, t, t,
                    "seed")));
        }
        try (ObjectInserter ins = repo.newObjectInserter()) {
            NoteMap map = NoteMap.newEmptyMap();
            map.set(ObjectId.fromString(sha), ins.insert(Constants.OBJ_BLOB, note.toByteArray()));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(map.writeTree(ins));
            PersonIdent who = new PersonIdent("Seed", "seed@example.com");
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage("seed\n\n" + StatusNotesFormat.LAST_ID.getName() + ": " + n + "\n");
            ObjectId commit = ins.insert(cb);
            ins.flush();
            RefUpdate ru = repo.updateRef(StatusNotesFormat.NOTES_REF);
            ru.setExpectedOldObjectId(ObjectId.zeroId());
            ru.setNewObjectId(commit);
            assertThat(ru.update()).isEqualTo(RefUpdate.Result.NEW);
        }
    }

    @Test
    void aShaThatNamesNoCommitIsRefused() throws Exception {
        ObjectId tree;
        try (RevWalk rw = new RevWalk(repo)) {
            tree = rw.parseCommit(ObjectId.fromString(c1)).getTree();
        }
        for (String sha : List.of("0123456789012345678901234567890123456789", tree.name(), "main", c1.substring(0, 7))) {
            assertThatThrownBy(() -> store.post(sha, StatusRequest.of(StatusState.SUCCESS, "x", null), "bot"))
                    .isInstanceOfSatisfying(StatusRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(StatusRejectedException.Reason.NO_SUCH_COMMIT))
                    .hasMessage("No commit found for SHA: " + sha);
        }
        assertThat(repo.resolve(StatusNotesFormat.NOTES_REF)).isNull();
        assertThat(store.list("main")).isEmpty();
    }

    @Test
    void writesAreClampedToGitHubsLimits() {
        String longText = "Spec OK \uD83D\uDE80 ".repeat(30);
        CommitStatus s = store.post(c1, new StatusRequest(StatusState.SUCCESS, "ctx/" + "x".repeat(300), longText,
                "javascript:alert(1)"), "bot");

        assertThat(s.description()).hasSize(140).endsWith("\u2026").doesNotContain("\uD83D");
        assertThat(s.context()).hasSize(255);
        assertThat(s.targetUrl()).isNull();
        assertThat(store.list(c1).get(0)).isEqualTo(s);
    }

    @Test
    void handWrittenNotesAreSkippedAndIdsContinueAfterThem() throws Exception {
        store.post(c1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null), "bot");
        store.post(c2, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null), "bot");
        // a person appends prose to the note with git itself: the tip no longer has our trailer
        GitCli.ok(gitDir, "notes", "--ref=buildrunner", "append", "-m", "looked at this by hand", c1);

        assertThat(store.list(c1)).extracting(CommitStatus::id).containsExactly(1L);
        CommitStatus next = store.post(c1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/spec", null), "bot");
        assertThat(next.id()).isEqualTo(3);
        assertThat(store.list(c1)).extracting(CommitStatus::id).containsExactly(3L, 1L);
        assertThat(GitCli.ok(gitDir, "notes", "--ref=buildrunner", "show", c1)).contains("looked at this by hand");
    }

    @Test
    void resolveNamesCommitsByBranchTagAndAbbreviation() throws Exception {
        GitCli.ok(gitDir, "tag", "v1", c1);
        assertThat(store.resolve("main")).contains(c2);
        assertThat(store.resolve("refs/heads/main")).contains(c2);
        assertThat(store.resolve("v1")).contains(c1);
        assertThat(store.resolve(c1.substring(0, 10))).contains(c1);
        assertThat(store.resolve(c1.toUpperCase())).contains(c1);
        assertThat(store.resolve("nope")).isEmpty();
        assertThat(store.resolve("main~5")).isEmpty();
        assertThat(store.resolve("")).isEmpty();
    }

    @Test
    void combinedFollowsGitHubsRulesOverTheLatestOfEachContext() {
        assertThat(store.combined(c1).state()).isEqualTo(StatusState.PENDING);
        assertThat(store.combined(c1).totalCount()).isZero();
        store.post(c1, StatusRequest.of(StatusState.FAILURE, "buildrunner/spec", "line 3"), "bot");
        store.post(c1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/plan", null), "bot");
        assertThat(store.combined(c1).state()).isEqualTo(StatusState.FAILURE);
        store.post(c1, StatusRequest.of(StatusState.SUCCESS, "BUILDRUNNER/SPEC", "fixed"), "bot");
        CombinedStatus combined = store.combined(c1);
        assertThat(combined.state()).isEqualTo(StatusState.SUCCESS);
        assertThat(combined.totalCount()).isEqualTo(2);
        assertThat(combined.statuses()).extracting(CommitStatus::id).containsExactly(2L, 3L);
    }

    @Test
    void aLostCompareAndSwapIsRetriedOnTheNewTip() throws Exception {
        NoteStatusStore other = new NoteStatusStore(repo, clock, new ReentrantLock(), RetryPolicy.immediate(1));
        AtomicInteger attempts = new AtomicInteger();
        NoteStatusStore racing = new NoteStatusStore(repo, clock, new ReentrantLock(), RetryPolicy.immediate(3), () -> {
            if (attempts.incrementAndGet() == 1) {
                // another process writes between our read and our ref update
                other.post(c1, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", null), "other");
            }
        });

        CommitStatus mine = racing.post(c1, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null), "me");

        assertThat(attempts).hasValue(2);
        assertThat(mine.id()).isEqualTo(2);
        assertThat(store.list(c1)).extracting(CommitStatus::context).containsExactly("buildrunner/spec",
                "buildrunner/plan");
        try (RevWalk rw = new RevWalk(repo)) {
            RevCommit tip = rw.parseCommit(repo.resolve(StatusNotesFormat.NOTES_REF));
            assertThat(tip.getParentCount()).isEqualTo(1);
            assertThat(StatusNotesFormat.lastId(tip)).contains(2L);
        }
    }

    @Test
    void givingUpAfterTheLastAttemptLeavesTheRefUnchanged() throws Exception {
        store.post(c1, StatusRequest.of(StatusState.PENDING, "buildrunner/plan", null), "bot");
        ObjectId before = repo.resolve(StatusNotesFormat.NOTES_REF);
        List<Long> otherIds = new ArrayList<>();
        NoteStatusStore other = new NoteStatusStore(repo, clock, new ReentrantLock(), RetryPolicy.immediate(1));
        NoteStatusStore loser = new NoteStatusStore(repo, clock, new ReentrantLock(), RetryPolicy.immediate(2),
                () -> otherIds.add(other.post(c2, StatusRequest.of(StatusState.PENDING, "n" + otherIds.size(), null),
                        "other").id()));

        assertThatThrownBy(() -> loser.post(c1, StatusRequest.of(StatusState.SUCCESS, "buildrunner/plan", null), "me"))
                .isInstanceOf(StatusStoreException.class)
                .hasMessageContaining("refs/notes/buildrunner").hasMessageContaining("2 times");
        assertThat(otherIds).containsExactly(2L, 3L);
        assertThat(store.list(c1)).hasSize(1);
        assertThat(repo.resolve(StatusNotesFormat.NOTES_REF)).isNotEqualTo(before);
    }
}
