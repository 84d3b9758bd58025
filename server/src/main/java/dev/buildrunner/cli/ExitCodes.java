package dev.buildrunner.cli;

/** The exit codes of {@code br} (issue 3): stable, scripts and hooks rely on them. */
final class ExitCodes {
    /** Everything went well. */
    static final int OK = 0;
    /** The spec has errors (diagnostics of severity error), or a gate failed. */
    static final int SPEC_ERRORS = 1;
    /** Usage or I/O problem: bad arguments, unreadable file, no repository. */
    static final int USAGE = 2;
    /** A bug in br: the stack trace goes to stderr. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
