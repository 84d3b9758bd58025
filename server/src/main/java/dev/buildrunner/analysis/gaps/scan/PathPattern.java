package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.PathExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP path reduced to what matching needs: its segments, each a literal, a declared
 * parameter ({@value #PARAM}) or an unknown value ({@value #UNKNOWN}), and whether an unknown
 * prefix comes before them (a base URL held in a variable). Parameters of every style normalise
 * to {@value #PARAM}: {@code :id}, {@code :id?}, {@code {id}}, {@code <id>}, {@code <int:id>},
 * {@code [id]}, {@code [...slug]}, {@code *}. Trailing and doubled slashes, the query and the
 * fragment are dropped. Immutable.
 *
 * @param segments the path's segments
 * @param prefixUnknown true when an unknown prefix (a base URL variable) comes first
 */
public record PathPattern(List<String> segments, boolean prefixUnknown) {
    /** A declared path parameter. */
    public static final String PARAM = "{}";
    /** A segment computed from a value the analyser does not know. */
    public static final String UNKNOWN = "?";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]",
            "host.docker.internal");

    public PathPattern {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a path as written, possibly holding {@link PathExpr} references. An absolute URL
     * keeps its path when its host is local ({@code localhost}, {@code 127.0.0.1}) or unknown
     * (a variable); another host is another service, and gives empty. Empty also when nothing
     * of the path is known (only an unknown prefix).
     */
    public static Optional<PathPattern> parse(String raw) {
        String s = raw.strip(); // not trim(): it drops the reference marks (control characters)
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int hostEnd = s.indexOf('/', scheme + 3);
            String host = s.substring(scheme + 3, hostEnd < 0 ? s.length() : hostEnd);
            String hostName = host.replaceFirst(":[0-9]+$", "").toLowerCase(Locale.ROOT);
            if (!PathExpr.hasRef(host) && !LOCAL_HOSTS.contains(hostName)) {
                return Optional.empty();
            }
            s = hostEnd < 0 ? "/" : s.substring(hostEnd);
        } else if (s.startsWith("//")) {
            return Optional.empty();
        }
        s = cutQuery(s);
        boolean prefixUnknown = false;
        while (!s.isEmpty() && s.charAt(0) == PathExpr.REF_START) {
            int end = s.indexOf(PathExpr.REF_END);
            if (end < 0) {
                break;
            }
            prefixUnknown = true;
            s = s.substring(end + 1);
        }
        List<String> segs = new ArrayList<>();
        for (String seg : s.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            segs.add(PathExpr.hasRef(seg) ? UNKNOWN : isParam(seg) ? PARAM : seg);
        }
        if (prefixUnknown && segs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PathPattern(segs, prefixUnknown));
    }

    /** True for a parameter segment in any framework's style. */
    static boolean isParam(String seg) {
        if (seg.equals("*") || seg.equals("**")) {
            return true;
        }
        if (seg.length() < 2) {
            return false;
        }
        char first = seg.charAt(0);
        char last = seg.charAt(seg.length() - 1);
        return first == ':' || (first == '{' && last == '}') || (first == '<' && last == '>')
                || (first == '[' && last == ']') || (seg.indexOf('{') >= 0 && seg.indexOf('}') > seg.indexOf('{'));
    }

    /** Drops a query or fragment that is not inside a reference. */
    private static String cutQuery(String s) {
        boolean inRef = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == PathExpr.REF_START) {
                inRef = true;
            } else if (c == PathExpr.REF_END) {
                inRef = false;
            } else if (!inRef && (c == '?' || c == '#')) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** The normal form, e.g. {@code /api/users/{}}; an unknown prefix is written {@code …}. */
    public String key() {
        return (prefixUnknown ? "…" : "") + "/" + String.join("/", segments);
    }

    /**
     * Whether a route declared with this pattern implements an endpoint the spec defines:
     * literals equal, a parameter only where the other has one, an unknown segment matches
     * anything, an unknown prefix matches any leading segments.
     */
    public boolean implementsEndpoint(PathPattern endpoint) {
        return match(endpoint, false);
    }

    /**
     * Whether a call to {@code call} (from UI code) reaches a route with this pattern: as
     * {@link #implementsEndpoint} but a parameter on either side matches any segment (a call
     * writes {@code /users/42} or {@code /users/${id}}).
     */
    public boolean servesCall(PathPattern call) {
        return match(call, true);
    }

    private boolean match(PathPattern other, boolean paramsMatchAnything) {
        List<String> a = segments;
        List<String> b = other.segments;
        if (!prefixUnknown && !other.prefixUnknown && a.size() != b.size()) {
            return false;
        }
        if (prefixUnknown && !other.prefixUnknown && a.size() > b.size()
                || other.prefixUnknown && !prefixUnknown && b.size() > a.size()) {
            return false;
        }
        int n = Math.min(a.size(), b.size());
        for (int k = 1; k <= n; k++) {
            if (!segmentMatch(a.get(a.size() - k), b.get(b.size() - k), paramsMatchAnything)) {
                return false;
            }
        }
        return true;
    }

    private static boolean segmentMatch(String x, String y, boolean paramsMatchAnything) {
        if (x.equals(UNKNOWN) || y.equals(UNKNOWN) || x.equals(y)) {
            return true;
        }
        return paramsMatchAnything && (x.equals(PARAM) || y.equals(PARAM));
    }

    /** True when an HTTP method of a route ({@code ANY} for all) accepts a method of a call or endpoint. */
    public static boolean methodMatches(String routeMethod, String method) {
        return routeMethod.equals(Route.ANY) || method.equals(Route.ANY) || routeMethod.equals(method);
    }

    /** Shows a raw path for people: references as <code>${name}</code>. */
    public static String display(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == PathExpr.REF_START) {
                sb.append("${");
            } else if (c == PathExpr.REF_END) {
                sb.append('}');
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString().replaceAll("(?<!:)/{2,}", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s.isEmpty() ? "/" : s;
    }
}
