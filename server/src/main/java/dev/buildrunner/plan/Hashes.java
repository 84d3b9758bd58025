package dev.buildrunner.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hashes behind stable task ids and fingerprints. SHA-256 (FIPS 180-4) is used because its output
 * is fixed by a standard, so ids stay equal across JVMs, versions and machines.
 */
final class Hashes {

    /** Hex digits of a requirement's short hash in a task id: 24 bits, collisions resolved by suffix. */
    static final int ID_HEX = 6;
    /** Hex digits of a fingerprint: 64 bits, enough that an unnoticed change is not a practical risk. */
    static final int FINGERPRINT_HEX = 16;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /**
     * The form of a text that decides a task id: Unicode NFKC, lower case, runs of white space as
     * one space, trimmed, trailing {@code . , ; : !} dropped. So "Add JWT login." and
     * "add  JWT login" give the same id, while the fingerprint still sees the edit.
     */
    static String normalize(String text) {
        String t = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        int end = sb.length();
        while (end > 0 && (".,;:!".indexOf(sb.charAt(end - 1)) >= 0 || sb.charAt(end - 1) == ' ')) {
            end--;
        }
        sb.setLength(end);
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** True when every char is ASCII: NFKC leaves such text as it is. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Collapses white space runs to one space and trims: a one-line title. */
    static String oneLine(String text) {
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** The first {@link #ID_HEX} hex digits of SHA-256 over the normalized text. */
    static String shortId(String text) {
        return sha256Hex(normalize(text), ID_HEX);
    }

    /**
     * A fingerprint of the parts a task was generated from: {@link #FINGERPRINT_HEX} hex digits of
     * SHA-256 over the parts, each prefixed by its length so that no two part lists collide by
     * concatenation.
     */
    static String fingerprint(List<String> parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p.length()).append(':').append(p).append('\n');
        }
        return sha256Hex(sb.toString(), FINGERPRINT_HEX);
    }

    /** The first {@code hexDigits} (even) hex digits of SHA-256 over the UTF-8 bytes of s. */
    private static String sha256Hex(String s, int hexDigits) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)), 0, hexDigits / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
