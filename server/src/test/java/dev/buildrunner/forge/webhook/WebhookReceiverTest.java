package dev.buildrunner.forge.webhook;

import static dev.buildrunner.forge.webhook.Fixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.forge.webhook.WebhookDecision.Accepted;
import dev.buildrunner.forge.webhook.WebhookDecision.Ignored;
import dev.buildrunner.forge.webhook.WebhookDecision.Rejected;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Signatures, tokens, header handling and the order of checks, on the contract payloads and their
 * recorded headers (real HMACs with secret {@code buildrunner-test-secret}).
 */
class WebhookReceiverTest {
    private static final String GITHUB_BODY = "/contracts/github/examples/push.branch-created.json";
    private static final String GITHUB_HEADERS = "/contracts/github/examples/push.branch-created.headers.json";
    private static final String GITEA_BODY = "/contracts/gitea/examples/push.json";
    private static final String GITEA_HEADERS = "/contracts/gitea/examples/push.headers.json";
    private static final String GITLAB_BODY = "/contracts/gitlab/examples/push.json";
    private static final String GITLAB_HEADERS = "/contracts/gitlab/examples/push.headers.json";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final SecretLookup secrets = SecretLookup.serverWide(SECRET);

    private WebhookDecision github(SecretLookup with) {
        return receiver.receive(Forge.GITHUB, Fixtures.headers(GITHUB_HEADERS), Fixtures.bytes(GITHUB_BODY), with);
    }

    private WebhookDecision gitea(SecretLookup with) {
        return receiver.receive(Forge.GITEA, Fixtures.headers(GITEA_HEADERS), Fixtures.bytes(GITEA_BODY), with);
    }

    private WebhookDecision gitlab(SecretLookup with) {
        return receiver.receive(Forge.GITLAB, Fixtures.headers(GITLAB_HEADERS), Fixtures.bytes(GITLAB_BODY), with);
    }

    private static Map<String, String> edit(String resource, UnaryOperator<Map<String, String>> change) {
        return change.apply(new LinkedHashMap<>(Fixtures.headers(resource)));
    }

    private static Map<String, String> without(Map<String, String> h, String... names) {
        for (String n : names) {
            h.remove(n);
        }
        return h;
    }

    private static void assertRejected(WebhookDecision d, int status, String reasonPart) {
        assertThat(d).isInstanceOf(Rejected.class);
        assertThat(d.httpStatus()).isEqualTo(status);
        assertThat(((Rejected) d).reason()).contains(reasonPart).doesNotContain(SECRET);
    }

    @Test
    void validSignaturesOfEveryForgeAreAccepted() {
        assertThat(github(secrets)).isInstanceOf(Accepted.class);
        assertThat(gitea(secrets)).isInstanceOf(Accepted.class);
        assertThat(gitlab(secrets)).isInstanceOf(Accepted.class);
    }

    @Test
    void aBodyTamperedByOneByteIsRejected() {
        byte[] body = Fixtures.bytes(GITHUB_BODY);
        // change one hex digit of "after": still valid JSON and a valid push, but not what was signed
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("6113728f27ae");
        body[at] = '7';
        assertRejected(receiver.receive(Forge.GITHUB, Fixtures.headers(GITHUB_HEADERS), body, secrets), 401,
                "X-Hub-Signature-256 does not match the body");

        byte[] gitea = Fixtures.bytes(GITEA_BODY);
        gitea[gitea.length - 1] = ' ';   // the final newline as a space: the JSON means the same, the bytes differ
        assertRejected(receiver.receive(Forge.GITEA, Fixtures.headers(GITEA_HEADERS), gitea, secrets), 401,
                "X-Gitea-Signature does not match the body");
    }

    @Test
    void aWrongSecretIsRejected() {
        SecretLookup wrong = SecretLookup.serverWide("another-secret");
        assertRejected(github(wrong), 401, "does not match");
        assertRejected(gitea(wrong), 401, "does not match");
        assertRejected(gitlab(wrong), 401, "X-Gitlab-Token does not match");
    }

    @Test
    void aMissingSignatureIsRejectedWhenASecretIsSet() {
        // the legacy SHA-1 header alone is not enough
        Map<String, String> github = edit(GITHUB_HEADERS, h -> without(h, "x-hub-signature-256"));
        assertRejected(receiver.receive(Forge.GITHUB, github, Fixtures.bytes(GITHUB_BODY), secrets), 401,
                "missing X-Hub-Signature-256 header");
        Map<String, String> gitea = edit(GITEA_HEADERS,
                h -> without(h, "x-gitea-signature", "x-gogs-signature", "x-hub-signature-256"));
        assertRejected(receiver.receive(Forge.GITEA, gitea, Fixtures.bytes(GITEA_BODY), secrets), 401,
                "missing X-Gitea-Signature header");
        Map<String, String> gitlab = edit(GITLAB_HEADERS, h -> without(h, "x-gitlab-token"));
        assertRejected(receiver.receive(Forge.GITLAB, gitlab, Fixtures.bytes(GITLAB_BODY), secrets), 401,
                "missing X-Gitlab-Token header");
    }

