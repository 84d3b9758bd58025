package dev.buildrunner.cli;

/**
 * A failure the user must fix (bad argument, unreadable file, missing repository): printed as one
 * line naming the file or value, exit code {@link ExitCodes#USAGE}. Never carries a stack trace
 * to the user.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
