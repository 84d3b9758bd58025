package dev.buildrunner.pipeline;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code OWNER/NAME} pair as used in URLs ({@code /git/OWNER/NAME.git},
 * {@code /api/repos/OWNER/NAME}). Both parts are 1-100 characters of letters, digits, {@code .},
 * {@code _} and {@code -}, not starting with {@code .} (GitHub's rule, minus its case folding), so
 * a name can never climb out of the data directory.
 */
public record RepositoryName(String owner, String name) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    public RepositoryName {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        check("owner", owner);
        check("name", name);
    }

    private static void check(String field, String value) {
        if (!PART.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": expected 1-100 of [A-Za-z0-9._-] not starting with '.', got: '"
                    + value + "'");
        }
    }

    /** Parses {@code OWNER/NAME} (a trailing {@code .git} is dropped); IllegalArgumentException otherwise. */
    public static RepositoryName parse(String fullName) {
        int slash = fullName.indexOf('/');
        if (slash < 0 || slash != fullName.lastIndexOf('/')) {
            throw new IllegalArgumentException("expected OWNER/NAME, got: '" + fullName + "'");
        }
        return new RepositoryName(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    /** {@code OWNER/NAME}. */
    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
