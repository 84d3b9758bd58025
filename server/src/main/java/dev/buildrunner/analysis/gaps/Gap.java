package dev.buildrunner.analysis.gaps;

import java.util.Objects;

/**
 * One gap between the spec and the code, with the prompt that asks for its fix.
 *
 * @param rule the finding's rule ({@code gaps/missing-file}, {@code gaps/missing-endpoint},
 *     {@code gaps/unsafe-path}, {@code gaps/ui-call-without-route}, {@code gaps/route-without-ui-call})
 * @param target what is missing or disconnected: a path, or {@code METHOD /path}
 * @param path where it is reported: the spec for files and endpoints, the code file for UI disconnects
 * @param line 1-based line in {@code path}
 * @param featureId the feature it belongs to, {@code ""} when none
 * @param fixPrompt the rendered {@code templates/gap-fix-prompt.md}
 */
public record Gap(String rule, String target, String path, int line, String featureId, String fixPrompt) {
    public Gap {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(fixPrompt, "fixPrompt");
    }
}
