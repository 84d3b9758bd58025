package dev.buildrunner.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks an {@code Authorization} header against the admin token: {@code Bearer TOKEN}, GitHub's
 * {@code token TOKEN}, or HTTP basic with any user name and the token as password (git clients).
 * Compares in constant time. Thread-safe.
 */
public final class Credentials {
    private final byte[] token;

    public Credentials(AdminToken token) {
        this.token = Objects.requireNonNull(token, "token").value().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param authorization the header value, or null when absent
     * @return true when it carries the admin token
     */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).strip();
        String presented;
        switch (scheme) {
            case "bearer", "token" -> presented = value;
            case "basic" -> {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                int colon = decoded.indexOf(':');
                presented = colon < 0 ? "" : decoded.substring(colon + 1);
            }
            default -> {
                return false;
            }
        }
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The user name of a basic {@code Authorization} header, or empty (git clients send one). */
    public static java.util.Optional<String> basicUser(String authorization) {
        if (authorization == null || !authorization.strip().toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return java.util.Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.strip().substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(user);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
