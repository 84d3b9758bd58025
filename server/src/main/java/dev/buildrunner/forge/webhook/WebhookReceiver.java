package dev.buildrunner.forge.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.forge.webhook.WebhookDecision.Accepted;
import dev.buildrunner.forge.webhook.WebhookDecision.Ignored;
import dev.buildrunner.forge.webhook.WebhookDecision.Rejected;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what to do with one webhook delivery: headers and raw body in, a {@link WebhookDecision}
 * out. Stateless and thread-safe; it stores nothing (journaling is {@link DeliveryJournal}'s job).
 *
 * <p>Order of checks, chosen so that nothing from the body is trusted before the signature
 * verifies, and an unauthenticated caller learns nothing but 401 (beyond size and media type):
 * <ol>
 * <li>413 if the body exceeds {@link #MAX_BODY_BYTES}; 415 unless {@code Content-Type} is
 *     {@code application/json} (or {@code application/*+json});</li>
 * <li>the body is parsed (strictly: duplicate keys and trailing data are errors) only to read the
 *     repository name it claims, which picks the secret ({@link SecretLookup}); a body that does
 *     not parse, or names no repository, gets the server-wide secret ({@code secretFor("")});</li>
 * <li>401 if there is no secret, or the signature or token is missing or wrong. The signature is
 *     computed over the raw bytes, so the parsed tree is exactly what was signed;</li>
 * <li>only now: 400 for a body that did not parse; the event header decides: not a push gives
 *     {@link Ignored}; a push is read into a {@link PushEvent} (400 naming a missing or invalid
 *     field) and {@link Accepted}.</li>
 * </ol>
 *
 * <p>Signatures (FORGE-NOTES §B, contracts README item 8): GitHub {@code X-Hub-Signature-256:
 * sha256=<hex>} (the legacy SHA-1 {@code X-Hub-Signature} is not accepted); Gitea, Forgejo and
 * Gogs the bare hex of the same HMAC in {@code X-Gitea-Signature}, {@code X-Forgejo-Signature},
 * {@code X-Gogs-Signature}, or the GitHub-style header they also send; every one of these present
 * must verify, and a {@code sha256=} prefix on the bare ones is refused. GitLab sends the secret
 * itself in {@code X-Gitlab-Token}. Delivery ids: {@code X-GitHub-Delivery}; {@code
 * X-Gitea-Delivery}, {@code X-Forgejo-Delivery}, {@code X-Gogs-Delivery}, {@code X-GitHub-Delivery};
 * {@code X-Gitlab-Event-UUID}, else {@code Idempotency-Key}; with none, {@code body-sha256:} and
 * the body's SHA-256, so a resent body still deduplicates.
 */
public final class WebhookReceiver {
    /**
     * 25 MiB: GitHub drops deliveries over 25 MB (FORGE-NOTES §B), so every real delivery fits.
     * The web layer must let bodies this large through (Javalin's default limit is 1 MB).
     */
    public static final int MAX_BODY_BYTES = 25 * 1024 * 1024;

    private static final int MAX_DELIVERY_ID = 200;
    private static final String[] GITEA_HMAC_HEADERS = {"X-Gitea-Signature", "X-Forgejo-Signature", "X-Gogs-Signature"};

    private final ObjectMapper json;

    /** A receiver with its own strict JSON reader. */
    public WebhookReceiver() {
        this.json = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Decides about one delivery.
     *
     * @param forge the forge the route is for
     * @param headers the request headers; names in any case
     * @param rawBody the body exactly as received (the signature covers these bytes)
     * @param secrets where the repository's secret comes from
     * @return {@link Rejected}, {@link Ignored} or {@link Accepted}; never null
     */
    public WebhookDecision receive(Forge forge, Map<String, String> headers, byte[] rawBody, SecretLookup secrets) {
        Objects.requireNonNull(forge, "forge");
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(secrets, "secrets");
        Headers h = new Headers(headers);
        if (rawBody.length > MAX_BODY_BYTES) {
            return new Rejected(413, "body of " + rawBody.length + " bytes exceeds the limit of " + MAX_BODY_BYTES);
        }
        Optional<String> contentType = h.get("Content-Type");
        if (contentType.isEmpty() || !isJson(contentType.get())) {
            return new Rejected(415, "Content-Type must be application/json, got "
                    + contentType.map(PushPayloads::shown).orElse("none"));
        }

        JsonNode root = parse(rawBody);   // untrusted until the signature verifies
        String claimed = root == null ? "" : PushPayloads.claimedRepository(forge, root).orElse("");
        Optional<String> secret = secrets.secretFor(claimed).filter(s -> !s.isEmpty());
        if (secret.isEmpty()) {
            return new Rejected(401, "no webhook secret configured for "
                    + (claimed.isEmpty() ? "this server" : "repository " + PushPayloads.shown(claimed)));
        }
        Optional<String> authProblem = verify(forge, h, rawBody, secret.get());
        if (authProblem.isPresent()) {
            return new Rejected(401, authProblem.get());
        }

        // verified: from here on the body is trusted
        if (root == null) {
            return new Rejected(400, "malformed JSON: the body is not one JSON object");
        }
        Optional<Map.Entry<String, String>> event = eventHeader(forge, h);
        if (event.isEmpty()) {
            return new Rejected(400, "missing " + eventHeaderNames(forge)[0] + " header");
        }
        if (!isPush(forge, event.get().getValue())) {
            return new Ignored(event.get().getValue());
        }
        Optional<Map.Entry<String, String>> delivery = h.first(deliveryHeaderNames(forge));
        String deliveryId;
        if (delivery.isPresent()) {
            deliveryId = delivery.get().getValue();
            if (deliveryId.length() > MAX_DELIVERY_ID || !deliveryId.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                return new Rejected(400, "invalid " + delivery.get().getKey() + " header: "
                        + PushPayloads.shown(deliveryId));
            }
        } else {
            deliveryId = "body-sha256:" + Signatures.sha256Hex(rawBody);
        }
        PushPayloads.Outcome read = PushPayloads.read(forge, deliveryId, root);
        return read.event().<WebhookDecision>map(Accepted::new).orElseGet(() -> new Rejected(400, read.problem()));
    }

    /** The problem with the delivery's signature or token, or empty if it verifies. */
    private static Optional<String> verify(Forge forge, Headers h, byte[] body, String secret) {
        switch (forge) {
            case GITHUB: {
                Optional<String> sig = h.get("X-Hub-Signature-256");
                if (sig.isEmpty()) {
                    return Optional.of("missing X-Hub-Signature-256 header");
                }
                return hubSignatureProblem(sig.get(), secret, body);
            }
            case GITEA: {
                boolean any = false;
                for (String name : GITEA_HMAC_HEADERS) {
                    Optional<String> sig = h.get(name);
                    if (sig.isPresent()) {
                        any = true;
                        if (sig.get().regionMatches(true, 0, "sha256=", 0, 7)) {
                            return Optional.of(name + " must be bare hex, without the sha256= prefix");
                        }
                        if (!Signatures.hmacMatches(sig.get(), secret, body)) {
                            return Optional.of(name + " does not match the body");
                        }
                    }
                }
                Optional<String> hub = h.get("X-Hub-Signature-256");
                if (hub.isPresent()) {
                    any = true;
                    Optional<String> problem = hubSignatureProblem(hub.get(), secret, body);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
                return any ? Optional.empty() : Optional.of("missing X-Gitea-Signature header");
            }
            case GITLAB: {
                Optional<String> token = h.get("X-Gitlab-Token");
                if (token.isEmpty()) {
                    return Optional.of("missing X-Gitlab-Token header");
                }
                return Signatures.tokenMatches(token.get(), secret) ? Optional.empty()
                        : Optional.of("X-Gitlab-Token does not match");
            }
            default:
                throw new IllegalArgumentException("unknown forge: " + forge);
        }
    }

    private static Optional<String> hubSignatureProblem(String value, String secret, byte[] body) {
        if (!value.startsWith("sha256=")) {
            return Optional.of("X-Hub-Signature-256 must start with sha256=");
        }
        return Signatures.hmacMatches(value.substring(7), secret, body) ? Optional.empty()
                : Optional.of("X-Hub-Signature-256 does not match the body");
    }

    private static String[] eventHeaderNames(Forge forge) {
        return switch (forge) {
            case GITHUB -> new String[] {"X-GitHub-Event"};
            case GITEA -> new String[] {"X-Gitea-Event", "X-Forgejo-Event", "X-Gogs-Event", "X-GitHub-Event"};
            case GITLAB -> new String[] {"X-Gitlab-Event"};
        };
    }

    private static String[] deliveryHeaderNames(Forge forge) {
        return switch (forge) {
            case GITHUB -> new String[] {"X-GitHub-Delivery"};
            case GITEA -> new String[] {"X-Gitea-Delivery", "X-Forgejo-Delivery", "X-Gogs-Delivery",
                "X-GitHub-Delivery"};
            case GITLAB -> new String[] {"X-Gitlab-Event-UUID", "Idempotency-Key"};
        };
    }

    private static Optional<Map.Entry<String, String>> eventHeader(Forge forge, Headers h) {
        return h.first(eventHeaderNames(forge));
    }

    /** GitHub and Gitea name the event {@code push}; GitLab {@code Push Hook} or {@code Tag Push Hook}. */
    private static boolean isPush(Forge forge, String event) {
        return forge == Forge.GITLAB ? event.equals("Push Hook") || event.equals("Tag Push Hook")
                : event.equals("push");
    }

    /** {@code application/json} or {@code application/<x>+json}, parameters such as charset allowed. */
    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The body as a JSON object, or null if it is not exactly one JSON object. */
    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail with I/O", e);
        }
    }
}
