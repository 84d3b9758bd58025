package dev.buildrunner.pipeline;

import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Where the push pipeline hands a pushed commit for analysis once its spec and plan statuses are
 * posted: {@link AnalysisJobs#schedule} on the server, {@link #NONE} where no analyser should run.
 */
@FunctionalInterface
public interface AnalysisScheduler {
    /** Runs no analyser. */
    AnalysisScheduler NONE = (repo, change, planDone) -> { };

    /**
     * Queues the analysis of {@code change.after()}; must not block on the analysis itself.
     *
     * @param planDone ids of the features whose plan tasks are all done
     */
    void schedule(Repository repo, RefChange change, Set<String> planDone);
}
