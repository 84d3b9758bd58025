package dev.buildrunner.pipeline;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One updated ref of a push, whatever brought it: the embedded git host's post-receive or a
 * forge webhook. This is the pipeline's unit of work.
 *
 * @param repository the repository
 * @param ref the full ref name, for example {@code refs/heads/main}
 * @param before the old commit id (40 hex), {@link #ZERO} when the ref was created
 * @param after the new commit id (40 hex), {@link #ZERO} when the ref was deleted
 * @param source where it came from: {@code embedded}, {@code github}, {@code gitea}, {@code gitlab}
 * @param deliveryId the forge's delivery id, or a generated one for embedded pushes
 * @param pusher who pushed, for the {@code Author} trailer; never blank
 */
public record RefChange(RepositoryName repository, String ref, String before, String after, String source,
        String deliveryId, String pusher) {
    /** Git's zero id: the side of a create or delete that does not exist. */
    public static final String ZERO = "0000000000000000000000000000000000000000";
    private static final Pattern HEX40 = Pattern.compile("[0-9a-f]{40}");

    public RefChange {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ref, "ref");
        if (!ref.startsWith("refs/")) {
            throw new IllegalArgumentException("expected a full ref name (refs/...), got: " + ref);
        }
        before = hex("before", before);
        after = hex("after", after);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(pusher, "pusher");
        if (pusher.isBlank()) {
            pusher = "unknown";
        }
    }

    private static String hex(String field, String id) {
        String lower = Objects.requireNonNull(id, field).toLowerCase(Locale.ROOT);
        if (!HEX40.matcher(lower).matches()) {
            throw new IllegalArgumentException(field + ": expected a 40-hex commit id, got: " + id);
        }
        return lower;
    }

    public boolean created() {
        return before.equals(ZERO);
    }

    public boolean deleted() {
        return after.equals(ZERO);
    }
}
