package dev.buildrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildrunner.forge.status.ContractSchemas;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push webhooks from GitHub and Gitea with their real payloads (contracts/github/examples and
 * specs/webhooks), ids rewritten to a local "forge" repository's commits and signed: the server
 * mirrors the repository, plans, and serves the statuses in GitHub's shape.
 */
class WebhookPushTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String SECRET = "webhook-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private BuildRunnerServer server;
    private Path forge;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        // The "forge" is a repository hosted over HTTP by the same server (upstream/shop); the
        // webhook names it acme/shop, so the server mirrors it from its clone URL with the fetch token.
        server = BuildRunnerServer.start(new ServerConfig(tmp.resolve("data"), "127.0.0.1", 0, "", Optional.of(SECRET),
                java.util.Map.of(), Optional.of(TOKEN), List.of(), List.of()), new AdminToken(TOKEN, false), Clock.systemUTC());
        server.repositories().create(new dev.buildrunner.pipeline.RepositoryName("upstream", "shop"));
        cloneUrl = "http://127.0.0.1:" + server.port() + "/git/upstream/shop.git";
        forge = tmp.resolve("forge/shop");
        Files.createDirectories(forge);
        EmbeddedPushTest.git(forge, "init", "-q");
        Files.createDirectories(forge.resolve(".buildrunner"));
        Files.writeString(forge.resolve(".buildrunner/PROJECT_SPEC.md"),
                EmbeddedPushTest.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));
        EmbeddedPushTest.git(forge, "add", "-A");
        EmbeddedPushTest.git(forge, "commit", "-q", "-m", "Add the spec");
        EmbeddedPushTest.git(forge, "push", "-q", cloneUrl.replace("http://", "http://x:" + TOKEN + "@"), "main");
    }

    private String cloneUrl;

    @AfterEach
    void stop() {
        server.close();
    }

    private String head() throws Exception {
        return EmbeddedPushTest.git(forge, "rev-parse", "HEAD").strip();
    }

    /** A real payload with the repository, clone URL, ref and ids rewritten to the local forge. */
    private byte[] payload(String resource, String before, String after) throws IOException {
        ObjectNode p;
        try (var in = getClass().getResourceAsStream(resource)) {
            p = (ObjectNode) JSON.readTree(in);
        }
        p.put("ref", "refs/heads/main").put("before", before).put("after", after);
        ObjectNode repo = (ObjectNode) p.get("repository");
        repo.put("full_name", "acme/shop").put("name", "shop").put("clone_url", cloneUrl)
                .put("default_branch", "main");
        return JSON.writeValueAsBytes(p);
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private HttpResponse<String> deliver(String forgeName, byte[] body, String deliveryId, String signatureHeader,
            String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/webhooks/"
                + forgeName)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (forgeName.equals("github")) {
            b.header("X-GitHub-Event", "push").header("X-GitHub-Delivery", deliveryId);
        } else {
            b.header("X-Gitea-Event", "push").header("X-Gitea-Delivery", deliveryId);
        }
        if (signature != null) {
            b.header(signatureHeader, signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "token " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    /** Waits (bounded) until the plan status of the commit is final; returns the combined status. */
    private JsonNode awaitPlanned(String sha) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode list = api("/api/repos/acme/shop/commits/" + sha + "/statuses");
            if (list != null) {
                for (JsonNode s : list) {
                    if (s.get("context").asText().equals("buildrunner/plan") && !s.get("state").asText().equals("pending")) {
                        return api("/api/repos/acme/shop/commits/" + sha + "/status");
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no final buildrunner/plan status for " + sha + " within 15 s");
    }

    @Test
    void githubPushIsMirroredPlannedAndReportedInGitHubsShape() throws Exception {
        String sha = head();
        byte[] body = payload("/contracts/github/examples/push.branch-created.json", "0".repeat(40), sha);

        HttpResponse<String> ack = deliver("github", body, UUID.randomUUID().toString(), "X-Hub-Signature-256",
                "sha256=" + hmac(body));

        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
        JsonNode combined = awaitPlanned(sha);
        assertThat(combined.get("state").asText()).isEqualTo("success");
        assertThat(combined.get("total_count").asInt()).isEqualTo(2);
        ContractSchemas schemas = new ContractSchemas();
        assertThat(schemas.errors("github/combined-commit-status.response.schema.json", combined)).isEmpty();
        JsonNode list = api("/api/repos/acme/shop/commits/" + sha + "/statuses");
        assertThat(schemas.errors("github/list-commit-statuses.response.schema.json", list)).isEmpty();
        assertThat(list).hasSize(4); // pending + outcome for spec and plan
        JsonNode plan = api("/api/repos/acme/shop/plan");
        assertThat(plan.get("tasks").size()).isGreaterThan(10);
        assertThat(api("/api/repos/acme/shop/prd/versions").get(0).get("sourceCommit").asText()).isEqualTo(sha);
    }

    @Test
    void giteaPushWithItsRealPayloadAndBareHexSignature() throws Exception {
        String sha = head();
        byte[] body = payload("/specs/webhooks/gitea-push.json", "0".repeat(40), sha);

        HttpResponse<String> ack = deliver("gitea", body, UUID.randomUUID().toString(), "X-Gitea-Signature", hmac(body));

        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
        assertThat(awaitPlanned(sha).get("state").asText()).isEqualTo("success");
    }

    @Test
    void badOrMissingSignatureIs401AndWritesNothing() throws Exception {
        byte[] body = payload("/contracts/github/examples/push.branch-created.json", "0".repeat(40), head());
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;

        assertThat(deliver("github", tampered, UUID.randomUUID().toString(), "X-Hub-Signature-256",
                "sha256=" + hmac(body)).statusCode()).isEqualTo(401);
        assertThat(deliver("github", body, UUID.randomUUID().toString(), "X-Hub-Signature-256", null).statusCode())
                .isEqualTo(401);
        assertThat(deliver("gitea", body, UUID.randomUUID().toString(), "X-Gitea-Signature", "sha256=" + hmac(body))
                .statusCode()).isEqualTo(401);

        Thread.sleep(200);
        assertThat(server.repositories().list()).as("no mirror created").extracting(Object::toString)
                .containsExactly("upstream/shop");
        assertThat(Files.list(tmp.resolve("data/journal")).mapToLong(f -> f.toFile().length()).sum())
                .as("nothing journaled beyond the empty journal").isLessThan(64);
    }

    @Test
    void aReplayedDeliveryIsProcessedOnce() throws Exception {
        String first = head();
        byte[] created = payload("/contracts/github/examples/push.branch-created.json", "0".repeat(40), first);
        String id = UUID.randomUUID().toString();
        assertThat(deliver("github", created, id, "X-Hub-Signature-256", "sha256=" + hmac(created)).statusCode()).isEqualTo(202);
        awaitPlanned(first);

        HttpResponse<String> replay = deliver("github", created, id, "X-Hub-Signature-256", "sha256=" + hmac(created));
        // the same push under another delivery id (a second hook): also a duplicate
        HttpResponse<String> secondHook = deliver("github", created, UUID.randomUUID().toString(), "X-Hub-Signature-256",
                "sha256=" + hmac(created));

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("duplicate");
        assertThat(secondHook.statusCode()).isEqualTo(200);
        Thread.sleep(300);
        assertThat(api("/api/repos/acme/shop/prd/versions")).hasSize(1);
        assertThat(api("/api/repos/acme/shop/commits/" + first + "/statuses")).hasSize(4);
    }
}
