package dev.buildrunner.sync;

/**
 * A task cannot move to the asked status (unknown task, or a terminal one): nothing was written.
 * The message names the task, its status and the asked one.
 */
public class TransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransitionException(String message) {
        super(message);
    }
}
