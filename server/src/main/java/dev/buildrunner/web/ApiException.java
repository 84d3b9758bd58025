package dev.buildrunner.web;

/**
 * A request the API refuses: rendered once, by the server's exception mapper, as the status and an
 * {@link ApiError} body (STYLE.md 12: handlers throw, one mapper answers).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    /**
     * @param status the HTTP status, 4xx
     * @param message what is wrong, naming the value
     * @param field the request field at fault, or null
     */
    ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    ApiError body() {
        return new ApiError(getMessage(), field);
    }
}
