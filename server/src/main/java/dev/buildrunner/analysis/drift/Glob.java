package dev.buildrunner.analysis.drift;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over repository-relative paths ({@code /} separators), matched against the whole path:
 * {@code *} any characters but {@code /}, {@code ?} one such character, {@code **} any characters
 * including {@code /} ({@code **}{@code /} also matches no directory at all, so
 * {@code **}{@code /web/**} matches {@code web/A.java}), {@code {a,b}} either alternative. The
 * syntax of {@code .gitignore} and of most build tools, without negation.
 *
 * @param text the glob as written
 * @param regex its compiled form
 */
record Glob(String text, Pattern regex) {
    Glob {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(regex, "regex");
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException for an empty glob, an absolute one, {@code ..} segments or
     *     unbalanced braces, saying which
     */
    static Glob of(String glob) {
        if (glob.isBlank()) {
            throw new IllegalArgumentException("empty glob");
        }
        if (glob.startsWith("/") || glob.contains("\\")) {
            throw new IllegalArgumentException("'" + glob + "': globs are repository-relative with '/' separators");
        }
        if (("/" + glob + "/").contains("/../")) {
            throw new IllegalArgumentException("'" + glob + "': '..' cannot name a path in the repository");
        }
        boolean underDir = glob.endsWith("/**");
        String body = underDir ? glob.substring(0, glob.length() - 3) : glob;
        StringBuilder re = new StringBuilder();
        int braces = 0;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c == '*' && i + 1 < n && body.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < n && body.charAt(i + 2) == '/';
                boolean atSegmentStart = i == 0 || body.charAt(i - 1) == '/';
                if (slashAfter && atSegmentStart) {
                    re.append("(?:.*/)?");
                    i += 2;
                } else {
                    re.append(".*");
                    i += 1;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '{') {
                braces++;
                re.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                re.append(')');
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces != 0) {
            throw new IllegalArgumentException("'" + glob + "': unclosed '{'");
        }
        if (underDir) { // dir/** matches everything under dir
            re.append("/.*");
        }
        return new Glob(glob, Pattern.compile(re.toString()));
    }

    /** True when the whole path matches. */
    boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** True when any of the globs matches the path. */
    static boolean any(List<Glob> globs, String path) {
        for (Glob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