    @Test
    void withNoSecretConfiguredNothingIsAccepted() {
        SecretLookup none = SecretLookup.of(Map.of(), Optional.empty());
        assertRejected(github(none), 401, "no webhook secret configured for repository 'Codertocat/Hello-World'");
        assertRejected(gitlab(none), 401, "no webhook secret configured");
        // an empty secret is no secret: an empty token must not match it
        SecretLookup empty = SecretLookup.serverWide("");
        Map<String, String> emptyToken = edit(GITLAB_HEADERS, h -> {
            h.put("x-gitlab-token", "");
            return h;
        });
        assertRejected(receiver.receive(Forge.GITLAB, emptyToken, Fixtures.bytes(GITLAB_BODY), empty), 401,
                "no webhook secret configured");
    }

    @Test
    void aSha256PrefixOnAGiteaSignatureIsRejected() {
        Map<String, String> prefixed = edit(GITEA_HEADERS, h -> {
            h.put("x-gitea-signature", "sha256=" + h.get("x-gitea-signature"));
            return h;
        });
        assertRejected(receiver.receive(Forge.GITEA, prefixed, Fixtures.bytes(GITEA_BODY), secrets), 401,
                "X-Gitea-Signature must be bare hex, without the sha256= prefix");
    }

    @Test
    void giteaAcceptsItsGithubStyleHeaderAloneAndForgejoHeaders() {
        byte[] body = Fixtures.bytes(GITEA_BODY);
        Map<String, String> githubStyle = edit(GITEA_HEADERS, h -> without(h, "x-gitea-signature", "x-gogs-signature"));
        assertThat(receiver.receive(Forge.GITEA, githubStyle, body, secrets)).isInstanceOf(Accepted.class);

        String hmac = Fixtures.hmacHex(SECRET, body);
        Map<String, String> forgejo = Map.of("Content-Type", "application/json", "X-Forgejo-Event", "push",
                "X-Forgejo-Delivery", "fj-1", "X-Forgejo-Signature", hmac);
        WebhookDecision d = receiver.receive(Forge.GITEA, forgejo, body, secrets);
        assertThat(((Accepted) d).event().deliveryId()).isEqualTo("fj-1");
    }

    @Test
    void everySignatureAGiteaDeliveryCarriesMustVerify() {
        // a correct X-Gitea-Signature does not excuse a wrong GitHub-style one next to it
        Map<String, String> mixed = edit(GITEA_HEADERS, h -> {
            h.put("x-hub-signature-256", "sha256=" + "0".repeat(64));
            return h;
        });
        assertRejected(receiver.receive(Forge.GITEA, mixed, Fixtures.bytes(GITEA_BODY), secrets), 401,
                "X-Hub-Signature-256 does not match the body");
    }

    @Test
    void githubSignatureWithoutPrefixOrWithBadHexIsRejected() {
        byte[] body = Fixtures.bytes(GITHUB_BODY);
        String hmac = Fixtures.hmacHex(SECRET, body);
        Map<String, String> bare = edit(GITHUB_HEADERS, h -> {
            h.put("x-hub-signature-256", hmac);
            return h;
        });
        assertRejected(receiver.receive(Forge.GITHUB, bare, body, secrets), 401, "must start with sha256=");
        Map<String, String> notHex = edit(GITHUB_HEADERS, h -> {
            h.put("x-hub-signature-256", "sha256=" + "zz" + hmac.substring(2));
            return h;
        });
        assertRejected(receiver.receive(Forge.GITHUB, notHex, body, secrets), 401, "does not match");
        // upper-case hex is the same HMAC
        Map<String, String> upper = edit(GITHUB_HEADERS, h -> {
            h.put("x-hub-signature-256", "sha256=" + hmac.toUpperCase(Locale.ROOT));
            return h;
        });
        assertThat(receiver.receive(Forge.GITHUB, upper, body, secrets)).isInstanceOf(Accepted.class);
    }

