package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.plan.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL at random moments leaves the branch at a complete commit:
 * objects are flushed before the ref moves, and the ref moves by an atomic rename. After each
 * kill the state is checked from a fresh Repository and with {@code git fsck}, and the next
 * process continues from there.
 */
class StateStoreCrashTest {
    private static final int ROUNDS = 4;

    @TempDir
    Path tmp;

    @Test
    void killedWritersLeaveTheBranchAtACompleteCommitAndTheNextWriterContinues() throws Exception {
        Path gitDir = tmp.resolve("state.git");
        String spec = PlanFixtures.spec(PlanFixtures.BUILD_3A);
        int baseTasks;
        try (Repository r = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build()) {
            r.create(true);
            State base = new StateStore(r, new WriterLanes()).update(c -> Optional.of(new Proposal(spec,
                    PlanFixtures.fromSpec(spec), "sync", "base", "", "test"))).state().orElseThrow();
            baseTasks = base.plan().tasks().size();
        }

        Random random = new Random(20_261_123);
        int versions = 1;
        int staleLocks = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ObjectId before = head(gitDir);
            Path log = tmp.resolve("child-" + round + ".log");
            Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), CrashWriterMain.class.getName(), gitDir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                waitForNewCommit(gitDir, before, child, log);
                Thread.sleep(random.nextInt(250));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(137);   // 128 + SIGKILL

            try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
                StateStore store = new StateStore(repo, new WriterLanes());
                // a kill inside the ref lock's microsecond window leaves the lock file, as with git
                if (store.removeStaleLock(Duration.ZERO)) {
                    staleLocks++;
                }
                ObjectId head = repo.exactRef(StateFormat.BRANCH).getObjectId();
                int blobs = assertAllObjectsPresent(repo, head);
                State state = store.read().orElseThrow();
                // the spec, plan/plan.json and one file per feature
                assertThat(blobs).isEqualTo(2 + state.plan().tasks().stream().map(Task::featureId).distinct().count());
                int written = state.plan().tasks().size() - baseTasks;
                List<Version> history = store.versions();
                assertThat(history).hasSize(written + 1).as("round %d", round);
                assertThat(history.size()).isGreaterThan(versions);
                versions = history.size();
                for (int n = 0; n < written; n++) {
                    assertThat(state.plan().tasks().get(baseTasks + n).id()).isEqualTo("crash-" + n);
                }
                assertThat(state.specText()).startsWith(spec).endsWith("crash " + (written - 1) + "\n");
                assertThat(state.plan().tasks().stream().map(Task::id).distinct().count())
                        .isEqualTo(state.plan().tasks().size());
            }
            GitCli.Result fsck = GitCli.run(gitDir, null, "fsck", "--strict", "--no-dangling", "--no-progress");
            assertThat(fsck.exitCode()).as(fsck.output()).isZero();
            assertThat(fsck.output()).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("missing")
                    .doesNotContainIgnoringCase("broken").doesNotContainIgnoringCase("corrupt");
        }
        // and this process continues from what the last one left
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            StateStore store = new StateStore(repo, new WriterLanes());
            Committed c = store.update(cur -> Optional.of(CrashWriterMain.next(cur.orElseThrow())));
            assertThat(store.versions()).hasSize(versions + 1);
            assertThat(c.state().orElseThrow().plan().tasks()).hasSize(baseTasks + versions);
        }
        System.out.println("crash test: " + versions + " versions over " + ROUNDS + " kills, " + staleLocks
                + " stale lock file(s) removed");
    }

    /**
     * Walks the head commit's tree and opens every tree and blob: all must be present and whole.
     *
     * @return the number of blobs
     */
    private static int assertAllObjectsPresent(Repository repo, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
                TreeWalk tw = new TreeWalk(reader)) {
            RevCommit c = walk.parseCommit(head);
            tw.addTree(c.getTree());
            tw.setRecursive(false);
            int blobs = 0;
            while (tw.next()) {
                ObjectId id = tw.getObjectId(0);
                if (tw.isSubtree()) {
                    assertThat(reader.open(id, Constants.OBJ_TREE).getSize()).isPositive();
                    tw.enterSubtree();
                } else {
                    byte[] bytes = reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
                    // the content hashes to its name: the object was written whole
                    assertThat(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes)).isEqualTo(id);
                    blobs++;
                }
            }
            return blobs;
        }
    }

    private static void waitForNewCommit(Path gitDir, ObjectId before, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ObjectId now = head(gitDir);
            if (now != null && !now.equals(before)) {
                return;
            }
            assertThat(child.isAlive()).as("child died: %s", Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("no commit from the child within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static ObjectId head(Path gitDir) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build()) {
            Ref ref = repo.exactRef(StateFormat.BRANCH);
            return ref == null ? null : ref.getObjectId();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
