package dev.buildrunner.forge.status;

import java.util.Objects;

/**
 * Names a repository on a forge or on the embedded server: {@code owner/name}.
 *
 * @param owner the user, organisation or, on GitLab, the namespace path (may contain {@code /} for
 *     subgroups, e.g. {@code group/sub})
 * @param name the repository (GitLab: project) name, without {@code .git}
 */
public record RepoCoordinates(String owner, String name) {
    public RepoCoordinates {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (owner.isBlank() || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("expected owner and a name without '/', got: " + owner + "/" + name);
        }
    }

    /**
     * Parses {@code owner/name}; the last {@code /} separates the name, so GitLab's
     * {@code group/sub/project} gives owner {@code group/sub}.
     *
     * @throws IllegalArgumentException when there is no {@code /} or a part is empty
     */
    public static RepoCoordinates parse(String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new IllegalArgumentException("expected owner/name, got: " + path);
        }
        return new RepoCoordinates(path.substring(0, slash), path.substring(slash + 1));
    }

    /** {@code owner/name}: GitHub's {@code full_name}, GitLab's project path. */
    public String path() {
        return owner + "/" + name;
    }

    @Override
    public String toString() {
        return path();
    }
}
