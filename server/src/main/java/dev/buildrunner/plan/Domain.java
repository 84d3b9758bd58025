package dev.buildrunner.plan;

import java.util.Locale;

/**
 * The area of work a task belongs to. A batch never mixes domains (seed 003), and within a
 * feature tasks run in this enum's order: database, backend, frontend, tests, docs (BRIEF.md);
 * infra comes first as it sets up what the others run on.
 */
public enum Domain {
    INFRA,
    DATABASE,
    BACKEND,
    FRONTEND,
    TESTS,
    DOCS;

    /** The name used in JSON, for example {@code backend}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a {@link #label()} back (case-insensitive); throws IllegalArgumentException otherwise. */
    public static Domain fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
