package dev.buildrunner.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing an analyser found, located in the repository.
 *
 * @param ruleId the rule that produced it, stable across runs ({@code gaps/missing-file},
 *     {@code pmd/UnusedPrivateField}, {@code drift/layer-boundary}, ...)
 * @param level how serious it is; gates count {@link Level#ERROR}
 * @param message one or two sentences for people, naming what and where
 * @param path repository-relative path with {@code /} separators, or {@code ""} when the finding
 *     has no file (a whole-repository finding)
 * @param line 1-based line in {@code path}, or 0 when unknown
 * @param featureId the spec feature it concerns, or {@code ""}
 * @param properties extra facts as strings (severity, tool, fix prompt, ...), in insertion order;
 *     they go to SARIF's {@code result.properties}
 */
public record Finding(String ruleId, Level level, String message, String path, int line, String featureId,
        Map<String, String> properties) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(featureId, "featureId");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
        if (path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("path must be repository-relative with '/' separators: " + path);
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A finding without feature or properties. */
    public static Finding of(String ruleId, Level level, String message, String path, int line) {
        return new Finding(ruleId, level, message, path, line, "", Map.of());
    }

    /** Returns a copy that also carries {@code key = value} in its properties. */
    public Finding with(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(key, value);
        return new Finding(ruleId, level, message, path, line, featureId, p);
    }

    /** {@code path:line: message}, or the message alone when there is no path. */
    public String where() {
        if (path.isEmpty()) {
            return message;
        }
        return path + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