    @Test
    void gitlabTokenIsComparedWhole() {
        byte[] body = Fixtures.bytes(GITLAB_BODY);
        for (String token : new String[] {"buildrunner-test-secre", "buildrunner-test-secret2",
                "BUILDRUNNER-TEST-SECRET", "x"}) {
            assertRejected(receiver.receive(Forge.GITLAB, Fixtures.gitlab(token, "Push Hook", "u-1"), body, secrets),
                    401, "X-Gitlab-Token does not match");
        }
        assertThat(receiver.receive(Forge.GITLAB, Fixtures.gitlab(SECRET, "Push Hook", "u-1"), body, secrets))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, String> shouted = new LinkedHashMap<>();
        Fixtures.headers(GITHUB_HEADERS).forEach((k, v) -> shouted.put(k.toUpperCase(Locale.ROOT), v));
        WebhookDecision d = receiver.receive(Forge.GITHUB, shouted, Fixtures.bytes(GITHUB_BODY), secrets);
        assertThat(((Accepted) d).event().deliveryId()).isEqualTo("0b989ba4-242f-11e5-81e1-c7b6966d2516");
    }

    @Test
    void perRepositorySecretWinsOverTheServerWideOne() {
        SecretLookup perRepo = SecretLookup.of(Map.of("codertocat/hello-world", SECRET), Optional.of("server-secret"));
        assertThat(github(perRepo)).isInstanceOf(Accepted.class);
        // Gitea's alice/demo has no own secret: the server-wide one applies, and the delivery was signed with another
        assertRejected(gitea(perRepo), 401, "does not match");
    }

