package dev.buildrunner.forge.status;

import java.util.Objects;

/**
 * One status write: the body of GitHub's {@code POST /repos/{owner}/{repo}/statuses/{sha}}.
 * Values are kept as given; {@link StatusLimits#clamp} makes them fit the forges' limits.
 *
 * @param state the state, required
 * @param context the label that tells this producer's statuses apart (e.g. {@code buildrunner/spec});
 *     null or blank means GitHub's default {@code "default"}; compared case-insensitively
 * @param description a short human text, nullable
 * @param targetUrl a link to details, nullable
 */
public record StatusRequest(StatusState state, String context, String description, String targetUrl) {
    /** GitHub's context when none is given. */
    public static final String DEFAULT_CONTEXT = "default";

    public StatusRequest {
        Objects.requireNonNull(state, "state");
        if (context == null || context.isBlank()) {
            context = DEFAULT_CONTEXT;
        }
    }

    /** A request without a target URL. */
    public static StatusRequest of(StatusState state, String context, String description) {
        return new StatusRequest(state, context, description, null);
    }

    /**
     * Whether a status with these values says the same as {@code other}: equal state, description
     * and target URL, and the same context ignoring case (GitHub's idempotency test, as in
     * Renovate's {@code setBranchStatus}).
     */
    public boolean saysSameAs(StatusRequest other) {
        return state == other.state
                && StatusLimits.sameContext(context, other.context)
                && Objects.equals(description, other.description)
                && Objects.equals(targetUrl, other.targetUrl);
    }
}
