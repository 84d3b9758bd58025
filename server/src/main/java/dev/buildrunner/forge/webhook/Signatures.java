package dev.buildrunner.forge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The three ways forges sign a delivery, compared in constant time ({@link MessageDigest#isEqual}).
 * Every check works on the raw body bytes, before any JSON is trusted.
 */
final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {
    }

    /** HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret} (RFC 2104). */
    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    /**
     * Whether {@code hex} (64 hex digits, either case) is the HMAC-SHA256 of {@code body} under
     * {@code secret}. Anything that is not exactly 64 hex digits is false.
     */
    static boolean hmacMatches(String hex, String secret, byte[] body) {
        if (hex.length() != 64) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmacSha256(secret, body));
    }

    /**
     * Whether a plain token equals the secret (GitLab's {@code X-Gitlab-Token}). Both sides are
     * hashed first so the comparison's time depends on neither the secret's length nor its content.
     */
    static boolean tokenMatches(String token, String secret) {
        return MessageDigest.isEqual(sha256(token.getBytes(StandardCharsets.UTF_8)),
                sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of {@code bytes} as 64 lower-case hex digits. */
    static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
