package dev.buildrunner.forge.status;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads post to one repository at once; no status may be lost and ids stay unique. Once
 * through one shared lock (one process), once through eight stores with their own locks and their
 * own Repository objects on the same directory (eight processes racing the compare-and-swap).
 */
class NoteStatusStoreConcurrencyTest {
    private static final int THREADS = 8;
    private static final int POSTS_PER_THREAD = 10;

    @TempDir
    Path tmp;

    @Test
    void eightThreadsThroughOneLockLoseNothing() throws Exception {
        Path dir = tmp.resolve("one.git");
        try (Repository repo = TestRepos.bare(dir)) {
            List<String> commits = commits(repo);
            ReentrantLock lock = new ReentrantLock();
            List<NoteStatusStore> stores = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                stores.add(new NoteStatusStore(repo, Clock.systemUTC(), lock, RetryPolicy.immediate(3)));
            }
            runAndCheck(repo, stores, commits, dir);
        }
    }

    @Test
    void eightRacingWritersWithoutASharedLockLoseNothing() throws Exception {
        Path dir = tmp.resolve("many.git");
        List<Repository> opened = new ArrayList<>();
        try (Repository repo = TestRepos.bare(dir)) {
            List<String> commits = commits(repo);
            List<NoteStatusStore> stores = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Repository r = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
                opened.add(r);
                // generous attempts: with eight writers and no waits one of them may lose many times in a row
                stores.add(new NoteStatusStore(r, Clock.systemUTC(), new ReentrantLock(), RetryPolicy.standard()));
            }
            runAndCheck(repo, stores, commits, dir);
        } finally {
            opened.forEach(Repository::close);
        }
    }

    private static List<String> commits(Repository repo) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(TestRepos.commit(repo, "c" + i).name());
        }
        return out;
    }

    private static void runAndCheck(Repository repo, List<NoteStatusStore> stores, List<String> commits, Path dir)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CommitStatus>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            NoteStatusStore store = stores.get(t);
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<CommitStatus> mine = new ArrayList<>();
                for (int i = 0; i < POSTS_PER_THREAD; i++) {
                    String sha = commits.get((thread + i) % commits.size());
                    mine.add(store.post(sha, StatusRequest.of(StatusState.SUCCESS, "t" + thread + "/" + i, null),
                            "thread-" + thread));
                }
                return mine;
            }));
        }
        start.countDown();
        List<CommitStatus> posted = new ArrayList<>();
        for (Future<List<CommitStatus>> f : futures) {
            posted.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        int total = THREADS * POSTS_PER_THREAD;
        Set<Long> ids = new HashSet<>();
        posted.forEach(s -> ids.add(s.id()));
        assertThat(ids).hasSize(total).allMatch(id -> id >= 1 && id <= total);

        NoteStatusStore reader = new NoteStatusStore(repo);
        List<CommitStatus> stored = new ArrayList<>();
        for (String sha : commits) {
            List<CommitStatus> list = reader.list(sha);
            assertThat(list).extracting(CommitStatus::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            stored.addAll(list);
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(posted);
        assertThat(GitCli.ok(dir, "rev-list", "--count", StatusNotesFormat.NOTES_REF).strip())
                .isEqualTo(String.valueOf(total));
        GitCli.ok(dir, "fsck", "--strict");
    }
}
