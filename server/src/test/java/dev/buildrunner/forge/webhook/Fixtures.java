package dev.buildrunner.forge.webhook;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test helpers: the contract files under {@code src/test/resources/contracts} and
 * {@code specs/webhooks}, and headers signed the way each forge signs (computed here with
 * javax.crypto, independently of {@link Signatures}).
 */
final class Fixtures {
    /** The secret the contracts' headers examples were signed with. */
    static final String SECRET = "buildrunner-test-secret";
    static final String ZERO = "0000000000000000000000000000000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The exact bytes of a test resource, for example {@code /contracts/github/examples/push.tag-created.json}. */
    static byte[] bytes(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A headers example file as a map, without its {@code _comment}. */
    static Map<String, String> headers(String resource) {
        try {
            Map<String, String> h = JSON.readValue(bytes(resource),
                    new TypeReference<LinkedHashMap<String, String>>() { });
            h.remove("_comment");
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers GitHub sends for an event, signed with {@code secret}. */
    static Map<String, String> github(byte[] body, String secret, String event, String delivery) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("User-Agent", "GitHub-Hookshot/044aadd");
        h.put("X-GitHub-Event", event);
        h.put("X-GitHub-Delivery", delivery);
        h.put("X-Hub-Signature-256", "sha256=" + hmacHex(secret, body));
        return h;
    }

    /** Headers Gitea sends for an event (its own and the GitHub-compatible ones), signed with {@code secret}. */
    static Map<String, String> gitea(byte[] body, String secret, String event, String delivery) {
        Map<String, String> h = new LinkedHashMap<>();
        String hmac = hmacHex(secret, body);
        h.put("Content-Type", "application/json");
        h.put("X-Gitea-Event", event);
        h.put("X-Gitea-Delivery", delivery);
        h.put("X-Gitea-Signature", hmac);
        h.put("X-Gogs-Event", event);
        h.put("X-Gogs-Delivery", delivery);
        h.put("X-Gogs-Signature", hmac);
        h.put("X-GitHub-Event", event);
        h.put("X-GitHub-Delivery", delivery);
        h.put("X-Hub-Signature-256", "sha256=" + hmac);
        return h;
    }

    /** Headers GitLab sends for an event, with the token in clear. */
    static Map<String, String> gitlab(String token, String event, String eventUuid) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Gitlab-Event", event);
        h.put("X-Gitlab-Token", token);
        h.put("X-Gitlab-Event-UUID", eventUuid);
        return h;
    }

    /** A well-formed push for journal tests. */
    static PushEvent push(String deliveryId, String repository, String ref, String before, String after) {
        return new PushEvent(Forge.GITHUB, deliveryId, repository, "https://github.com/" + repository + ".git",
                Optional.of("main"), ref, before, after, PushEvent.isZeroId(before), PushEvent.isZeroId(after),
                Optional.of(false), "octocat");
    }

    /** The n-th of a family of distinct pushes: its own delivery id and its own after id. */
    static PushEvent push(String prefix, int n) {
        return push(prefix + "-" + n, "acme/widgets", "refs/heads/main", hex40(prefix.hashCode(), n - 1L),
                hex40(prefix.hashCode(), n));
    }

    /** A deterministic 40-hex object id. */
    static String hex40(long a, long b) {
        return String.format("%016x%016x%08x", a, b, (int) (a * 31 + b));
    }
}
