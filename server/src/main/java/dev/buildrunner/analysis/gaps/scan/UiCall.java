package dev.buildrunner.analysis.gaps.scan;

import java.util.Objects;

/**
 * An HTTP call the frontend code makes ({@code fetch}, axios, Angular's {@code HttpClient}, ...),
 * with its base URL applied when the analyser can resolve it.
 *
 * @param method upper-case HTTP method, or {@link Route#ANY} when the code computes it
 * @param path the path as the call builds it; an unknown part is shown as <code>${name}</code>
 * @param file repository-relative path of the calling file
 * @param line 1-based line of the call
 * @param pattern the path for matching (an unknown base URL is an unknown prefix)
 */
public record UiCall(String method, String path, String file, int line, PathPattern pattern) {
    public UiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** {@code POST /api/orders}. */
    public String signature() {
        return method + " " + path;
    }
}
