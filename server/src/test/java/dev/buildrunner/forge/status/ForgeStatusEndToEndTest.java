package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildrunner.pipeline.RepositoryName;
import dev.buildrunner.web.AdminToken;
import dev.buildrunner.web.BuildRunnerServer;
import dev.buildrunner.web.ServerConfig;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forge mode end to end: a signed GitHub push webhook for a mirrored repository ends with
 * {@code buildrunner/spec} and {@code buildrunner/plan} posted to the (fake, contract-enforcing)
 * GitHub status API on the pushed commit, through the durable outbox.
 */
class ForgeStatusEndToEndTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String SECRET = "webhook-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Dev", "-c", "user.email=dev@example.com",
                "-c", "init.defaultBranch=main", "-c", "credential.helper="));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", args) + ": " + out).isTrue();
        return out;
    }

    @Test
    void pushWebhookEndsAsStatusesOnTheForge() throws Exception {
        try (FakeForge forge = new FakeForge(Clock.systemUTC())) {
            StatusSink github = new GitHubStatusSink(forge.base(), FakeForge.TOKEN, HttpClient.newHttpClient(),
                    Clock.systemUTC());
            try (BuildRunnerServer server = BuildRunnerServer.start(new ServerConfig(tmp.resolve("data"), "127.0.0.1", 0,
                    "", Optional.of(SECRET), Map.of("github", github), Optional.of(TOKEN), List.of(), List.of()),
                    new AdminToken(TOKEN, false), Clock.systemUTC())) {
                server.repositories().create(new RepositoryName("upstream", "shop"));
                String cloneUrl = "http://127.0.0.1:" + server.port() + "/git/upstream/shop.git";
                Path work = tmp.resolve("work");
                Files.createDirectories(work.resolve(".buildrunner"));
                git(work, "init", "-q");
                try (var in = getClass().getResourceAsStream("/specs/project-spec/br3-examples-SAMPLE_SPEC.md")) {
                    Files.write(work.resolve(".buildrunner/PROJECT_SPEC.md"), in.readAllBytes());
                }
                git(work, "add", "-A");
                git(work, "commit", "-q", "-m", "Add the spec");
                git(work, "push", "-q", cloneUrl.replace("http://", "http://x:" + TOKEN + "@"), "main");
                String sha = git(work, "rev-parse", "HEAD").strip();

                ObjectNode payload;
                try (var in = getClass().getResourceAsStream("/contracts/github/examples/push.branch-created.json")) {
                    payload = (ObjectNode) JSON.readTree(in);
                }
                payload.put("ref", "refs/heads/main").put("before", "0".repeat(40)).put("after", sha);
                ((ObjectNode) payload.get("repository")).put("full_name", "acme/shop").put("clone_url", cloneUrl)
                        .put("default_branch", "main");
                byte[] body = JSON.writeValueAsBytes(payload);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                HttpResponse<String> ack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/webhooks/github"))
                        .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", UUID.randomUUID().toString())
                        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (finalStates(forge, sha).size() < 2) {
                    assertThat(System.nanoTime()).as("forge got %s", forge.calls()).isLessThan(deadline);
                    Thread.sleep(50);
                }
                assertThat(finalStates(forge, sha)).containsExactlyInAnyOrder("buildrunner/spec success",
                        "buildrunner/plan success");
                assertThat(forge.calls()).allSatisfy(c -> assertThat(c.path()).isEqualTo("/repos/acme/shop/statuses/" + sha));
                assertThat(forge.calls()).allSatisfy(c -> assertThat(c.status()).isEqualTo(201));
            }
        }
    }

    private static List<String> finalStates(FakeForge forge, String sha) {
        return forge.stored().stream().filter(s -> s.sha().equals(sha) && !s.state().equals("pending"))
                .map(s -> s.context() + " " + s.state()).distinct().toList();
    }
}
