package dev.buildrunner.pipeline;

import java.util.Objects;

/**
 * One commit status the pipeline reports on the analysed commit, in GitHub's vocabulary.
 *
 * @param context one context per concern: {@code buildrunner/spec}, {@code buildrunner/plan}, ...
 * @param state {@code pending}, {@code success}, {@code failure} or {@code error}
 * @param description one line for people, clamped by the status sink to the forge's limit (140)
 * @param targetUrl where the full report is, or null
 */
public record CommitCheck(String context, String state, String description, String targetUrl) {
    /** Context of the spec's parse result. */
    public static final String SPEC = "buildrunner/spec";
    /** Context of the plan's regeneration. */
    public static final String PLAN = "buildrunner/plan";

    public CommitCheck {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(description, "description");
    }
}
