package dev.buildrunner.store;

/**
 * A checkpoint of that name exists already and the caller did not ask to replace it. The existing
 * tag is unchanged.
 */
public class CheckpointExistsException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** @param message names the checkpoint and the commit it points at */
    public CheckpointExistsException(String message) {
        super(message);
    }
}
