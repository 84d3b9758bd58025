package dev.buildrunner.store;

/**
 * Stored state that cannot be read: a state commit without {@code plan/plan.json} or a feature
 * file it lists, or a plan file that is not the JSON {@link PlanCodec} writes. The message names
 * the file, the commit and the field, for example {@code plan/tasks/auth.json at 1a2b3c4: task
 * T-7: invalid status: foo}.
 */
public class CorruptStateException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** A corruption described by the message, which names file, commit and field. */
    public CorruptStateException(String message) {
        super(message);
    }

    /** A corruption found by a parser whose exception is the cause. */
    public CorruptStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
