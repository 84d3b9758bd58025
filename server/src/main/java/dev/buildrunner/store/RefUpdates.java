package dev.buildrunner.store;

import org.eclipse.jgit.lib.RefUpdate;

/** The one place that turns a JGit {@link RefUpdate.Result} into success or an exception. */
final class RefUpdates {
    private RefUpdates() {
    }

    /**
     * Returns when the update took effect (NEW, FAST_FORWARD, FORCED, or NO_CHANGE: the ref
     * already pointed at the new id).
     *
     * @throws LockFailureException on LOCK_FAILURE: the expected old id did not match or another
     *     writer held the ref's lock; retryable
     * @throws StoreException on every other result (REJECTED, IO_FAILURE, ...), naming the ref
     */
    static void checkResult(String ref, RefUpdate.Result result) {
        switch (result) {
            case NEW:
            case FAST_FORWARD:
            case FORCED:
            case NO_CHANGE:
                return;
            case LOCK_FAILURE:
                throw new LockFailureException("failed to update " + ref + ": LOCK_FAILURE", 1);
            default:
                throw new StoreException("failed to update " + ref + ": " + result);
        }
    }
}
