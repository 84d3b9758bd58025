package dev.buildrunner.plan;

import java.util.Locale;

/** Where a task stands. The adaptive planner's guarantees are stated per status. */
public enum TaskStatus {
    /** Not started. Regeneration may rewrite or cancel it. Not terminal. */
    PENDING,
    /** Someone is working on it. Regeneration never resets it. Not terminal. */
    IN_PROGRESS,
    /** Waiting on something outside the plan (credentials, a decision). Not terminal. */
    BLOCKED,
    /** Finished. Regeneration never changes it; a changed requirement gets a follow-up task. Terminal. */
    DONE,
    /** Its requirement left the spec. Kept, never deleted, so history stays readable. Terminal. */
    CANCELLED;

    /** The name used in JSON, for example {@code in_progress}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a {@link #label()} back (case-insensitive, '-' or '_'); throws IllegalArgumentException otherwise. */
    public static TaskStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** True for DONE and CANCELLED. */
    public boolean isTerminal() {
        return this == DONE || this == CANCELLED;
    }
}
