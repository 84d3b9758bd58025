package dev.buildrunner.forge.status;

/**
 * The status store could not read or write the repository: an I/O error, a corrupt notes ref, a
 * ref update refused for another reason than a lost race, or compare-and-swap retries exhausted.
 * The message names the ref and the commit; nothing was written when it is thrown from a write.
 */
public class StatusStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StatusStoreException(String message) {
        super(message);
    }

    public StatusStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
