package dev.buildrunner.analysis.quality;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A repository path glob, as {@code .gitignore}-style tools write them: {@code *} matches within one
 * directory, {@code **} across directories ({@code **}{@code /} also matches no directory at all, so
 * {@code **}{@code /*.lock} matches {@code yarn.lock}), {@code ?} one character other than {@code /}.
 * A pattern without {@code /} matches the file name in any directory, as in {@code .gitignore}.
 * Matching is on the whole repository-relative path with {@code /}.
 */
public final class PathGlob {
    private final String glob;
    private final Pattern regex;

    private PathGlob(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException when it is empty or absolute
     */
    public static PathGlob of(String glob) {
        Objects.requireNonNull(glob, "glob");
        String g = glob.strip();
        if (g.isEmpty()) {
            throw new IllegalArgumentException("empty glob");
        }
        if (g.startsWith("/")) {
            throw new IllegalArgumentException("a glob is repository-relative, without a leading '/': " + glob);
        }
        if (!g.contains("/")) {
            g = "**/" + g;
        }
        return new PathGlob(glob, Pattern.compile(toRegex(g)));
    }

    /** True when the glob matches the whole path. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** True when any of the globs matches. */
    public static boolean any(List<PathGlob> globs, String path) {
        for (PathGlob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return glob;
    }

    private static String toRegex(String g) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 3 : 2;
                continue;
            }
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }
}
