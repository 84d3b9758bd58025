package dev.buildrunner.analysis.gaps.scan;

import java.util.Objects;

/**
 * An HTTP route the code declares, with every prefix applied (class-level mappings, router
 * prefixes, mounts in other files).
 *
 * @param method upper-case HTTP method, or {@value #ANY} when the route accepts every method
 * @param path the full path as declared (parameters in the framework's style; a value the
 *     analyser could not resolve is shown as <code>${name}</code>)
 * @param file repository-relative path of the declaring file
 * @param line 1-based line of the declaration
 * @param framework {@code spring}, {@code jax-rs}, {@code javalin}, {@code fastapi}, {@code flask},
 *     {@code express}, {@code koa}, {@code fastify} or {@code next}
 * @param pattern the path for matching (references kept as unknown segments or prefix)
 */
public record Route(String method, String path, String file, int line, String framework, PathPattern pattern) {
    /** The method of a route that accepts every method. */
    public static final String ANY = "ANY";

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(framework, "framework");
    }

    /** {@code GET /api/users/{id}}. */
    public String signature() {
        return method + " " + path;
    }
}
