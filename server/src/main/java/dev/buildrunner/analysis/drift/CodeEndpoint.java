package dev.buildrunner.analysis.drift;

import java.util.Locale;
import java.util.Objects;

/**
 * A route that code declares.
 *
 * @param method upper-case HTTP method, or {@code ANY} when the declaration accepts every method
 *     (Spring's {@code @RequestMapping} without {@code method})
 * @param path the full path as declared, class and router prefixes included, parameters in the
 *     framework's style ({@code {id}}, {@code :id}, {@code <int:id>})
 * @param line 1-based line of the declaration
 */
public record CodeEndpoint(String method, String path, int line) {
    public CodeEndpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
    }

    /** {@code METHOD /path}. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
