package dev.buildrunner.store;

/**
 * What an operation needs is not there: no state yet on the branch, a version number beyond the
 * history, an unknown checkpoint. Nothing was written.
 */
public class NotFoundException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** @param message names what was looked for and where */
    public NotFoundException(String message) {
        super(message);
    }
}
