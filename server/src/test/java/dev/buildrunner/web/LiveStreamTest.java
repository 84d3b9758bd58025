package dev.buildrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-repository WebSocket stream ({@code WS /api/repos/OWNER/NAME/stream}, issue 4 item 7)
 * with the JDK's WebSocket client: a push of a spec change with the real {@code git} client
 * reaches every client of that repository as JSON events with the commit ids, and only them; a
 * client without the token is closed with 1008 (policy violation, RFC 6455 section 7.4.1).
 */
class LiveStreamTest {
    private static final String TOKEN = "stream-test-token-0123456789abcdef";
    private static final String CRITERION = "- Sessions expire after 24 hours";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What one push of a valid spec on the default branch sends, in the pipeline's order. */
    private static final List<String> PUSH_EVENTS = List.of("status buildrunner/spec pending",
            "status buildrunner/plan pending", "status buildrunner/spec success", "spec_updated", "plan_regenerated",
            "status buildrunner/plan success");

    @TempDir
    Path tmp;

    private BuildRunnerServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = BuildRunnerServer.start(ServerConfig.embedded(tmp.resolve("data"), "127.0.0.1", 0, Optional.empty())
                        .withAnalysers(java.util.List.of()),
                new AdminToken(TOKEN, false), Clock.systemUTC());
        for (String name : List.of("shop", "other")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base("http") + "/api/repos"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"acme\",\"name\":\"" + name + "\"}"))
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        sockets.forEach(WebSocket::abort);
        server.close();
    }

    private String base(String scheme) {
        return scheme + "://127.0.0.1:" + server.port();
    }

    @Test
    void everyClientOfTheRepositoryGetsTheEventsOfAPushAndOnlyThose() throws Exception {
        Path shop = cloneWithSpec("shop");
        String stateBefore = stateHead(shop);
        Client byHeader = connect("/api/repos/acme/shop/stream", true);
        Client byQuery = connect("/api/repos/acme/shop/stream?access_token=" + TOKEN, false);
        Client otherRepo = connect("/api/repos/acme/other/stream", true);

        Files.writeString(shop.resolve(".buildrunner/PROJECT_SPEC.md"),
                spec().replace(CRITERION, "- Sessions expire after 12 hours"));
        EmbeddedPushTest.git(shop, "commit", "-q", "-a", "-m", "Shorter sessions");
        String sha = EmbeddedPushTest.git(shop, "rev-parse", "HEAD").strip();
        EmbeddedPushTest.git(shop, "push", "-q", "origin", "main");
        String stateAfter = stateHead(shop);
        assertThat(stateAfter).as("the push regenerated the plan").isNotEqualTo(stateBefore);

        for (Client c : List.of(byHeader, byQuery)) {
            List<JsonNode> events = c.await(e -> e.get("type").asText().equals("status")
                    && e.get("detail").asText().startsWith("buildrunner/plan success"));
            assertThat(events).extracting(LiveStreamTest::describe).as(c.name).containsExactlyElementsOf(PUSH_EVENTS);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.get("repository").asText()).isEqualTo("acme/shop");
                assertThat(e.get("ref").asText()).isEqualTo("refs/heads/main");
                assertThat(e.get("commit").asText()).isEqualTo(sha);
            });
            JsonNode plan = events.stream().filter(e -> e.get("type").asText().equals("plan_regenerated")).findFirst()
                    .orElseThrow();
            assertThat(plan.get("stateCommit").asText()).as("the new buildrunner commit").isEqualTo(stateAfter);
            assertThat(plan.get("detail").asText()).isNotBlank();
        }
        // the other repository's client heard nothing of it, though it is connected and listening:
        // its own repository's push reaches it
        assertThat(otherRepo.received).isEmpty();
        Path other = cloneWithSpec("other");
        String otherSha = EmbeddedPushTest.git(other, "rev-parse", "HEAD").strip();
        List<JsonNode> own = otherRepo.await(e -> e.get("type").asText().equals("status")
                && e.get("detail").asText().startsWith("buildrunner/plan success"));
        assertThat(own).extracting(LiveStreamTest::describe).containsExactlyElementsOf(PUSH_EVENTS);
        assertThat(own).allSatisfy(e -> assertThat(e.get("commit").asText()).isEqualTo(otherSha));
        assertThat(own).allSatisfy(e -> assertThat(e.get("repository").asText()).isEqualTo("acme/other"));
        assertThat(byHeader.received).as("the shop clients heard nothing of the other push")
                .hasSize(PUSH_EVENTS.size());
        assertThat(byQuery.received).hasSize(PUSH_EVENTS.size());
    }

    @Test
    void aClientWithoutTheTokenIsClosedWith1008() throws Exception {
        Client anonymous = connect("/api/repos/acme/shop/stream", false);
        Client wrong = connect("/api/repos/acme/shop/stream?access_token=not-the-token-0123456789", false);

        for (Client c : List.of(anonymous, wrong)) {
            Integer code = c.closed.get(10, TimeUnit.SECONDS);
            assertThat(code).as(c.name).isEqualTo(1008);
            assertThat(c.closeReason).contains("authentication required");
        }
    }

    /** Clones acme/NAME, commits the sample spec and pushes it (the pipeline has run when this returns). */
    private Path cloneWithSpec(String name) throws Exception {
        Path work = tmp.resolve("work-" + name + "-" + System.nanoTime());
        EmbeddedPushTest.git(tmp, "clone", "-q", "http://pusher:" + TOKEN + "@127.0.0.1:" + server.port() + "/git/acme/"
                + name + ".git", work.toString());
        Files.createDirectories(work.resolve(".buildrunner"));
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), spec());
        EmbeddedPushTest.git(work, "add", "-A");
        EmbeddedPushTest.git(work, "commit", "-q", "-m", "Add the spec");
        EmbeddedPushTest.git(work, "push", "-q", "origin", "main");
        return work;
    }

    /** The server's buildrunner branch head, seen from a clone with the git CLI. */
    private static String stateHead(Path clone) throws Exception {
        return EmbeddedPushTest.git(clone, "ls-remote", "origin", "refs/heads/buildrunner").split("\\s")[0];
    }

    private static String spec() throws Exception {
        String spec = EmbeddedPushTest.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        assertThat(spec).contains(CRITERION);
        return spec;
    }

    /** "status CONTEXT STATE" for a status event, else the type. */
    private static String describe(JsonNode e) {
        String type = e.get("type").asText();
        if (!type.equals("status")) {
            return type;
        }
        String[] words = e.get("detail").asText().split(" ", 3);
        return type + " " + words[0] + " " + words[1].replace(":", "");
    }

    private Client connect(String path, boolean bearerHeader) throws Exception {
        Client client = new Client(path);
        WebSocket.Builder b = http.newWebSocketBuilder();
        if (bearerHeader) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        WebSocket ws = b.buildAsync(URI.create(base("ws") + path), client).get(10, TimeUnit.SECONDS);
        sockets.add(ws);
        return client;
    }

    /** A WebSocket client that keeps every JSON message and how the connection closed. */
    private static final class Client implements WebSocket.Listener {
        final String name;
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        volatile String closeReason = "";
        private final StringBuilder partial = new StringBuilder();

        Client(String name) {
            this.name = name;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    closed.completeExceptionally(new AssertionError("not JSON: " + partial, e));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        /** Waits (10 s at most) for a message matching {@code last}; returns every message so far. */
        List<JsonNode> await(Predicate<JsonNode> last) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.stream().noneMatch(last)) {
                assertThat(System.nanoTime()).as("%s: no final event within 10 s; got %s", name, received)
                        .isLessThan(deadline);
                Thread.sleep(10);
            }
            return List.copyOf(received);
        }
    }
}
