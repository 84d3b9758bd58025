package dev.buildrunner.spec;

/** How bad a {@link Diagnostic} is. */
public enum Severity {
    /** The input cannot be used as written: {@code br} exits 1 and a push's spec status fails. */
    ERROR,
    /** Something was read in a guessed way or skipped; the result is still usable. */
    WARNING,
    /** A remark, for example which format was detected. */
    INFO
}
