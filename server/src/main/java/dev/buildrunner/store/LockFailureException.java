package dev.buildrunner.store;

/**
 * The compare-and-swap of a ref lost: another writer moved it (or held its lock) between our read
 * and our update. Inside {@link StateStore} this is the retryable signal; it reaches a caller only
 * when the {@link RetryPolicy} ran out of attempts, and then the ref is unchanged by this writer.
 */
public class LockFailureException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    /**
     * @param message names the ref and the attempts made
     * @param attempts how many compare-and-swap attempts were made, at least 1
     */
    public LockFailureException(String message, int attempts) {
        super(message);
        this.attempts = attempts;
    }

    /** How many compare-and-swap attempts were made before giving up, at least 1. */
    public int attempts() {
        return attempts;
    }
}
