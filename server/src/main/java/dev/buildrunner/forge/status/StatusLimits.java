package dev.buildrunner.forge.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * GitHub's limits on a commit status and how BuildRunner fits a status into them. Sources: the
 * contracts README (shared/contracts, "Limits and behaviours") and FORGE-NOTES.md section B:
 * description at most 140 characters and no 4-byte UTF-8 (ouzi-dev/commit-status-updater#527),
 * context at most 255 characters (atlantis#2506), target_url an absolute URI, at most 1000
 * statuses per (sha, context) (renovate#1779), GitLab target_url at most 255 (gitlab#501079).
 *
 * <p>"Characters" are Unicode code points, as JSON Schema's {@code maxLength} counts them. Every
 * method is a pure function; nothing here is null unless stated.
 */
public final class StatusLimits {
    /** GitHub: longest description in characters; longer ones get 422. */
    public static final int MAX_DESCRIPTION = 140;
    /** GitHub: longest context in characters; longer ones get 422. */
    public static final int MAX_CONTEXT = 255;
    /** GitLab: longest target_url in characters (gitlab#501079). */
    public static final int MAX_GITLAB_TARGET_URL = 255;
    /** GitHub: most statuses per (sha, context) in a repository; the next one gets 422. */
    public static final int MAX_STATUSES_PER_CONTEXT = 1000;
    /** GitHub's 422 message for the status after {@link #MAX_STATUSES_PER_CONTEXT}. */
    public static final String MAX_STATUSES_MESSAGE = "This SHA and context has reached the maximum number of statuses.";

    private static final char ELLIPSIS = '\u2026';
    /** Hex digits of the sha256 suffix of a shortened context: 8 (32 bits) keeps clashes unlikely. */
    private static final int CONTEXT_HASH_DIGITS = 8;

    /**
     * One broken rule, in the shape of an item of GitHub's 422 {@code errors[]}.
     *
     * @param field the request field ({@code description}, {@code context}, {@code target_url})
     * @param code GitHub's error code; always {@code custom} here, as GitHub uses for these rules
     * @param message what is wrong, naming the limit (BuildRunner's wording)
     */
    public record Violation(String field, String code, String message) {
    }

    private StatusLimits() {
    }

    /**
     * Fits a request for GitHub and Gitea: {@link #description}, {@link #context} and
     * {@link #targetUrl} applied to its fields.
     */
    public static StatusRequest clamp(StatusRequest request) {
        return new StatusRequest(request.state(), context(request.context()), description(request.description()),
                targetUrl(request.targetUrl()));
    }

    /** As {@link #clamp}, and a target URL longer than 255 characters is dropped (GitLab). */
    public static StatusRequest clampForGitLab(StatusRequest request) {
        StatusRequest c = clamp(request);
        return new StatusRequest(c.state(), c.context(), c.description(), gitLabTargetUrl(c.targetUrl()));
    }

    /**
     * A description GitHub accepts: code points above U+FFFF (4-byte UTF-8, e.g. emoji) and lone
     * surrogates removed, then cut to 139 code points plus an ellipsis when longer than 140.
     *
     * @param description nullable
     * @return null for null, else at most 140 characters, all in the Basic Multilingual Plane
     */
    public static String description(String description) {
        if (description == null) {
            return null;
        }
        String bmp = withoutAstral(description);
        if (bmp.length() <= MAX_DESCRIPTION) {
            return bmp;
        }
        return bmp.substring(0, MAX_DESCRIPTION - 1) + ELLIPSIS;
    }

    /**
     * A context GitHub accepts: null or blank becomes {@code default}; 4-byte characters are
     * removed (a precaution: GitHub documents the rule for descriptions only); longer than 255
     * characters is cut and ends in {@code -} plus the first 8 hex digits of the SHA-256 of the
     * given context, so two long contexts with a common prefix stay apart (Atlantis PR #6541 does
     * the same with a sha256 suffix).
     */
    public static String context(String context) {
        if (context == null || context.isBlank()) {
            return StatusRequest.DEFAULT_CONTEXT;
        }
        String bmp = withoutAstral(context);
        if (bmp.length() <= MAX_CONTEXT) {
            return bmp;
        }
        String suffix = "-" + sha256Hex(context).substring(0, CONTEXT_HASH_DIGITS);
        return bmp.substring(0, MAX_CONTEXT - suffix.length()) + suffix;
    }

    /**
     * The target URL if it is an absolute {@code http} or {@code https} URI with a host, else null
     * (a status without a link beats a rejected status).
     *
     * @param url nullable; surrounding blanks are ignored
     */
    public static String targetUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        return isHttpUrl(trimmed) ? trimmed : null;
    }

    /** {@link #targetUrl}, and null when longer than {@link #MAX_GITLAB_TARGET_URL} characters. */
    public static String gitLabTargetUrl(String url) {
        String u = targetUrl(url);
        return u == null || u.codePointCount(0, u.length()) > MAX_GITLAB_TARGET_URL ? null : u;
    }

    /**
     * The rules a request breaks as given, for a server that answers 422 instead of clamping:
     * description longer than 140 or with 4-byte characters, context longer than 255, target_url
     * present but not an absolute http(s) URI.
     *
     * @return the violations in field order; empty when the request is acceptable
     */
    public static List<Violation> violations(StatusRequest request) {
        List<Violation> out = new ArrayList<>();
        String d = request.description();
        if (d != null) {
            if (d.codePointCount(0, d.length()) > MAX_DESCRIPTION) {
                out.add(new Violation("description", "custom",
                        "description is too long (maximum is " + MAX_DESCRIPTION + " characters)"));
            }
            if (!withoutAstral(d).equals(d)) {
                out.add(new Violation("description", "custom",
                        "description contains 4-byte UTF-8 characters (code points above U+FFFF)"));
            }
        }
        String c = request.context();
        if (c.codePointCount(0, c.length()) > MAX_CONTEXT) {
            out.add(new Violation("context", "custom", "context is too long (maximum is " + MAX_CONTEXT
                    + " characters)"));
        }
        String u = request.targetUrl();
        if (u != null && !isHttpUrl(u)) {
            out.add(new Violation("target_url", "custom", "target_url must be an absolute http(s) URL"));
        }
        return out;
    }

    /** The case-insensitive key of a context: GitHub treats contexts case-insensitively. */
    public static String contextKey(String context) {
        return context.toLowerCase(Locale.ROOT);
    }

    /** Whether two contexts are the same for GitHub (case-insensitive). */
    public static boolean sameContext(String a, String b) {
        return contextKey(a).equals(contextKey(b));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null && scheme != null
                    && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The string without code points above U+FFFF and without unpaired surrogates. */
    static String withoutAstral(String s) {
        boolean clean = true;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp <= 0xFFFF && !Character.isSurrogate((char) cp)).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String sha256Hex(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
