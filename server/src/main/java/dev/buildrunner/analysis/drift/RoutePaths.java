package dev.buildrunner.analysis.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Route paths in one comparable form, so that a spec's {@code GET /users/{id}} and code's
 * {@code /users/:id}, {@code /users/<int:id>} or {@code /users/[id]} are the same endpoint:
 * every parameter segment becomes {@code {}}, the query string is dropped, repeated and trailing
 * slashes go, and a leading slash is added. Pure.
 */
final class RoutePaths {
    private static final Pattern PARAMETER = Pattern.compile(
            "\\{[^}]*\\}|:[A-Za-z_][A-Za-z0-9_]*.*|<[^>]*>|\\[[^\\]]*\\]");

    private RoutePaths() {
    }

    /** The comparable form of a path. */
    static String normalise(String path) {
        String p = path;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        List<String> segs = new ArrayList<>();
        for (String seg : p.split("/")) {
            if (!seg.isEmpty()) {
                segs.add(PARAMETER.matcher(seg).matches() ? "{}" : seg);
            }
        }
        return "/" + String.join("/", segs);
    }

    /** {@code prefix} and {@code path} joined with one slash; either may be empty. */
    static String join(String prefix, String path) {
        String a = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (path.isEmpty()) {
            return a.isEmpty() ? "/" : a;
        }
        return a + (path.startsWith("/") ? path : "/" + path);
    }

    /** True when the path has a segment that is not a parameter. */
    static boolean hasLiteralSegment(String normalised) {
        for (String seg : normalised.split("/")) {
            if (!seg.isEmpty() && !seg.equals("{}")) {
                return true;
            }
        }
        return false;
    }
}
