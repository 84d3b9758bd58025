package dev.buildrunner.spec;

import java.util.Objects;

/**
 * A problem found in a spec or a plan, with the 1-based line it concerns.
 *
 * <p>One type serves the parser, the planner and the analysers so that one renderer prints it for
 * the CLI, JSON and SARIF.
 *
 * @param line 1-based line in the spec the problem is about; 0 when it concerns no single line
 * @param severity how bad it is
 * @param code a stable machine-readable code, for example {@code unknown-dependency}
 * @param message what is wrong, naming the feature, field or value
 */
public record Diagnostic(int line, Severity severity, String code, String message) {

    public Diagnostic {
        if (line < 0) {
            throw new IllegalArgumentException("expected line >= 0, got: " + line);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(int line, String code, String message) {
        return new Diagnostic(line, Severity.ERROR, code, message);
    }

    public static Diagnostic warning(int line, String code, String message) {
        return new Diagnostic(line, Severity.WARNING, code, message);
    }

    public static Diagnostic info(int line, String code, String message) {
        return new Diagnostic(line, Severity.INFO, code, message);
    }

    /** Prints as {@code <12>: warning: message [code]}, the form the CLI shows. */
    @Override
    public String toString() {
        return "<" + line + ">: " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message
                + " [" + code + "]";
    }
}
