package dev.buildrunner.forge.status;

import java.util.Objects;

/**
 * A status write GitHub would refuse with 422 "Validation Failed", refused the same way by
 * {@link NoteStatusStore}; the message is GitHub's. Nothing was written. The web layer turns it
 * into 422 with {@link GitHubStatusJson#rejected}.
 */
public final class StatusRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the write was refused. */
    public enum Reason {
        /** The (sha, context) already has {@value StatusLimits#MAX_STATUSES_PER_CONTEXT} statuses. */
        MAX_STATUSES,
        /** The sha names no commit of the repository. */
        NO_SUCH_COMMIT
    }

    private final Reason reason;

    /** @param message GitHub's message for the reason */
    public StatusRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the write was refused. */
    public Reason reason() {
        return reason;
    }
}
