package dev.buildrunner.store;

import dev.buildrunner.support.RetryPolicy;
import dev.buildrunner.plan.Domain;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The child process of {@link StateStoreCrashTest}: commits state changes to the repository given
 * as its argument until it is killed. Each commit adds one task {@code crash-<n>} to the plan and
 * one line {@code crash <n>} to the spec text, n counting from 0 across processes, so that a
 * reader can check that a state is whole: tasks crash-0..crash-(k-1) and lines 0..k-1.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    /** @param args the git directory of an existing repository whose branch has a base state */
    public static void main(String[] args) throws Exception {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(new File(args[0])).setMustExist(true).build()) {
            StateStore store = new StateStore(repo, new WriterLanes(), Clock.systemUTC(), RetryPolicy.standard());
            while (true) {
                store.update(current -> Optional.of(next(current.orElseThrow())));
            }
        }
    }

    static Proposal next(State s) {
        int n = (int) s.plan().tasks().stream().filter(t -> t.id().startsWith("crash-")).count();
        List<Task> tasks = new ArrayList<>(s.plan().tasks());
        tasks.add(new Task("crash-" + n, "crash", "crash marker " + n, Domain.TESTS, false, 60, TaskStatus.PENDING,
                List.of(), List.of(), "fp" + n, "",
                List.of(new TaskEvent(Instant.ofEpochSecond(1_795_420_800L + n), TaskStatus.PENDING, "crash", ""))));
        Plan p = s.plan();
        return new Proposal(s.specText() + "crash " + n + "\n",
                new Plan(tasks, p.batches(), p.waves(), p.criticalPath(), p.diagnostics()), "sync", "crash " + n, "",
                "crash-writer");
    }
}
