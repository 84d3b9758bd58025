package dev.buildrunner.store;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;

/**
 * One in-process writer lane per repository: {@link StateStore}s of one repository that share a
 * WriterLanes take turns writing, so threads of one process never race each other's
 * compare-and-swap (8 racing threads need about 24 retries per update, each leaving a garbage
 * commit: BRIEF.md). Compare-and-swap still guards against other processes.
 *
 * <p>Create one per process (in the wiring code) and hand it to every StateStore; it is not a
 * static singleton so that tests can simulate two processes with two instances. Thread-safe.
 * Lanes are keyed by the canonical path of the git directory, or by the Repository object for
 * repositories without one (in-memory ones).
 */
public final class WriterLanes {
    private final ConcurrentHashMap<Object, ReentrantLock> lanes = new ConcurrentHashMap<>();

    /** Creates an empty set of lanes. */
    public WriterLanes() {
    }

    /** The lane of a repository, created on first use; the same lock for the same git directory. */
    ReentrantLock laneFor(Repository repository) {
        return lanes.computeIfAbsent(key(repository), k -> new ReentrantLock());
    }

    private static Object key(Repository repository) {
        File dir = repository.getDirectory();
        if (dir == null) {
            return repository;
        }
        try {
            return dir.getCanonicalPath();
        } catch (IOException e) {
            return dir.getAbsolutePath();
        }
    }
}
