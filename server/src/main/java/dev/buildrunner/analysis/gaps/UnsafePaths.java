package dev.buildrunner.analysis.gaps;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paths a spec names that point outside the repository (issue 5: "never followed outside it"):
 * absolute ({@code /etc/x.conf}, {@code ~/x}, {@code C:\x}, {@code \\server\share}) or climbing
 * out with a {@code ..} segment. Such a path is reported and never read. Pure.
 */
final class UnsafePaths {
    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[\\\\/].*");
    private static final Pattern LONE_PATH = Pattern.compile("^[\\w.~:\\\\/@+\\-\\[\\]]+$");
    private static final Pattern FILE_LIKE = Pattern.compile(".*(?:\\.[A-Za-z][A-Za-z0-9]{0,9}|[\\\\/])$");

    private UnsafePaths() {
    }

    /** Why a path is unsafe, or empty when it is a repository-relative path. */
    static Optional<String> reason(String path) {
        String p = path.trim();
        if (WINDOWS_ABSOLUTE.matcher(p).matches()) {
            return Optional.of("an absolute Windows path");
        }
        if (p.startsWith("\\\\")) {
            return Optional.of("a network path");
        }
        if (p.startsWith("/") || p.startsWith("\\")) {
            return Optional.of("an absolute path");
        }
        if (p.startsWith("~/") || p.startsWith("~\\")) {
            return Optional.of("a path in a home directory");
        }
        for (String seg : p.split("[\\\\/]")) {
            if (seg.equals("..")) {
                return Optional.of("a path that leaves the repository ('..')");
            }
        }
        return Optional.empty();
    }

    /**
     * The path a requirement text consists of, when it is nothing but one file path (in
     * backticks or not) that is unsafe: the spec parser does not take such paths as files, so a
     * Files item {@code - ../shared/lib.py} arrives as a requirement.
     */
    static Optional<String> loneUnsafePath(String requirement) {
        String t = requirement.trim();
        if (t.length() > 2 && t.startsWith("`") && t.endsWith("`")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        if (!LONE_PATH.matcher(t).matches() || !(t.contains("/") || t.contains("\\")) || !FILE_LIKE.matcher(t).matches()) {
            return Optional.empty();
        }
        return reason(t).isPresent() ? Optional.of(t) : Optional.empty();
    }
}
