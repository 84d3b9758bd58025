package dev.buildrunner.analysis.drift;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern over the names imports use.
 *
 * <p>{@link #dotted} patterns (Java, Kotlin, Python names) follow ArchUnit's package identifiers:
 * {@code *} any characters but {@code .}; {@code ..} any number of segments, so
 * {@code dev.buildrunner.store..} matches {@code dev.buildrunner.store} and everything under it,
 * {@code ..web..} any name with a {@code web} segment, {@code org.slf4j.Logger} exactly that.
 *
 * <p>{@link #module} patterns (JS/TS module specifiers) match a specifier and its subpaths:
 * {@code lodash} matches {@code lodash} and {@code lodash/fp}; {@code *} matches within one
 * {@code /}-separated segment ({@code @legacy/*}).
 *
 * @param text the pattern as written
 * @param regex its compiled form
 */
record NamePattern(String text, Pattern regex) {
    private static final Pattern DOTTED_CHARS = Pattern.compile("[A-Za-z0-9_$.*]+");
    private static final Pattern MODULE_CHARS = Pattern.compile("[A-Za-z0-9_$@./*~:-]+");

    NamePattern {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(regex, "regex");
    }

    /**
     * A dotted-name pattern.
     *
     * @throws IllegalArgumentException when it holds other characters than letters, digits,
     *     {@code _ $ . *}, or three dots in a row
     */
    static NamePattern dotted(String p) {
        if (!DOTTED_CHARS.matcher(p).matches() || p.contains("...") || p.equals("..")) {
            throw new IllegalArgumentException("'" + p + "' is not a name pattern such as com.acme.store.. or"
                    + " org.slf4j.Logger (letters, digits, _, $, '.', '..' and '*')");
        }
        StringBuilder re = new StringBuilder();
        int i = 0;
        if (p.startsWith("..")) {
            re.append("(?:.*\\.)?");
            i = 2;
        }
        while (i < p.length()) {
            if (p.startsWith("..", i)) {
                re.append(i + 2 == p.length() ? "(?:\\..*)?" : "\\.(?:.*\\.)?");
                i += 2;
            } else {
                char c = p.charAt(i++);
                re.append(c == '.' ? "\\." : c == '*' ? "[^.]*" : Pattern.quote(String.valueOf(c)));
            }
        }
        return new NamePattern(p, Pattern.compile(re.toString()));
    }

    /**
     * A module-specifier pattern.
     *
     * @throws IllegalArgumentException when it is empty or holds white space or quotes
     */
    static NamePattern module(String p) {
        if (!MODULE_CHARS.matcher(p).matches()) {
            throw new IllegalArgumentException("'" + p + "' is not a module pattern such as lodash or @legacy/*");
        }
        StringBuilder re = new StringBuilder();
        for (char c : p.toCharArray()) {
            re.append(c == '*' ? "[^/]*" : Pattern.quote(String.valueOf(c)));
        }
        re.append("(?:/.*)?");
        return new NamePattern(p, Pattern.compile(re.toString()));
    }

    /** True when the whole name matches. */
    boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    /** The first pattern matching the name, or null. */
    static NamePattern first(List<NamePattern> patterns, String name) {
        for (NamePattern p : patterns) {
            if (p.matches(name)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
