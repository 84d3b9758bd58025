package dev.buildrunner.forge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a push payload of each forge into a {@link PushEvent}. Only {@code ref}, {@code before},
 * {@code after} and the repository (name and clone URL) are required: old Gitea payloads lack
 * {@code total_commits} and {@code head_commit} (contracts README, validation record), and
 * {@code commits[]} is never read. Where each field comes from:
 *
 * <table>
 * <caption>push payload fields by forge</caption>
 * <tr><th>field</th><th>GitHub</th><th>Gitea / Forgejo / Gogs</th><th>GitLab</th></tr>
 * <tr><td>repository</td><td>repository.full_name</td><td>repository.full_name</td>
 *     <td>project.path_with_namespace</td></tr>
 * <tr><td>clone URL</td><td>repository.clone_url</td><td>repository.clone_url</td>
 *     <td>project.git_http_url, else project.http_url</td></tr>
 * <tr><td>default branch</td><td>repository.default_branch</td><td>repository.default_branch</td>
 *     <td>project.default_branch</td></tr>
 * <tr><td>created / deleted</td><td>flags</td><td>zero ids</td><td>zero ids</td></tr>
 * <tr><td>forced</td><td>flag</td><td>empty</td><td>empty</td></tr>
 * <tr><td>pusher</td><td>pusher.name</td><td>pusher.login, else pusher.username</td>
 *     <td>user_username, else user_name</td></tr>
 * </table>
 *
 * <p>A flag, where present, wins over the zero ids; a forge that sends none gets them derived.
 */
final class PushPayloads {
    /** Repository path segments as GitHub, Gitea and GitLab allow them; "." and ".." are refused. */
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    /** Longest repository or pusher name kept (GitHub allows 100-character names, GitLab 255 per segment). */
    private static final int MAX_NAME = 512;
    private static final int MAX_URL = 2048;

    /** An event, or the problem (naming the field) that prevented one. */
    record Outcome(Optional<PushEvent> event, String problem) {
        static Outcome of(PushEvent e) {
            return new Outcome(Optional.of(e), "");
        }

        static Outcome problem(String problem) {
            return new Outcome(Optional.empty(), problem);
        }
    }

    private PushPayloads() {
    }

    /**
     * The repository full name a payload claims, unverified: only for choosing the secret.
     *
     * @return the name, or empty when the payload names none
     */
    static Optional<String> claimedRepository(Forge forge, JsonNode root) {
        JsonNode name = forge == Forge.GITLAB ? root.path("project").path("path_with_namespace")
                : root.path("repository").path("full_name");
        return name.isTextual() && !name.asText().isBlank() ? Optional.of(name.asText()) : Optional.empty();
    }

    /** Reads a verified push payload; {@code root} must be a JSON object. */
    static Outcome read(Forge forge, String deliveryId, JsonNode root) {
        String ref = text(root, "ref");
        String before = text(root, "before");
        String after = text(root, "after");
        if (ref == null) {
            return Outcome.problem("missing ref");
        }
        if (before == null) {
            return Outcome.problem("missing before");
        }
        if (after == null) {
            return Outcome.problem("missing after");
        }
        if (!validRef(ref)) {
            return Outcome.problem("invalid ref: " + shown(ref));
        }
        before = before.toLowerCase(Locale.ROOT);
        after = after.toLowerCase(Locale.ROOT);
        if (!PushEvent.isObjectId(before)) {
            return Outcome.problem("invalid before: expected 40 or 64 hex digits, got " + shown(before));
        }
        if (!PushEvent.isObjectId(after)) {
            return Outcome.problem("invalid after: expected 40 or 64 hex digits, got " + shown(after));
        }
        if (before.length() != after.length()) {
            return Outcome.problem("invalid after: " + after.length() + " hex digits but before has "
                    + before.length());
        }
        if (PushEvent.isZeroId(before) && PushEvent.isZeroId(after)) {
            return Outcome.problem("invalid before and after: both are the zero id");
        }

        String holder = forge == Forge.GITLAB ? "project" : "repository";
        JsonNode repo = root.get(holder);
        if (repo == null || !repo.isObject()) {
            return Outcome.problem("missing " + holder);
        }
        String nameField = forge == Forge.GITLAB ? "path_with_namespace" : "full_name";
        String name = text(repo, nameField);
        if (name == null) {
            return Outcome.problem("missing " + holder + "." + nameField);
        }
        if (!validRepository(name)) {
            return Outcome.problem("invalid " + holder + "." + nameField + ": " + shown(name));
        }
        String urlField = forge == Forge.GITLAB ? (text(repo, "git_http_url") != null ? "git_http_url" : "http_url")
                : "clone_url";
        String cloneUrl = text(repo, urlField);
        if (cloneUrl == null) {
            return Outcome.problem("missing " + holder + "." + urlField);
        }
        if (cloneUrl.length() > MAX_URL || !httpUrl(cloneUrl)) {
            return Outcome.problem("invalid " + holder + "." + urlField + ": not an http(s) URL: " + shown(cloneUrl));
        }
        Optional<String> defaultBranch = Optional.ofNullable(text(repo, "default_branch"));
        if (defaultBranch.isPresent() && !validRef("refs/heads/" + defaultBranch.get())) {
            return Outcome.problem("invalid " + holder + ".default_branch: " + shown(defaultBranch.get()));
        }

        Optional<Boolean> createdFlag = flag(root, "created");
        Optional<Boolean> deletedFlag = flag(root, "deleted");
        Optional<Boolean> forced = flag(root, "forced");
        for (String f : new String[] {"created", "deleted", "forced"}) {
            if (root.hasNonNull(f) && !root.get(f).isBoolean()) {
                return Outcome.problem("invalid " + f + ": expected true or false, got "
                        + shown(root.get(f).toString()));
            }
        }
        boolean created = createdFlag.orElse(PushEvent.isZeroId(before));
        boolean deleted = deletedFlag.orElse(PushEvent.isZeroId(after));
        if (created && deleted) {
            return Outcome.problem("invalid created and deleted: both true");
        }
        return Outcome.of(new PushEvent(forge, deliveryId, name, cloneUrl, defaultBranch, ref, before, after,
                created, deleted, forced, pusher(forge, root)));
    }

    private static String pusher(Forge forge, JsonNode root) {
        String p = switch (forge) {
            case GITHUB -> text(root.path("pusher"), "name");
            case GITEA -> firstText(root.path("pusher"), "login", "username");
            case GITLAB -> firstText(root, "user_username", "user_name");
        };
        return p == null ? "" : p.length() > MAX_NAME ? p.substring(0, MAX_NAME) : p;
    }

    /** A non-blank text field, or null when absent, null, blank or not a string. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Optional<Boolean> flag(JsonNode root, String field) {
        JsonNode v = root.get(field);
        return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
    }

    /** The parts of git's check-ref-format that matter here: full name, no space, control or "..". */
    private static boolean validRef(String ref) {
        if (!ref.startsWith("refs/") || ref.length() > 1024 || ref.endsWith("/") || ref.contains("..")
                || ref.contains("//")) {
            return false;
        }
        return ref.chars().noneMatch(c -> c <= ' ' || c == 0x7f || c == '~' || c == '^' || c == ':' || c == '\\');
    }

    private static boolean validRepository(String name) {
        if (name.length() > MAX_NAME || !REPOSITORY.matcher(name).matches()) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean httpUrl(String url) {
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A value quoted for a reply: at most 80 characters, control characters as '?'. */
    static String shown(String value) {
        String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + v.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