    @Test
    void sizeAndMediaTypeAreCheckedFirst() {
        byte[] big = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];
        assertRejected(receiver.receive(Forge.GITHUB, Fixtures.headers(GITHUB_HEADERS), big, secrets), 413,
                "exceeds the limit of 26214400");
        Map<String, String> form = edit(GITHUB_HEADERS, h -> {
            h.put("content-type", "application/x-www-form-urlencoded");
            return h;
        });
        assertRejected(receiver.receive(Forge.GITHUB, form, Fixtures.bytes(GITHUB_BODY), secrets), 415,
                "Content-Type must be application/json, got 'application/x-www-form-urlencoded'");
        Map<String, String> none = edit(GITHUB_HEADERS, h -> without(h, "content-type"));
        assertRejected(receiver.receive(Forge.GITHUB, none, Fixtures.bytes(GITHUB_BODY), secrets), 415, "got none");
        Map<String, String> charset = edit(GITHUB_HEADERS, h -> {
            h.put("content-type", "application/json; charset=utf-8");
            return h;
        });
        assertThat(receiver.receive(Forge.GITHUB, charset, Fixtures.bytes(GITHUB_BODY), secrets))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void malformedJsonIsA400OnlyOnceTheSignatureVerified() {
        byte[] broken = "{\"ref\": \"refs/heads/main\", ".getBytes(StandardCharsets.UTF_8);
        assertRejected(receiver.receive(Forge.GITHUB, Fixtures.github(broken, "not-the-secret", "push", "m-1"), broken,
                secrets), 401, "does not match");
        assertRejected(receiver.receive(Forge.GITHUB, Fixtures.github(broken, SECRET, "push", "m-1"), broken, secrets),
                400, "malformed JSON");
        for (String text : new String[] {"[1, 2]", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1, \"a\": 2}", ""}) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            assertRejected(receiver.receive(Forge.GITHUB, Fixtures.github(body, SECRET, "push", "m-2"), body, secrets),
                    400, "malformed JSON");
        }
    }

    @Test
    void missingOrInvalidFieldsAreNamed() {
        assertField("{\"before\":\"" + Fixtures.ZERO + "\",\"after\":\"" + "a".repeat(40) + "\"}", "missing ref");
        assertField("{\"ref\":\"refs/heads/main\",\"after\":\"" + "a".repeat(40) + "\"}", "missing before");
        assertField("{\"ref\":\"refs/heads/main\",\"before\":\"" + "a".repeat(40) + "\"}", "missing after");
        String ids = "\"before\":\"" + Fixtures.ZERO + "\",\"after\":\"" + "a".repeat(40) + "\"";
        assertField("{\"ref\":\"refs/heads/main\"," + ids + "}", "missing repository");
        assertField("{\"ref\":\"refs/heads/main\"," + ids + ",\"repository\":{\"clone_url\":\"https://x/y.git\"}}",
                "missing repository.full_name");
        assertField("{\"ref\":\"refs/heads/main\"," + ids + ",\"repository\":{\"full_name\":\"a/b\"}}",
                "missing repository.clone_url");
        String repo = ",\"repository\":{\"full_name\":\"a/b\",\"clone_url\":\"https://x/a/b.git\"}";
        assertField("{\"ref\":\"main\"," + ids + repo + "}", "invalid ref: 'main'");
        assertField("{\"ref\":\"refs/heads/a b\"," + ids + repo + "}", "invalid ref");
        assertField("{\"ref\":\"refs/heads/main\",\"before\":\"abc\",\"after\":\"" + "a".repeat(40) + "\"" + repo + "}",
                "invalid before: expected 40 or 64 hex digits, got 'abc'");
        String zeros = "\"before\":\"" + Fixtures.ZERO + "\",\"after\":\"" + Fixtures.ZERO + "\"";
        assertField("{\"ref\":\"refs/heads/main\"," + zeros + repo + "}", "both are the zero id");
        assertField("{\"ref\":\"refs/heads/main\"," + ids + ",\"repository\":{\"full_name\":\"../etc\","
                + "\"clone_url\":\"https://x/a/b.git\"}}", "invalid repository.full_name: '../etc'");
        assertField("{\"ref\":\"refs/heads/main\"," + ids + ",\"repository\":{\"full_name\":\"a/b\","
                + "\"clone_url\":\"file:///etc/passwd\"}}", "invalid repository.clone_url: not an http(s) URL");
        assertField("{\"ref\":\"refs/heads/main\"," + ids + repo + ",\"forced\":\"yes\"}",
                "invalid forced: expected true or false");
    }

    private void assertField(String json, String reason) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertRejected(receiver.receive(Forge.GITHUB, Fixtures.github(body, SECRET, "push", "f-1"), body, secrets), 400,
                reason);
    }

    @Test
    void nonPushEventsAreIgnoredAfterVerification() {
        byte[] ping = "{\"zen\":\"Design for failure.\",\"hook_id\":1,\"repository\":{\"full_name\":\"acme/widgets\"}}"
                .getBytes(StandardCharsets.UTF_8);
        WebhookDecision d = receiver.receive(Forge.GITHUB, Fixtures.github(ping, SECRET, "ping", "p-1"), ping, secrets);
        assertThat(d).isEqualTo(new Ignored("ping"));
        assertThat(d.httpStatus()).isEqualTo(200);
        assertRejected(receiver.receive(Forge.GITHUB, Fixtures.github(ping, "wrong", "ping", "p-1"), ping, secrets),
                401, "does not match");

        byte[] body = Fixtures.bytes(GITEA_BODY);
        assertThat(receiver.receive(Forge.GITEA, Fixtures.gitea(body, SECRET, "create", "c-1"), body, secrets))
                .isEqualTo(new Ignored("create"));
        byte[] gitlab = Fixtures.bytes(GITLAB_BODY);
        assertThat(receiver.receive(Forge.GITLAB, Fixtures.gitlab(SECRET, "Merge Request Hook", "u"), gitlab, secrets))
                .isEqualTo(new Ignored("Merge Request Hook"));
        assertThat(receiver.receive(Forge.GITLAB, Fixtures.gitlab(SECRET, "Tag Push Hook", "u"), gitlab, secrets))
                .isInstanceOf(Accepted.class);
        Map<String, String> noEvent = without(new LinkedHashMap<>(Fixtures.github(body, SECRET, "push", "x")),
                "X-GitHub-Event");
        assertRejected(receiver.receive(Forge.GITHUB, noEvent, body, secrets), 400, "missing X-GitHub-Event header");
    }

    @Test
    void deliveryIdFallsBackToIdempotencyKeyThenToTheBodyHash() throws Exception {
        byte[] gitlab = Fixtures.bytes(GITLAB_BODY);
        Map<String, String> idem = edit(GITLAB_HEADERS, h -> without(h, "x-gitlab-event-uuid"));
        assertThat(((Accepted) receiver.receive(Forge.GITLAB, idem, gitlab, secrets)).event().deliveryId())
                .isEqualTo("f5b2a1c4-6d7e-4f80-9a1b-2c3d4e5f6a7b");
        Map<String, String> none = without(idem, "idempotency-key");
        String expected = "body-sha256:"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gitlab));
        assertThat(((Accepted) receiver.receive(Forge.GITLAB, none, gitlab, secrets)).event().deliveryId())
                .isEqualTo(expected);
        Map<String, String> odd = edit(GITHUB_HEADERS, h -> {
            h.put("x-github-delivery", "id with spaces");
            return h;
        });
        assertRejected(receiver.receive(Forge.GITHUB, odd, Fixtures.bytes(GITHUB_BODY), secrets), 400,
                "invalid X-GitHub-Delivery header");
    }
}
