package dev.buildrunner.forge.webhook;

import static dev.buildrunner.forge.webhook.Fixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receiver and journal together, as a web route uses them: a recorded delivery is journaled once,
 * its redelivery and the same push from a second hook are duplicates, a bad signature writes
 * nothing; and over real HTTP through a three-line Javalin route.
 */
class WebhookInboxTest {
    private static final String GITHUB_BODY = "/contracts/github/examples/push.branch-created.json";
    private static final String GITHUB_HEADERS = "/contracts/github/examples/push.branch-created.headers.json";

    @TempDir
    Path dir;

    @Test
    void aDeliveryIsJournaledOnceAndNothingUnverifiedIsWritten() throws IOException {
        byte[] body = Fixtures.bytes(GITHUB_BODY);
        try (DeliveryJournal journal = DeliveryJournal.open(dir)) {
            WebhookInbox inbox = new WebhookInbox(new WebhookReceiver(), SecretLookup.serverWide(SECRET), journal);
            long emptySize = Files.size(dir.resolve(JournalFiles.JOURNAL));

            WebhookInbox.Reply bad = inbox.receive(Forge.GITHUB, Fixtures.github(body, "guess", "push", "x-1"), body);
            assertThat(bad).isEqualTo(new WebhookInbox.Reply(401, "X-Hub-Signature-256 does not match the body",
                    Optional.empty()));
            assertThat(journal.pending()).isEmpty();
            assertThat(Files.size(dir.resolve(JournalFiles.JOURNAL))).isEqualTo(emptySize);

            WebhookInbox.Reply first = inbox.receive(Forge.GITHUB, Fixtures.headers(GITHUB_HEADERS), body);
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.message())
                    .isEqualTo("journaled Codertocat/Hello-World refs/heads/master 0000000..6113728 as #1");
            assertThat(first.journaled()).isPresent();
            assertThat(journal.pending()).containsExactly(first.journaled().get());
            assertThat(first.journaled().get().event().deliveryId()).isEqualTo("0b989ba4-242f-11e5-81e1-c7b6966d2516");

            WebhookInbox.Reply redelivery = inbox.receive(Forge.GITHUB, Fixtures.headers(GITHUB_HEADERS), body);
            assertThat(redelivery).isEqualTo(new WebhookInbox.Reply(200,
                    "duplicate: delivery id 0b989ba4-242f-11e5-81e1-c7b6966d2516 already journaled as #1",
                    Optional.empty()));
            WebhookInbox.Reply secondHook = inbox.receive(Forge.GITHUB,
                    Fixtures.github(body, SECRET, "push", "72d3162e-cc78-11e3-81ab-4c9367dc0958"), body);
            assertThat(secondHook.status()).isEqualTo(200);
            assertThat(secondHook.message()).startsWith("duplicate: push Codertocat/Hello-World refs/heads/master");

            byte[] ping = "{\"zen\":\"Keep it logically awesome.\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(inbox.receive(Forge.GITHUB, Fixtures.github(ping, SECRET, "ping", "p"), ping))
                    .isEqualTo(new WebhookInbox.Reply(200, "ignored event ping", Optional.empty()));

            byte[] gitea = Fixtures.bytes("/contracts/gitea/examples/push.json");
            Map<String, String> giteaHeaders = Fixtures.headers("/contracts/gitea/examples/push.headers.json");
            assertThat(inbox.receive(Forge.GITEA, giteaHeaders, gitea).status()).isEqualTo(202);
            byte[] gitlab = Fixtures.bytes("/contracts/gitlab/examples/push.json");
            assertThat(inbox.receive(Forge.GITLAB, Fixtures.headers("/contracts/gitlab/examples/push.headers.json"),
                    gitlab).status()).isEqualTo(202);
            assertThat(journal.pending()).extracting(e -> e.event().forge())
                    .containsExactly(Forge.GITHUB, Forge.GITEA, Forge.GITLAB);
        }
    }

    @Test
    void aThreeLineJavalinRouteOverRealHttp() throws Exception {
        try (DeliveryJournal journal = DeliveryJournal.open(dir)) {
            WebhookInbox inbox = new WebhookInbox(new WebhookReceiver(), SecretLookup.serverWide(SECRET), journal);
            Javalin app = Javalin.create(config -> {
                config.http.maxRequestSize = WebhookReceiver.MAX_BODY_BYTES;
                config.routes.post("/webhooks/github", ctx -> {
                    WebhookInbox.Reply r = inbox.receive(Forge.GITHUB, ctx.headerMap(), ctx.bodyAsBytes());
                    ctx.status(r.status()).result(r.message());
                });
            }).start(0);
            try {
                HttpClient client = HttpClient.newHttpClient();
                byte[] body = Fixtures.bytes(GITHUB_BODY);
                HttpResponse<String> ok = client.send(request(app.port(), Fixtures.headers(GITHUB_HEADERS), body),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ok.statusCode()).isEqualTo(202);
                assertThat(ok.body()).endsWith("as #1");
                HttpResponse<String> again = client.send(request(app.port(), Fixtures.headers(GITHUB_HEADERS), body),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(again.statusCode()).isEqualTo(200);
                byte[] tampered = body.clone();
                tampered[tampered.length - 1] = ' ';
                HttpResponse<String> bad = client.send(request(app.port(), Fixtures.headers(GITHUB_HEADERS), tampered),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(bad.statusCode()).isEqualTo(401);
                assertThat(journal.pending()).hasSize(1);
            } finally {
                app.stop();
            }
        }
    }

    private static HttpRequest request(int port, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/github"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return b.build();
    }
}
