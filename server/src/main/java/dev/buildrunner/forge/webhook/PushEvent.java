package dev.buildrunner.forge.webhook;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One pushed ref as a forge reported it in a verified webhook delivery: what the pipeline needs to
 * fetch and diff {@code before..after} itself. The payload's {@code commits[]} is deliberately not
 * kept: GitHub caps it at 2048 commits, GitLab at 20 (FORGE-NOTES §B, contracts README item 11).
 *
 * @param forge the forge that sent the delivery
 * @param deliveryId the delivery's id from its header ({@code X-GitHub-Delivery},
 *     {@code X-Gitea-Delivery}, {@code X-Gitlab-Event-UUID}...), or {@code body-sha256:<64 hex>}
 *     when the forge sent none; the journal's first dedup key
 * @param repository the repository's full name, {@code owner/name} ({@code full_name} on GitHub
 *     and Gitea, {@code project.path_with_namespace} on GitLab, so possibly
 *     {@code group/subgroup/name})
 * @param cloneUrl the repository's http(s) clone URL ({@code clone_url}, GitLab
 *     {@code project.git_http_url})
 * @param defaultBranch the repository's default branch name (for example {@code main}) when the
 *     payload states it
 * @param ref the full pushed ref, {@code refs/heads/main} or {@code refs/tags/v1}
 * @param before the ref's object id before the push: 40 lower-case hex (64 for SHA-256
 *     repositories); all zeros when the push created the ref
 * @param after the ref's object id after the push; all zeros when the push deleted the ref
 * @param created whether the push created the ref: the payload's {@code created} flag where the
 *     forge sends one (GitHub), otherwise {@code before} is the zero id
 * @param deleted whether the push deleted the ref: the payload's {@code deleted} flag (GitHub),
 *     otherwise {@code after} is the zero id
 * @param forced GitHub's {@code forced} flag; empty for forges that do not say (Gitea, GitLab), in
 *     which case the pipeline decides with git ancestry
 * @param pusher the pusher's login ({@code pusher.name} on GitHub, {@code pusher.login} on Gitea,
 *     {@code user_username} on GitLab); empty when the payload has none
 */
public record PushEvent(Forge forge, String deliveryId, String repository, String cloneUrl,
        Optional<String> defaultBranch, String ref, String before, String after, boolean created,
        boolean deleted, Optional<Boolean> forced, String pusher) {

    /** The SHA-1 zero object id: 40 zeros, meaning "no commit" (ref created or deleted). */
    public static final String ZERO_ID = "0".repeat(40);

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ZEROS = Pattern.compile("0{40}|0{64}");

    /**
     * Checks the shape of every field.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code before} or {@code after} is not a 40- or 64-hex
     *     lower-case object id, {@code ref} does not start with {@code refs/}, or a name is blank
     */
    public PushEvent {
        Objects.requireNonNull(forge, "forge");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(cloneUrl, "cloneUrl");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(forced, "forced");
        Objects.requireNonNull(pusher, "pusher");
        if (deliveryId.isBlank() || repository.isBlank() || cloneUrl.isBlank()) {
            throw new IllegalArgumentException("blank deliveryId, repository or cloneUrl in push of " + ref);
        }
        if (!ref.startsWith("refs/")) {
            throw new IllegalArgumentException("expected a full ref (refs/...), got: " + ref);
        }
        if (!isObjectId(before) || !isObjectId(after)) {
            throw new IllegalArgumentException("expected 40- or 64-hex object ids, got: " + before + ".." + after);
        }
    }

    /** Whether {@code id} is a lower-case 40-hex (SHA-1) or 64-hex (SHA-256) object id. */
    public static boolean isObjectId(String id) {
        return id != null && OBJECT_ID.matcher(id).matches();
    }

    /** Whether {@code id} is the zero object id (40 or 64 zeros): no commit on that side of the push. */
    public static boolean isZeroId(String id) {
        return id != null && ZEROS.matcher(id).matches();
    }

    /** Whether the pushed ref is a branch ({@code refs/heads/...}). */
    public boolean isBranch() {
        return ref.startsWith("refs/heads/");
    }

    /** Whether the pushed ref is a tag ({@code refs/tags/...}). */
    public boolean isTag() {
        return ref.startsWith("refs/tags/");
    }

    /**
     * The journal's second dedup key: repository (lower case, as forges compare names without
     * case), ref, before and after, separated by spaces. Two hooks that deliver one push under
     * different delivery ids give the same key (FORGE-NOTES §0.2).
     */
    public String pushKey() {
        return repository.toLowerCase(Locale.ROOT) + " " + ref + " " + before + " " + after;
    }

    /** One line for logs and replies, for example {@code Codertocat/Hello-World refs/heads/master 0000000..6113728}. */
    public String describe() {
        return repository + " " + ref + " " + before.substring(0, 7) + ".." + after.substring(0, 7);
    }
}
