package dev.buildrunner.store;

/**
 * A failure to read or write BuildRunner's state in git: an I/O error of the object database, a
 * ref update git refused, or a lookup of something that is not there. Unchecked, so that the
 * {@code web} and {@code cli} layers map it in one place; the subclasses say which kind it is.
 *
 * <p>Messages name the ref, commit, path or name concerned and the bad value, never a secret.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by the message alone. */
    public StoreException(String message) {
        super(message);
    }

    /** A failure caused by another exception, typically an {@link java.io.IOException} of JGit. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
