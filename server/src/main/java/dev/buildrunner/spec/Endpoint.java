package dev.buildrunner.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP endpoint a spec defines, such as {@code POST /api/users/{id}}.
 *
 * @param method upper-case HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)
 * @param path the path as the spec writes it, starting with {@code /}, parameters in any style
 *     ({@code :id}, {@code {id}}, {@code <id>}, {@code [id]})
 */
public record Endpoint(String method, String path) {

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("expected a path starting with '/', got: " + path);
        }
    }

    /** Parses {@code "METHOD /path"}; throws IllegalArgumentException on any other shape. */
    public static Endpoint parse(String text) {
        String[] parts = text.trim().split("\\s+", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected 'METHOD /path', got: " + text);
        }
        return new Endpoint(parts[0], parts[1]);
    }

    /** Returns {@code "METHOD /path"}. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
